"""A webhook receiver on 127.0.0.1 (``http.server`` in a thread), as an artifact repository would run one:
it checks each event's HMAC-SHA256 signature over the exact body and records what arrived."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from shipgate.events import SIGNATURE_HEADER, verify_signature


@dataclass
class Received:
    event_id: str
    event_type: str
    signed: bool
    body: dict[str, Any]


@dataclass
class Receiver:
    secret: bytes
    refuse: set[str] = field(default_factory=set)  # event types answered 400
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ids(self) -> list[str]:
        with self.lock:
            return [r.event_id for r in self.received]


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _handler(state: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            signed = verify_signature(body, state.secret, self.headers.get(SIGNATURE_HEADER, ""))
            kind = self.headers.get("X-Shipgate-Event", "")
            status = 401 if not signed else 400 if kind in state.refuse else 200
            if status == 200:
                with state.lock:
                    state.received.append(
                        Received(self.headers.get("X-Shipgate-Event-Id", ""), kind, signed, json.loads(body))
                    )
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@contextmanager
def receiving(state: Receiver, port: int = 0) -> Iterator[str]:
    """Serve on 127.0.0.1:``port``; yields the webhook URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler(state))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/hooks/shipgate"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
