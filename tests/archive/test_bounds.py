"""Invariant 1 (docs/architecture.md) for the ZIP layer: every hostile case finishes in under 5 s and 256 MiB of peak
RSS, measured in a fresh subprocess (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``)."""

from __future__ import annotations

import bz2
import json
import random
import resource
import struct
import subprocess
import sys
import time
import zlib
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


def _quoted_overlap_bomb(path: Path, entries: int, payload_size: int) -> None:
    """``entries`` local headers, each quoted by a stored deflate block in the data of the one before it, and
    then one deflate stream of ``payload_size`` bytes that every entry's data runs into (zbsm.zip's shape, in
    small). Each entry inflates every later header and then the whole stream: ``entries`` times the work of
    one stream, from an archive about the size of that stream and its headers."""
    rng = random.Random(7)
    payload = bytes(rng.choice(b"abcdefghijklmnop \n") for _ in range(payload_size))
    enc = zlib.compressobj(6, zlib.DEFLATED, -15)
    stream = enc.compress(payload) + enc.flush()
    names = [b"e%05d" % i for i in range(entries)]
    header_len = 30 + len(names[0])
    quote_len = 5  # a stored block's header: BFINAL=0 BTYPE=00, then LEN and NLEN
    local = bytearray()
    central = bytearray()
    for i, name in enumerate(names):
        later = entries - 1 - i
        csize = later * (quote_len + header_len) + len(stream)
        usize = later * header_len + payload_size
        fields = (20, 0, 8, 0, 0x5A21, 0, csize, usize, len(name), 0)
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name
        if i < entries - 1:
            local += struct.pack("<BHH", 0, header_len, header_len ^ 0xFFFF)
        central += struct.pack("<IH", 0x02014B50, 0x031E) + struct.pack("<HHHHHIIIHH", *fields)
        central += struct.pack("<HHHII", 0, 0, 0, 0o100644 << 16, offset) + name
    cd_offset = len(local) + len(stream)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(central), cd_offset, 0)
    path.write_bytes(bytes(local) + stream + bytes(central) + eocd)


@pytest.mark.slow
def test_a_quoted_overlap_bomb_is_not_inflated_once_per_entry(tmp_path: Path) -> None:
    # 10,000 entries into one 1 MiB stream: ~10 GiB of inflation if each overlapping entry were verified.
    # Entries whose bytes overlap are not inflated at all (the overlap already rejects the archive).
    path = tmp_path / "quoted-bomb.zip"
    _quoted_overlap_bomb(path, 10_000, 1 << 20)
    child = (
        "import json, sys\n"
        "from shipgate.archive import inspect\n"
        "r = inspect(sys.argv[1])\n"
        "print(json.dumps([sorted(r.codes()), r.totals.entries, r.totals.verified_bytes]))\n"
    )
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.monotonic()\n"
        "out = subprocess.run([sys.executable, '-c', sys.argv[1], sys.argv[2]], capture_output=True, text=True,"
        " check=True).stdout\n"
        "dt = time.monotonic() - t\n"
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, out.strip(), sep='\\t')\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, child, str(path)], capture_output=True, text=True,
                         check=True)
    seconds, peak_kib, report = out.stdout.strip().split("\t")
    codes, entries, verified_bytes = json.loads(report)
    assert "zip.overlapping_entries" in codes
    assert (entries, verified_bytes) == (10_000, 0)
    assert float(seconds) < 2.0, seconds
    assert int(peak_kib) < MAX_RSS_KIB, peak_kib
