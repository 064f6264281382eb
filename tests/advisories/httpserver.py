"""A real HTTP server on 127.0.0.1 (``http.server`` in a thread) that serves feed directories and can
misbehave on purpose: slow, trickling, huge, truncated, reset, redirecting."""

from __future__ import annotations

import socket
import ssl
import struct
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from loopback import running


@dataclass
class Behaviour:
    """What the server does for one path prefix."""

    directory: Path | None = None  # serve files from here (ETag + Last-Modified, honours If-None-Match)
    mode: str = "normal"  # normal | slow | trickle | huge | huge-declared | truncated | reset | redirect
    delay: float = 0.0
    target: str = ""  # redirect location


@dataclass
class FeedServer:
    base: str
    routes: dict[str, Behaviour] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, prefix: str) -> str:
        return f"{self.base}/{prefix}/"


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            prefix, _, name = self.path.strip("/").partition("/")
            behaviour = server.routes.get(prefix)
            if behaviour is None:
                self.send_error(404)
                return
            with suppress(BrokenPipeError, ConnectionResetError):
                self._serve(behaviour, name)

        def _serve(self, b: Behaviour, name: str) -> None:
            if b.mode == "redirect":
                self.send_response(302)
                self.send_header("Location", b.target + name)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if b.mode in ("huge", "huge-declared"):
                self.send_response(200)
                if b.mode == "huge-declared":
                    self.send_header("Content-Length", str(100 * 1024 * 1024))
                self.send_header("Connection", "close")
                self.end_headers()
                block = b" " * (1 << 20)
                for _ in range(100):
                    self.wfile.write(block)
                return
            assert b.directory is not None
            path = b.directory / name
            if not path.is_file():
                self.send_error(404)
                return
            data = path.read_bytes()
            etag = f'"{len(data):x}-{hash(data) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            if b.mode == "slow":
                time.sleep(b.delay)
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", formatdate(path.stat().st_mtime, usegmt=True))
            self.end_headers()
            if b.mode == "trickle":
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(b.delay)
                return
            if b.mode == "truncated":
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            if b.mode == "reset":
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                # SO_LINGER 0: close() sends a TCP RST instead of a FIN.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            self.wfile.write(data)

    return Handler


@contextmanager
def serve(tls: ssl.SSLContext | None = None) -> Iterator[FeedServer]:
    """Serve on 127.0.0.1 (HTTPS when ``tls`` is a server context)."""
    state = FeedServer(base="")
    with running(_handler(state), tls) as base:
        state.base = base
        yield state
