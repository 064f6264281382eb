"""The HTTP listener under a hostile client, against a real ``shipgate serve``: slow drips and silent TLS
handshakes cost their own connection and nobody else's; caps per client address; strict framing; bounded
JSON depth. (Issue 15, problem 3, and the framing/depth items of problem 6.)"""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.kit import Server, TlsPki

GUARD_LIMITS = """
[limits]
http_request_seconds = 2
http_idle_seconds = 5
tls_handshake_seconds = 1
http_connections_per_client = 40
"""


def http_address(server: Server) -> tuple[str, int]:
    host, port = server.info["http"].rsplit(":", 1)
    return host, int(port)


def exchange(server: Server, raw: bytes, *, wrap: ssl.SSLContext | None = None, source: str = "127.0.0.1") -> bytes:
    """Send ``raw`` on a new connection and read until the server closes it (or 10 s pass)."""
    sock = socket.create_connection(http_address(server), timeout=10, source_address=(source, 0))
    conn: socket.socket = wrap.wrap_socket(sock, server_hostname="localhost") if wrap else sock
    with conn:
        conn.sendall(raw)
        out = b""
        while chunk := conn.recv(65536):
            out += chunk
            if b"\r\n\r\n" in out and b"Connection: close" not in out and _complete(out):
                break
        return out


def _complete(response: bytes) -> bool:
    head, _, body = response.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def status_and_json(response: bytes) -> tuple[int, object]:
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), json.loads(body) if body else None


def healthz(server: Server, wrap: ssl.SSLContext | None = None) -> int:
    request = b"GET /healthz HTTP/1.1\r\nHost: shipgate\r\nConnection: close\r\n\r\n"
    return int(exchange(server, request, wrap=wrap).split(b" ")[1])


class Drips:
    """Connections that each send a request head one byte every ``every`` seconds, from 127.0.0.2."""

    def __init__(self, server: Server, count: int, every: float = 0.3, *, tls: bool = False) -> None:
        self.socks: list[socket.socket] = []
        for _ in range(count):
            sock = socket.create_connection(http_address(server), timeout=10, source_address=("127.0.0.2", 0))
            self.socks.append(sock)
        self.answers: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._drip, args=(every, tls), daemon=True)
        self.thread.start()

    def _drip(self, every: float, tls: bool) -> None:
        payload = b"\x16\x03\x01" if tls else b"POST /v1/admit HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n"
        for i in range(len(payload) * 100):
            if self.stop.is_set():
                return
            for sock in self.socks:
                try:
                    sock.send(payload[i % len(payload) : i % len(payload) + 1])
                except OSError:
                    continue
            time.sleep(every)

    def close(self) -> list[bytes]:
        self.stop.set()
        self.thread.join()
        answers = []
        for sock in self.socks:
            sock.settimeout(5)
            try:
                answers.append(sock.recv(1000))
            except OSError:
                answers.append(b"")
            sock.close()
        return answers


@pytest.fixture
def server(pinned_home: Path) -> Iterator[Server]:
    config = pinned_home.parent / "serve.toml"
    config.write_text(GUARD_LIMITS)
    with Server(pinned_home, config) as running:
        yield running


def test_slow_drip_connections_do_not_starve_health_probes(server: Server) -> None:
    # Risk (issue 15.3): a read timeout per byte let 17 dripping connections hold every HTTP worker, and the
    # admission webhook stopped answering. Each request now has one deadline from its first byte.
    drips = Drips(server, 32)
    try:
        assert [healthz(server) for _ in range(8)] == [200] * 8
        time.sleep(3)  # past http_request_seconds
    finally:
        answers = drips.close()
    assert all(a.startswith(b"HTTP/1.1 408 Request Timeout") for a in answers), answers[:3]
    timeouts = [e for e in server.log_events() if e.get("event") == "http.timeout"]
    assert len(timeouts) == 32 and {e["client"] for e in timeouts} == {"127.0.0.2"}


def test_connections_over_the_per_client_cap_are_closed_at_once(server: Server) -> None:
    # Risk: one address opens connections until the process runs out of descriptors.
    held = [socket.create_connection(http_address(server), source_address=("127.0.0.2", 0)) for _ in range(40)]
    try:
        extra = socket.create_connection(http_address(server), timeout=5, source_address=("127.0.0.2", 0))
        with extra:
            try:
                extra.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                answer = extra.recv(100)
            except ConnectionResetError:
                answer = b""
            assert answer == b""  # closed without an answer
        assert healthz(server) == 200  # another address is not affected
    finally:
        for sock in held:
            sock.close()


def test_content_length_with_chunked_encoding_is_refused(server: Server) -> None:
    # Risk (issue 15.6): a request framed two ways is read one way here and another way by a proxy in front.
    body = b'{"digest": "' + b"ab" * 32 + b'"}'
    raw = (
        b"POST /v1/admit HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
        + f"{len(body):x}\r\n".encode()
        + body
        + b"\r\n0\r\n\r\n"
    )
    answer = exchange(server, raw)
    assert answer.split(b"\r\n")[0].endswith(b" 400 Bad Request"), answer
    assert b"Transfer-Encoding can't be present with Content-Length" in answer


def test_deeply_nested_json_is_a_clean_400(server: Server) -> None:
    # Risk (issue 15.6): a deep body blew the decoder's recursion limit, dropped the connection and wrote a
    # plain-text traceback into the JSON log.
    body = b"[" * 100_000 + b"]" * 100_000
    raw = b"POST /v1/admit HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body)
    assert status_and_json(exchange(server, raw + body)) == (400, {"error": "the body: nested deeper than 64 levels"})
    assert all(line.startswith("{") for line in server.log().splitlines())


def test_silent_tls_handshakes_do_not_starve_health_probes(pinned_home: Path, tmp_path: Path) -> None:
    # Risk (issue 15.3): on the mTLS listener, 48 connections that never sent a ClientHello held every worker.
    pki = TlsPki(tmp_path / "pki")
    served, probe = pki.issue("shipgate-server", server=True), pki.issue("kubelet")
    config = pinned_home.parent / "serve-tls.toml"
    config.write_text(
        GUARD_LIMITS + f'[tls]\ncert = "{served.cert}"\nkey = "{served.key}"\nclient_ca = "{pki.ca_path}"\n'
    )
    context = ssl.create_default_context(cafile=str(pki.ca_path))
    context.load_cert_chain(str(probe.cert), str(probe.key))
    with Server(pinned_home, config) as server:
        drips = Drips(server, 32, every=0.2, tls=True)
        try:
            assert [healthz(server, context) for _ in range(8)] == [200] * 8
            time.sleep(1.5)  # past tls_handshake_seconds
        finally:
            answers = drips.close()
        assert answers == [b""] * 32  # dropped by the handshake deadline, never answered


def test_at_the_total_cap_silent_connections_make_room_for_a_request(pinned_home: Path) -> None:
    # Risk (issue 15.3): silent connections from many addresses fill the total cap and every new webhook
    # connection is refused. The oldest connection without a request is closed for a newcomer instead.
    config = pinned_home.parent / "serve-cap.toml"
    config.write_text("[limits]\nhttp_connections = 16\nhttp_connections_per_client = 4\n")
    with Server(pinned_home, config) as server:
        silent = [
            socket.create_connection(http_address(server), source_address=(f"127.0.0.{2 + i % 4}", 0))
            for i in range(16)
        ]
        time.sleep(0.5)
        try:
            assert [healthz(server) for _ in range(3)] == [200] * 3
        finally:
            for sock in silent:
                sock.close()
