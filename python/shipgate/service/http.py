"""The HTTP side of ``shipgate serve`` (stdlib ``http.server``, in the gRPC server's process):

- ``POST /admission`` — Kubernetes ``AdmissionReview`` v1: the object names its package digest in an
  annotation (``shipgate.dev/package-sha256`` by default; on the object or its pod template); the answer
  comes from stored verdicts (:mod:`shipgate.service.admission`). Fail-closed unless ``fail_open``.
- ``POST /v1/admit`` — ``{"digest": HEX}`` or ``{"package": {"name", "version", "vendor"}}`` →
  ``{"allowed", "verdict", "reason", "sha256"}``.
- ``GET /metrics`` — Prometheus; ``GET /healthz`` — 200, or 503 while shutting down.

Connections are served by a fixed pool of threads (each keeps its own store connection), never a thread
per connection. With TLS, the client certificate maps to roles as on the gRPC side; the admission
endpoints need the ``admission`` role.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from shipgate.service import admission
from shipgate.service.identity import Caller, caller_from_certificate
from shipgate.service.state import ServiceState

log = logging.getLogger("shipgate.service")

# AdmissionReview bodies carry the whole object; Kubernetes caps objects at ~3 MiB.
MAX_BODY_BYTES = 4 << 20
HTTP_WORKERS = 16
# An idle keep-alive connection gives its worker back after this long.
IDLE_SECONDS = 10.0


class PooledHTTPServer(HTTPServer):
    """``HTTPServer`` whose connections run on a fixed thread pool."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], state: ServiceState, tls: ssl.SSLContext | None) -> None:
        self.state = state
        self.tls = tls
        self.pool = ThreadPoolExecutor(HTTP_WORKERS, thread_name_prefix="http")
        super().__init__(address, AdmissionHandler)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        if self.tls is not None:
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def process_request(self, request: Any, client_address: Any) -> None:
        self.pool.submit(self._serve_one, request, client_address)

    def _serve_one(self, request: Any, client_address: Any) -> None:
        try:
            if isinstance(request, ssl.SSLSocket):
                request.settimeout(IDLE_SECONDS)
                request.do_handshake()
            self.finish_request(request, client_address)
        except (OSError, ssl.SSLError) as exc:
            log.info("http connection dropped", extra={"event": "http.dropped", "error": str(exc)})
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)


class AdmissionHandler(BaseHTTPRequestHandler):
    server: PooledHTTPServer
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS
    # One segment per response (headers and body buffered, flushed after each request) and no Nagle:
    # otherwise a keep-alive client's delayed ACK adds ~40 ms to every answer.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True
    server_version = "shipgate"

    def log_message(self, format: str, *args: Any) -> None:
        return  # requests are logged as JSON below

    # -- plumbing ---------------------------------------------------------------------------------

    def _caller(self) -> Caller:
        cert = None
        if isinstance(self.connection, ssl.SSLSocket):
            cert = self.connection.getpeercert(binary_form=True)
        return caller_from_certificate(cert, self.server.state.config)

    def _send(self, status: int, body: bytes, content_type: str, request_id: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-Id", request_id)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: Any, request_id: str) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json", request_id)

    def _body(self, request_id: str) -> Any:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._json(411, {"error": "Content-Length is required"}, request_id)
            return None
        if length < 0 or length > MAX_BODY_BYTES:
            self._json(413, {"error": f"body larger than {MAX_BODY_BYTES} bytes"}, request_id)
            self.close_connection = True
            return None
        raw = self.rfile.read(length)
        try:
            return json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            self._json(400, {"error": f"body is not JSON: {exc}"}, request_id)
            return None

    # -- routes -----------------------------------------------------------------------------------

    def do_GET(self) -> None:
        request_id = self.headers.get("X-Request-Id") or uuid.uuid4().hex[:16]
        path = self.path.split("?", 1)[0]
        if path == "/metrics":
            self._send(200, generate_latest(self.server.state.metrics.registry), CONTENT_TYPE_LATEST, request_id)
        elif path == "/healthz":
            draining = self.server.state.draining
            self._send(503 if draining else 200, b"draining\n" if draining else b"ok\n", "text/plain", request_id)
        else:
            self._json(404, {"error": f"no route GET {path}"}, request_id)

    def do_POST(self) -> None:
        started = time.perf_counter()
        request_id = self.headers.get("X-Request-Id") or uuid.uuid4().hex[:16]
        path = self.path.split("?", 1)[0]
        if path not in ("/admission", "/v1/admit"):
            self._json(404, {"error": f"no route POST {path}"}, request_id)
            return
        caller = self._caller()
        if not caller.has("admission"):
            self._json(403, {"error": f"{path} needs the admission role; {caller.name} lacks it"}, request_id)
            return
        body = self._body(request_id)
        if body is None:
            return
        if path == "/admission":
            self._admission_review(body, caller, request_id, started)
        else:
            self._admit(body, caller, request_id, started)

    def _record(self, endpoint: str, decision: admission.Decision, caller: Caller, request_id: str, t0: float) -> None:
        metrics = self.server.state.metrics
        elapsed = time.perf_counter() - t0
        metrics.admissions.labels(endpoint, str(decision.allowed).lower()).inc()
        metrics.admission_seconds.labels(endpoint).observe(elapsed)
        log.info(
            "admission",
            extra={
                "event": "admit",
                "endpoint": endpoint,
                "request_id": request_id,
                "caller": caller.name,
                "sha256": decision.sha256,
                "allowed": decision.allowed,
                "reason": decision.reason,
                "ms": round(elapsed * 1000, 3),
            },
        )

    def _admit(self, body: Any, caller: Caller, request_id: str, t0: float) -> None:
        state = self.server.state
        fail_open = state.config.fail_open
        if isinstance(body, dict) and isinstance(body.get("digest"), str):
            decision = admission.by_digest(state.store, body["digest"], fail_open=fail_open)
        elif (
            isinstance(body, dict)
            and isinstance(body.get("package"), dict)
            and isinstance(body["package"].get("name"), str)
            and isinstance(body["package"].get("version"), str)
        ):
            pkg = body["package"]
            vendor = pkg.get("vendor") if isinstance(pkg.get("vendor"), str) else ""
            decision = admission.by_package(state.store, pkg["name"], pkg["version"], vendor, fail_open=fail_open)
        else:
            self._json(400, {"error": 'send {"digest": HEX} or {"package": {"name": ..., "version": ...}}'}, request_id)
            return
        self._record("json", decision, caller, request_id, t0)
        self._json(
            200,
            {
                "allowed": decision.allowed,
                "verdict": decision.verdict or None,
                "reason": decision.reason,
                "sha256": decision.sha256 or None,
            },
            request_id,
        )

    def _admission_review(self, body: Any, caller: Caller, request_id: str, t0: float) -> None:
        state = self.server.state
        request = body.get("request") if isinstance(body, dict) else None
        if (
            not isinstance(body, dict)
            or body.get("kind") != "AdmissionReview"
            or not isinstance(request, dict)
            or not isinstance(request.get("uid"), str)
        ):
            self._json(400, {"error": "expected an AdmissionReview (admission.k8s.io/v1) with request.uid"}, request_id)
            return
        digest = package_digest(request.get("object"), state.config.annotation)
        if digest is None:
            decision = admission.Decision(
                allowed=state.config.fail_open,
                verdict="",
                reason=f"the object has no {state.config.annotation} annotation naming its package digest",
            )
        else:
            decision = admission.by_digest(state.store, digest, fail_open=state.config.fail_open)
        self._record("admission_review", decision, caller, request_id, t0)
        self._json(
            200,
            {
                "apiVersion": body.get("apiVersion") or "admission.k8s.io/v1",
                "kind": "AdmissionReview",
                "response": {
                    "uid": request["uid"],
                    "allowed": decision.allowed,
                    "status": {"code": 200 if decision.allowed else 403, "message": decision.reason},
                },
            },
            request_id,
        )


def package_digest(obj: Any, annotation: str) -> str | None:
    """The digest an object names: its own annotation, else its pod template's (Deployments, Jobs...)."""
    candidates = [obj]
    if isinstance(obj, dict):
        spec = obj.get("spec")
        if isinstance(spec, dict):
            candidates.append(spec.get("template"))
    for item in candidates:
        meta = item.get("metadata") if isinstance(item, dict) else None
        notes = meta.get("annotations") if isinstance(meta, dict) else None
        value = notes.get(annotation) if isinstance(notes, dict) else None
        if isinstance(value, str) and value:
            return value
    return None


def start_http(address: tuple[str, int], state: ServiceState, tls: ssl.SSLContext | None) -> PooledHTTPServer:
    server = PooledHTTPServer(address, state, tls)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="http", daemon=True)
    thread.start()
    return server
