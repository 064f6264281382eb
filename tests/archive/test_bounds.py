"""Invariant 1 of DESIGN.md for the ZIP layer: every hostile case finishes in under 5 s and 256 MiB of peak
RSS, measured in a fresh subprocess (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``)."""

from __future__ import annotations

import bz2
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

MAX_SECONDS = 5.0
MAX_RSS_KIB = 256 * 1024

CHILD = """
import json, sys
from shipgate.archive import inspect
r = inspect(sys.argv[1])
print(json.dumps(sorted(r.codes())))
"""


def _hostile_cases(corpora: Path, tmp: Path) -> list[Path]:
    bombs = corpora / "zip-bombs-recursiveextractor"
    inner = tmp / "10GB.zip"
    inner.write_bytes(bz2.decompress((bombs / "10GB.zip.bz2").read_bytes()))
    cases = [inner, *sorted(bombs.iterdir())]
    cases += sorted((corpora / "zip-cpython-overlap").glob("*.zip"))
    cases += sorted((corpora / "zip-yauzl" / "failure").glob("*.zip"))
    data = corpora / "zip-rs-zip2" / "data"
    cases += [data / n for n in ("invalid_offset.zip", "invalid_offset2.zip", "deflate64_issue_25.zip",
                                 "raw_deflate64_index_out_of_bounds.zip",
                                 "invalid_cde_number_of_files_allocation_greater_offset.zip",
                                 "invalid_cde_number_of_files_allocation_smaller_offset.zip")]
    return [c for c in cases if c.suffix != ".md"]


@pytest.mark.slow
def test_every_hostile_case_is_bounded_in_time_and_memory(corpora: Path, tmp_path: Path) -> None:
    cases = _hostile_cases(corpora, tmp_path)
    assert len(cases) > 40
    for case in cases:
        # One fresh child per case so ru_maxrss (a high-water mark over all children) stays per case:
        # an intermediate process that runs the case and reports its own child's peak.
        wrapper = (
            "import resource, subprocess, sys, time\n"
            "t = time.monotonic()\n"
            f"p = subprocess.run([sys.executable, '-c', {CHILD!r}, sys.argv[1]], capture_output=True, text=True)\n"
            "dt = time.monotonic() - t\n"
            "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(p.returncode, dt, rss, p.stdout.strip(), p.stderr.strip()[-300:], sep='\\t')\n"
        )
        started = time.monotonic()
        out = subprocess.run([sys.executable, "-c", wrapper, str(case)], capture_output=True, text=True, check=True)
        rc, seconds, rss, codes, err = out.stdout.rstrip("\n").split("\t")
        assert rc == "0", (case.name, err)
        assert float(seconds) < MAX_SECONDS, (case.name, seconds)
        assert int(rss) < MAX_RSS_KIB, (case.name, rss)
        assert any(c.startswith("zip.") for c in json.loads(codes)), case.name
        assert time.monotonic() - started < 3 * MAX_SECONDS


def test_the_measurement_itself_sees_children() -> None:
    # The bound above is only meaningful if RUSAGE_CHILDREN reports a child that allocates: 64 MiB.
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", "b = bytearray(64 << 20); b[::4096] = b'x' * len(b[::4096])"], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert after >= max(before, 64 * 1024)
