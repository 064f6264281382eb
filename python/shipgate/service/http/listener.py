"""The HTTP listener's connection guard: what aiohttp does not bound, bounded before a request reaches it.

aiohttp parses strictly (a request with both ``Content-Length`` and ``Transfer-Encoding`` is a 400, header
lines and counts are capped) but its only clock is the keep-alive timeout, which every received byte resets:
a client sending one byte a second holds a connection forever, and a TLS handshake that never completes
holds one too. So every accepted TCP connection passes through :class:`GuardedConnection` first, which:

1. counts it against a per-client (source address) and a total cap, and closes it at once over either;
2. with TLS, runs the handshake itself (``loop.start_tls``) under its own short deadline, before aiohttp
   sees the connection: a silent or slow handshake costs a socket and a timer, never a request slot;
3. gives each request one deadline from its first byte to the end of its body: the head must arrive before
   it (else ``408`` and close), and the handler reads the body against what is left of it
   (:func:`request_deadline`); an idle keep-alive connection is closed after ``idle_seconds``.

The states: ``idle`` (between requests: the idle timer runs), ``head`` (a request's first byte arrived: the
request deadline runs), ``handling`` (aiohttp called the handler: the handler owns the clock until it returns).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("shipgate.service")

_TIMEOUT_RESPONSE = b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


@dataclass(frozen=True, kw_only=True)
class ConnectionLimits:
    request_seconds: float
    """From a request's first byte to the last byte of its body."""
    idle_seconds: float
    """A keep-alive connection with no request in progress is closed after this long."""
    handshake_seconds: float
    """A TLS handshake that has not completed by then is dropped."""
    per_client: int
    """Connections open at once from one source address."""
    total: int
    """Connections open at once on this listener."""


class ConnectionTable:
    """The open connections of one listener, by client address; the guards register here."""

    def __init__(self, limits: ConnectionLimits) -> None:
        self.limits = limits
        self.by_client: Counter[str] = Counter()
        self.total = 0
        self.refused = 0
        self.guards: dict[asyncio.BaseTransport, GuardedConnection] = {}

    def admit(self, client: str) -> bool:
        if self.total >= self.limits.total or self.by_client[client] >= self.limits.per_client:
            self.refused += 1
            return False
        self.total += 1
        self.by_client[client] += 1
        return True

    def release(self, client: str) -> None:
        self.total -= 1
        self.by_client[client] -= 1
        if self.by_client[client] <= 0:
            del self.by_client[client]

    def guard_of(self, transport: asyncio.BaseTransport | None) -> GuardedConnection | None:
        return self.guards.get(transport) if transport is not None else None


class GuardedConnection(asyncio.Protocol):
    """One accepted connection: caps, the TLS handshake, then the request clock around aiohttp's protocol."""

    def __init__(
        self, table: ConnectionTable, inner_factory: Callable[[], asyncio.Protocol], tls: ssl.SSLContext | None
    ) -> None:
        self.table = table
        self.inner_factory = inner_factory
        self.tls = tls
        self.client = ""
        self.inner: asyncio.Protocol | None = None
        self.transport: asyncio.Transport | None = None
        self.state = "idle"
        self.deadline = 0.0
        self._admitted = False
        self._timer: asyncio.TimerHandle | None = None
        self._handshake: asyncio.Task[None] | None = None
        self._early: list[bytes] = []

    # -- asyncio.Protocol -----------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        if self.transport is not None or self._handshake is not None:
            return  # the TLS layer announcing itself (start_tls already handed us its transport)
        peer = transport.get_extra_info("peername")
        self.client = str(peer[0]) if isinstance(peer, tuple) else "unix"
        if not self.table.admit(self.client):
            transport.abort()
            return
        self._admitted = True
        if self.tls is None:
            self._attach(transport)
            return
        transport.pause_reading()  # nothing reaches us before start_tls takes the socket over
        self._handshake = asyncio.get_running_loop().create_task(self._start_tls(transport, self.tls))

    def data_received(self, data: bytes) -> None:
        if self.inner is None:
            # The TLS layer hands over the first request in the same read as the handshake's last message,
            # before start_tls returns: keep it for _attach (one read, at most the TLS layer's buffer).
            self._early.append(data)
            return
        if self.state == "idle":
            self.state = "head"
            self.deadline = asyncio.get_running_loop().time() + self.table.limits.request_seconds
            self._arm(self.deadline, self._request_timed_out)
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.inner is not None else None

    def pause_writing(self) -> None:
        if self.inner is not None:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.inner is not None:
            self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_timer()
        if self.transport is not None:
            self.table.guards.pop(self.transport, None)
        if self._admitted:
            self._admitted = False
            self.table.release(self.client)
        inner, self.inner = self.inner, None
        if inner is not None:
            inner.connection_lost(exc)

    # -- the request clock (called by the app's middleware) --------------------------------------------

    def request_started(self) -> float:
        """aiohttp has the request's head: the handler takes over the clock. Returns the request deadline."""
        loop = asyncio.get_running_loop()
        if self.state != "head":  # a pipelined request already buffered: its clock starts now
            self.deadline = loop.time() + self.table.limits.request_seconds
        self.state = "handling"
        self._cancel_timer()
        return self.deadline

    def request_finished(self) -> None:
        self.state = "idle"
        self._arm(asyncio.get_running_loop().time() + self.table.limits.idle_seconds, self._idle_timed_out)

    # -- internals -------------------------------------------------------------------------------------

    async def _start_tls(self, transport: asyncio.Transport, context: ssl.SSLContext) -> None:
        loop = asyncio.get_running_loop()
        try:
            secure = await loop.start_tls(
                transport, self, context, server_side=True, ssl_handshake_timeout=self.table.limits.handshake_seconds
            )
        except (OSError, asyncio.CancelledError, ssl.SSLError) as exc:
            log.debug("tls handshake failed: %s", exc)
            self.connection_lost(None)  # the TLS layer does not report a connection that never completed
            return
        if secure is None or secure.is_closing():
            self.connection_lost(None)
            return
        self._attach(secure)

    def _attach(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.table.guards[transport] = self
        self.inner = self.inner_factory()
        self.inner.connection_made(transport)
        self.request_finished()  # a new connection is idle until its first byte
        early, self._early = self._early, []
        for data in early:
            self.data_received(data)

    def _arm(self, when: float, callback: Callable[[], None]) -> None:
        self._cancel_timer()
        self._timer = asyncio.get_running_loop().call_at(when, callback)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _request_timed_out(self) -> None:
        if self.transport is not None and self.state == "head":
            log.info(
                "http request head timed out",
                extra={"event": "http.timeout", "client": self.client, "seconds": self.table.limits.request_seconds},
            )
            self.transport.write(_TIMEOUT_RESPONSE)
            self.transport.close()

    def _idle_timed_out(self) -> None:
        if self.transport is not None and self.state == "idle":
            self.transport.close()


async def listen(
    sock_address: tuple[str, int],
    table: ConnectionTable,
    inner_factory: Callable[[], asyncio.Protocol],
    tls: ssl.SSLContext | None,
    *,
    backlog: int = 512,
) -> asyncio.Server:
    """Bind and serve ``sock_address``; each accepted connection gets its own :class:`GuardedConnection`."""
    loop = asyncio.get_running_loop()
    host, port = sock_address
    return await loop.create_server(
        lambda: GuardedConnection(table, inner_factory, tls), host, port, backlog=backlog, reuse_address=True
    )
