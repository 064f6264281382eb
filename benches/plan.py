"""The upgrade plan's costs: the package index of the 1 GiB benchmark archive (size against the archive's,
and the time to build it against `inspect` of the same archive, in the same run), and the plan of the
story's package (the index and plan step alone, against the whole `verify_package` that includes it).

  index   benches/zip.py's big.zip (1 GiB uncompressed in 200 entries, mostly deflated: a ~540 MB archive;
          built here, or reused with --dir; its many.zip, 100,000 small entries, too when --dir holds it):
          `inspect(flags=True)` + `build_index` vs `inspect(flags=False)`; the stored index's bytes vs the
          archive's (target: <= 1%).
  plan    the story package (shipgate.demo): the plan step (index + plan) vs the whole verification with a
          store (target: plan < 0.5 s).

    python benches/plan.py [--runs 3] [--dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import markdown_table
from shipgate.archive import inspect
from shipgate.package.reader import EntryReader
from shipgate.plan.indexer import build_index
from zip import PACKAGED, build_mixed


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def index_of(path: Path) -> int:
    report = inspect(path, flags=True)
    with EntryReader(report) as reader:
        index = build_index(report, reader, manifest=None, sha256="0" * 64)
    return len(index.to_stored())


def story(workdir: Path, runs: int) -> list[list[str]]:
    from shipgate.demo.run import run_demo
    from shipgate.plan.step import plan_step
    from shipgate.store import open_store
    from shipgate.verifier import VerifyRequest, verify_package

    home = workdir / "home"
    result = run_demo(workdir, home=home, say=lambda _: None)
    request = VerifyRequest(env=workdir / "env.toml", actor="bench")
    with open_store(home=home) as store:
        verify = median(lambda: verify_package(result.package, request=request, store=store, home=home), runs)
    after = result.after
    assert after.plan is not None
    report = inspect(result.package, flags=True)
    from shipgate.package.manifest import parse_manifest

    with EntryReader(report) as reader:
        manifest, _ = parse_manifest(reader.read("manifest.json", limit=1 << 22))
        assert manifest is not None
        files = {p: reader.read(p, limit=1 << 20) for p, e in reader.entries.items()
                 if p != "manifest.json" and not e.flags and e.uncompressed_size <= 1 << 20}

        def step() -> object:
            return plan_step(report=report, reader=reader, manifest=manifest, sha256=after.archive.digests["sha256"],
                             files=files, findings=after.findings, inventory=None, advisories=(), store=None,
                             request=None)

        planned = median(step, runs)
    return [
        ["story: index + plan step", f"{planned:.3f} s", f"{planned / verify:.2f} of verify", "< 0.5 s"],
        ["story: verify_package (with the plan, store)", f"{verify:.3f} s", "1.00", ""],
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", help="reuse benches/zip.py's archives from this directory")
    args = parser.parse_args()
    workdir = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="shipgate-plan-bench-"))
    big = workdir / "big.zip"
    if not big.exists():
        print(f"building {big} (~1 GiB)…", file=sys.stderr)
        build_mixed(big, PACKAGED)
    size = big.stat().st_size
    stored = index_of(big)
    plain = median(lambda: inspect(big, flags=False), args.runs)
    flagged = median(lambda: inspect(big, flags=True), args.runs)
    indexed = median(lambda: index_of(big), args.runs)
    rows = [
        ["1 GiB: stored index size", f"{stored:,} B", f"{stored / size:.5%} of the archive", "<= 1%"],
        ["1 GiB: inspect(flags=True) + index", f"{indexed:.2f} s", f"{indexed / plain:.2f}x inspect", ""],
        ["1 GiB: inspect(flags=True)", f"{flagged:.2f} s", f"{flagged / plain:.2f}x inspect", "<= 1.05x"],
        ["1 GiB: inspect (no flags)", f"{plain:.2f} s", "1.00x", ""],
    ]
    many = workdir / "many.zip"
    if many.exists():
        stored_many = index_of(many)
        rows.append(["100,000 entries: stored index size", f"{stored_many:,} B",
                     f"{stored_many / many.stat().st_size:.2%} of the archive", ""])
    rows += story(Path(tempfile.mkdtemp(prefix="shipgate-plan-story-")), args.runs)
    print(markdown_table(["what", "median", "ratio", "target"], rows))
    print(f"\n{size:,}-byte archive, median of {args.runs} runs; machine shared, timings noisy: read the ratios.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
