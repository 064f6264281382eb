"""``GET /healthz``: 200 ``ok`` while serving, 503 ``draining`` once shutdown began. No role: it says nothing
but whether to send traffic here.

``GET /v1/health``: the same answer as JSON with each advisory-feed poller's state,
``{"status": "ok"|"draining", "pollers": [{"vendor", "source", "last_attempt", "last_status", "last_code",
"last_error", "last_success", "next_poll", "failures", ...}]}`` (200, or 503 while draining). It names feed
sources and their errors, so it needs the ``status`` role, like the status page.
"""

from __future__ import annotations

from aiohttp import web

from shipgate.service.http.app import json_response, require, state_of


def add_routes(app: web.Application) -> None:
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/v1/health", health_detail)


async def healthz(request: web.Request) -> web.Response:
    if state_of(request).draining:
        return web.Response(status=503, text="draining\n")
    return web.Response(status=200, text="ok\n")


async def health_detail(request: web.Request) -> web.Response:
    require(request, "status")
    state = state_of(request)
    pollers = state.background.status() if state.background is not None else []
    status = "draining" if state.draining else "ok"
    return json_response(503 if state.draining else 200, {"status": status, "pollers": pollers}, request)
