"""``PUT|POST /v1/verify`` (and ``/v1/verify/<file name>``, what ``curl -T pkg.zip URL/`` sends): verify a raw
request body for a pipeline and answer with the report.

The body goes through the same upload as gRPC ``Verify`` (:mod:`.intake`: the same slots, checks, spool,
deadlines and verifier, which stores the verdict); the answer is the report of ``shipgate verify --json``
(HTML with ``Accept: text/html``), 200 whatever the verdict unless ``?fail_on=warn|deny`` asks for a 422 at or
above it (so that ``curl --fail`` fails a pipeline). Needs the ``uploader`` role.
"""

from __future__ import annotations

import contextlib

from aiohttp import web

from shipgate.service.http.app import require
from shipgate.service.http.body import RequestError
from shipgate.service.http.intake import no_early_continue, receive, report_response

RANK = {"allow": 0, "warn": 1, "deny": 2}
CLIENT_CLOSED = 499  # nginx's word for "the client closed the request"; nobody reads this answer


def add_routes(app: web.Application) -> None:
    for method in ("PUT", "POST"):
        app.router.add_route(method, "/v1/verify", verify, expect_handler=no_early_continue)
        app.router.add_route(method, "/v1/verify/{name}", verify, expect_handler=no_early_continue)


def _fail_on(request: web.Request) -> int | None:
    given = request.query.get("fail_on")
    if given is None:
        return None
    if given not in ("warn", "deny"):
        raise RequestError(400, "fail_on must be warn or deny")
    return RANK[given]


async def verify(request: web.Request) -> web.StreamResponse:
    caller = require(request, "uploader")
    fail_on = _fail_on(request)
    async with contextlib.AsyncExitStack() as stack:
        received = await receive(
            request, caller, stack, default_name=request.match_info.get("name", ""), own=("fail_on",)
        )
    if received is None:
        return web.Response(status=CLIENT_CLOSED)
    report = received.report
    failed = fail_on is not None and RANK[str(report.verdict)] >= fail_on
    return report_response(request, report, status=422 if failed else 200)
