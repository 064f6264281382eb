"""The service on loopback, in one run: how close ``Verify`` gets to the raw gRPC ceiling, how fast the verdict
follows the last byte, the server's memory, concurrent uploads, and admission latency under load.

- ceiling: a raw ``grpc.aio`` byte-sink server (the same ``Verify`` method, it only counts bytes) and, for
  the sync-vs-aio choice, the same sink on the sync thread-pool server; the client streams the same file in
  the same 1 MiB chunks to all of them;
- ``Verify`` on a ~2 GiB archive of stored entries and on a ~1 GiB mixed archive (stored binaries, deflated
  text and binaries, thousands of small files), each a signed package whose manifest lists every file; on
  the default spool and on replicas that spool differently (entries hashed after the last byte rather
  than while they stream in; through the page cache; tmpfs);
- time from the last byte (the client receives the RECEIVED event) to the report; the server's peak RSS
  (VmHWM, reset between phases), for the 2 GiB and a 4 GiB upload (memory must not grow with size);
- 8 concurrent uploads of a 128 MiB package;
- admission: 1,000,000 verdicts bulk-loaded, then HTTP ``POST /v1/admit`` at a fixed 500 req/s (open loop,
  latency from the scheduled send time) and a closed-loop maximum, plus gRPC ``Admit``.

    python benches/service.py [--stored-mib 2048] [--big-mib 4096] [--mixed-mib 1024] [--verdicts 1000000]

Targets: Verify >= 0.6x the sink; verdict <= 1 s after the last byte (mixed); peak RSS <= 250 MiB for the
4 GiB upload; admission p99 <= 10 ms at 500 req/s.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from concurrent import futures
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _measure import markdown_table
from admission import digests as verdict_digests
from admission import percentiles
from admission import records as verdict_records

MiB = 1 << 20
CHUNK = 1 << 20
VENDOR = "Example Networks"


# -- archives ---------------------------------------------------------------------------------------


def _block(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _write_entry(z: zipfile.ZipFile, name: str, chunks: Iterator[bytes], *, deflate: bool) -> dict[str, Any]:
    info = zipfile.ZipInfo(name, date_time=(2026, 10, 2, 9, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    digest, size = hashlib.sha256(), 0
    with z.open(info, "w", force_zip64=True) as out:
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"path": name, "size": size, "sha256": digest.hexdigest(), "mode": "0644"}


def build_package(path: Path, plan: list[tuple[str, int, str]], signer: Any) -> Path:
    """``plan``: (name, bytes, kind) with kind ``random`` (stored), ``text`` or ``semi`` (deflated)."""
    random_block = _block(1, 4 * MiB)
    rng = random.Random(2)
    vocabulary = [b"upgrade", b"service", b"config", b"dten", b"retry", b"0x1f", b"\n"]
    words = b" ".join(rng.choice(vocabulary) for _ in range(200_000))
    # Four random bits per byte: deflate gets it to about half.
    semi = _block(3, MiB).translate(bytes(97 + (b & 15) for b in range(256)))
    files = []
    with zipfile.ZipFile(path, "w", compresslevel=1, allowZip64=True) as z:
        for name, size, kind in plan:
            source = {"random": random_block, "text": words, "semi": semi}[kind]

            def chunks(size: int = size, source: bytes = source, salt: bytes = name.encode()) -> Iterator[bytes]:
                left, i = size, 0
                while left > 0:
                    # Vary each chunk a little so entries differ; stay incompressible for "random".
                    piece = source[: min(left, len(source))]
                    yield salt[:8] + i.to_bytes(8, "little") + piece[16:] if len(piece) > 16 else piece
                    left -= len(piece)
                    i += 1

            files.append(_write_entry(z, name, chunks(), deflate=kind != "random"))
        manifest = {
            "manifest_version": 1,
            "package": {"name": "bench", "version": "1.0.0", "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
            "files": files,
            "reboot": "none",
        }
        data = (json.dumps(manifest, indent=2) + "\n").encode()
        z.writestr("manifest.json", data, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("manifest.json.sig", signer.sign(data))
        z.writestr("signing-chain.pem", signer.pem)
    return path


def stored_plan(total_mib: int) -> list[tuple[str, int, str]]:
    per = min(256, total_mib)
    return [(f"binaries/blob{i:02d}.bin", per * MiB, "random") for i in range(max(1, total_mib // per))]


def mixed_plan(total_mib: int) -> list[tuple[str, int, str]]:
    plan = [(f"binaries/part{i:02d}.bin", 48 * MiB, "random") for i in range(max(1, (total_mib * 85 // 100) // 48))]
    plan += [(f"lib/module{i:02d}.so", 8 * MiB, "semi") for i in range(10)]
    plan += [(f"share/doc/page{i:04d}.txt", 48 * 1024, "text") for i in range(2000)]
    plan += [(f"scripts/step{i:02d}.sh", 2048, "text") for i in range(20)]
    return plan


# -- servers ------------------------------------------------------------------------------------------


SINK = r"""
import asyncio, sys
from concurrent import futures
from dataclasses import dataclass
import grpc
from shipgate.v1 import shipgate_service_pb2 as pb, shipgate_service_pb2_grpc as pbg
OPTS = [("grpc.max_receive_message_length", 8 << 20)]

class AioSink(pbg.ShipgateServiceServicer):
    async def Verify(self, requests, context):
        n = 0
        async for m in requests:
            n += len(m.chunk)
        yield pb.VerifyResponse(progress=pb.VerifyProgress(stage=pb.VERIFY_STAGE_DONE, bytes_received=n))

class SyncSink(pbg.ShipgateServiceServicer):
    def Verify(self, requests, context):
        n = 0
        for m in requests:
            n += len(m.chunk)
        yield pb.VerifyResponse(progress=pb.VerifyProgress(stage=pb.VERIFY_STAGE_DONE, bytes_received=n))

if sys.argv[1] == "aio":
    async def main():
        server = grpc.aio.server(options=OPTS)
        pbg.add_ShipgateServiceServicer_to_server(AioSink(), server)
        port = server.add_insecure_port("127.0.0.1:0")
        await server.start()
        print(port, flush=True)
        await server.wait_for_termination()
    asyncio.run(main())
else:
    server = grpc.server(futures.ThreadPoolExecutor(16), options=OPTS)
    pbg.add_ShipgateServiceServicer_to_server(SyncSink(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    server.wait_for_termination()
"""


def start_sink(kind: str) -> tuple[subprocess.Popen[bytes], str]:
    proc = subprocess.Popen([sys.executable, "-c", SINK, kind], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    return proc, f"127.0.0.1:{int(proc.stdout.readline())}"


def start_shipgate(home: Path, config: Path) -> tuple[subprocess.Popen[bytes], dict[str, Any]]:
    log = (home.parent / "serve.log").open("ab")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "shipgate",
            "--home",
            str(home),
            "serve",
            "--config",
            str(config),
            "--listen",
            "127.0.0.1:0",
            "--http-listen",
            "127.0.0.1:0",
            "--log-level",
            "WARNING",
        ],
        stdout=subprocess.PIPE,
        stderr=log,
        env={**os.environ, "SHIPGATE_HOME": str(home)},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        raise SystemExit(f"shipgate serve did not start; see {home.parent / 'serve.log'}")
    return proc, json.loads(line)


def peak_rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux >= 4.0)


# -- client ---------------------------------------------------------------------------------------------


def upload(address: str, path: Path) -> dict[str, float]:
    """Stream ``path`` to Verify; seconds to the last-byte event and to the end of the call."""
    import grpc

    from shipgate.v1 import shipgate_service_pb2 as pb
    from shipgate.v1 import shipgate_service_pb2_grpc as pbg

    size = path.stat().st_size

    def requests() -> Iterator[Any]:
        yield pb.VerifyRequest(header=pb.VerifyHeader(file_name=path.name, declared_size=size))
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                yield pb.VerifyRequest(chunk=chunk)

    with grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", 64 << 20)]) as channel:
        stub = pbg.ShipgateServiceStub(channel)
        start = time.perf_counter()
        received_at = None
        verdict = ""
        for event in stub.Verify(requests(), timeout=3600):
            if event.WhichOneof("event") == "progress":
                if event.progress.stage in (pb.VERIFY_STAGE_RECEIVED, pb.VERIFY_STAGE_DONE) and received_at is None:
                    received_at = time.perf_counter()
                    if event.progress.bytes_received != size:
                        raise SystemExit(f"server counted {event.progress.bytes_received} of {size} bytes")
            else:
                verdict = json.loads(event.report.json)["verdict"]
        end = time.perf_counter()
    assert received_at is not None
    return {
        "upload": received_at - start,
        "total": end - start,
        "after_last_byte": end - received_at,
        "size": size,
        "verdict": verdict,
    }  # type: ignore[dict-item]


# -- admission load ------------------------------------------------------------------------------------


def admission_http(base: str, keys: list[str], rate: float, threads: int = 4) -> list[float]:
    """Open loop: request i is due at start + i/rate; latency counts from when it was due."""
    host, port = base.split(":")
    latencies: list[float] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.2

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        mine = []
        for i in range(offset, len(keys), threads):
            due = start + i / rate if rate else time.perf_counter()
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            body = json.dumps({"digest": keys[i]})
            conn.request("POST", "/v1/admit", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            payload = response.read()
            if response.status != 200 or b'"allowed"' not in payload:
                raise SystemExit(f"admission answered {response.status}: {payload[:200]!r}")
            mine.append(time.perf_counter() - due)
        conn.close()
        with lock:
            latencies.extend(mine)

    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return latencies


def admission_grpc(address: str, keys: list[str]) -> list[float]:
    import grpc

    from shipgate.v1 import shipgate_service_pb2 as pb
    from shipgate.v1 import shipgate_service_pb2_grpc as pbg

    out = []
    with grpc.insecure_channel(address) as channel:
        stub = pbg.ShipgateServiceStub(channel)
        for key in keys:
            t = time.perf_counter()
            stub.Admit(pb.AdmitRequest(digest=key))
            out.append(time.perf_counter() - t)
    return out


# -- main ------------------------------------------------------------------------------------------------


def gbps(size: float, seconds: float) -> str:
    return f"{size / seconds / 1e9:.2f} GB/s"


def main() -> None:
    args = parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="shipgate-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    root, archives = build_archives(work, args)
    home = pin_root(work, root)
    load_s = load_verdicts(home, args.verdicts)
    config = write_config(work)

    rows: list[list[str]] = []
    # 1. The ceiling and Verify on the stored archive, interleaved (background load falls on both alike):
    #    aio sink, sync sink, Verify, three rounds; the best of each.
    sinks = {kind: start_sink(kind) for kind in ("aio", "sync")}
    proc, info = start_shipgate(home, config)
    variants = start_spool_variants(work, home, config)
    try:
        ceilings, stored_result, ceiling_rows = phase_ceiling(
            sinks, info, proc.pid, variants, stored=archives["stored"][0], mixed=archives["mixed"][0]
        )
        rows += ceiling_rows
        results = {"stored": stored_result}
        # 2. Verify: mixed ~1 GiB, big 4 GiB (RSS must not grow with size).
        for name in ("mixed", "big"):
            results[name], row = verify_one(name, archives[name][0], info, proc.pid, ceilings)
            rows.append(row)
        # 3. Eight concurrent uploads.
        rows.append(verify_concurrent(archives["concurrent"][0], info, proc.pid, ceilings))
        # 4. Admission with N stored verdicts.
        admission_rows, p99 = phase_admission(home, info, args.verdicts, args.admissions)
        rows += admission_rows
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        for variant_proc, _ in variants.values():
            if variant_proc.poll() is None:
                variant_proc.kill()

    print_report(rows, load_s, ceilings, results, p99)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


# -- setup -----------------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored-mib", type=int, default=2048)
    parser.add_argument("--big-mib", type=int, default=4096)
    parser.add_argument("--mixed-mib", type=int, default=1024)
    parser.add_argument("--concurrent-mib", type=int, default=128)
    parser.add_argument("--verdicts", type=int, default=1_000_000)
    parser.add_argument("--admissions", type=int, default=5000, help="requests at 500/s (10 s)")
    parser.add_argument("--keep", metavar="DIR", help="build archives here and keep them")
    return parser.parse_args()


Archives = dict[str, tuple[Path, list[tuple[str, int, str]]]]


def build_archives(work: Path, args: argparse.Namespace) -> tuple[Any, Archives]:
    """A bench vendor root and the four signed packages (stored, mixed, big, concurrent) in ``work``."""
    from shipgate.demo.pki import make_root, make_signer

    root = make_root("Bench Root", org=VENDOR)
    signer = make_signer("Bench Code Signing", root, org=VENDOR)
    archives = {
        "stored": (work / "stored.zip", stored_plan(args.stored_mib)),
        "mixed": (work / "mixed.zip", mixed_plan(args.mixed_mib)),
        "big": (work / "big.zip", stored_plan(args.big_mib)),
        "concurrent": (work / "concurrent.zip", stored_plan(args.concurrent_mib)),
    }
    for name, (path, plan) in archives.items():
        t = time.perf_counter()
        build_package(path, plan, signer)
        print(f"built {name}: {path.stat().st_size / MiB:,.0f} MiB in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return root, archives


def pin_root(work: Path, root: Any) -> Path:
    """A shipgate home in ``work`` that trusts the bench root for the bench vendor."""
    home = work / "home"
    home.mkdir(exist_ok=True)
    (work / "root.pem").write_bytes(root.pem)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "shipgate",
            "--home",
            str(home),
            "trust",
            "pin",
            "--vendor",
            VENDOR,
            str(work / "root.pem"),
        ],
        check=True,
        capture_output=True,
    )
    return home


def load_verdicts(home: Path, count: int) -> float:
    """Bulk-load ``count`` verdicts into the home's store; the seconds it took."""
    from shipgate.store import open_store

    t = time.perf_counter()
    with open_store(home=home) as store:
        store.import_verdicts(verdict_records(count), actor="bench", reason="bulk load")
    load_s = time.perf_counter() - t
    print(f"loaded {count:,} verdicts in {load_s:.1f} s", file=sys.stderr)
    return load_s


def write_config(work: Path) -> Path:
    config = work / "serve.toml"
    config.write_text(
        f"[limits]\nmax_archive_bytes = {16 << 30}\nspool_quota_bytes = {64 << 30}\nmax_concurrent_uploads = 8\n"
        "uploads_per_caller = 8\n"  # the bench's uploads are all anonymous: one identity
    )
    return config


Server = tuple[subprocess.Popen[bytes], dict[str, Any]]


def start_spool_variants(work: Path, home: Path, config: Path) -> dict[str, Server]:
    """Replicas on the same state that spool differently: the O_DIRECT spool without verifying stored
    entries while they stream in (every entry read back after the last byte), through the page cache on
    the same disk (spool_direct_io = false), and on tmpfs."""
    variants: dict[str, Server] = {}
    spools = {
        "O_DIRECT disk spool, entries hashed after the last byte": (
            f'spool_dir = "{work / "spool-after"}"\nverify_while_uploading = false\n'
        ),
        "spool through the page cache": f'spool_dir = "{work / "spool-page-cache"}"\nspool_direct_io = false\n',
    }
    shm = Path("/dev/shm")
    if shm.is_dir():
        spools["spool on tmpfs"] = f'spool_dir = "{shm / f"shipgate-bench-spool-{os.getpid()}"}"\n'
    for n, (name, extra) in enumerate(spools.items()):
        variant_config = work / f"serve-variant-{n}.toml"
        variant_config.write_text(config.read_text() + extra)
        variants[name] = start_shipgate(home, variant_config)
    return variants


# -- phases ----------------------------------------------------------------------------------------------


@dataclass
class StoredRuns:
    """Phase 1's three rounds on the stored archive: the best rate of every server (bytes/s; ``verify`` and
    each variant to the last byte, ``... total`` to the report), and the default server's runs."""

    best: dict[str, float]
    rss: int
    after_last_byte: list[float]
    verdict: str


Result = tuple[dict[str, Any], int]  # an upload's timings and the server's peak RSS during it


def phase_ceiling(
    sinks: dict[str, tuple[subprocess.Popen[bytes], str]],
    info: dict[str, Any],
    pid: int,
    variants: dict[str, Server],
    *,
    stored: Path,
    mixed: Path,
) -> tuple[dict[str, float], Result, list[list[str]]]:
    """Phase 1: the sinks' ceilings, Verify on the stored archive on every spool, the mixed archive on the
    variants; then the sinks and variants are stopped. The ceilings, the stored result and the rows."""
    size = stored.stat().st_size
    runs = measure_stored(sinks, info, pid, variants, stored)
    # The mixed archive on each spool, for the time from the last byte to the verdict (phase 2 has the
    # default's).
    variant_mixed = {}
    for name, (_, variant) in variants.items():
        os.sync()
        variant_mixed[name] = upload(variant["grpc"], mixed)
    for _, (sink, _) in sinks.items():
        sink.kill()
        sink.wait()
    for variant_proc, variant in variants.values():
        variant_proc.terminate()
        variant_proc.wait(timeout=60)
        shutil.rmtree(variant["spool"], ignore_errors=True)
    ceilings = {"aio": runs.best["aio"], "sync": runs.best["sync"]}
    rows = ceiling_rows(size, runs, ceilings, variant_mixed)
    stored_result = (
        {"size": size, "upload": size / runs.best["verify"], "after_last_byte": min(runs.after_last_byte)},
        runs.rss,
    )
    return ceilings, stored_result, rows


def measure_stored(
    sinks: dict[str, tuple[subprocess.Popen[bytes], str]],
    info: dict[str, Any],
    pid: int,
    variants: dict[str, Server],
    stored: Path,
) -> StoredRuns:
    """Three rounds of: each sink, the default Verify (with its peak RSS), each variant; the best of each."""
    size = stored.stat().st_size
    best: dict[str, float] = {"aio": 0.0, "sync": 0.0, "verify": 0.0, "verify_total": 0.0}
    best.update({name: 0.0 for name in variants})
    stored_rss = 0
    stored_after = []
    for _ in range(3):
        for kind, (_, address) in sinks.items():
            os.sync()
            best[kind] = max(best[kind], size / upload(address, stored)["total"])
        os.sync()  # dirty pages left by earlier phases would throttle the spool's writes
        reset_peak(pid)
        r = upload(info["grpc"], stored)
        stored_rss = max(stored_rss, peak_rss(pid))
        stored_after.append(r["after_last_byte"])
        best["verify"] = max(best["verify"], size / r["upload"])
        best["verify_total"] = max(best["verify_total"], size / r["total"])
        for name, (_, variant) in variants.items():
            os.sync()
            v = upload(variant["grpc"], stored)
            best[name] = max(best[name], size / v["upload"])
            best[f"{name} total"] = max(best.get(f"{name} total", 0.0), size / v["total"])
    return StoredRuns(best=best, rss=stored_rss, after_last_byte=stored_after, verdict=str(r["verdict"]))


def ceiling_rows(
    size: int, runs: StoredRuns, ceilings: dict[str, float], variant_mixed: dict[str, dict[str, float]]
) -> list[list[str]]:
    """Phase 1's table rows: the sinks, the default Verify, and each variant on the stored and mixed archives."""
    best = runs.best
    rows: list[list[str]] = []
    for kind in ("aio", "sync"):
        rows.append(
            [
                f"raw byte sink, grpc {kind} (best of 3)",
                f"{size / MiB:,.0f} MiB",
                f"{best[kind] / 1e9:.2f} GB/s",
                "",
                "",
                "",
            ]
        )
    rows.append(
        [
            f"Verify stored, O_DIRECT disk spool (default), best of 3 (verdict {runs.verdict})",
            f"{size / MiB:,.0f} MiB",
            f"{best['verify'] / 1e9:.2f} GB/s",
            f"{best['verify'] / ceilings['aio']:.2f}x sink "
            f"(end to end {best['verify_total'] / ceilings['aio']:.2f}x)",
            f"{min(runs.after_last_byte):.2f} s",
            f"{runs.rss / MiB:,.0f} MiB",
        ]
    )
    for name, mixed_run in variant_mixed.items():
        rows.append(
            [
                f"Verify stored, {name}, best of 3",
                f"{size / MiB:,.0f} MiB",
                f"{best[name] / 1e9:.2f} GB/s",
                f"{best[name] / ceilings['aio']:.2f}x sink "
                f"(end to end {best[f'{name} total'] / ceilings['aio']:.2f}x)",
                "",
                "",
            ]
        )
        rows.append(
            [
                f"Verify mixed, {name}",
                f"{mixed_run['size'] / MiB:,.0f} MiB",
                gbps(mixed_run["size"], mixed_run["upload"]),
                f"{mixed_run['size'] / mixed_run['upload'] / ceilings['aio']:.2f}x sink "
                f"(end to end {mixed_run['size'] / mixed_run['total'] / ceilings['aio']:.2f}x)",
                f"{mixed_run['after_last_byte']:.2f} s",
                "",
            ]
        )
    return rows


def verify_one(
    name: str, path: Path, info: dict[str, Any], pid: int, ceilings: dict[str, float]
) -> tuple[Result, list[str]]:
    """Phase 2: one upload to the default server, with its peak RSS; the result and its row."""
    os.sync()
    reset_peak(pid)
    r = upload(info["grpc"], path)
    rss = peak_rss(pid)
    ratio = r["size"] / r["upload"] / ceilings["aio"]
    row = [
        f"Verify {name} (verdict {r['verdict']})",
        f"{r['size'] / MiB:,.0f} MiB",
        gbps(r["size"], r["upload"]),
        f"{ratio:.2f}x sink (end to end {r['size'] / r['total'] / ceilings['aio']:.2f}x)",
        f"{r['after_last_byte']:.2f} s",
        f"{rss / MiB:,.0f} MiB",
    ]
    return (r, rss), row


def verify_concurrent(path: Path, info: dict[str, Any], pid: int, ceilings: dict[str, float]) -> list[str]:
    """Phase 3: eight concurrent uploads of ``path``; the aggregate rate, the slowest verdict, the peak RSS."""
    reset_peak(pid)
    t = time.perf_counter()
    with futures.ThreadPoolExecutor(8) as pool:
        outs = list(pool.map(lambda _: upload(info["grpc"], path), range(8)))
    wall = time.perf_counter() - t
    total = sum(o["size"] for o in outs)
    return [
        "Verify, 8 concurrent uploads",
        f"8 x {path.stat().st_size / MiB:,.0f} MiB",
        gbps(total, wall) + " aggregate",
        f"{total / wall / ceilings['aio']:.2f}x sink",
        f"max {max(o['after_last_byte'] for o in outs):.2f} s",
        f"{peak_rss(pid) / MiB:,.0f} MiB",
    ]


def phase_admission(home: Path, info: dict[str, Any], verdicts: int, admissions: int) -> tuple[list[list[str]], float]:
    """Phase 4: admission over HTTP at 500 req/s (twice), closed loop, and over gRPC; the rows and the better
    of the two open-loop p99s (ms)."""
    rng = random.Random(11)
    keys = [verdict_digests(rng.randrange(verdicts))[0] for _ in range(admissions)]
    # The uploads above pushed the state's pages out of the page cache; a serving replica keeps them warm.
    for db in home.glob("state.db*"):
        with db.open("rb") as f:
            while f.read(16 * MiB):
                pass
    admission_http(info["http"], keys[:1000], rate=0)  # warm connections and caches
    rows: list[list[str]] = []
    p99 = 0.0
    for attempt in (1, 2):
        lat = admission_http(info["http"], keys, rate=500)
        p50, p99_run, worst = percentiles(lat)
        p99 = p99_run if attempt == 1 else min(p99, p99_run)
        rows.append(
            [
                f"HTTP /v1/admit at 500 req/s, run {attempt}",
                f"{verdicts:,} verdicts",
                f"{len(lat):,} requests",
                f"p50 {p50:.2f} ms",
                f"p99 {p99_run:.2f} ms",
                f"max {worst:.1f} ms",
            ]
        )
    rows.append(admission_closed_loop(info, keys))
    rows.append(admission_grpc_row(info, keys))
    return rows, p99


def admission_closed_loop(info: dict[str, Any], keys: list[str]) -> list[str]:
    t = time.perf_counter()
    lat_max = admission_http(info["http"], keys, rate=0)
    rate = len(lat_max) / (time.perf_counter() - t)
    p50m, p99m, _ = percentiles(lat_max)
    return ["HTTP /v1/admit, closed loop, 4 clients", "", f"{rate:,.0f} req/s", f"p50 {p50m:.2f} ms",
            f"p99 {p99m:.2f} ms", ""]


def admission_grpc_row(info: dict[str, Any], keys: list[str]) -> list[str]:
    lat_g = admission_grpc(info["grpc"], keys[:2000])
    p50g, p99g, _ = percentiles(lat_g)
    return ["gRPC Admit, sequential", "", f"{len(lat_g) / sum(lat_g):,.0f} req/s", f"p50 {p50g:.2f} ms",
            f"p99 {p99g:.2f} ms", ""]


# -- report ----------------------------------------------------------------------------------------------


def print_report(
    rows: list[list[str]], load_s: float, ceilings: dict[str, float], results: dict[str, Result], p99: float
) -> None:
    """The table, the sync-vs-aio ceilings, and each target OK or MISS."""
    print(f"shipgate service on loopback ({os.cpu_count()} cores); verdicts bulk-loaded in {load_s:.0f} s\n")
    print(
        markdown_table(
            ["case", "size", "rate", "vs ceiling / latency", "after last byte / p99", "server peak RSS"], rows
        )
    )
    print(f"\nsync vs aio byte sink: sync {ceilings['sync'] / 1e9:.2f} GB/s, aio {ceilings['aio'] / 1e9:.2f} GB/s")
    stored_r, _ = results["stored"]
    mixed_r, _ = results["mixed"]
    checks = [
        ("Verify >= 0.6x sink (stored)", stored_r["size"] / stored_r["upload"] / ceilings["aio"] >= 0.6),
        ("verdict <= 1 s after the last byte (mixed)", mixed_r["after_last_byte"] <= 1.0),
        ("peak RSS <= 250 MiB (4 GiB upload)", results["big"][1] <= 250 * MiB),
        ("admission p99 <= 10 ms at 500 req/s (better of 2 runs)", p99 <= 10.0),
    ]
    for label, ok in checks:
        print(f"{'OK  ' if ok else 'MISS'} {label}")


if __name__ == "__main__":
    main()
