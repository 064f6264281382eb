"""The bounded entry reader: exactly the verified bytes, stored or deflated, within a byte limit."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from shipgate.archive import inspect
from shipgate.errors import LimitExceeded, MalformedInput, UnsupportedInput
from shipgate.package.reader import EntryReader

TEXT = b"#!/bin/sh\necho hello\n" * 5000
RANDOM = os.urandom(300_000)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("stored.bin"), RANDOM)  # ZipInfo default: stored
        z.writestr("deflated.sh", TEXT, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("empty", b"", compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_reads_stored_and_deflated_entries_exactly(archive: Path) -> None:
    with EntryReader(inspect(archive)) as reader:
        assert reader.read("stored.bin", limit=1 << 20) == RANDOM
        assert reader.read("deflated.sh", limit=1 << 20) == TEXT
        assert reader.read("empty", limit=10) == b""
        assert reader.head("deflated.sh", 9) == b"#!/bin/sh"
        assert reader.head("stored.bin", 16) == RANDOM[:16]
        assert "deflated.sh" in reader and "nope" not in reader


def test_limits(archive: Path) -> None:
    with EntryReader(inspect(archive)) as reader:
        with pytest.raises(LimitExceeded, match="more than the 1000"):
            reader.read("deflated.sh", limit=1000)
        with pytest.raises(MalformedInput, match="no such entry"):
            reader.read("missing", limit=10)


def test_bytes_changed_after_inspection_are_refused(archive: Path) -> None:
    report = inspect(archive)
    offset = next(e for e in report.entries if e.name == "stored.bin").data_offset
    data = bytearray(archive.read_bytes())
    data[offset + 1000] ^= 0xFF
    archive.write_bytes(bytes(data))
    with EntryReader(report) as reader, pytest.raises(MalformedInput, match="differ from the bytes the inspector"):
        reader.read("stored.bin", limit=1 << 20)


def test_ambiguous_archive_is_not_read(tmp_path: Path, archive: Path) -> None:
    import warnings

    dup = tmp_path / "dup.zip"
    dup.write_bytes(archive.read_bytes())
    with warnings.catch_warnings(), zipfile.ZipFile(dup, "a") as z:
        warnings.simplefilter("ignore")
        z.writestr("deflated.sh", b"other")
    with pytest.raises(UnsupportedInput, match="not read"):
        EntryReader(inspect(dup))
