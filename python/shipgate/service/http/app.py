"""The aiohttp application: what every route shares (the request clock, request ids, the caller and its
roles, JSON errors), and the route families registered on it.

A route family is a module with ``add_routes(app)``: :mod:`.admission`, :mod:`.metrics`, :mod:`.health`.
Handlers get the caller through :func:`require`, the body through :func:`json_body`, and raise
:class:`~.body.RequestError` for a refusal; nothing they raise reaches the client as a traceback.
"""

from __future__ import annotations

import logging
import re
import ssl
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from shipgate.service.http.body import RequestError, read_json
from shipgate.service.http.listener import ConnectionTable
from shipgate.service.identity import Caller, caller_from_certificate
from shipgate.service.state import ServiceState
from shipgate.textsafe import for_log

log = logging.getLogger("shipgate.service")

# AdmissionReview bodies carry the whole object; Kubernetes caps a request at 3 MiB.
MAX_BODY_BYTES = 4 << 20
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

STATE = web.AppKey("state", ServiceState)
TABLE = web.AppKey("connections", ConnectionTable)
_CALLER = "shipgate.caller"
_REQUEST_ID_KEY = "shipgate.request_id"
_DEADLINE = "shipgate.deadline"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def json_response(status: int, payload: Any, request: web.Request) -> web.Response:
    return web.json_response(payload, status=status, headers={"X-Request-Id": request_id(request)})


def request_id(request: web.Request) -> str:
    return str(request.get(_REQUEST_ID_KEY, ""))


def state_of(request: web.Request) -> ServiceState:
    return request.app[STATE]


def require(request: web.Request, role: str) -> Caller:
    """The caller, if it has ``role``; else a 403 naming the role."""
    caller: Caller = request[_CALLER]
    if not caller.has(role):
        raise RequestError(403, f"{request.path} needs the {role} role; {for_log(caller.name)} lacks it")
    return caller


async def json_body(request: web.Request) -> Any:
    """The body as JSON, bounded in bytes, depth and by the request's deadline."""
    return await read_json(request, request[_DEADLINE])


def _caller(request: web.Request, state: ServiceState) -> Caller:
    ssl_object = request.transport.get_extra_info("ssl_object") if request.transport else None
    cert = ssl_object.getpeercert(binary_form=True) if isinstance(ssl_object, ssl.SSLObject) else None
    return caller_from_certificate(cert, state.config)


@web.middleware
async def _guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The request clock, the request id and the caller around every handler; every error as JSON."""
    table = request.app[TABLE]
    guard = table.guard_of(request.transport)
    request[_DEADLINE] = guard.request_started() if guard else request.loop.time() + table.limits.request_seconds
    given = request.headers.get("X-Request-Id", "")
    request[_REQUEST_ID_KEY] = given if _REQUEST_ID.match(given) else uuid.uuid4().hex[:16]
    try:
        request[_CALLER] = _caller(request, request.app[STATE])
        return await handler(request)
    except RequestError as exc:
        return json_response(exc.status, {"error": exc.message}, request)
    except web.HTTPException as exc:  # aiohttp's own: no route, method not allowed
        reason = f"no route {request.method} {for_log(request.path)}" if exc.status == 404 else exc.reason
        return json_response(exc.status, {"error": reason}, request)
    except Exception:
        log.exception("http request failed", extra={"event": "http.error", "request_id": request_id(request)})
        message = f"internal error; see the server log (request {request_id(request)})"
        return json_response(500, {"error": message}, request)
    finally:
        if guard is not None:
            guard.request_finished()


def build_app(state: ServiceState, table: ConnectionTable) -> web.Application:
    from shipgate.service.http import admission, health, metrics

    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[_guarded])
    app[STATE] = state
    app[TABLE] = table
    for family in (admission, metrics, health):
        family.add_routes(app)
    return app
