"""``PUT /gate/<path>``: the upload gate in front of a repository that accepts a plain ``PUT`` (Nexus raw,
Artifactory generic, GitLab generic packages, S3 presigned URLs, WebDAV).

1. The route: the longest ``[gate.routes]`` prefix of ``<path>`` names the downstream (404 when none does).
2. The body goes into the spool once and is verified there, exactly as ``PUT /v1/verify`` (:mod:`.intake`);
   the verdict is stored. A client that leaves before its last byte forwards nothing.
3. DENY, or WARN where the route does not forward it: 422 with the report, nothing forwarded; with
   ``quarantine_dir`` the archive and its report are kept there.
4. ALLOW (or a forwarded WARN): the exact verified bytes are ``PUT`` to ``<url><rest of the path>``
   (:mod:`shipgate.service.gate.forward`) while the upload still holds its spool file (and its quota); at
   most ``max_concurrent_uploads`` forwards run at once, the others wait for one to end. The
   downstream's 2xx → the report with ``"gate": {"forwarded": true, ...}`` (201 when the downstream created
   it) and a ``gate.stored`` audit entry; anything else → 502 and nothing recorded as stored.

Needs the ``uploader`` role. Credentials are read at startup (:meth:`Gate.open`) and never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import aiohttp
from aiohttp import web

from shipgate.report.model import Report
from shipgate.service.gate.forward import (
    DownstreamFailed,
    forward_headers,
    put,
    target_url,
    tls_context,
    verified_bytes,
)
from shipgate.service.gate.quarantine import Quarantine
from shipgate.service.gate.settings import GateRoute, GateSettings
from shipgate.service.http.app import STATE, require, state_of
from shipgate.service.http.body import RequestError
from shipgate.service.http.intake import Received, no_early_continue, receive, report_response
from shipgate.service.state import ServiceState
from shipgate.textsafe import for_log

log = logging.getLogger("shipgate.service")

MAX_PATH = 1024
MAX_SEGMENT = 255
CLIENT_CLOSED = 499


@dataclass
class Gate:
    """The gate's runtime: settings, credentials (read once), TLS contexts, the client session."""

    settings: GateSettings
    authorization: dict[str, str | None]
    tls: dict[str, ssl.SSLContext | None]
    quarantine: Quarantine | None
    forwarding: asyncio.Semaphore
    """Forwards in progress: an upload gives its slot back once verified, its forward waits here instead."""
    session: aiohttp.ClientSession | None = None

    @classmethod
    def open(cls, settings: GateSettings, *, concurrent: int) -> Gate:
        """Read every route's secret and open the quarantine (errors name the key, never a secret's value)."""
        return cls(
            settings=settings,
            forwarding=asyncio.Semaphore(concurrent),
            authorization={r.prefix: r.authorization() for r in settings.routes},
            tls={r.prefix: tls_context(r) for r in settings.routes},
            quarantine=Quarantine(settings.quarantine_dir) if settings.quarantine_dir else None,
        )

    async def running(self, _: web.Application) -> AsyncIterator[None]:
        """aiohttp's cleanup context: the client session lives as long as the application."""
        self.session = aiohttp.ClientSession(trust_env=False, auto_decompress=False)
        try:
            yield
        finally:
            await self.session.close()
            if self.quarantine is not None:
                self.quarantine.close()


GATE = web.AppKey("gate", Gate)


@dataclass(frozen=True)
class Target:
    """Where an upload goes: the route, the gate path, and the downstream URL."""

    route: GateRoute
    path: str
    url: str


def add_routes(app: web.Application) -> None:
    config = app[STATE].config
    gate = Gate.open(config.gate, concurrent=config.limits.max_concurrent_uploads)
    app[GATE] = gate
    app.cleanup_ctx.append(gate.running)
    app.router.add_route("PUT", "/gate/{path:.+}", gate_upload, expect_handler=no_early_continue)


def checked_path(path: str) -> str:
    """``path`` if every segment is a plain name (no empty, ``.``, ``..``, control characters or backslashes)."""
    segments = path.split("/")
    if (
        len(path) > MAX_PATH
        or any(s in ("", ".", "..") or len(s) > MAX_SEGMENT for s in segments)
        or not path.isprintable()
        or "\\" in path
    ):
        raise RequestError(400, f"the gate path {for_log(path)!r} is not a plain relative path of names")
    return path


def _forwards(route: GateRoute, verdict: str) -> bool:
    return verdict == "allow" or (verdict == "warn" and route.forward_warn)


async def gate_upload(request: web.Request) -> web.StreamResponse:
    caller = require(request, "uploader")
    path = checked_path(request.match_info["path"])
    gate = request.app[GATE]
    found = gate.settings.route_for(path)
    if found is None:
        raise RequestError(404, f"no [gate] route takes {for_log(path)!r}")
    route, rest = found
    target = Target(route=route, path=path, url=target_url(route, rest))
    async with contextlib.AsyncExitStack() as stack:
        received = await receive(request, caller, stack, default_name=PurePosixPath(path).name)
        if received is None:
            return web.Response(status=CLIENT_CLOSED)
        report = received.report
        if not _forwards(route, str(report.verdict)):
            kept = await _quarantine(request, gate, received)
            _ended(request, received, f"not forwarded: {report.verdict}")
            outcome = {"forwarded": False, "reason": f"verdict {report.verdict}", "quarantined": kept}
            return report_response(request, report, status=422, extra={"gate": outcome})
        if received.upload.context.cancelled():
            _ended(request, received, "not forwarded: the client left")
            return web.Response(status=CLIENT_CLOSED)
        return await _forward(request, gate, target, received)


async def _forward(request: web.Request, gate: Gate, target: Target, received: Received) -> web.Response:
    state, report, upload = state_of(request), received.report, received.upload
    assert upload.spooled is not None and gate.session is not None
    entry = state.activity.entry_of(upload)
    if entry is not None:
        entry.stage("forwarding")
    digests = dict(report.archive.digests)
    headers = forward_headers(
        verdict=str(report.verdict),
        digests=digests,
        upload_id=upload.upload_id,
        content_type=request.headers.get("Content-Type", "application/octet-stream"),
    )
    if (authorization := gate.authorization[target.route.prefix]) is not None:
        headers["Authorization"] = authorization
    try:
        async with gate.forwarding:
            stored = await put(
                gate.session,
                target.url,
                verified_bytes(upload.spooled, digests["blake3"]),
                size=upload.received,
                headers=headers,
                timeout=gate.settings.timeout_seconds,
                tls=gate.tls[target.route.prefix],
            )
    except DownstreamFailed as failed:
        log.warning(
            "gate forward failed",
            extra={
                "event": "gate.failed",
                "request_id": upload.upload_id,
                "url": target.url,
                "reason": failed.message,
            },
        )
        _ended(request, received, f"not stored: {failed.message}")
        outcome = {"forwarded": False, "error": failed.message, "downstream_status": failed.status}
        return report_response(request, report, status=502, extra={"gate": outcome})
    await _record_stored(state, actor=upload.actor, target=target, status=stored.status, report=report)
    _ended(request, received, f"forwarded ({stored.status})")
    outcome = {"forwarded": True, "path": target.path, "downstream_status": stored.status}
    return report_response(request, report, status=201 if stored.status == 201 else 200, extra={"gate": outcome})


async def _quarantine(request: web.Request, gate: Gate, received: Received) -> str | None:
    if gate.quarantine is None or received.upload.spooled is None:
        return None
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, gate.quarantine.keep, received.upload.spooled, received.report)


async def _record_stored(state: ServiceState, *, actor: str, target: Target, status: int, report: Report) -> None:
    """The audit's ``gate.stored`` entry; a store failure is logged (the archive is stored downstream)."""
    verdict, sha256, url = str(report.verdict), report.archive.digests["sha256"], target.url
    details: dict[str, Any] = {"path": target.path, "url": url, "status": status, "verdict": verdict}

    def record() -> None:
        state.store.append_audit(actor=f"http:{actor}", action="gate.stored", subject=sha256, details=details)

    try:
        await asyncio.get_running_loop().run_in_executor(state.lookup_pool, record)
    except Exception:
        log.exception("gate audit failed", extra={"event": "gate.audit_failed", "sha256": sha256, "url": url})
    log.info("gate stored", extra={"event": "gate.stored", "sha256": sha256, "url": url, "status": status})


def _ended(request: web.Request, received: Received, outcome: str) -> None:
    entry = state_of(request).activity.entry_of(received.upload)
    if entry is not None:
        entry.ended(outcome)
