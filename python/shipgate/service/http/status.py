"""The status page: ``GET /`` (server-rendered, whole), ``GET /status/events`` (Server-Sent Events: the sections
that changed, as HTML, about once a second while something happens), ``GET /verdicts/<sha256>`` (one stored
verdict, HTML or JSON by ``Accept``), and the page's stylesheet and script.

The page and what it links to need the ``status`` role (an mTLS identity or a bearer token on its list,
docs/service-face.md); its two assets need none (they hold no data). Every answer carries a strict
Content-Security-Policy: the page runs only its own script and style, connects only to its own events, submits
nothing and cannot be framed. Without JavaScript it reloads itself every few seconds instead.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

from aiohttp import web

import shipgate
from shipgate.errors import MalformedInput
from shipgate.service.http.app import STATE, json_response, require, state_of
from shipgate.service.http.body import RequestError
from shipgate.service.http.intake import wants_html
from shipgate.service.state import ServiceState
from shipgate.service.status.assets import CSS, JS
from shipgate.service.status.render import Health, PageData, page, sections, verdict_page
from shipgate.service.status.snapshot import StoreSnapshots
from shipgate.store import StoreError
from shipgate.store.records import normalize_digest

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
# The event stream: the sections are looked at again this often while nothing wakes it earlier, and a comment
# line goes out when nothing changed for KEEPALIVE_SECONDS (so a proxy keeps the stream and a gone client is seen).
TICK_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0
SNAPSHOTS = web.AppKey("status_snapshots", StoreSnapshots)


def add_routes(app: web.Application) -> None:
    app[SNAPSHOTS] = StoreSnapshots(app[STATE])
    app.router.add_get("/", status_page)
    app.router.add_get("/status/events", status_events)
    app.router.add_get("/status/page.css", stylesheet)
    app.router.add_get("/status/page.js", script)
    app.router.add_get("/verdicts/{digest}", stored_verdict)


def _asset(text: str, content_type: str) -> web.Response:
    headers = {**SECURITY_HEADERS, "Cache-Control": "max-age=300"}
    return web.Response(text=text, content_type=content_type, headers=headers)


async def stylesheet(_: web.Request) -> web.Response:
    return _asset(CSS, "text/css")


async def script(_: web.Request) -> web.Response:
    return _asset(JS, "text/javascript")


def _health(state: ServiceState) -> Health:
    limits = state.config.limits
    return Health(
        serving=not state.draining,
        uploads=state.uploads_in_flight,
        max_uploads=limits.max_concurrent_uploads,
        spool_reserved=state.spool.reserved,
        spool_quota=state.spool.quota_bytes,
        version=shipgate.__version__,
    )


async def _data(request: web.Request) -> PageData:
    state = state_of(request)
    store = await request.app[SNAPSHOTS].current()
    live, ended = state.activity.snapshot()
    pollers = state.background.poll_statuses() if state.background is not None else []
    return PageData(health=_health(state), live=live, ended=ended, store=store, now=datetime.now(UTC), pollers=pollers)


async def status_page(request: web.Request) -> web.Response:
    require(request, "status")
    html = page(await _data(request))
    return web.Response(text=html, content_type="text/html", headers=SECURITY_HEADERS)


async def status_events(request: web.Request) -> web.StreamResponse:
    """One ``status`` event with every section, then one with those that changed, until the client leaves
    or the server drains (the browser reconnects, to another replica if this one is going)."""
    require(request, "status")
    state = state_of(request)
    response = web.StreamResponse(
        headers={**SECURITY_HEADERS, "Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    sent: dict[str, str] = {}
    seen, quiet = -1, 0.0
    loop = asyncio.get_running_loop()
    try:
        while not state.draining:
            now = sections(await _data(request))
            changed = {k: v for k, v in now.items() if sent.get(k) != v}
            if changed:
                await response.write(f"event: status\ndata: {json.dumps(changed)}\n\n".encode())
                sent.update(changed)
                quiet = loop.time()
            elif loop.time() - quiet > KEEPALIVE_SECONDS:
                await response.write(b": keepalive\n\n")
                quiet = loop.time()
            seen = await state.activity.wait(seen, TICK_SECONDS)
    except (ConnectionError, RuntimeError):
        pass  # the client went away (aiohttp raises one or the other for a closed transport)
    return response


async def stored_verdict(request: web.Request) -> web.Response:
    require(request, "status")
    state = state_of(request)
    try:
        _, digest = normalize_digest(request.match_info["digest"])
    except MalformedInput as exc:
        raise RequestError(400, exc.diagnostics()) from None
    loop = asyncio.get_running_loop()
    try:
        record = await loop.run_in_executor(state.lookup_pool, state.store.get_verdict, digest)
    except StoreError as exc:
        raise RequestError(503, f"state store: {exc.diagnostics()}") from None
    if record is None:
        raise RequestError(404, f"no verdict is stored for {digest}")
    if wants_html(request):
        html = verdict_page(record, datetime.now(UTC))
        return web.Response(text=html, content_type="text/html", headers=SECURITY_HEADERS)
    return json_response(200, record.to_dict(), request)
