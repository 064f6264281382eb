"""Issue 17's defect classes, each on a regression archive built here (tests/archive/zipbuild.py): archives
real writers produce must not be flagged high or critical, and the inconsistent ones must be."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from zipbuild import Member, build, extra, unicode_path

from shipgate.archive import ArchiveReport, inspect


def _inspect(tmp_path: Path, data: bytes, name: str = "case.zip") -> ArchiveReport:
    path = tmp_path / name
    path.write_bytes(data)
    return inspect(path)


def _findings(report: ArchiveReport) -> list[tuple[str, str]]:
    return sorted((f.code, f.severity.label) for f in report.findings)


# 1. Streamed ZIP64 entries ------------------------------------------------------------------------------


def test_streamed_zip64_entries_have_8_byte_descriptor_sizes(tmp_path: Path) -> None:
    """APPNOTE 4.3.9.2: a local ZIP64 extra means a descriptor with 8-byte sizes, whatever the central header
    says (Java's ZipOutputStream, libzip, bsdtar and Info-ZIP writing to a pipe); readers agree on it."""
    text = b"streamed " * 5000
    members = [
        Member("a.bin", text, method=8, descriptor="signed", zip64_local=True),
        Member("b.bin", text, method=8, descriptor="unsigned", zip64_local=True),
        Member("c.bin", b"stored", descriptor="signed", zip64_local=True),
    ]
    path = tmp_path / "streamed64.zip"
    path.write_bytes(build(members))
    report = inspect(path)
    assert report.findings == ()
    assert all(e.verified for e in report.entries)
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None


def test_a_central_zip64_extra_does_not_widen_the_descriptor(tmp_path: Path) -> None:
    # The central header needs ZIP64 (here for all three fields), the local one has no ZIP64 extra: the
    # descriptor has 4-byte sizes.
    members = [Member("a", b"data " * 100, method=8, descriptor="signed", zip64_central=True)]
    report = _inspect(tmp_path, build(members))
    assert report.findings == () and report.entries[0].verified


def test_a_descriptor_that_disagrees_is_still_caught(tmp_path: Path) -> None:
    data = bytearray(build([Member("a", b"data " * 100, method=8, descriptor="signed", zip64_local=True)]))
    at = data.index(struct.pack("<I", 0x08074B50))
    data[at + 8] ^= 1  # the descriptor's compressed size
    report = _inspect(tmp_path, bytes(data))
    assert ("zip.local_header_mismatch", "critical") in _findings(report)


# 2. More than 65,535 entries without ZIP64 --------------------------------------------------------------


def test_a_wrapped_entry_count_is_reconciled_and_reported_low(tmp_path: Path) -> None:
    members = [Member(f"d/{i:05d}", b"") for i in range(70_000)]
    data = build(members)  # the end record's 16-bit counts say 70,000 % 65,536 = 4,464
    assert struct.unpack_from("<H", data, len(data) - 12)[0] == 4_464
    report = _inspect(tmp_path, data)
    assert _findings(report) == [("zip.entry_count_wrapped", "low")]
    assert len(report.entries) == 70_000 and report.totals.verified_entries == 70_000
    assert report.findings[0].evidence == {"entries": 70_000, "counted": 4_464}


def test_a_count_that_is_off_by_other_than_65536_is_still_a_mismatch(tmp_path: Path) -> None:
    report = _inspect(tmp_path, build([Member(f"f{i}", b"x") for i in range(5)], count=3))
    assert ("zip.central_directory_count_mismatch", "critical") in _findings(report)


# 3. Unix modes ------------------------------------------------------------------------------------------


def test_modes_are_judged_by_file_type_first(tmp_path: Path) -> None:
    members = [
        Member("shared/", mode=0o042775),  # setgid directory: new files inherit its group
        Member("garbage/", external=0xFFFF << 16 | 0x10),  # mode 0xFFFF on a directory
        Member("locked", b"x", mode=0o102644),  # setgid without group execute: no privilege
        Member("bin/su", b"x", mode=0o104755),  # setuid executable
        Member("bin/wall", b"x", mode=0o102755),  # setgid executable
        Member("perms-only", b"x", mode=0o4755),  # no type bits: a file by its name
    ]
    report = _inspect(tmp_path, build(members))
    assert sorted((f.code, f.severity.label, f.path) for f in report.findings) == [
        ("zip.mode_invalid", "low", "garbage/"),
        ("zip.setuid", "high", "bin/su"),
        ("zip.setuid", "high", "bin/wall"),
        ("zip.setuid", "high", "perms-only"),
    ]


# 4. Local header extra fields ---------------------------------------------------------------------------


def test_a_malformed_local_extra_block_is_reported(tmp_path: Path) -> None:
    # A field declaring 16 bytes with 4 left in the block.
    member = Member("a.txt", b"hello", local_extra=struct.pack("<HH", 0x5455, 16) + b"\x01abc")
    report = _inspect(tmp_path, build([member]))
    assert _findings(report) == [("zip.extra_field_malformed", "high")]


def test_a_local_unicode_path_naming_another_file_is_reported(tmp_path: Path) -> None:
    member = Member("report.txt", b"hello", local_extra=unicode_path(b"report.txt", "evil.sh"))
    report = _inspect(tmp_path, build([member]))
    assert _findings(report) == [("zip.unicode_path_mismatch", "high")]
    assert report.findings[0].evidence["local_unicode_name"] == "evil.sh"


def test_local_extras_that_agree_are_quiet(tmp_path: Path) -> None:
    name = "caf\u00e9.txt"
    local = unicode_path(name.encode(), name) + extra(0x5455, b"\x01" + bytes(4))
    member = Member(name, b"x", flags=1 << 11, local_extra=local, central_extra=unicode_path(name.encode(), name))
    # Alignment padding after the last field (Android's zipalign) is not a malformed block.
    padded = Member("apk/classes.dex", b"dex", local_extra=extra(0xD935, b"\x04\x00") + b"\x00\x00")
    report = _inspect(tmp_path, build([member, padded]))
    assert report.findings == ()


# 5. A central comment overlapping the next record ------------------------------------------------------


def test_a_comment_overlapping_the_next_record_is_high(tmp_path: Path) -> None:
    # The directory holds a's record and a record for 'b' (pointing at a's local header, so nothing hides
    # in the file); a's comment length covers the first 10 bytes of b's record and the count says 1. CPython
    # walks the directory by its size and refuses the archive; Go walks by the count and reads 'a' only.
    data = build([Member("a", b"1", comment_len=10)])
    eocd = len(data) - 22
    record_b = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 20, 0, 0, 0, 0x5821, 0, 0, 0, 1, 0, 0, 0, 0,
                           0o100644 << 16, 0) + b"b"
    size = struct.unpack_from("<I", data, eocd + 12)[0] + len(record_b)
    data = data[:eocd] + record_b + data[eocd:eocd + 12] + struct.pack("<I", size) + data[eocd + 16:]
    report = _inspect(tmp_path, data)
    assert _findings(report) == [("zip.central_directory_size_mismatch", "high")]
    assert [e.name for e in report.entries] == ["a"]


# 6. A ZIP64 locator pointing past the end of the file -------------------------------------------------


def test_an_unneeded_locator_pointing_past_the_file_is_zip64_invalid(tmp_path: Path) -> None:
    report = _inspect(tmp_path, build([Member("a", b"1")], locator_offset=1 << 40))
    assert ("zip.zip64_invalid", "critical") in _findings(report)


def test_an_unneeded_zip64_record_that_agrees_is_quiet(tmp_path: Path) -> None:
    # Info-ZIP's `zip -fz` writes ZIP64 records the classic end record does not need; readers agree.
    data = build([Member("a", b"1")])
    eocd = data[-22:]
    record_at = len(data) - 22
    entries, size, offset = 1, struct.unpack_from("<I", eocd, 12)[0], struct.unpack_from("<I", eocd, 16)[0]
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, entries, entries, size, offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, record_at, 1)
    report = _inspect(tmp_path, data[:-22] + record + locator + eocd)
    assert report.findings == () and report.entries[0].verified

