"""ZIP verification and listing: `shipgate inspect` against `unzip -t`, `7z t` and `zipfile`, in one run.

Builds three archives in a temporary directory (or reuses them with --dir):
  big.zip       ~1 GiB in 200 entries mixing stored and deflated (level 6), text-like and random data as
                a packaging tool leaves them: 5/8 deflated text, 1/8 each stored text, deflated random
                and stored random. The issue calibrates its archive by its peers (`7z t` and `testzip()`
                ~3.5 s on "such a 1 GiB archive"): they take that long only when most of it is deflated.
  quarters.zip  the same size in equal quarters of those four kinds: half the bytes are only read and
                hashed, which makes SHA-256, not inflating, the bound (shown beside the target, not for it);
  many.zip      100,000 small deflated text entries.
Then measures, round-robin, the median of N runs (wall clock, and CPU seconds, user + system over all
threads: the wall clock of a 2-core machine shared with other work is noisy, CPU time much less so):
  full verification  `shipgate inspect --archive-digests none` (CRC-32 + sizes + SHA-256 of every entry;
                     `-a blake3`: BLAKE3 instead; `-a none`: CRC-32 and sizes only, the peers' work) vs
                     `unzip -tqq`, `7z t` and `zipfile.ZipFile.testzip()`, each as a fresh process; plain
                     `shipgate inspect` (also the whole file's SHA-256 and BLAKE3 for the report) is shown too;
  listing            `shipgate.archive.names()` vs `zipfile.ZipFile(...).infolist()` (both in-process)
                     and `unzip -Z1` (a process; the shipgate CLI listing is shown too);
  flag extraction    `inspect(big.zip)` as `shipgate inspect` calls it, with and without `flags=True`
                     (in-process, alternating, wall and CPU seconds): the cost of collecting flag-like strings.

    python benches/zip.py [--runs 3] [--dir DIR] [--only verify|flags]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import markdown_table, median_seconds, run_command

# The target's "full verification (CRC + SHA-256 of every entry)"; the peers hash nothing more.
OURS = "shipgate inspect --archive-digests none"
WORDS = (
    b"package upgrade vendor binary script manifest config service restart migrate schema lock "
    b"release build version signature certificate rotate advisory install deploy cluster node"
).split()


def text_like(size: int, rng: random.Random) -> bytes:
    """Log/source-like text: words, numbers and newlines (deflates ~4:1, like real text)."""
    out = bytearray()
    while len(out) < size:
        line = b" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
        out += line + b" %d\n" % rng.randint(0, 1 << 30)
    return bytes(out[:size])


# (data, method) of successive entries, repeated.
PACKAGED = (("text", "deflated"),) * 5 + (("text", "stored"), ("random", "deflated"), ("random", "stored"))
QUARTERS = (("text", "deflated"), ("text", "stored"), ("random", "deflated"), ("random", "stored"))


def build_mixed(path: Path, mix: tuple[tuple[str, str], ...], total: int = 1 << 30, count: int = 200) -> None:
    rng = random.Random(4)
    each = total // count
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(count):
            kind, method = mix[i % len(mix)]
            data = text_like(each, rng) if kind == "text" else os.urandom(each)
            compress_type = zipfile.ZIP_DEFLATED if method == "deflated" else zipfile.ZIP_STORED
            zf.writestr(zipfile.ZipInfo(f"payload/{i:03d}-{kind}.bin"), data, compress_type=compress_type)


def build_many(path: Path, count: int = 100_000) -> None:
    rng = random.Random(5)
    chunk = text_like(8 << 20, rng)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i in range(count):
            size = rng.randint(200, 4000)
            start = rng.randint(0, len(chunk) - size)
            zf.writestr(f"tree/{i // 1000:03d}/file-{i:06d}.txt", chunk[start:start + size])


def run_timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, all threads) of one run of ``argv``, stdout discarded."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv[0]} exited {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_utime + usage.ru_stime


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def flag_overhead(big: Path, runs: int) -> None:
    """``inspect`` as the CLI runs it (entry SHA-256, whole-file SHA-256 and BLAKE3), with and without the
    flag-like strings, alternating so both see the same machine."""
    from shipgate.archive import inspect

    wall: dict[bool, list[float]] = {False: [], True: []}
    cpu: dict[bool, list[float]] = {False: [], True: []}
    found = 0
    for _ in range(runs):
        for flags in (False, True):
            started, used = time.perf_counter(), cpu_seconds()
            report = inspect(big, archive_digests=("sha256", "blake3"), flags=flags)
            wall[flags].append(time.perf_counter() - started)
            cpu[flags].append(cpu_seconds() - used)
            if flags:
                found = sum(len(e.flags) for e in report.entries)
    rows = [[f"inspect{' flags=True' if flags else ''}", f"{statistics.median(wall[flags]):.3f}",
             f"{statistics.median(cpu[flags]):.3f}"] for flags in (False, True)]
    print(f"\nFlag extraction on {big.name} ({found} strings found), median of {runs} runs:\n")
    print(markdown_table(["what", "median s", "median CPU s"], rows))
    for what, numbers in (("wall", wall), ("CPU", cpu)):
        extra = statistics.median(numbers[True]) / statistics.median(numbers[False]) - 1
        verdict = "met" if extra <= 0.05 else "MISSED"
        print(f"flag extraction adds {extra * 100:+.1f}% {what} time (target <= +5%) {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", help="build (or reuse) the archives here instead of a temporary directory")
    parser.add_argument("--only", choices=("verify", "flags"), help="run one part of the benchmark")
    args = parser.parse_args()
    for tool in ("unzip", "7z", "shipgate"):
        if shutil.which(tool) is None:
            print(f"missing {tool} (apt-get install unzip p7zip-full; pip install -e .)", file=sys.stderr)
            return 2
    from shipgate.archive import inspect, names

    workdir = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="shipgate-zip-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    big, quarters, many = workdir / "big.zip", workdir / "quarters.zip", workdir / "many.zip"
    builders: tuple[tuple[Path, Callable[[Path], None]], ...] = (
        (big, lambda p: build_mixed(p, PACKAGED)),
        (quarters, lambda p: build_mixed(p, QUARTERS)),
        (many, build_many),
    )
    for path, build in builders:
        if not path.exists():
            print(f"building {path.name} ...", file=sys.stderr, flush=True)
            tmp = path.with_suffix(".part")
            build(tmp)
            tmp.rename(path)
    archives = (big, quarters, many)
    for path in archives:  # warm the page cache; every tool then reads from memory alike
        with open(path, "rb") as f:
            while f.read(16 << 20):
                pass
    if args.only != "verify":
        flag_overhead(big, max(args.runs, 5))
    if args.only == "flags":
        return 0
    py = sys.executable
    verify_cmds = {
        OURS: ["shipgate", "inspect", "--archive-digests", "none"],
        "shipgate inspect -a blake3": ["shipgate", "inspect", "-a", "blake3", "--archive-digests", "none"],
        "shipgate inspect -a none": ["shipgate", "inspect", "-a", "none", "--archive-digests", "none"],
        "shipgate inspect (+ archive digests)": ["shipgate", "inspect"],
        "unzip -t": ["unzip", "-tqq"],
        "7z t": ["7z", "t", "-bd", "-bso0"],
        "testzip()": [py, "-c", "import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)"],
    }
    results: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for archive in archives:
            for label, argv in verify_cmds.items():
                wall, used = run_timed([*argv, str(archive)])
                results.setdefault((archive.name, label), []).append(wall)
                cpu.setdefault((archive.name, label), []).append(used)
            # Listing.
            results.setdefault((archive.name, "names()"), []).append(timed(lambda a=archive: names(a)))
            results.setdefault((archive.name, "infolist()"), []).append(
                timed(lambda a=archive: zipfile.ZipFile(a).infolist()))
            results.setdefault((archive.name, "unzip -Z1"), []).append(
                run_command(["unzip", "-Z1", str(archive)]).seconds)
            results.setdefault((archive.name, "shipgate inspect --list-only"), []).append(
                run_command(["shipgate", "inspect", "--list-only", str(archive)]).seconds)
    med = {k: statistics.median(v) for k, v in results.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    sizes = {p.name: p.stat().st_size for p in archives}
    entries = {p.name: len(inspect(p, verify=False).entries) for p in archives}

    described = "; ".join(f"{p.name} {sizes[p.name] / 2**20:.0f} MiB, {entries[p.name]} entries" for p in archives)
    print(f"\nArchives: {described}. {os.cpu_count()} CPUs, median of {args.runs} runs.\n")
    rows = []
    for archive in (p.name for p in archives):
        ours = med[(archive, OURS)]
        for label in verify_cmds:
            t = med[(archive, label)]
            rows.append([archive, f"verify: {label}", f"{t:.3f}", f"{t / ours:.2f}x",
                         f"{med_cpu[(archive, label)]:.3f}"])
        ours = med[(archive, "names()")]
        for label in ("names()", "infolist()", "unzip -Z1", "shipgate inspect --list-only"):
            t = med[(archive, label)]
            rows.append([archive, f"list: {label}", f"{t:.3f}", f"{t / ours:.2f}x", ""])
    print(markdown_table(["archive", "what", "median s", "time / shipgate", "median CPU s"], rows))

    def vs_fastest(archive: str, label: str) -> float:
        return min(med[(archive, "7z t")], med[(archive, "testzip()")]) / med[(archive, label)]

    targets = [
        ("1 GiB verify vs fastest of 7z t / testzip()", vs_fastest("big.zip", OURS), 2.5),
        ("1 GiB verify (-a blake3) vs fastest of 7z t / testzip()", vs_fastest("big.zip", "shipgate inspect -a blake3"),
         2.5),
        ("(quarters.zip, not the target's archive) verify vs fastest", vs_fastest("quarters.zip", OURS), 2.5),
        ("(quarters.zip) verify (-a blake3) vs fastest", vs_fastest("quarters.zip", "shipgate inspect -a blake3"), 2.5),
        ("(quarters.zip) verify (-a none) vs fastest", vs_fastest("quarters.zip", "shipgate inspect -a none"), 2.5),
        ("100k verify vs unzip -t", med[("many.zip", "unzip -t")] / med[("many.zip", OURS)], 2.0),
        ("100k listing vs infolist()", med[("many.zip", "infolist()")] / med[("many.zip", "names()")], 10.0),
        ("100k listing vs unzip -Z1", med[("many.zip", "unzip -Z1")] / med[("many.zip", "names()")], 1.0),
    ]
    print()
    for label, ratio, goal in targets:
        print(f"{label}: {ratio:.2f}x (target >= {goal}x) {'met' if ratio >= goal else 'MISSED'}")
    print("CPU seconds (user + system, all threads): "
          + ", ".join(f"{a} {label} {med_cpu[(a, label)]:.2f}"
                      for a, label in (("big.zip", OURS), ("big.zip", "7z t"), ("big.zip", "testzip()"),
                                       ("quarters.zip", OURS), ("many.zip", OURS), ("many.zip", "unzip -t"))))
    _ = median_seconds
    if not args.dir:
        shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
