"""A ZIP64 archive over 4 GiB (a sparse file: no disk is written for the zeros) is verified end to end with
resident memory far below its size: the inspector streams, it never maps or buffers an entry."""

from __future__ import annotations

import hashlib
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

SIZE = (4 << 30) + 12_345  # past every 32-bit field
CHUNK = bytes(64 << 20)


def _zeros_digests(size: int) -> tuple[int, str]:
    crc, sha = 0, hashlib.sha256()
    left = size
    while left:
        piece = CHUNK[: min(left, len(CHUNK))]
        crc = zlib.crc32(piece, crc)
        sha.update(piece)
        left -= len(piece)
    return crc, sha.hexdigest()


def _write_zip64(path: Path, size: int, crc: int) -> None:
    name = b"payload/zeros.bin"
    dos_time, dos_date = 0, (45 << 9) | (1 << 5) | 1  # 2025-01-01
    local_extra = struct.pack("<HHQQ", 1, 16, size, size)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 0, dos_time, dos_date, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                        len(name), len(local_extra)) + name + local_extra
    with open(path, "wb") as f:
        f.write(local)
        data_end = len(local) + size
        f.truncate(data_end)  # a hole: reads as zeros, costs no disk
        f.seek(data_end)
        central_extra = struct.pack("<HHQQ", 1, 16, size, size)
        central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 45, 0, 0, dos_time, dos_date, crc,
                              0xFFFFFFFF, 0xFFFFFFFF, len(name), len(central_extra), 0, 0, 0, 0o100644 << 16,
                              0) + name + central_extra
        f.write(central)
        record_at = data_end + len(central)
        f.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(central), data_end))
        f.write(struct.pack("<IIQI", 0x07064B50, 0, record_at, 1))
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))


@pytest.mark.slow
def test_a_zip64_archive_over_4_gib_streams_in_bounded_memory(tmp_path: Path) -> None:
    crc, sha = _zeros_digests(SIZE)
    path = tmp_path / "big64.zip"
    _write_zip64(path, SIZE, crc)
    child = (
        "import json, sys\n"
        "from shipgate.archive import inspect\n"
        "r = inspect(sys.argv[1])\n"
        "e = r.entries[0]\n"
        "print(json.dumps([r.zip64, sorted(r.codes()), e.uncompressed_size, e.crc32, e.verified,"
        " e.digests.get('sha256')]))\n"
    )
    # Measured by a wrapper process whose only child is the inspection, so ru_maxrss is this child's peak.
    wrapper = (
        "import resource, subprocess, sys\n"
        "out = subprocess.run([sys.executable, '-c', sys.argv[1], sys.argv[2]], capture_output=True, text=True,"
        " check=True).stdout\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, out.strip(), sep='\\t')\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, child, str(path)], capture_output=True, text=True, check=True)
    peak_kib, report = out.stdout.strip().split("\t")
    assert json.loads(report) == [True, [], SIZE, crc, True, sha]
    assert int(peak_kib) < 256 * 1024, peak_kib
