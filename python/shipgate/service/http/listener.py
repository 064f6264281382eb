"""The HTTP listener's connection guard: what aiohttp does not bound, bounded before a request reaches it.

aiohttp parses strictly (a request with both ``Content-Length`` and ``Transfer-Encoding`` is a 400, header
lines and counts are capped) but its only clock is the keep-alive timeout, which every received byte resets:
a client sending one byte a second holds a connection forever, and a TLS handshake that never completes
holds one too. So every accepted TCP connection passes through :class:`GuardedConnection` first, which:

1. counts it against a per-client (source address) cap, and closes it at once over it; at the total cap the
   oldest connection that has not sent a request yet is closed to make room (:meth:`ConnectionTable.admit`);
2. with TLS, runs the handshake itself (``loop.start_tls``) under its own short deadline, before aiohttp
   sees the connection; until the client's first byte (its ClientHello) arrives, not even the TLS layer
   exists (asyncio gives each TLS connection a 256 KiB buffer): a silent connection costs a socket and a
   timer, never a request slot;
3. gives each request one deadline from its first byte to the end of its body: the head must arrive before
   it (else ``408`` and close), and the handler reads the body against what is left of it
   (:func:`request_deadline`); an idle keep-alive connection is closed after ``idle_seconds``.

The states: ``idle`` (between requests: the idle timer runs), ``head`` (a request's first byte arrived: the
request deadline runs), ``handling`` (aiohttp called the handler: the handler owns the clock until it returns).
"""

from __future__ import annotations

import asyncio
import logging
import os
import ssl
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from shipgate.service.memory import release_garbage

log = logging.getLogger("shipgate.service")

# Trim the heap when a wave of at least this many connections has mostly gone, at most this often, this long
# after the wave fell to a quarter of its peak.
TRIM_AFTER_PEAK = 64
TRIM_EVERY_SECONDS = 5.0
TRIM_DELAY_SECONDS = 1.0

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
        self.evicted = 0
        self.peak = 0
        self._trimmed = 0.0
        self._trim_pending = False
        self.guards: dict[asyncio.BaseTransport, GuardedConnection] = {}
        self.unproven: dict[GuardedConnection, None] = {}
        """Connections that have not started a request yet, oldest first (evicted first at the total cap)."""

    def admit(self, client: str, guard: GuardedConnection) -> bool:
        """Count a new connection in, or refuse it. At the total cap, the oldest connection that has not yet
        sent a request (a silent or handshaking one) makes room: a flood of idle connections from many
        addresses cannot keep a client with a real request out."""
        if self.by_client[client] >= self.limits.per_client:
            self.refused += 1
            return False
        if self.total >= self.limits.total:
            if not self.unproven:
                self.refused += 1
                return False
            oldest = next(iter(self.unproven))
            self.unproven.pop(oldest)
            oldest.evict()
        self.unproven[guard] = None
        self.total += 1
        self.peak = max(self.peak, self.total)
        self.by_client[client] += 1
        return True

    def release(self, client: str, guard: GuardedConnection) -> None:
        self.unproven.pop(guard, None)
        self.total -= 1
        self.by_client[client] -= 1
        if self.by_client[client] <= 0:
            del self.by_client[client]
        self._maybe_trim()

    def _maybe_trim(self) -> None:
        """After a wave of connections has gone (a quarter of its peak left), give the heap back: TLS buffers
        freed in glibc's arenas otherwise stay in the RSS (:mod:`shipgate.service.memory`). The trim runs
        :data:`TRIM_DELAY_SECONDS` later, when the rest of the wave has gone too, after a collection of reference
        cycles (without both, 64 refused TLS connections left ~20 MiB behind: benches/abuse.py), and in a
        thread: ``malloc_trim`` walks the whole heap, which the event loop should not wait for."""
        if self._trim_pending or self.peak < TRIM_AFTER_PEAK or self.total * 4 > self.peak:
            return
        if time.monotonic() - self._trimmed <= TRIM_EVERY_SECONDS:
            return
        self._trim_pending = True
        loop = asyncio.get_running_loop()
        loop.call_later(TRIM_DELAY_SECONDS, self._trim, loop)

    def _trim(self, loop: asyncio.AbstractEventLoop) -> None:
        self._trim_pending = False
        self._trimmed, self.peak = time.monotonic(), self.total
        loop.run_in_executor(None, release_garbage)

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
        self._fd: int | None = None
        self._raw: asyncio.Transport | None = None

    # -- asyncio.Protocol -----------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        if self.transport is not None or self._handshake is not None:
            return  # the TLS layer announcing itself (start_tls already handed us its transport)
        peer = transport.get_extra_info("peername")
        self.client = str(peer[0]) if isinstance(peer, tuple) else "unix"
        self._raw = transport
        if not self.table.admit(self.client, self):
            transport.abort()
            return
        self._admitted = True
        if self.tls is None:
            self._attach(transport)
            return
        transport.pause_reading()  # nothing is read before start_tls takes the socket over
        loop = asyncio.get_running_loop()
        self.deadline = loop.time() + self.table.limits.handshake_seconds
        self._arm(self.deadline, transport.abort)
        sock = transport.get_extra_info("socket")
        if sock is None:
            self._hello_arrived(transport)
            return
        # asyncio refuses a reader on a transport's descriptor; a duplicate of it signals the same socket.
        self._fd = os.dup(sock.fileno())
        loop.add_reader(self._fd, self._hello_arrived, transport)

    def _hello_arrived(self, transport: asyncio.Transport) -> None:
        """The client sent its first bytes: now the TLS layer, under what is left of the handshake deadline."""
        self._stop_waiting()
        loop = asyncio.get_running_loop()
        if transport.is_closing() or self.tls is None:
            return
        self._handshake = loop.create_task(self._start_tls(transport, self.tls))

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
        self._stop_waiting()
        if self.transport is not None:
            self.table.guards.pop(self.transport, None)
        if self._admitted:
            self._admitted = False
            self.table.release(self.client, self)
        inner, self.inner = self.inner, None
        if inner is not None:
            inner.connection_lost(exc)

    # -- the request clock (called by the app's middleware) --------------------------------------------

    def request_started(self) -> float:
        """aiohttp has the request's head: the handler takes over the clock. Returns the request deadline."""
        loop = asyncio.get_running_loop()
        self.table.unproven.pop(self, None)  # it has made a request: no longer evicted for newcomers
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
                transport, self, context, server_side=True, ssl_handshake_timeout=max(0.1, self.deadline - loop.time())
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
        self._cancel_timer()
        self.transport = transport
        self.table.guards[transport] = self
        self.inner = self.inner_factory()
        self.inner.connection_made(transport)
        self.request_finished()  # a new connection is idle until its first byte
        early, self._early = self._early, []
        for data in early:
            self.data_received(data)

    def evict(self) -> None:
        """Make room for a newer connection (it has not sent a request)."""
        self._admitted = False
        self.table.total -= 1
        self.table.by_client[self.client] -= 1
        if self.table.by_client[self.client] <= 0:
            del self.table.by_client[self.client]
        self.table.evicted += 1
        transport = self.transport or self._raw
        if transport is not None:
            transport.abort()

    def _stop_waiting(self) -> None:
        if self._fd is not None:
            asyncio.get_running_loop().remove_reader(self._fd)
            os.close(self._fd)
            self._fd = None

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
