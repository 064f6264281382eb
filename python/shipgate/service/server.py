"""``shipgate serve``: the gRPC server (``grpc.aio``) and the HTTP side in one process.

Startup: open (and migrate) the store, lock the spool directory and sweep what a crash left there, bind
the listeners, print one JSON line on stdout naming the bound addresses (``{"event": "serving", ...}``;
useful with port 0), serve. SIGTERM or SIGINT: health goes NOT_SERVING and new uploads are refused,
in-flight calls get ``shutdown_grace_seconds`` to finish and are then cancelled (their spool files are
removed as they unwind), the HTTP side stops, the store closes.

Why ``grpc.aio`` and not the thread-per-call sync server. Measured (benches/service.py, one stream of 1 MiB
messages on loopback, a shared 2-core machine, three runs): the sync server's byte sink moved 0.79-1.25
GB/s, the aio sink 0.74-1.09 GB/s (sync 1.07-1.21x; 1.05-1.36x in later runs). Verify is bound by hashing
and spooling on those cores rather than by the transport (0.56-0.81x of the aio sink across the runs so far,
the latest in the README; 0.50-0.56x of the sync one), and the async server was kept because a stalled or slow
uploader costs it a coroutine instead of one of a fixed pool of threads (which a few slow clients would
exhaust for everyone), the per-upload deadline is a timeout on the next message, a client's cancellation
unwinds the handler with its cleanup, and the architecture names ``grpc.aio`` (docs/architecture.md). The
README reports both sinks beside Verify.
A sync-server Verify tried on the same spool (protobuf-parsed chunks handed to a writer thread through a
queue; not kept) uploaded 1 GiB of stored entries in 2.58 s median over five paired runs, the aio service in
1.92 s, while the two sinks took 1.17 and 1.18 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import resource
import signal
import ssl
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from shipgate.service import logs, polling
from shipgate.service.config import Limits, ServiceConfig, ServiceConfigError
from shipgate.service.http import HttpService, start_http
from shipgate.service.memory import freeze_startup_heap
from shipgate.service.metrics import Metrics
from shipgate.service.polling import Background
from shipgate.service.slots import UploadSlots
from shipgate.service.spool import Spool
from shipgate.service.state import ServiceState

if TYPE_CHECKING:
    from shipgate.inventory import Inventory
    from shipgate.policy import Policy

log = logging.getLogger("shipgate.service")

# Upper bound on one response (a report with many findings); requests are bounded by max_chunk_bytes.
MAX_SEND_BYTES = 64 << 20
LOOKUP_WORKERS = 8
# Bytes a client may send ahead on one upload before the server reads them (HTTP/2 stream window).
# 1 MiB moved bytes as fast as 4 MiB on loopback and keeps 8 concurrent uploads near 130 MiB of RSS
# (16 MiB: ~340 MiB); benches/service.py measures it.
STREAM_WINDOW_BYTES = 1 << 20
# Keepalive: the server pings an idle connection every minute to find dead peers; a client may ping no
# more often than every 30 s without calls in flight, and two pings too many close its connection.
KEEPALIVE_MS = 60_000
KEEPALIVE_TIMEOUT_MS = 20_000
CLIENT_PING_MIN_MS = 30_000
PING_STRIKES = 2


def split_address(address: str, what: str) -> tuple[str, int]:
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit() or not host:
        raise ServiceConfigError(f"{what} {address!r} is not HOST:PORT")
    return host.strip("[]"), int(port)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ServiceConfigError(f"cannot read the TLS {what} {path}: {exc.strerror}") from None


def _grpc_credentials(config: ServiceConfig) -> grpc.ServerCredentials | None:
    tls = config.tls
    if tls is None:
        return None
    ca = _read(tls.client_ca, "client CA") if tls.client_ca else None
    return grpc.ssl_server_credentials(
        [(_read(tls.key, "key"), _read(tls.cert, "certificate"))],
        root_certificates=ca,
        require_client_auth=ca is not None,  # config.py: a client CA means certificates are required
    )


def _http_tls(config: ServiceConfig) -> ssl.SSLContext | None:
    tls = config.tls
    if tls is None:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(tls.cert), str(tls.key))
    if tls.client_ca:
        context.load_verify_locations(str(tls.client_ca))
        context.verify_mode = ssl.CERT_REQUIRED
    return context


def grpc_options(limits: Limits) -> list[tuple[str, int]]:
    """The transport's limits: message sizes, flow control, connections, streams, handshakes, keepalive."""
    return [
        ("grpc.max_receive_message_length", limits.max_chunk_bytes + (64 << 10)),
        ("grpc.max_send_message_length", MAX_SEND_BYTES),
        ("grpc.so_reuseport", 0),
        # A fixed per-stream window instead of BDP-probed growth: grpc otherwise buffers tens of MiB
        # per connection ahead of a busy server, and memory would grow with concurrent uploads.
        ("grpc.http2.bdp_probe", 0),
        ("grpc.http2.lookahead_bytes", STREAM_WINDOW_BYTES),
        ("grpc.max_concurrent_streams", limits.grpc_streams_per_connection),
        ("grpc.max_allowed_incoming_connections", limits.grpc_connections),
        ("grpc.server_handshake_timeout_ms", int(limits.grpc_handshake_seconds * 1000)),
        ("grpc.max_connection_idle_ms", int(limits.grpc_idle_seconds * 1000)),
        ("grpc.keepalive_time_ms", KEEPALIVE_MS),
        ("grpc.keepalive_timeout_ms", KEEPALIVE_TIMEOUT_MS),
        ("grpc.keepalive_permit_without_calls", 0),
        ("grpc.http2.min_ping_interval_without_data_ms", CLIENT_PING_MIN_MS),
        ("grpc.http2.max_ping_strikes", PING_STRIKES),
    ]


def raise_open_file_limit() -> int:
    """Lift the soft limit on open files to the hard one: every connection is a descriptor, and running out
    refuses authorised callers along with the rest. Returns the limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
    return soft


def _open_state(config: ServiceConfig, home: Path) -> ServiceState:
    from shipgate.admission import Admission
    from shipgate.store import open_store

    limits = config.limits
    store = open_store(config.state_url, home=home, verdict_history=config.admission.verdict_history)
    try:
        admission = Admission.configure(
            store,
            home=home,
            settings=config.admission,
            policies=config.policies,
            environments=config.environments,
        )
    except BaseException:
        store.close()
        raise
    spool = Spool(
        limits.spool_dir or home / "spool",
        quota_bytes=limits.spool_quota_bytes,
        direct_io=limits.spool_direct_io,
        verify_while_uploading=limits.verify_while_uploading,
    )
    try:
        swept = spool.open()
    except BaseException:
        store.close()
        raise
    if swept:
        log.warning("removed stale spool files", extra={"event": "spool.swept", "files": swept})
    policies, inventories = _load_named(config)
    return ServiceState(
        config=config,
        home=home,
        store=store,
        admission=admission,
        spool=spool,
        metrics=Metrics(store),
        verify_pool=ThreadPoolExecutor(limits.max_concurrent_uploads, thread_name_prefix="verify"),
        lookup_pool=ThreadPoolExecutor(LOOKUP_WORKERS, thread_name_prefix="lookup"),
        slots=UploadSlots(total=limits.max_concurrent_uploads, per_caller=limits.uploads_per_caller),
        policies=policies,
        inventories=inventories,
    )


def _load_named(config: ServiceConfig) -> tuple[dict[str, Policy], dict[str, Inventory]]:
    """The configured policies and inventories, read once at startup (a broken one stops the server here,
    naming its file, rather than failing uploads later). A policy's ``source``, which reports, verdicts and
    GetVerdict carry, becomes its configured name and content digest instead of the server's path."""
    from shipgate.inventory import load_inventory
    from shipgate.policy.load import load_policy

    policies: dict[str, Policy] = {}
    for name, path in config.policies.items():
        policy = load_policy(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        policies[name] = dataclasses.replace(policy, source=f"policy {name} (sha256:{digest})")
    inventories = {name: load_inventory(path) for name, path in config.environments.items()}
    return policies, inventories


def _grpc_server(state: ServiceState) -> tuple[grpc.aio.Server, health.aio.HealthServicer, tuple[str, ...]]:
    from shipgate.service.grpc_api import AdminServicer, ShipgateServicer, add_shipgate_service
    from shipgate.v1 import admin_service_pb2, admin_service_pb2_grpc, shipgate_service_pb2

    limits = state.config.limits
    server = grpc.aio.server(options=grpc_options(limits), maximum_concurrent_rpcs=limits.grpc_concurrent_calls)
    add_shipgate_service(ShipgateServicer(state), server)
    admin_service_pb2_grpc.add_AdminServiceServicer_to_server(AdminServicer(state), server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    services = (
        shipgate_service_pb2.DESCRIPTOR.services_by_name["ShipgateService"].full_name,
        admin_service_pb2.DESCRIPTOR.services_by_name["AdminService"].full_name,
    )
    reflection.enable_server_reflection((*services, health.SERVICE_NAME, reflection.SERVICE_NAME), server)
    return server, health_servicer, services


def _bind_grpc(server: grpc.aio.Server, config: ServiceConfig) -> tuple[str, int]:
    credentials = _grpc_credentials(config)
    host, port = split_address(config.listen, "listen")
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        bound = server.add_secure_port(address, credentials) if credentials else server.add_insecure_port(address)
    except RuntimeError as exc:
        raise ServiceConfigError(f"cannot listen on {config.listen}: {exc}") from None
    return host, bound


def _start_background(state: ServiceState) -> Background:
    """The feed pollers and the webhook deliverer (shipgate.service.polling), and their metrics."""
    background = polling.start(state.store, home=state.home, polling=state.config.polling, events=state.config.events)
    state.metrics.registry.register(polling.BackgroundCollector(state.store, background))
    return background


async def _start_http(config: ServiceConfig, state: ServiceState) -> HttpService | None:
    if not config.http_listen:
        return None
    try:
        return await start_http(split_address(config.http_listen, "http_listen"), state, _http_tls(config))
    except OSError as exc:
        raise ServiceConfigError(f"cannot listen on {config.http_listen}: {exc.strerror}") from None


async def serve(config: ServiceConfig, *, home: Path) -> None:
    from shipgate.store import redact, state_url

    config.check_exposure()
    if config.trust_dir is not None:
        os.environ["SHIPGATE_TRUST_DIR"] = str(config.trust_dir)
    open_files = raise_open_file_limit()
    state = _open_state(config, home)
    server, health_servicer, services = _grpc_server(state)
    host, bound = _bind_grpc(server, config)
    http = await _start_http(config, state)
    state.background = _start_background(state)
    await server.start()
    for name in ("", *services):
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    freeze_startup_heap()  # a full garbage collection then takes ~1 ms, not ~30 ms of every request's time

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    serving = {
        "event": "serving",
        "grpc": f"{host}:{bound}",
        "http": f"{config.http_listen.rpartition(':')[0]}:{http.port}" if http else None,
        "tls": config.tls is not None,
        "mtls": bool(config.tls and config.tls.client_ca),
        "anonymous_roles": sorted(config.anonymous_roles()),
        "state": redact(state_url(config.state_url, home=home)),
        "spool": str(state.spool.directory),
        "open_files": open_files,
        "pid": os.getpid(),
    }
    print(json.dumps(serving), flush=True)
    log.info("serving", extra=serving)
    await stop.wait()
    await _shut_down(state, server, health_servicer, http)


async def _shut_down(
    state: ServiceState, server: grpc.aio.Server, health_servicer: health.aio.HealthServicer, http: HttpService | None
) -> None:
    """NOT_SERVING first so balancers move away; the server keeps accepting calls while uploads in flight
    finish (a new upload is refused with UNAVAILABLE by its handler, which says why, where a stopping grpc
    server would cancel it or refuse the connection, depending on timing); then stop() with what is left
    of the grace period, which cancels the uploads still running."""
    grace = state.config.limits.shutdown_grace_seconds
    log.info("shutting down", extra={"event": "shutdown", "grace_seconds": grace})
    state.draining = True
    await health_servicer.enter_graceful_shutdown()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    while state.uploads_in_flight and loop.time() < deadline:
        await asyncio.sleep(0.05)
    await server.stop(max(0.0, deadline - loop.time()))
    if http is not None:
        await http.stop()
    if state.background is not None:
        await loop.run_in_executor(None, state.background.stop)
    state.verify_pool.shutdown(wait=True, cancel_futures=True)
    state.lookup_pool.shutdown(wait=True, cancel_futures=True)
    state.spool.close()
    state.store.close()
    log.info("stopped", extra={"event": "stopped"})


def run(config: ServiceConfig, *, home: Path, log_level: str = "INFO") -> int:
    logs.configure(log_level)
    try:
        asyncio.run(serve(config, home=home))
    except KeyboardInterrupt:
        return 0
    finally:
        sys.stdout.flush()
    return 0
