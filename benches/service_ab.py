"""Two or more trees' ``shipgate serve`` side by side on the same archives, measured in rounds: is a change in
``benches/service.py``'s figures the code's, or the machine's load?

Each tree is a checkout with its native module built in place (``DIR/python``). One server per tree runs on
the same signed archives, beside the raw ``grpc.aio`` byte sink. Each round uploads the stored archive to the
sink, then to every server in turn (the order reversed every other round), then the mixed archive and eight
concurrent uploads to every server. Besides the wall clock it reads each server's CPU time (all threads,
``/proc/PID/stat``) when the client sees the last-byte event and when it has the report: CPU time is what the
load of a shared machine disturbs least.

``--isolated`` measures the verification after the last byte alone instead: per tree, in a process of its
own, the archive written through the service's spool (its walk let through to the end), then
``verify_package`` as the service calls it, ``--rounds`` times.

    python benches/service_ab.py --trees old=/work/wt/old new=. [--rounds 5] [--stored-mib 512]
        [--mixed-mib 256] [--concurrent-mib 64] [--isolated]

Run it with this tree's ``PYTHONPATH`` (it builds the archives and speaks gRPC with this tree's modules).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent import futures
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import service as bench  # the archives, the sink and the client of benches/service.py

Server = tuple[subprocess.Popen[bytes], dict[str, Any]]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of every thread of ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def upload(address: str, path: Path, pid: int) -> dict[str, Any]:
    """``benches/service.py``'s upload, with the server's CPU time to the last byte and after it."""
    import grpc

    from shipgate.v1 import shipgate_service_pb2 as pb
    from shipgate.v1 import shipgate_service_pb2_grpc as pbg

    size = path.stat().st_size

    def requests() -> Any:
        yield pb.VerifyRequest(header=pb.VerifyHeader(file_name=path.name, declared_size=size))
        with path.open("rb") as f:
            while chunk := f.read(bench.CHUNK):
                yield pb.VerifyRequest(chunk=chunk)

    cpu0 = cpu_seconds(pid)
    with grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", 64 << 20)]) as channel:
        start = time.perf_counter()
        received, cpu1, verdict = start, cpu0, ""
        for event in pbg.ShipgateServiceStub(channel).Verify(requests(), timeout=3600):
            if event.WhichOneof("event") == "report":
                verdict = json.loads(event.report.json)["verdict"]
            elif event.progress.stage in (pb.VERIFY_STAGE_RECEIVED, pb.VERIFY_STAGE_DONE) and cpu1 == cpu0:
                received, cpu1 = time.perf_counter(), cpu_seconds(pid)
        end = time.perf_counter()
    if verdict not in ("allow", "warn"):
        raise SystemExit(f"{path.name}: verdict {verdict!r}")
    return {"size": size, "upload": received - start, "after": end - received, "cpu_up": cpu1 - cpu0,
            "cpu_after": cpu_seconds(pid) - cpu1}


def start_servers(trees: dict[str, Path], work: Path, root_pem: Path) -> dict[str, Server]:
    """One ``shipgate serve`` per tree, each with a home of its own that trusts the bench root."""
    servers = {}
    for name, tree in trees.items():
        env = {**os.environ, "PYTHONPATH": str(tree / "python")}
        home = work / f"home-{name}"
        home.mkdir()
        subprocess.run([sys.executable, "-m", "shipgate", "--home", str(home), "trust", "pin", "--vendor", bench.VENDOR,
                        str(root_pem)], check=True, capture_output=True, env=env)
        config = work / f"serve-{name}.toml"
        config.write_text(bench.write_config(work).read_text())
        if not (tree / "python/shipgate/service/slots.py").exists():  # a tree before uploads_per_caller
            config.write_text(config.read_text().replace("uploads_per_caller = 8\n", ""))
        os.environ["PYTHONPATH"], saved = str(tree / "python"), os.environ.get("PYTHONPATH", "")
        try:
            servers[name] = bench.start_shipgate(home, config)
        finally:
            os.environ["PYTHONPATH"] = saved
    return servers


def one_round(r: int, servers: dict[str, Server], sink: str, archives: dict[str, Path]) -> dict[str, dict[str, float]]:
    """Round ``r``: the sink, then every server (reversed order on odd rounds) on each archive."""
    order = list(servers) if r % 2 == 0 else list(servers)[::-1]
    os.sync()
    stored = archives["stored"]
    sink_rate = stored.stat().st_size / bench.upload(sink, stored)["total"]
    out: dict[str, dict[str, float]] = {name: {} for name in order}
    for name in order:
        proc, info = servers[name]
        os.sync()
        bench.reset_peak(proc.pid)
        u = upload(info["grpc"], stored, proc.pid)
        out[name].update(ratio=u["size"] / u["upload"] / sink_rate, after=u["after"], cpu_up=u["cpu_up"],
                         cpu_after=u["cpu_after"], rss=bench.peak_rss(proc.pid) / bench.MiB)
    for name in order:
        proc, info = servers[name]
        os.sync()
        m = upload(info["grpc"], archives["mixed"], proc.pid)
        out[name].update(mixed_after=m["after"], mixed_cpu_after=m["cpu_after"])
    for name in order:
        proc, info = servers[name]
        bench.reset_peak(proc.pid)
        address = info["grpc"]
        with futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda _, a=address: bench.upload(a, archives["concurrent"]), range(8)))
        out[name]["concurrent_rss"] = bench.peak_rss(proc.pid) / bench.MiB
    return out


ISOLATED = r"""
import resource, subprocess, sys, time
from pathlib import Path
from shipgate.service.spool import Spool
from shipgate.store import open_store
from shipgate.verifier import VerifyRequest, verify_package
archive, work, root_pem, vendor = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
rounds = int(sys.argv[5])
home = work / "home"
home.mkdir()
subprocess.run([sys.executable, "-m", "shipgate", "--home", str(home), "trust", "pin", "--vendor", vendor, root_pem],
               check=True, capture_output=True)
data = archive.read_bytes()
spool = Spool(work / "spool", quota_bytes=2 * len(data))
spool.open()
try:
    spooled = spool.create(upload_id="ab")
except TypeError:  # a tree whose spool took the declared size up front
    spooled = spool.create(len(data), upload_id="ab")
for start in range(0, len(data), 1 << 20):
    spooled.write(memoryview(data)[start : start + (1 << 20)])
deadline = time.monotonic() + 60
while spooled.walked < len(data) - (16 << 20) and time.monotonic() < deadline:
    time.sleep(0.01)
digests = spooled.finish()
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
with open_store(home=home) as store:
    for _ in range(rounds):
        request = VerifyRequest(archive_digests=digests, direct_io=spooled.direct, streamed=spooled.streamed)
        c, t = cpu(), time.perf_counter()
        verify_package(spooled.path, request=request, store=store, home=home)
        print(time.perf_counter() - t, cpu() - c, flush=True)
spooled.close()
spool.close()
"""


def isolated(trees: dict[str, Path], archives: dict[str, Path], work: Path, root_pem: Path, rounds: int) -> None:
    """The verification after the last byte alone, per tree and archive, trees alternating."""
    for kind in ("stored", "mixed"):
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        for r in range(2):
            for name, tree in (list(trees.items()) if r == 0 else list(trees.items())[::-1]):
                scratch = Path(tempfile.mkdtemp(dir=work))
                out = subprocess.run([sys.executable, "-c", ISOLATED, str(archives[kind]), str(scratch), str(root_pem),
                                      bench.VENDOR, str(rounds)], check=True, capture_output=True, text=True,
                                     env={**os.environ, "PYTHONPATH": str(tree / "python")}).stdout
                runs[name] += [(float(w), float(c)) for w, c in (line.split() for line in out.splitlines())]
                shutil.rmtree(scratch, ignore_errors=True)
        for name, values in runs.items():
            print(f"{kind} {name}: verify after the last byte {summary([w for w, _ in values])} s, "
                  f"CPU {summary([c for _, c in values])} s")


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trees", nargs="+", required=True, metavar="NAME=DIR")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--stored-mib", type=int, default=512)
    parser.add_argument("--mixed-mib", type=int, default=256)
    parser.add_argument("--concurrent-mib", type=int, default=64)
    parser.add_argument("--isolated", action="store_true", help="the verification after the last byte alone")
    args = parser.parse_args()
    trees = {name: Path(path).resolve() for name, path in (t.split("=", 1) for t in args.trees)}
    work = Path(tempfile.mkdtemp(prefix="shipgate-ab-"))
    try:
        root_pem, archives = build(work, args)
        if args.isolated:
            isolated(trees, archives, work, root_pem, args.rounds)
        else:
            rounds(trees, archives, work, root_pem, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build(work: Path, args: argparse.Namespace) -> tuple[Path, dict[str, Path]]:
    from shipgate.demo.pki import make_root, make_signer

    root = make_root("Bench Root", org=bench.VENDOR)
    signer = make_signer("Bench Code Signing", root, org=bench.VENDOR)
    (work / "root.pem").write_bytes(root.pem)
    plans = {"stored": bench.stored_plan(args.stored_mib), "mixed": bench.mixed_plan(args.mixed_mib),
             "concurrent": bench.stored_plan(args.concurrent_mib)}
    return work / "root.pem", {kind: bench.build_package(work / f"{kind}.zip", plan, signer)
                               for kind, plan in plans.items()}


def rounds(trees: dict[str, Path], archives: dict[str, Path], work: Path, root_pem: Path, count: int) -> None:
    servers = start_servers(trees, work, root_pem)
    sink_proc, sink = bench.start_sink("aio")
    results: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    try:
        for r in range(count):
            load = os.getloadavg()[0]
            for name, values in one_round(r, servers, sink, archives).items():
                for key, value in values.items():
                    results[name].setdefault(key, []).append(value)
                print(f"round {r} (load {load:.1f}) {name}: " + ", ".join(f"{k} {v:.2f}" for k, v in values.items()),
                      flush=True)
    finally:
        sink_proc.kill()
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(timeout=60)
    print("\nmedian (min-max) per tree; ratio: stored Verify to the last byte / the aio sink; seconds; MiB")
    for name, values in results.items():
        print(f"{name}: " + "; ".join(f"{key} {summary(v)}" for key, v in values.items()))


if __name__ == "__main__":
    main()
