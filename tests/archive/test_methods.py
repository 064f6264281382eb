"""Every compression method vendors' tools write is decoded and verified (CRC-32 and SHA-256), under the same
bounds as deflate: Deflate64, bzip2, LZMA and XZ from 7-Zip, bzip2 and LZMA from Python's zipfile, Zstandard
and XZ written here (no Debian tool writes them into a ZIP), PPMd from 7-Zip at every level."""

from __future__ import annotations

import hashlib
import lzma
import os
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
import zstandard
from realtools import require_tool
from zipbuild import Member, build

from shipgate.archive import ArchiveReport, Limits, inspect
from shipgate.findings import Severity

TEXT = b"".join(b"line %d of the vendor's release notes: dten.backoff.v2 and friends\n" % i for i in range(40_000))
BINARY = os.urandom(300_000)
METHOD_NUMBER = {"Deflate": 8, "Deflate64": 9, "BZip2": 12, "LZMA": 14, "XZ": 95, "PPMd": 98}


def _sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(TEXT)
    (folder / "tool.bin").write_bytes(BINARY)
    (folder / "empty").write_bytes(b"")
    return folder


def _assert_verified(report: ArchiveReport, method: int, expected: dict[str, bytes]) -> None:
    assert report.findings == (), [(f.code, f.message) for f in report.findings]
    files = {e.name: e for e in report.entries if not e.is_dir}
    assert set(files) == set(expected)
    for name, content in expected.items():
        e = files[name]
        assert e.verified, name
        assert e.digests["sha256"] == hashlib.sha256(content).hexdigest(), name
    # Incompressible bytes may be stored whatever the method asked for; the text is compressed.
    assert files["notes.txt"].method == method


@pytest.mark.parametrize("method", ["Deflate", "Deflate64", "BZip2", "LZMA", "XZ", "PPMd"])
def test_7zip_archives_of_every_method_verify(tmp_path: Path, method: str) -> None:
    seven = require_tool("7z")
    src = _sources(tmp_path)
    archive = tmp_path / f"{method}.zip"
    subprocess.run([seven, "a", "-tzip", f"-mm={method}", str(archive), "notes.txt", "tool.bin", "empty"],
                   cwd=src, check=True, capture_output=True)
    report = inspect(archive)
    _assert_verified(report, METHOD_NUMBER[method], {"notes.txt": TEXT, "tool.bin": BINARY, "empty": b""})


@pytest.mark.parametrize("compression", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_python_zipfile_bzip2_and_lzma_verify(tmp_path: Path, compression: int) -> None:
    archive = tmp_path / "py.zip"
    with zipfile.ZipFile(archive, "w", compression=compression) as zf:
        zf.writestr("notes.txt", TEXT)
        zf.writestr("tool.bin", BINARY)
    _assert_verified(inspect(archive), compression, {"notes.txt": TEXT, "tool.bin": BINARY})


def _zstd(data: bytes, **kw: int) -> bytes:
    return zstandard.ZstdCompressor(level=kw.get("level", 19), write_content_size=True).compress(data)


def test_zstandard_and_xz_entries_verify(tmp_path: Path) -> None:
    two_frames = _zstd(TEXT[:1000]) + _zstd(TEXT[1000:])
    members = [
        Member("notes.zst.txt", TEXT, method=93, payload=_zstd(TEXT)),
        Member("frames.txt", TEXT, method=93, payload=two_frames),
        Member("tool.xz.bin", BINARY, method=95, payload=lzma.compress(BINARY, format=lzma.FORMAT_XZ)),
    ]
    report = inspect(_write(tmp_path, build(members)))
    assert report.findings == ()
    assert [(e.method, e.verified) for e in report.entries] == [(93, True), (93, True), (95, True)]
    assert report.entries[0].digests["sha256"] == hashlib.sha256(TEXT).hexdigest()


def _write(tmp_path: Path, data: bytes, name: str = "case.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("options", ["-mx=1", "-mx=9", "-mm=PPMd:o=16:mem=32m", "-mm=PPMd:o=2:mem=1m"])
def test_7zip_ppmd_at_every_level_verifies(tmp_path: Path, options: str) -> None:
    """7-Zip's PPMd (variant I, the model's order and memory in the entry's first two bytes): from the smallest
    model to the largest order, and a model smaller than the text (the restart when memory runs out)."""
    seven = require_tool("7z")
    src = _sources(tmp_path)
    archive = tmp_path / "ppmd.zip"
    method = ["-mm=PPMd", options] if options.startswith("-mx") else [options]
    subprocess.run([seven, "a", "-tzip", *method, str(archive), "notes.txt", "tool.bin"], cwd=src, check=True,
                   capture_output=True)
    _assert_verified(inspect(archive), 98, {"notes.txt": TEXT, "tool.bin": BINARY})


def test_a_ppmd_model_beyond_the_decoder_memory_bound_is_reported(tmp_path: Path) -> None:
    """The parameter word declaring a 256 MiB model (over the 192 MiB bound): reported, not decoded."""
    stream = struct.pack("<H", (6 - 1) | (256 - 1) << 4) + bytes(64)
    report = inspect(_write(tmp_path, build([Member("big-model.txt", b"notes\n", method=98, payload=stream)])))
    assert [f.code for f in report.findings] == ["zip.decoder_memory_limit"]


def _lzma_zip(data: bytes, dict_size: int | None = None) -> bytes:
    """An LZMA entry as APPNOTE 5.8.8 has it, with an end marker."""
    alone = lzma.compress(data, format=lzma.FORMAT_ALONE)
    props = alone[:5] if dict_size is None else alone[:1] + struct.pack("<I", dict_size)
    return b"\x10\x02\x05\x00" + props + alone[13:]


def test_new_methods_are_bounded_like_deflate(tmp_path: Path) -> None:
    zeros = bytes(64 << 20)  # bzip2 and Zstandard squeeze these far beyond 200:1
    members = [
        Member("bomb.bz2", zeros, method=12, payload=__import__("bz2").compress(zeros)),
        Member("bomb.zst", zeros, method=93, payload=_zstd(zeros, level=3)),
        Member("big-dict.lzma", TEXT, method=14, flags=2, payload=_lzma_zip(TEXT, dict_size=1 << 30)),
        Member("bad-crc.xz", TEXT, method=95, payload=lzma.compress(TEXT, format=lzma.FORMAT_XZ), crc=1),
        Member("cut.bz2", TEXT, method=12, payload=__import__("bz2").compress(TEXT)[:-20]),
        Member("lzma-ok", TEXT, method=14, flags=2, payload=_lzma_zip(TEXT)),
    ]
    archive = _write(tmp_path, build(members))
    report = inspect(archive, limits=Limits(max_ratio=200, max_high_ratio_size=32 << 20))
    by_entry = sorted((f.path, f.code) for f in report.findings)
    assert by_entry == [
        ("bad-crc.xz", "zip.crc_mismatch"),
        ("big-dict.lzma", "zip.decoder_memory_limit"),
        ("bomb.bz2", "zip.compression_ratio"),
        ("bomb.zst", "zip.compression_ratio"),
        ("cut.bz2", "zip.truncated"),
    ]
    assert [e.name for e in report.entries if e.verified] == ["lzma-ok"]
    # Within the default allowance for data above the ratio (512 MiB), the zeros are verified and reported low.
    report = inspect(archive)
    assert sorted((f.path, f.severity) for f in report.findings if f.code == "zip.compression_ratio") == [
        ("bomb.bz2", Severity.LOW),
        ("bomb.zst", Severity.LOW),
    ]
    assert [e.name for e in report.entries if e.verified] == ["bomb.bz2", "bomb.zst", "lzma-ok"]
