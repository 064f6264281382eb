"""``GET /metrics``: Prometheus text, for callers with the ``metrics`` role (the scrape collects feed
freshness from the store, so it runs on the lookup pool)."""

from __future__ import annotations

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from shipgate.service.http.app import require, state_of


def add_routes(app: web.Application) -> None:
    app.router.add_get("/metrics", metrics)


async def metrics(request: web.Request) -> web.Response:
    require(request, "metrics")
    registry = state_of(request).metrics.registry
    body = await request.loop.run_in_executor(state_of(request).lookup_pool, generate_latest, registry)
    response = web.Response(body=body)
    response.headers["Content-Type"] = CONTENT_TYPE_LATEST
    return response
