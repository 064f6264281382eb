"""The HTTP side of ``shipgate serve``: aiohttp in the gRPC server's event loop.

- :mod:`.listener` — the connection guard (caps, TLS handshake deadline, request deadline);
- :mod:`.app` — the application and what every route shares (caller, request id, JSON errors);
- a module per route family: :mod:`.admission` (``/admission``, ``/v1/admit``), :mod:`.metrics`,
  :mod:`.health`.

Why aiohttp, and not Starlette on uvicorn: docs/service.md.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from dataclasses import dataclass

from aiohttp import web

from shipgate.service.http.app import build_app
from shipgate.service.http.listener import ConnectionLimits, ConnectionTable, listen
from shipgate.service.state import ServiceState

log = logging.getLogger("shipgate.service")

# A response to a request whose body was not read (a 403 before the body) is followed by reading and
# dropping the rest of that body for at most this long, then the connection closes.
LINGER_SECONDS = 2.0
# At shutdown, handlers still running get this long before their connections close.
SHUTDOWN_SECONDS = 2.0


@dataclass
class HttpService:
    runner: web.AppRunner
    server: asyncio.Server
    table: ConnectionTable

    @property
    def port(self) -> int:
        return int(self.server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Stop accepting, then close the open connections (aiohttp's cleanup waits for running handlers)."""
        self.server.close()
        await self.runner.cleanup()


def connection_limits(state: ServiceState) -> ConnectionLimits:
    limits = state.config.limits
    return ConnectionLimits(
        request_seconds=limits.http_request_seconds,
        idle_seconds=limits.http_idle_seconds,
        handshake_seconds=limits.tls_handshake_seconds,
        per_client=limits.http_connections_per_client,
        total=limits.http_connections,
    )


async def start_http(address: tuple[str, int], state: ServiceState, tls: ssl.SSLContext | None) -> HttpService:
    table = ConnectionTable(connection_limits(state))
    runner = web.AppRunner(
        build_app(state, table),
        handle_signals=False,
        access_log=None,
        keepalive_timeout=table.limits.idle_seconds,
        lingering_time=LINGER_SECONDS,
        shutdown_timeout=SHUTDOWN_SECONDS,
    )
    await runner.setup()
    protocol_factory = runner.server
    assert protocol_factory is not None
    server = await listen(address, table, protocol_factory, tls)
    return HttpService(runner=runner, server=server, table=table)
