"""Flag-like strings collected while entries are verified (``inspect(..., flags=True)``): the upgrade plan
relies on finding a flag such as ``dten.backoff.v2`` inside a binary that no document names."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from shipgate.archive import inspect

CHUNK = 256 * 1024  # the inspector reads and inflates in pieces of this size (rust/zip/verify.rs)


def _binary_with(strings: dict[int, bytes], size: int) -> bytes:
    """Incompressible bytes with ``strings`` at offsets. Every fifth byte is NUL, so no run of random bytes
    is long enough to pass for a flag (six characters at least)."""
    data = bytearray(os.urandom(size))
    for i in range(0, size, 5):
        data[i] = 0
    for at, s in strings.items():
        data[at - 1: at + len(s) + 1] = b"\0" + s + b"\0"
    return bytes(data)


def _zip(path: Path, members: dict[str, tuple[bytes, int]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, (data, method) in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            info.create_system = 3
            info.external_attr = (stat.S_IFDIR | 0o755 if name.endswith("/") else stat.S_IFREG | 0o755) << 16
            zf.writestr(info, data)
    return path


def test_strings_of_each_kind_are_found_across_piece_boundaries(tmp_path: Path) -> None:
    # Each string straddles the boundary between two pieces the inspector reads or inflates.
    strings = {CHUNK - 5: b"dten.backoff.v2", 2 * CHUNK - 3: b"DTEN_RETRY_MAX", 100: b"--hybrid-mode"}
    binary = _binary_with(strings, 3 * CHUNK)
    config = b"[dten]\nhybrid.enable = true  # see dten.hybrid.enable\n"
    path = _zip(tmp_path / "pkg.zip", {
        "binaries/dtend": (binary, zipfile.ZIP_STORED),
        "binaries/dtend.z": (binary, zipfile.ZIP_DEFLATED),
        "config/dten.conf": (config, zipfile.ZIP_DEFLATED),
        "config/": (b"", zipfile.ZIP_STORED),
    })
    report = inspect(path, flags=True)
    assert not report.findings
    by_name = {e.name: e for e in report.entries}
    expected = ("--hybrid-mode", "DTEN_RETRY_MAX", "dten.backoff.v2")
    assert by_name["binaries/dtend"].flags == expected
    assert by_name["binaries/dtend.z"].flags == expected
    # Text is not scanned: configuration and documents are parsed by the layers that read them.
    assert by_name["config/dten.conf"].flags == ()
    assert by_name["config/"].flags == ()
    assert report.to_dict()["entries"][0]["flags"] == list(expected)


def test_off_by_default_and_empty_for_entries_that_do_not_verify(tmp_path: Path) -> None:
    path = _zip(tmp_path / "pkg.zip", {"a.bin": (b"\0dten.backoff.v2\0" * 10, zipfile.ZIP_STORED)})
    assert inspect(path).entries[0].flags == ()
    assert "flags" not in inspect(path).to_dict()["entries"][0]
    assert inspect(path, flags=True).entries[0].flags == ("dten.backoff.v2",)
    data = bytearray(path.read_bytes())
    at = data.index(b"dten.backoff.v2")
    data[at] ^= 0x20  # the CRC no longer matches: nothing from the entry is reported as its content
    path.write_bytes(bytes(data))
    (entry,) = inspect(path, flags=True).entries
    assert (entry.verified, entry.flags) == (False, ())


def test_only_binaries_are_scanned(tmp_path: Path) -> None:
    # Binary: a NUL or bytes that are not UTF-8 in the first 8 KiB (git's test), whatever the name.
    members = {
        "elf": (b"\x7fELF\x02\x01\x01\0" + b"\0--enable-backoff\0", zipfile.ZIP_STORED),
        "latin1.txt": (b"caf\xe9 DTEN_RETRY_MAX", zipfile.ZIP_DEFLATED),
        "notes.txt": ("naïve DTEN_RETRY_MAX dten.backoff.v2".encode(), zipfile.ZIP_DEFLATED),
        "late-nul": (b"x" * 8192 + b"\0dten.backoff.v2", zipfile.ZIP_DEFLATED),
    }
    report = inspect(_zip(tmp_path / "kinds.zip", members), flags=True)
    assert {e.name: e.flags for e in report.entries} == {
        "elf": ("--enable-backoff",),
        "latin1.txt": ("DTEN_RETRY_MAX",),
        "notes.txt": (),
        "late-nul": (),
    }


def test_a_symlink_target_is_not_scanned(tmp_path: Path) -> None:
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("bin/current")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, b"\0dten.release.v2")
    (entry,) = inspect(path, flags=True).entries
    assert entry.is_symlink and entry.flags == ()
