"""shipgate against real readers, archive by archive: CPython's zipfile, Info-ZIP `unzip -v`/`-t` and 7-Zip's
`7z l -slt`, over every archive of the shared ZIP corpora, the archives these tests build (issue 17's regression
cases, real tools' output) and the archives the fuzzer kept (fuzz/kept/).

For each archive, each reader gives the set of files it lists as (name, size, CRC-32), or refuses the archive,
or cannot judge (a method it does not implement). Then:
- shipgate accepts (nothing high or critical) → every reader that judges must list exactly what shipgate
  verified: silence while readers disagree is a missed ambiguity;
- shipgate denies while every reader lists the same files and tests them clean → the denial must rest on a
  finding that is about the content (``CONTENT_RISKS``) or about what streaming extractors read, which these
  readers do not (``STREAMING``), each with its reason, or the archive is in ``ALLOWED`` with a reason. A gate
  that denies what every reader agrees on cries wolf.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from realtools import require_tool
from zipbuild import Member, build, extra, unicode_path

from shipgate.archive import ArchiveReport, inspect

ROOT = Path(__file__).resolve().parents[2]
File = tuple[str, int, int]

# Findings that deny an archive all readers agree on, because of what it contains or what extracting it does.
CONTENT_RISKS = {
    "zip.path_traversal": "every reader lists it; extracting it writes outside the target directory",
    "zip.symlink_escape": "a symlink out of the extraction root: readers agree, the extracted tree is unsafe",
    "zip.path_through_symlink": "an entry written through a symlink entry lands wherever the link points",
    "zip.setuid": "an executable that runs with raised privileges",
    "zip.special_file": "a device or socket node an extractor running as root creates",
    "zip.encrypted_entry": "contents nobody can verify without the password",
    "zip.unsupported_method": "contents shipgate cannot verify (implode, shrink, ...)",
    "zip.duplicate_name": "readers list both entries; extractors keep different ones",
    "zip.duplicate_name_normalized": "the same file on a case-insensitive or normalising file system",
    "zip.path_invalid": "a name with control characters or NUL, which extractors truncate or reject differently",
    "zip.path_backslash": "a separator on Windows, a plain character elsewhere: different files are written",
    "zip.compression_ratio": "a decompression bomb by the configured bound",
    "zip.total_size_limit": "a decompression bomb by the configured bound",
    "zip.entry_size_limit": "a decompression bomb by the configured bound",
    "zip.nesting_depth": "archives nested beyond the configured bound are not inspected",
    "zip.decoder_memory_limit": "a dictionary or window beyond the configured bound",
    "zip.overlapping_entries": "entries that share bytes (a bomb or CVE-2024-0450); readers list them alike",
    "zip.name_invalid_utf8": "a name flagged UTF-8 that is not: readers replace different bytes",
    "zip.unicode_path_mismatch": "the Unicode path extra names another file than the header: extractors differ",
    "zip.crc_mismatch": "the contents do not match their CRC (readers' listings come from the directory only)",
    "zip.corrupt_data": "the compressed stream is invalid",
    "zip.size_mismatch": "the contents do not match their declared size",
}
# Findings about what streaming extractors read (local headers and data descriptors, in file order: bsdtar
# from a pipe, Java's ZipInputStream). The three readers here read the central directory, so they agree
# where a streaming extractor fails or writes other files.
STREAMING = {
    "zip.local_header_mismatch": "a local header or data descriptor contradicts the directory",
    "zip.hidden_local_header": "a local header outside every entry: a streaming extractor writes an extra file",
}
# Archives where a rule above does not hold, and why.
ALLOWED: dict[str, str] = {}
# Bomb codes: the readers' integrity tests are not run on such archives (they would inflate the bomb).
BOMBS = {"zip.compression_ratio", "zip.total_size_limit", "zip.overlapping_entries", "zip.entry_size_limit",
         "zip.time_limit", "zip.decoder_memory_limit", "zip.too_many_entries"}
TIMEOUT = 20


@dataclass(frozen=True)
class Reading:
    """A reader's view: the files it lists, or None when it refuses the archive; ``judges`` is False when it
    cannot read some entry's method (its view is not evidence either way)."""

    files: frozenset[File] | None
    judges: bool = True
    tested_clean: bool = True


def _name(name: str) -> str:
    name = name.removeprefix("./")
    return name if name.isascii() and name.isprintable() else "<non-ascii>"


def _files(entries: Iterator[tuple[str, int, int, bool]]) -> frozenset[File]:
    return frozenset((_name(n), size, crc) for n, size, crc, is_dir in entries if not is_dir)


def read_zipfile(path: Path, test: bool) -> Reading:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            files = _files((i.filename, i.file_size, i.CRC, i.filename.endswith("/")) for i in infos)
            if not test:
                return Reading(files)
            try:
                clean = zf.testzip() is None
            except NotImplementedError:
                return Reading(files, judges=False)
            except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError, OverflowError):
                clean = False
            return Reading(files, tested_clean=clean)
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError, RuntimeError, OverflowError):
        return Reading(None)


UNZIP_LINE = re.compile(r"^\s*(\d+)\s+(\S+)\s+\d+\s+-?\d+%\s+\S+\s+\S+\s+([0-9a-f]{8})  (.*)$")


def read_unzip(path: Path, test: bool) -> Reading:
    unzip = require_tool("unzip")
    try:
        listing = subprocess.run([unzip, "-v", str(path)], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return Reading(None)
    if listing.returncode > 1:  # 1: warnings only
        return Reading(None)
    rows = []
    judges = True
    for line in listing.stdout.decode("utf-8", "replace").splitlines():
        m = UNZIP_LINE.match(line)
        if m:
            size, method, crc, name = int(m.group(1)), m.group(2), int(m.group(3), 16), m.group(4)
            judges &= not method.startswith("Unk")
            rows.append((name, size, crc, name.endswith("/")))
    files = _files(iter(rows))
    if not test or not judges:
        return Reading(files, judges=judges)
    try:
        tested = subprocess.run([unzip, "-tqq", str(path)], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return Reading(files, judges=False)
    # 1: warnings only ("zipfile is empty", "extra bytes at beginning"), the entries tested fine.
    return Reading(files, tested_clean=tested.returncode in (0, 1))


def read_7z(path: Path, test: bool) -> Reading:
    seven = require_tool("7z")
    try:
        listing = subprocess.run([seven, "l", "-slt", "-tzip", str(path)], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return Reading(None)
    if listing.returncode != 0:
        return Reading(None)
    rows, judges = [], True
    for block in listing.stdout.decode("utf-8", "replace").split("\n\n"):
        fields = dict(line.split(" = ", 1) for line in block.splitlines() if " = " in line)
        if "Path" not in fields or "Folder" not in fields:
            continue
        method = fields.get("Method", "")
        judges &= not method.startswith("Unknown") and "Zstd" not in method
        crc = int(fields["CRC"], 16) if fields.get("CRC") else 0
        rows.append((fields["Path"], int(fields.get("Size") or 0), crc, fields["Folder"] == "+"))
    return Reading(_files(iter(rows)), judges=judges)


def _shipgate_files(report: ArchiveReport) -> frozenset[File]:
    return _files((e.name, e.uncompressed_size, e.crc32, e.is_dir) for e in report.entries)


def judge(path: Path) -> str | None:
    """What is wrong with shipgate's verdict on ``path`` given the readers', or None."""
    report = inspect(path)
    test = not (report.codes() & BOMBS)
    readings = {"zipfile": read_zipfile(path, test), "unzip": read_unzip(path, test), "7z": read_7z(path, test)}
    judging = {k: r for k, r in readings.items() if r.judges}
    listings = {r.files for r in judging.values()}
    agree = None not in listings and len(listings) == 1 and all(r.tested_clean for r in judging.values())
    if not report.rejected:
        ours = _shipgate_files(report)
        differ = {k: sorted(r.files ^ ours) if r.files is not None else "refused" for k, r in judging.items()
                  if r.files != ours}
        return f"accepted, but readers differ from what shipgate verified: {differ}" if differ else None
    if agree and test:
        serious = {f.code for f in report.findings if f.severity.label in ("high", "critical")}
        explained = set(CONTENT_RISKS) | set(STREAMING)
        unexplained = serious - explained
        if serious and serious.isdisjoint(explained):
            return f"denied ({sorted(unexplained)}) though every reader lists and tests the same files"
    return None


def _corpus_archives(corpora: Path) -> list[Path]:
    folders = ("zip-yauzl", "zip-go-archive-zip", "zip-rs-zip2", "zip-cpython-overlap", "zip-bombs-recursiveextractor")
    return [p for folder in folders for p in sorted((corpora / folder).rglob("*"))
            if p.is_file() and p.suffix != ".md" and not p.name.endswith(".bz2")]


def _behind(prefix: bytes, name: str, data: bytes) -> bytes:
    """An archive Python's zipfile appends to ``prefix``, its offsets counted from the file's start."""
    out = io.BytesIO(prefix)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr(name, data)
    return out.getvalue()


def _built_archives(folder: Path) -> list[Path]:
    """Issue 17's regression archives and a few more shapes real writers emit, written by zipbuild."""
    text = b"vendor notes " * 2000
    cases = {
        "streamed64.zip": build([Member("a", text, method=8, descriptor="signed", zip64_local=True),
                                 Member("b", text, method=8, descriptor="unsigned", zip64_local=True)]),
        "central64.zip": build([Member("a", text, method=8, descriptor="signed", zip64_central=True)]),
        "wrapped.zip": build([Member(f"d/{i:05d}", b"") for i in range(65_540)]),
        "modes.zip": build([Member("shared/", mode=0o042775), Member("garbage/", external=0xFFFF << 16 | 0x10)]),
        "local-extra.zip": build([Member("a.txt", b"hi", local_extra=extra(0x5455, b"\x01abc") + b"\0\0")]),
        "local-unicode.zip": build([Member("r.txt", b"hi", local_extra=unicode_path(b"r.txt", "evil.sh"))]),
        "zip64-past.zip": build([Member("a", b"1")], locator_offset=1 << 40),
        "empty.zip": build([]),
        "comment.zip": build([Member("a", b"1", comment=b"file comment")], comment=b"archive comment"),
        "prefix.zip": build([Member("a", text, method=8)], prefix=b"#!/bin/sh\nexit 0\n"),
        # A stub whose code holds the signatures, more code after them (bdist_wininst's): every reader agrees.
        "stub-signatures.zip": _behind(b"#!stub \x81\x3ePK\x03\x04" + bytes(range(1, 23)) + b"\x08\0\0\0ab\0cdefgh",
                                       "a", text),
        # A whole local header (30 + 7 + 3 bytes) behind a script: 7-Zip lists it, the others do not.
        "script-hidden-entry.zip": _behind(b"#!/bin/sh\n" + build([Member("evil.sh", b"id\n")])[:40], "a", text),
        "dir-with-size.zip": build([Member("d/", b"x", mode=0o040755)]),
        "macosx.zip": build([Member("a.txt", b"hi"), Member("__MACOSX/._a.txt", b"\0\x05\x16\x07" + bytes(60))]),
        # Info-ZIP's `zip -s` in one piece: the split signature, then the archive (offsets from the file's start).
        "split-signature.zip": _behind(b"PK\x07\x08", "a", text),
    }
    paths = []
    for name, data in cases.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _kept_archives() -> list[Path]:
    """The fuzzer's kept archives, and those of the writers CI does not install (tests/archive/writers/)."""
    writers = (ROOT / "tests" / "archive" / "writers").iterdir()
    kept = sorted(p for p in writers if p.suffix in (".zip", ".docx", ".odt"))
    return sorted((ROOT / "fuzz" / "kept").glob("*")) + kept


def test_shipgate_against_the_readers_on_every_archive(corpora: Path, tmp_path: Path) -> None:
    require_tool("unzip"), require_tool("7z")
    archives = _corpus_archives(corpora) + _built_archives(tmp_path) + _kept_archives()
    assert len(archives) > 150
    problems = {}
    for path in archives:
        label = str(path.relative_to(corpora)) if path.is_relative_to(corpora) else path.name
        verdict = judge(path)
        if verdict and label not in ALLOWED:
            problems[label] = verdict
    assert problems == {}


@pytest.mark.parametrize("reader", [read_zipfile, read_unzip, read_7z], ids=lambda r: r.__name__)
def test_each_reader_is_parsed(tmp_path: Path, reader: object) -> None:
    """The harness itself: a reader's listing of a plain archive is parsed exactly (a parser that reads
    nothing would make every archive 'agree')."""
    path = tmp_path / "plain.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dir/", b"")
        zf.writestr("dir/a.txt", b"alpha" * 100)
        zf.writestr("b.bin", b"\0\1\2")
    assert callable(reader)
    reading = reader(path, True)
    expected = {("dir/a.txt", 500, zlib.crc32(b"alpha" * 100)), ("b.bin", 3, zlib.crc32(b"\0\1\2"))}
    assert reading == Reading(frozenset(expected))
