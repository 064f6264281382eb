"""``GET /healthz``: 200 ``ok`` while serving, 503 ``draining`` once shutdown began. No role: it says nothing
but whether to send traffic here."""

from __future__ import annotations

from aiohttp import web

from shipgate.service.http.app import state_of


def add_routes(app: web.Application) -> None:
    app.router.add_get("/healthz", healthz)


async def healthz(request: web.Request) -> web.Response:
    if state_of(request).draining:
        return web.Response(status=503, text="draining\n")
    return web.Response(status=200, text="ok\n")
