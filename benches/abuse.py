"""The service under abuse, on loopback: does an authorised client still get its answers?

One ``shipgate serve`` with mTLS (so that callers have identities and per-caller limits apply). For each
attack, run from other loopback addresses (127.0.0.2 and up) and bounded in count and time:

- 64 slow-drip HTTP connections (a request head, one byte every 0.5 s);
- 512 silent TLS connections to the HTTP listener (TCP connected, no ClientHello);
- 10,000 idle gRPC connections (TLS with a client certificate, the HTTP/2 preface, then nothing);
- 16 idle upload streams (a Verify header, then nothing) from one uploader identity;
- 100 upload streams of 1-byte chunks from that identity;

an authorised client, meanwhile, sends admissions over HTTP (100/s, open loop, one keep-alive connection)
and over gRPC (sequential), and uploads a 256 MiB package. Reported: admission p50/p99 for both (and the p99
of the requests sent while the upload ran and of the others, apart), whether the upload completed (and its
time), the server's peak RSS during the attack and its RSS after.

    python benches/abuse.py [--upload-mib 256] [--idle-grpc 10000] [--seconds 8] [--only drip,idle-grpc]

Targets: admission p99 <= 50 ms, the upload completes, peak RSS <= 300 MiB, RSS back near the baseline.
Timings are noisy on a shared machine; run it when the machine is quiet and compare to the baseline row.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import json
import os
import resource
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc

from shipgate.demo.build import PackageFile, PackageSpec
from shipgate.service.client import verify_remote
from shipgate.v1 import shipgate_service_pb2 as pb
from shipgate.v1 import shipgate_service_pb2_grpc as pbg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from admission import percentiles  # noqa: E402  (benches/admission.py, before tests/admission shadows it)

sys.path.insert(0, str(ROOT / "tests"))  # the service tests' kit (before benches/service.py shadows it)

from _measure import markdown_table  # noqa: E402
from service.kit import Server, TlsFiles, TlsPki, make_vendor, pin, tls_channel  # noqa: E402

MiB = 1 << 20
H2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"  # + empty SETTINGS


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class RssSampler:
    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_mib(self.pid))
            time.sleep(0.1)

    def done(self) -> float:
        self.stop.set()
        self.thread.join()
        return self.peak


def client_context(pki: TlsPki, client: TlsFiles) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(pki.ca_path))
    context.load_cert_chain(str(client.cert), str(client.key))
    return context


def address(text: str) -> tuple[str, int]:
    host, port = text.rsplit(":", 1)
    return host, int(port)


# -- attacks: each a context manager, bounded in count and time ---------------------------------------------


@contextlib.contextmanager
def slow_drip(http: tuple[str, int], count: int) -> Iterator[None]:
    stop = threading.Event()
    socks = [socket.create_connection(http, source_address=("127.0.0.2", 0)) for _ in range(count)]
    head = b"POST /v1/admit HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n"

    def drip() -> None:
        for i in range(240):
            if stop.wait(0.5):
                return
            for sock in socks:
                with contextlib.suppress(OSError):
                    sock.send(head[i % len(head) : i % len(head) + 1])

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        for sock in socks:
            sock.close()


@contextlib.contextmanager
def silent_tcp(target: tuple[str, int], count: int) -> Iterator[None]:
    socks = []
    for i in range(count):
        with contextlib.suppress(OSError):
            socks.append(socket.create_connection(target, timeout=5, source_address=(f"127.0.0.{2 + i % 8}", 0)))
    try:
        yield
    finally:
        for sock in socks:
            sock.close()


@contextlib.contextmanager
def idle_grpc(target: tuple[str, int], count: int, context: ssl.SSLContext) -> Iterator[None]:
    """``count`` TLS connections that send the HTTP/2 preface and then nothing, opened from an event loop in
    a thread of its own (50 at a time), held until the block ends."""
    loop = asyncio.new_event_loop()
    held: list[asyncio.StreamWriter] = []

    async def one(i: int, gate: asyncio.Semaphore) -> None:
        async with gate:
            with contextlib.suppress(OSError, ssl.SSLError, TimeoutError):
                _, writer = await asyncio.wait_for(
                    asyncio.open_connection(
                        *target,
                        ssl=context,
                        server_hostname="localhost",
                        local_addr=(f"127.0.{1 + i // 5000}.{2 + i % 200}", 0),
                    ),
                    10,
                )
                writer.write(H2_PREFACE)
                held.append(writer)

    async def open_all() -> None:
        gate = asyncio.Semaphore(50)
        await asyncio.gather(*(one(i, gate) for i in range(count)))

    loop.run_until_complete(open_all())
    try:
        yield
    finally:
        for writer in held:
            writer.transport.abort()
        loop.run_until_complete(asyncio.sleep(0.1))
        loop.close()
        print(f"  (idle gRPC: {len(held)} of {count} connections opened)", flush=True)


@contextlib.contextmanager
def upload_streams(channel: grpc.Channel, count: int, *, drip: bool) -> Iterator[None]:
    stop = threading.Event()
    stub = pbg.ShipgateServiceStub(channel)

    def requests() -> Iterator[pb.VerifyRequest]:
        yield pb.VerifyRequest(header=pb.VerifyHeader(declared_size=8 << 30, file_name="attack.zip"))
        for _ in range(100_000):
            if stop.is_set():
                return
            if drip:
                yield pb.VerifyRequest(chunk=b"x")
            else:
                stop.wait(1)

    calls = [stub.Verify(requests(), timeout=120) for _ in range(count)]
    try:
        yield
    finally:
        stop.set()
        for call in calls:
            call.cancel()


def attack_by_name(spec: dict[str, Any]) -> contextlib.AbstractContextManager[None]:
    """The attack ``spec`` names, built from addresses and the attacker's certificate files (child process)."""
    name = spec["name"]
    mallory = TlsFiles(ca=Path(spec["ca"]), cert=Path(spec["cert"]), key=Path(spec["key"]))
    context = ssl.create_default_context(cafile=spec["ca"])
    context.load_cert_chain(spec["cert"], spec["key"])
    if name == "none":
        return contextlib.nullcontext()
    if name == "drip":
        return slow_drip(tuple(spec["http"]), 64)
    if name == "silent-tls":
        return silent_tcp(tuple(spec["http"]), 512)
    if name == "idle-grpc":
        return idle_grpc(tuple(spec["grpc"]), spec["idle_grpc"], context)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=mallory.ca.read_bytes(),
        private_key=mallory.key.read_bytes(),
        certificate_chain=mallory.cert.read_bytes(),
    )
    channel = grpc.secure_channel(f"{spec['grpc'][0]}:{spec['grpc'][1]}", credentials)
    return upload_streams(channel, 16 if name == "idle-uploads" else 100, drip=name == "tiny-chunks")


def run_attack(spec: dict[str, Any]) -> None:
    """Child mode: set the attack up, say ``ready``, hold it until stdin closes."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    with attack_by_name(spec):
        print("ready", flush=True)
        sys.stdin.read()


@contextlib.contextmanager
def attack_process(spec: dict[str, Any]) -> Iterator[None]:
    """The attack in a process of its own, so that its threads do not take the measuring client's GIL."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--attack", json.dumps(spec)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert child.stdout is not None and child.stdin is not None
    if child.stdout.readline().strip() != b"ready":
        raise SystemExit(f"attack {spec['name']} did not start")
    try:
        yield
    finally:
        child.stdin.close()
        child.wait(timeout=120)


# -- the authorised client -----------------------------------------------------------------------------------


Sample = tuple[float, float]  # (when the request was due or sent, its latency), perf_counter seconds


def http_admits(target: tuple[str, int], context: ssl.SSLContext, digest: str, seconds: float) -> list[Sample]:
    conn = http.client.HTTPSConnection(*target, context=context, timeout=10)
    body = json.dumps({"digest": digest})
    latencies: list[Sample] = []
    start = time.perf_counter()
    for i in range(int(seconds * 100)):
        scheduled = start + i / 100
        time.sleep(max(0.0, scheduled - time.perf_counter()))
        conn.request("POST", "/v1/admit", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"admission answered {response.status}")
        latencies.append((scheduled, time.perf_counter() - scheduled))
    conn.close()
    return latencies


def grpc_admits(channel: grpc.Channel, digest: str, seconds: float) -> list[Sample]:
    stub = pbg.ShipgateServiceStub(channel)
    latencies: list[Sample] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t0 = time.perf_counter()
        stub.Admit(pb.AdmitRequest(digest=digest), timeout=10)
        latencies.append((t0, time.perf_counter() - t0))
        time.sleep(0.01)
    return latencies


def measure(
    name: str,
    attack: dict[str, Any],
    *,
    server: Server,
    http_context: ssl.SSLContext,
    admit_channel: grpc.Channel,
    upload_channel: grpc.Channel,
    package: Path,
    digest: str,
    seconds: float,
) -> list[str]:
    pid = server.info["pid"]
    before = rss_mib(pid)
    sampler = RssSampler(pid)
    results: dict[str, Any] = {}
    with attack_process(attack):
        time.sleep(1.0)
        threads = [
            threading.Thread(
                target=lambda: results.update(
                    http=http_admits(address(server.info["http"]), http_context, digest, seconds)
                )
            ),
            threading.Thread(target=lambda: results.update(grpc=grpc_admits(admit_channel, digest, seconds))),
        ]
        for thread in threads:
            thread.start()  # a failure in one shows as a missing latency column ("0.00")
        t0 = time.perf_counter()
        try:
            report = verify_remote(server.grpc_address, package, file_name="big.zip", chan=upload_channel)
            upload = f"{report.verdict} in {time.perf_counter() - t0:.1f} s"
        except Exception as exc:
            upload = f"FAILED: {exc}"[:80]
        t1 = time.perf_counter()
        for thread in threads:
            thread.join()
    peak = sampler.done()
    time.sleep(3.0)
    after = rss_mib(pid)
    split = {key: _split(results.get(key, [(0.0, 0.0)]), t0, t1) for key in ("http", "grpc")}
    (h50, h99, _), (g50, g99, _) = (percentiles(split[key][0]) for key in ("http", "grpc"))
    quiet = " / ".join(f"{percentiles(split[key][2] or [0.0])[1]:.1f}" for key in ("http", "grpc"))
    during = " / ".join(f"{percentiles(split[key][1] or [0.0])[1]:.1f}" for key in ("http", "grpc"))
    row = [
        name,
        f"{h50:.2f} / {h99:.2f} ms",
        f"{g50:.2f} / {g99:.2f} ms",
        f"{quiet} ms",
        f"{during} ms",
        upload,
        f"{before:.0f} → peak {peak:.0f} → {after:.0f} MiB",
    ]
    print("  " + " | ".join(row), flush=True)
    return row


def _split(samples: list[Sample], start: float, end: float) -> tuple[list[float], list[float], list[float]]:
    """All latencies, those of requests sent while the upload ran (``start``..``end``), and the others."""
    during = [latency for when, latency in samples if start <= when <= end]
    others = [latency for when, latency in samples if not start <= when <= end]
    return [latency for _, latency in samples], during, others


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upload-mib", type=int, default=256)
    parser.add_argument("--idle-grpc", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=8.0, help="admission load per attack")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated attacks to run: none, drip, silent-tls, idle-grpc, idle-uploads, tiny-chunks (all)",
    )
    parser.add_argument("--attack", help=argparse.SUPPRESS)  # child mode: run one attack (JSON spec)
    args = parser.parse_args()
    if args.attack:
        run_attack(json.loads(args.attack))
        return
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    with tempfile.TemporaryDirectory(prefix="shipgate-abuse-") as scratch:
        base = Path(scratch)
        home = base / "home"
        home.mkdir()
        vendor = make_vendor()
        pin(home, vendor, {"SHIPGATE_HOME": str(home)})
        package = PackageSpec(
            files={"binaries/blob.bin": PackageFile(data=os.urandom(args.upload_mib * MiB), compress=False)},
            package={"name": "dten", "version": "9.0.0", "vendor": "Example Networks", "built": "2026-10-02T09:00:00Z"},
            fields={"reboot": "none"},
        ).build(base / "big.zip", signer=vendor.signer)
        pki = TlsPki(base / "pki")
        served = pki.issue("shipgate-server", server=True)
        config = base / "serve.toml"
        config.write_text(
            f'[tls]\ncert = "{served.cert}"\nkey = "{served.key}"\nclient_ca = "{pki.ca_path}"\n'
            '[roles]\nuploader = ["CN=artifactory", "CN=mallory"]\nadmission = ["CN=kube-admission"]\n'
            'metrics = ["CN=kube-admission"]\n'
        )
        with Server(home, config) as server:
            kube, artifactory, mallory = pki.issue("kube-admission"), pki.issue("artifactory"), pki.issue("mallory")
            http_context = client_context(pki, kube)
            admit_channel = tls_channel(server, kube, pki.ca_path)
            upload_channel = tls_channel(server, artifactory, pki.ca_path)
            digest = verify_remote(
                server.grpc_address, package, file_name="big.zip", chan=upload_channel
            ).archive.digests["sha256"]
            common = {
                "grpc": list(address(server.grpc_address)),
                "http": list(address(server.info["http"])),
                "ca": str(pki.ca_path),
                "cert": str(mallory.cert),
                "key": str(mallory.key),
                "idle_grpc": args.idle_grpc,
            }
            attacks = [
                ("no attack (baseline)", "none"),
                ("64 slow-drip HTTP connections", "drip"),
                ("512 silent TLS connections (HTTP)", "silent-tls"),
                (f"{args.idle_grpc:,} idle gRPC connections", "idle-grpc"),
                ("16 idle upload streams", "idle-uploads"),
                ("100 streams of 1-byte chunks", "tiny-chunks"),
            ]
            chosen = set(filter(None, args.only.split(",")))
            rows = []
            for name, kind in attacks:
                if chosen and kind not in chosen:
                    continue
                print(f"{name} ...", flush=True)
                rows.append(
                    measure(
                        name,
                        {**common, "name": kind},
                        server=server,
                        http_context=http_context,
                        admit_channel=admit_channel,
                        upload_channel=upload_channel,
                        package=package,
                        digest=digest,
                        seconds=args.seconds,
                    )
                )
    print()
    print(
        markdown_table(
            [
                "attack",
                "HTTP admit p50 / p99 (100/s)",
                "gRPC Admit p50 / p99",
                "p99 HTTP / gRPC, upload not running",
                "p99 HTTP / gRPC, upload running",
                f"concurrent {args.upload_mib} MiB upload",
                "server RSS before → peak → after",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
