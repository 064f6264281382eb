"""Archives written by the tools vendors build packages with: Info-ZIP `zip` (plain, `-fz`, to a pipe, from
stdin, bzip2), Python's zipfile (ZIP64 forced, more than 65,535 entries), 7-Zip (Deflate, Deflate64, BZip2,
LZMA, XZ), bsdtar (to a file, streamed to a pipe, with `zip:zip64`), Java's ZipOutputStream and an Info-ZIP
self-extractor. Every one must be inspected with no finding above low, and every file entry verified with
the SHA-256 of the file it was made from: a gate that cries wolf on what real tools write gets switched off."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import vendor_writers as vw
from realtools import require_tool

from shipgate.archive import ArchiveReport, inspect
from shipgate.findings import Severity

TEXT = b"".join(b"%06d dten.backoff.v2 vendor release notes line\n" % i for i in range(20_000))
JAVA = """
import java.io.*;
import java.util.zip.*;

public class Pack {
    public static void main(String[] args) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(new FileOutputStream(args[0]))) {
            File root = new File(args[1]);
            for (String name : new String[] {"doc/notes.txt", "bin/tool", "readme"}) {
                byte[] data = java.nio.file.Files.readAllBytes(new File(root, name).toPath());
                ZipEntry e = new ZipEntry(name);
                if (name.equals("readme")) {  // stored: size and CRC known before the data
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCrc(crc.getValue());
                }
                out.putNextEntry(e);  // deflated: streamed, a data descriptor after the data
                out.write(data);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("empty-dir/"));
            out.closeEntry();
        }
    }
}
"""


def _tree(root: Path) -> dict[str, bytes]:
    files = {"doc/notes.txt": TEXT, "bin/tool": os.urandom(200_000), "readme": b"hello\n", "empty": b""}
    return vw.write_tree(root, files)


def _run(argv: list[str], cwd: Path, stdout: Path | None = None, stdin: bytes | None = None) -> None:
    if stdout is None:
        subprocess.run(argv, cwd=cwd, check=True, capture_output=True, input=stdin)
        return
    with open(stdout, "wb") as out:  # a pipe in between: the tool sees a non-seekable output
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stdin=subprocess.PIPE if stdin else None)
        data, _ = proc.communicate(stdin)
        out.write(data)
        assert proc.returncode == 0


def info_zip(src: Path, out: Path) -> None:
    _run([require_tool("zip"), "-qr", str(out), "."], src)


def info_zip_fz(src: Path, out: Path) -> None:
    _run([require_tool("zip"), "-qr", "-fz", str(out), "."], src)


def info_zip_pipe(src: Path, out: Path) -> None:
    _run([require_tool("zip"), "-qr", "-", "."], src, stdout=out)


def info_zip_fz_pipe(src: Path, out: Path) -> None:
    _run([require_tool("zip"), "-qr", "-fz", "-", "."], src, stdout=out)


def info_zip_bzip2(src: Path, out: Path) -> None:
    _run([require_tool("zip"), "-qr", "-Z", "bzip2", str(out), "."], src)


def info_zip_sfx(src: Path, out: Path) -> None:
    """A self-extractor: Info-ZIP's unzipsfx stub, the archive appended, offsets adjusted with ``zip -A``."""
    stub = Path(require_tool("unzipsfx")).read_bytes()
    plain = out.with_suffix(".plain.zip")
    info_zip(src, plain)
    out.write_bytes(stub + plain.read_bytes())
    _run([require_tool("zip"), "-qA", str(out)], src)


def python_zip64(src: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            with zf.open(path.relative_to(src).as_posix(), "w", force_zip64=True) as f:
                f.write(path.read_bytes())


def python_many(src: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w") as zf:
        python_zip64_entries = sorted(p for p in src.rglob("*") if p.is_file())
        for path in python_zip64_entries:
            zf.write(path, path.relative_to(src).as_posix())
        for i in range(70_000):
            zf.writestr(f"many/{i:05d}", b"")


def seven_zip(method: str) -> Callable[[Path, Path], None]:
    def build(src: Path, out: Path) -> None:
        _run([require_tool("7z"), "a", "-tzip", f"-mm={method}", str(out), "."], src)

    build.__name__ = f"7z_{method}"
    return build


def bsdtar(src: Path, out: Path) -> None:
    _run([require_tool("bsdtar"), "--format", "zip", "-cf", str(out), "."], src)


def bsdtar_pipe(src: Path, out: Path) -> None:
    _run([require_tool("bsdtar"), "--format", "zip", "-cf", "-", "."], src, stdout=out)


def bsdtar_pipe_zip64(src: Path, out: Path) -> None:
    _run([require_tool("bsdtar"), "--format", "zip", "--options", "zip:zip64", "-cf", "-", "."], src, stdout=out)


def java(src: Path, out: Path) -> None:
    javac, java_bin = require_tool("javac"), require_tool("java")
    classes = out.parent / "java"
    classes.mkdir(exist_ok=True)
    (classes / "Pack.java").write_text(JAVA)
    _run([javac, "Pack.java"], classes)
    _run([java_bin, "-cp", str(classes), "Pack", str(out), str(src)], classes)


WRITERS = [info_zip, info_zip_fz, info_zip_pipe, info_zip_fz_pipe, info_zip_bzip2, info_zip_sfx, python_zip64,
           python_many, *(seven_zip(m) for m in ("Deflate", "Deflate64", "BZip2", "LZMA", "XZ")), bsdtar,
           bsdtar_pipe, bsdtar_pipe_zip64, java]


# Findings above low that a writer's archive may have, and why.
EXPECTED_ABOVE_LOW = {
    # The stub is a program no reader verifies, run by whoever executes the package: worth a look (medium),
    # never a rejection. The archive itself reads the same everywhere (offsets adjusted by `zip -A`).
    "info_zip_sfx": {"zip.data_before_first_entry"},
}


def _assert_clean_and_verified(report: ArchiveReport, files: dict[str, bytes], writer: str) -> None:
    above_low = [f for f in report.findings if f.severity > Severity.LOW]
    expected = EXPECTED_ABOVE_LOW.get(writer, set())
    assert {f.code for f in above_low} == expected, [(f.code, f.message) for f in above_low]
    assert all(f.severity < Severity.HIGH for f in report.findings)
    entries = {e.name.removeprefix("./"): e for e in report.entries if not e.is_dir}
    for name, content in files.items():
        if name not in entries:
            continue  # Java's program packs three of the files
        e = entries[name]
        assert e.verified, name
        assert e.digests["sha256"] == hashlib.sha256(content).hexdigest(), name
    assert {"doc/notes.txt", "bin/tool", "readme"} <= set(entries)
    assert all(e.verified for e in entries.values())


@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.__name__)
def test_archives_real_tools_write_are_clean_and_verified(tmp_path: Path, writer: Callable[[Path, Path], None]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    files = _tree(src)
    out = tmp_path / f"{writer.__name__}.zip"
    writer(src, out)
    _assert_clean_and_verified(inspect(out), files, writer.__name__)


def test_data_zip_reads_from_a_pipe_is_a_regular_file(tmp_path: Path) -> None:
    # `producer | zip out.zip -`: Info-ZIP records the pipe's mode (a FIFO) for the entry '-'; every extractor
    # writes a regular file with the contents, so it is no special file to worry about.
    out = tmp_path / "stdin.zip"
    _run([require_tool("zip"), "-q", str(out), "-"], tmp_path, stdin=TEXT)
    report = inspect(out)
    assert [(f.code, f.severity.label) for f in report.findings] == [("zip.special_file", "low")]
    assert report.entries[0].verified


def test_an_empty_archive_is_clean(tmp_path: Path) -> None:
    out = tmp_path / "empty.zip"
    zipfile.ZipFile(out, "w").close()
    report = inspect(out)
    assert (report.findings, report.entries, out.stat().st_size) == ((), (), 22)


@pytest.mark.parametrize("writer", [info_zip, seven_zip("BZip2")], ids=["info_zip", "7z_bzip2"])
def test_padded_images_are_verified_not_called_bombs(tmp_path: Path, writer: Callable[[Path, Path], None]) -> None:
    """A firmware image padded with 0xFF to its flash size and a sparse disk image of zeros compress far
    beyond 200:1 (deflate ~1000:1, bzip2 much more): within the archive's allowance for such data they are
    verified like any file and reported low, never denied."""
    src = tmp_path / "src"
    (src / "firmware").mkdir(parents=True)
    boot, kernel = os.urandom(64 << 10), os.urandom(256 << 10)
    files = {
        "firmware/flash.bin": boot + b"\xff" * (24 << 20) + kernel + b"\xff" * (8 << 20),
        "firmware/disk.img": bytes(32 << 20),
    }
    for name, data in files.items():
        (src / name).write_bytes(data)
    out = tmp_path / "images.zip"
    writer(src, out)
    report = inspect(out)
    assert all(f.severity <= Severity.LOW for f in report.findings), [(f.code, f.message) for f in report.findings]
    entries = {e.name.removeprefix("./"): e for e in report.entries if not e.is_dir}
    for name, content in files.items():
        assert entries[name].verified, name
        assert entries[name].digests["sha256"] == hashlib.sha256(content).hexdigest(), name


# --- Writers measured in docs/zip.md "Writers measured": built at test time where the tool runs in CI -------

VENDOR_WRITERS = [
    vw.apk_aligned, vw.apk_signed, vw.jar_plain, vw.jar_stored_dated, vw.jar_signed, vw.go_zip, vw.go_zip_pipe,
    vw.rust_zip("file"), vw.rust_zip("stream"), vw.mono_zip, vw.mono_zip_pipe, vw.info_zip_update,
    vw.info_zip_delete, vw.info_zip_fix_valid, vw.info_zip_split_one, vw.seven_zip_update, vw.crx3,
    vw.chromium_crx, vw.python_zipapp, vw.python_append_to_script, vw.python_append_to_archive,
]
# Findings above low these writers' archives have, and why (all medium: a warning, never a rejection).
VENDOR_EXPECTED_ABOVE_LOW = {
    # A CRX3 header before a ZIP whose offsets count from its own start, as a .jmod's do: 7-Zip cannot open it.
    "crx3": {"zip.prefixed_offsets", "zip.data_before_first_entry"},
    "chromium_crx": {"zip.prefixed_offsets", "zip.data_before_first_entry"},
    # A program before the archive that whoever executes the file runs (a `#!` line, a shell stub).
    "python_zipapp": {"zip.data_before_first_entry"},
    "python_append_to_script": {"zip.data_before_first_entry"},
}


def _assert_tree_verified(report: ArchiveReport, src: Path, prefix: str = "") -> None:
    """Every file entry verified, and each one that is a file of ``src`` (after the writer changed it) with
    that file's SHA-256; the files of the tree the writer kept are all there."""
    entries = {e.name.removeprefix("./").removeprefix(prefix): e for e in report.entries if not e.is_dir}
    assert entries and all(e.verified for e in entries.values()), [n for n, e in entries.items() if not e.verified]
    for path in (p for p in src.rglob("*") if p.is_file()):
        name = path.relative_to(src).as_posix()
        if name not in entries:  # Info-ZIP 3.0 stores the UTF-8 bytes without the UTF-8 flag: code page 437
            name = name.encode().decode("cp437")
        assert name in entries, name
        assert entries[name].digests["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest(), name


@pytest.mark.parametrize("writer", VENDOR_WRITERS, ids=lambda w: w.__name__)
def test_vendor_writers_archives_are_verified(tmp_path: Path, writer: Callable[[Path, Path], None]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    vw.tree(src)
    out = tmp_path / f"{writer.__name__}.zip"
    writer(src, out)
    report = inspect(out)
    above_low = {f.code for f in report.findings if f.severity > Severity.LOW}
    expected = VENDOR_EXPECTED_ABOVE_LOW.get(writer.__name__, set())
    assert above_low == expected, [(f.code, f.message) for f in report.findings]
    _assert_tree_verified(report, src, prefix="assets/" if writer.__name__.startswith("apk") else "")


def test_an_apk_signing_block_is_known_but_other_bytes_before_the_directory_are_not(tmp_path: Path) -> None:
    """apksigner's APK Signing Block (zeros to align it, then the block) fills the gap before the central
    directory exactly: no finding. The same gap with one padding byte changed belongs to no entry."""
    src = tmp_path / "src"
    src.mkdir()
    vw.tree(src)
    apk = tmp_path / "app.apk"
    vw.apk_signed(src, apk)
    assert not [f for f in inspect(apk).findings if f.severity > Severity.LOW]
    data = bytearray(apk.read_bytes())
    magic = data.rindex(b"APK Sig Block 42")
    block_size = int.from_bytes(data[magic - 8:magic], "little")
    first_field = magic + 16 - block_size - 8
    assert int.from_bytes(data[first_field:first_field + 8], "little") == block_size
    data[first_field - 1] ^= 0x01  # the last byte of the zeros before the block (apksigner aligns it to 4096)
    apk.write_bytes(bytes(data))
    assert [(f.code, f.severity.label) for f in inspect(apk).findings] == [("zip.unaccounted_bytes", "medium")]


def test_the_split_signature_before_a_single_piece_is_known(tmp_path: Path) -> None:
    """`zip -s` writes PK\\x07\\x08 before the first entry, offsets counting from the file's start: no finding.
    Any other 4 bytes there belong to no entry."""
    src = tmp_path / "src"
    src.mkdir()
    vw.tree(src)
    out = tmp_path / "one.zip"
    vw.info_zip_split_one(src, out)
    data = out.read_bytes()
    assert data[:4] == b"PK\x07\x08"
    assert not [f for f in inspect(out).findings if f.severity > Severity.LOW]
    out.write_bytes(b"PK\x07\x09" + data[4:])
    assert [(f.code, f.severity.label) for f in inspect(out).findings] == [("zip.data_before_first_entry", "medium")]


@pytest.mark.parametrize("piece", [vw.info_zip_split_last, vw.info_zip_split_first], ids=lambda w: w.__name__)
def test_a_piece_of_a_split_archive_is_unsupported_and_says_so(
    tmp_path: Path, piece: Callable[[Path, Path], None]
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    vw.tree(src)
    out = tmp_path / "piece.zip"
    piece(src, out)
    report = inspect(out)
    expected = "zip.multi_disk" if piece is vw.info_zip_split_last else "zip.not_a_zip"
    assert [(f.code, f.severity.label) for f in report.findings] == [(expected, "critical")]
    assert report.entries == ()
    assert "split" in report.findings[0].message


def test_zip_fix_fix_garbage_extra_fields_are_reported_as_readers_disagree(tmp_path: Path) -> None:
    """Info-ZIP's `zip -FF` rebuilds a lost central directory with uninitialised memory in the extra fields.
    Whatever it wrote this time: a malformed extra field is reported only where CPython refuses the archive,
    and nothing else above low."""
    src = tmp_path / "src"
    src.mkdir()
    vw.tree(src)
    out = tmp_path / "fixed.zip"
    vw.info_zip_fix_truncated(src, out)
    report = inspect(out)
    above_low = {f.code for f in report.findings if f.severity > Severity.LOW}
    assert above_low <= {"zip.extra_field_malformed"}
    try:
        with zipfile.ZipFile(out) as zf:
            cpython_reads = zf.testzip() is None
    except zipfile.BadZipFile:
        cpython_reads = False
    assert cpython_reads == (not above_low)
    if not above_low:
        _assert_tree_verified(report, src)


# --- Writers CI does not install: their archives kept in tests/archive/writers/ (writers.toml) -------------

WRITERS_DIR = Path(__file__).parent / "writers"
KEPT = tomllib.loads((WRITERS_DIR / "writers.toml").read_text())["archive"]


@pytest.mark.parametrize("kept", KEPT, ids=lambda k: k["file"])
def test_kept_archives_of_other_writers(tmp_path: Path, kept: dict[str, object]) -> None:
    path = WRITERS_DIR / str(kept["file"])
    report = inspect(path)
    with zipfile.ZipFile(path) as zf:  # CPython reads the same bytes for every file
        cpython = {i.filename: hashlib.sha256(zf.read(i)).hexdigest() for i in zf.infolist() if not i.is_dir()}
    assert {e.name: e.digests["sha256"] for e in report.entries if not e.is_dir} == cpython
    if kept["denied"]:
        return
    assert not [f for f in report.findings if f.severity > Severity.LOW], [(f.code, f.message) for f in report.findings]
    if not str(kept["file"]).startswith("soffice"):
        src = tmp_path / "src"
        src.mkdir()
        vw.tree(src)
        _assert_tree_verified(report, src)
    assert all(e.verified for e in report.entries if not e.is_dir)


def test_an_appended_archive_with_the_old_directory_left_in_is_denied_as_streaming_readers_stop(tmp_path: Path) -> None:
    """The zip crate's `new_append` leaves the first session's central directory between the entries: the
    directory lists 11 entries, a streaming extractor (bsdtar from a pipe here) stops at the stale directory's
    first header and extracts fewer. shipgate says so, and does not claim they would see extra entries."""
    path = WRITERS_DIR / "rust_zip_append.zip"
    report = inspect(path)
    hidden = [f for f in report.findings if f.code == "zip.hidden_local_header"]
    assert [f.severity.label for f in hidden] == ["high"]
    assert "stops there and misses the entries after it" in hidden[0].message
    streamed = subprocess.run([require_tool("bsdtar"), "-tf", "-"], input=path.read_bytes(), capture_output=True,
                              check=True).stdout.decode().split()
    assert len(streamed) < len(report.entries) == 11
