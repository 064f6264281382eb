"""The service's HTTP face beside its gRPC one, in one run on loopback (issue 21):

- throughput: the same signed archive (stored entries) uploaded to ``Verify`` over gRPC (a Python grpc client,
  1 MiB messages) and to ``PUT /v1/verify`` over HTTP, by ``curl -T`` and by a Python ``http.client`` that
  streams the file; three interleaved rounds, the best of each, header to report (the verdict is the same
  code path, so this measures the transports);
- admission latency: ``POST /v1/admit`` at a fixed 500 req/s (open loop, latency from the scheduled send time)
  with N bulk-loaded verdicts, on this tree's server, on the same server with a status page open (an event
  stream client), and, with ``--baseline-src DIR`` (a ``python/shipgate`` tree of another commit, e.g.
  ``git archive main python | tar -x -C DIR`` plus this tree's built ``_native*.so`` copied beside it), on
  that tree's server against the same state; ``--rounds`` interleaved runs of each, the median p99 and the
  range reported (on a shared machine single runs differ several-fold).

    python benches/http_verify.py [--mib 1024] [--verdicts 200000] [--rounds 5] [--baseline-src DIR]

Targets: HTTP verify >= 0.8x gRPC Verify; admission p99 at 500 req/s no worse than the baseline's.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _measure import markdown_table
from admission import digests as verdict_digests
from admission import percentiles
from admission import records as verdict_records
from service import VENDOR, admission_http, build_package, stored_plan, upload

MiB = 1 << 20


def start(home: Path, *, pythonpath: Path | None = None) -> tuple[subprocess.Popen[bytes], dict[str, Any]]:
    """``shipgate serve`` on loopback ports, from this tree or from ``pythonpath``."""
    env = {**os.environ, "SHIPGATE_HOME": str(home)}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    name = "baseline" if pythonpath else "face"
    log = (home.parent / f"serve-{name}.log").open("ab")
    config = home.parent / f"serve-{name}.toml"  # each server its own spool
    config.write_text(f'[limits]\nspool_dir = "{home.parent / f"spool-{name}"}"\n')
    command = [sys.executable, "-m", "shipgate", "--home", str(home), "serve", "--config", str(config)]
    command += ["--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--log-level", "WARNING"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        raise SystemExit(f"shipgate serve did not start; see {log.name}")
    return proc, json.loads(line)


def curl_upload(base: str, path: Path) -> float:
    """Seconds from the first byte to the whole report, ``curl -T``."""
    t = time.perf_counter()
    done = subprocess.run(
        ["curl", "-sS", "--fail", "-o", "/dev/null", "-T", str(path), f"http://{base}/v1/verify/{path.name}"],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"curl failed: {done.stderr.decode()}")
    return time.perf_counter() - t


def python_upload(base: str, path: Path) -> float:
    """The same through ``http.client``, 1 MiB writes (what a Python pipeline script would do)."""
    host, port = base.split(":")
    size = path.stat().st_size
    t = time.perf_counter()
    conn = http.client.HTTPConnection(host, int(port), timeout=3600)
    conn.putrequest("PUT", f"/v1/verify/{path.name}")
    conn.putheader("Content-Length", str(size))
    conn.endheaders()
    with path.open("rb") as f:
        while chunk := f.read(MiB):
            conn.send(chunk)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    if response.status != 200:
        raise SystemExit(f"HTTP verify answered {response.status}: {body[:200]!r}")
    return time.perf_counter() - t


class StatusWatcher:
    """An open status page: a thread reading ``/status/events`` until stopped."""

    def __init__(self, base: str) -> None:
        host, port = base.split(":")
        self.conn = http.client.HTTPConnection(host, int(port), timeout=30)
        self.conn.request("GET", "/status/events")
        self.response = self.conn.getresponse()
        if self.response.status != 200:
            raise SystemExit(f"/status/events answered {self.response.status}")
        self.events = 0
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            while line := self.response.readline():
                self.events += line.startswith(b"event:")
        except (OSError, ValueError, AttributeError):
            pass  # closed by stop()

    def stop(self) -> None:
        self.conn.close()


def p99_at_500(base: str, keys: list[str]) -> tuple[float, float]:
    p50, p99, _ = percentiles(admission_http(base, keys, rate=500))
    return p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=1024, help="size of the stored archive")
    parser.add_argument("--verdicts", type=int, default=200_000)
    parser.add_argument("--admissions", type=int, default=5000, help="requests per run at 500/s")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved admission runs per server")
    parser.add_argument("--baseline-src", type=Path, help="a tree with python/shipgate to compare admission with")
    args = parser.parse_args()

    from shipgate.demo.pki import make_root, make_signer
    from shipgate.store import open_store

    work = Path(tempfile.mkdtemp(prefix="shipgate-bench-http-"))
    root = make_root("Bench Root", org=VENDOR)
    signer = make_signer("Bench Code Signing", root, org=VENDOR)
    archive = build_package(work / "stored.zip", stored_plan(args.mib), signer)
    size = archive.stat().st_size
    home = work / "home"
    home.mkdir()
    (work / "root.pem").write_bytes(root.pem)
    pin = [sys.executable, "-m", "shipgate", "--home", str(home), "trust", "pin", "--vendor", VENDOR]
    subprocess.run([*pin, str(work / "root.pem")], check=True, capture_output=True)
    with open_store(home=home) as store:
        store.import_verdicts(verdict_records(args.verdicts), actor="bench", reason="bulk load")

    rows: list[list[str]] = []
    proc, info = start(home)
    baseline: tuple[subprocess.Popen[bytes], dict[str, Any]] | None = None
    try:
        # 1. Throughput, interleaved rounds.
        best = {"grpc": 0.0, "curl": 0.0, "python": 0.0}
        for _ in range(3):
            os.sync()
            best["grpc"] = max(best["grpc"], size / upload(info["grpc"], archive)["total"])
            os.sync()
            best["curl"] = max(best["curl"], size / curl_upload(info["http"], archive))
            os.sync()
            best["python"] = max(best["python"], size / python_upload(info["http"], archive))
        for name, label in (
            ("grpc", "gRPC Verify (Python grpc client, 1 MiB messages)"),
            ("curl", "HTTP PUT /v1/verify (curl -T)"),
            ("python", "HTTP PUT /v1/verify (Python http.client, 1 MiB writes)"),
        ):
            ratio = best[name] / best["grpc"]
            rows.append([label, f"{size / MiB:,.0f} MiB", f"{best[name] / 1e9:.2f} GB/s", f"{ratio:.2f}x gRPC"])

        # 2. Admission at 500 req/s.
        if args.baseline_src is not None:
            baseline = start(home, pythonpath=args.baseline_src / "python")
        rng = random.Random(11)
        keys = [verdict_digests(rng.randrange(args.verdicts))[0] for _ in range(args.admissions)]
        servers = {"this tree": info["http"]}
        if baseline is not None:
            servers["baseline"] = baseline[1]["http"]
        for base in servers.values():
            admission_http(base, keys[:1000], rate=0)  # warm connections and caches
        p99s: dict[str, list[tuple[float, float]]] = {name: [] for name in (*servers, "this tree, status page open")}
        for _ in range(args.rounds):
            for name, base in servers.items():
                p99s[name].append(p99_at_500(base, keys))
            watcher = StatusWatcher(info["http"])
            p99s["this tree, status page open"].append(p99_at_500(info["http"], keys))
            watcher.stop()
        medians = {name: statistics.median(r[1] for r in runs) for name, runs in p99s.items()}
        for name, runs in p99s.items():
            p50 = statistics.median(r[0] for r in runs)
            p99, low, high = medians[name], min(r[1] for r in runs), max(r[1] for r in runs)
            compared = "baseline" in medians and name != "baseline"
            versus = f", {p99 / medians['baseline']:.2f}x baseline" if compared else ""
            rows.append(
                [f"POST /v1/admit at 500 req/s, {name}", f"{args.verdicts:,} verdicts", f"p50 {p50:.2f} ms",
                 f"p99 {p99:.2f} ms (runs {low:.1f}-{high:.1f}){versus}"]
            )  # fmt: skip
    finally:
        for server in (proc, baseline[0] if baseline else None):
            if server is not None:
                server.terminate()
                server.wait(timeout=60)
    print(f"shipgate serve, HTTP face vs gRPC, loopback ({os.cpu_count()} cores)\n")
    print(markdown_table(["case", "size", "rate / p50", "ratio / p99"], rows))
    ratio = min(best["curl"], best["python"]) / best["grpc"]
    print(f"\n{'OK  ' if ratio >= 0.8 else 'MISS'} HTTP verify >= 0.8x gRPC Verify (slower HTTP client: {ratio:.2f}x)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
