"""Every case of the shared ZIP corpora: hostile or malformed archives get the right ``zip.`` finding (never
a crash or a generic error); valid ones get no high/critical finding and exactly the expected entries and
CRCs. Expectations come from each folder's SOURCE.md; where shipgate is deliberately stricter than the
reader the corpus came from, the case is listed in a ``STRICTER`` table with the reason.
"""

from __future__ import annotations

import bz2
import hashlib
import unicodedata
import zipfile
import zlib
from pathlib import Path

from shipgate.archive import ArchiveReport, Limits, inspect
from shipgate.findings import Severity


def _serious(report: ArchiveReport) -> list[str]:
    return sorted(f"{f.code}:{f.severity.label}" for f in report.findings if f.severity >= Severity.HIGH)


def _assert_matches_zipfile(path: Path, report: ArchiveReport) -> None:
    """Names, CRCs, sizes and SHA-256 of every entry equal what CPython's zipfile reads."""
    # zipfile reads the header name (ignoring the Info-ZIP Unicode path extra, which shipgate reports when
    # it differs) and cuts it at the first NUL (which shipgate reports as zip.path_invalid).
    header_names = {
        f.evidence["unicode_name"]: f.evidence["header_name"]
        for f in report.findings
        if f.code == "zip.unicode_path_mismatch"
    }
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        names = [header_names.get(e.name, e.name).split("\0")[0] for e in report.entries]
        assert names == [i.filename for i in infos]
        for entry, info in zip(report.entries, infos, strict=True):
            assert (entry.crc32, entry.uncompressed_size, entry.compressed_size) == (
                info.CRC,
                info.file_size,
                info.compress_size,
            ), entry.name
            assert entry.verified, entry.name
            assert entry.digests == {"sha256": hashlib.sha256(zf.read(info)).hexdigest()}, entry.name


# --- zip-yauzl -------------------------------------------------------------------------------------------

# failure/<expected error>.zip -> the finding that rejects it.
YAUZL_FAILURE = {
    "End of central directory record signature not found Either not a zip file or file is truncated.zip":
        "zip.not_a_zip",
    "End of central directory record signature not found Either not a zip file or file is truncated_1.zip":
        "zip.not_a_zip",
    # Trailing bytes after the end record: yauzl rejects, Go and Info-ZIP accept. Same entries either way,
    # so shipgate reports it (medium) without rejecting.
    "Invalid comment length Expected 1 Found 0 Are there extra bytes at the end of the file Or is the end of "
    "central dir signature PK in the com.zip": "zip.data_after_eocd",
    "absolute path C xt.zip": "zip.path_traversal",
    "absolute path atxt.zip": "zip.path_traversal",
    "compressed uncompressed size mismatch for stored file 2147483647 5.zip": "zip.size_mismatch",
    "extra field length exceeds extra field buffer size.zip": "zip.extra_field_malformed",
    "file data overflows file bounds 63 2147483647 308.zip": "zip.entry_out_of_bounds",
    "invalid central directory file header signature 0x1014b50.zip": "zip.central_directory_corrupt",
    "invalid characters in fileName a txt.zip": "zip.path_backslash",
    "invalid code lengths set.zip": "zip.corrupt_data",
    "invalid local file header signature 0x3034b50.zip": "zip.local_header_invalid",
    "invalid relative path xt.zip": "zip.path_traversal",
    "invalid zip64 end of central directory record signature.zip": "zip.zip64_invalid",
    "multi-disk zip files are not supported found disk number 1.zip": "zip.multi_disk",
    "not enough bytes in the stream expected 2048576 got only 1000000.zip": "zip.local_header_mismatch",
    "strong encryption is not supported.zip": "zip.encrypted_entry",
    "too many bytes in the stream expected 82496 got at least 98304.zip": "zip.size_mismatch",
    "too many length or distance symbols.zip": "zip.corrupt_data",
    "unexpected EOF.zip": "zip.entry_out_of_bounds",
    "unsupported compression method 1.zip": "zip.unsupported_method",
    "zip64 extended information extra field does not include compressed size.zip": "zip.zip64_extra_missing",
    "zip64 extended information extra field does not include relative header offset.zip": "zip.zip64_extra_missing",
    "zip64 extended information extra field does not include uncompressed size.zip": "zip.zip64_extra_missing",
}

# success/ cases yauzl extracts but shipgate rejects, and why.
YAUZL_STRICTER = {
    "traditional-encryption.zip": "zip.encrypted_entry",  # contents cannot be verified
    "traditional-encryption_deprecated.zip": "zip.encrypted_entry",
    "traditional-encryption-and-compression.zip": "zip.encrypted_entry",
    "traditional-encryption-and-compression_deprecated.zip": "zip.encrypted_entry",
    "bogus-compression-method.zip": "zip.unsupported_method",  # cannot be inflated, so not verified
    # The central name is 'a\\txt', the local name 'a.txt': extractors disagree on the file written.
    "sloppy-filenames.zip": "zip.local_header_mismatch",
    # The header name is 16 control bytes; only readers of the 0x7075 extra write '七个房间.txt'.
    "unicode-path-extra-field.zip": "zip.unicode_path_mismatch",
}

PLACEHOLDERS = {".git_please_make_this_directory", ".dont_expect_an_empty_dir_entry_for_this_dir"}


def _ascii(name: str) -> str:
    """The corpus stores its expected trees with ASCII names ('Kätilot' as 'Katilot')."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _expected_tree(root: Path) -> dict[str, bytes]:
    files = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name not in PLACEHOLDERS:
            files[p.relative_to(root).as_posix()] = p.read_bytes()
    return files


def test_yauzl_failures_are_rejected_with_their_finding(corpora: Path) -> None:
    folder = corpora / "zip-yauzl" / "failure"
    assert sorted(p.name for p in folder.glob("*.zip")) == sorted(YAUZL_FAILURE)
    for name, code in YAUZL_FAILURE.items():
        report = inspect(folder / name)
        assert code in report.codes(), (name, report.codes())
        if code != "zip.data_after_eocd":
            assert report.rejected, (name, _serious(report))


def test_yauzl_successes_have_the_expected_entries(corpora: Path) -> None:
    folder = corpora / "zip-yauzl" / "success"
    checked = 0
    for archive in sorted(folder.glob("*.zip")):
        report = inspect(archive)
        if archive.name in YAUZL_STRICTER:
            assert YAUZL_STRICTER[archive.name] in report.codes(), archive.name
            assert report.rejected, archive.name
            continue
        assert _serious(report) == [], archive.name
        files = {_ascii(e.name): e for e in report.entries if not e.is_dir}
        tree = folder / archive.stem.removesuffix("_deprecated")
        if tree.is_dir():
            expected = _expected_tree(tree)
            # The corpus keeps a subset of some trees (everything.zip lists 1,000 more files than its
            # folder holds); every kept file must be there, and all entries must match zipfile's reading.
            assert set(expected) <= set(files), archive.name
            for path, content in expected.items():
                assert files[path].crc32 == zlib.crc32(content), (archive.name, path)
                assert files[path].digests["sha256"] == hashlib.sha256(content).hexdigest()
        else:
            # deflate.zip's expected content (index.js) was left out of the corpus: check by CRC.
            assert archive.name == "deflate.zip"
        assert all(e.verified for e in files.values()), archive.name
        _assert_matches_zipfile(archive, report)
        checked += 1
    assert checked == 15


def test_yauzl_wrong_entry_sizes_is_rejected(corpora: Path) -> None:
    report = inspect(corpora / "zip-yauzl" / "wrong-entry-sizes" / "wrong-entry-sizes.zip")
    assert {"zip.local_header_mismatch", "zip.size_mismatch"} <= report.codes()
    assert not any(e.verified for e in report.entries)


# --- zip-go-archive-zip ------------------------------------------------------------------------------------

GO_VALID = [
    "test.zip", "test-trailing-junk.zip", "test-prefix.zip", "dd.zip", "go-with-datadesc-sig.zip",
    "go-no-datadesc-sig.zip", "crc32-not-streamed.zip", "zip64.zip", "zip64-2.zip", "winxp.zip", "unix.zip",
    "utf8-7zip.zip", "utf8-infozip.zip", "utf8-osx.zip", "utf8-winrar.zip", "utf8-winzip.zip", "time-7zip.zip",
    "time-infozip.zip", "time-osx.zip", "time-win7.zip", "time-winrar.zip", "time-winzip.zip", "time-go.zip",
    "time-22738.zip", "subdir.zip", "readme.zip",
]
GO_REJECTED = {
    "readme.notzip": "zip.not_a_zip",
    "comment-truncated.zip": "zip.eocd_comment_length",
    # Go repairs these two by guessing a base offset; shipgate does not guess about hostile input.
    "test-badbase.zip": "zip.central_directory_count_mismatch",
    "test-baddirsz.zip": "zip.central_directory_corrupt",
    "symlink.zip": "zip.symlink_escape",  # 'symlink' -> '../target'
    "dupdir.zip": "zip.duplicate_name_normalized",  # 'a/b' is a file and 'a/b/' a directory
}


def test_go_cases(corpora: Path) -> None:
    folder = corpora / "zip-go-archive-zip" / "testdata"
    for name in GO_VALID:
        report = inspect(folder / name)
        assert _serious(report) == [], (name, _serious(report))
        _assert_matches_zipfile(folder / name, report)
    for name, code in GO_REJECTED.items():
        report = inspect(folder / name)
        assert code in report.codes(), (name, report.codes())
        assert report.rejected, name
    comment = inspect(folder / "test.zip").comment
    assert comment == "This is a zipfile comment."
    assert {e.name for e in inspect(folder / "test-prefix.zip").entries} == {"test.txt", "gophercolor16x16.png"}
    (link,) = inspect(folder / "symlink.zip").entries
    assert (link.is_symlink, link.symlink_target) == (True, "../target")


def test_go_corrupted_descriptor_crc_is_caught(corpora: Path, tmp_path: Path) -> None:
    data = bytearray((corpora / "zip-go-archive-zip" / "testdata" / "crc32-not-streamed.zip").read_bytes())
    with zipfile.ZipFile(corpora / "zip-go-archive-zip" / "testdata" / "crc32-not-streamed.zip") as zf:
        last = zf.infolist()[-1]
    # Flip the CRC in the last entry's central record and local header alike: only inflation can tell.
    crc = last.CRC.to_bytes(4, "little")
    bad = ((last.CRC ^ 1).to_bytes(4, "little"))
    data = bytearray(bytes(data).replace(crc, bad))
    path = tmp_path / "bad-crc.zip"
    path.write_bytes(data)
    report = inspect(path)
    assert "zip.crc_mismatch" in report.codes()
    assert report.rejected


# --- zip-rs-zip2 ------------------------------------------------------------------------------------------

ZIP2_VALID = [
    "data_descriptor.zip", "extended_timestamp.zip", "files_and_dirs.zip", "linux-7z.zip", "mimetype.zip",
    "non_utf8.zip", "ntfs.zip", "symlink.zip", "chinese.zip", "windows-7zip.zip",
]
# Opens with no entries; the only findings are about bytes after the (empty) archive's end record.
ZIP2_EMPTY_WITH_TRAILING = ["comment_garbage.zip", "misaligned_comment.zip"]
ZIP2_REJECTED = {
    "invalid_offset.zip": "zip.truncated",
    "invalid_offset2.zip": "zip.multi_disk",
    "invalid_cde_number_of_files_allocation_greater_offset.zip": "zip.central_directory_count_mismatch",
    "raw_deflate64_index_out_of_bounds.zip": "zip.entry_out_of_bounds",
    "deflate64_issue_25.zip": "zip.eocd_comment_length",
    "extended_timestamp_bad.zip": "zip.extra_field_malformed",
    "aes_archive.zip": "zip.encrypted_entry",
    "ignore_encryption_flag.zip": "zip.encrypted_entry",
    "legacy/implode.zip": "zip.unsupported_method",
    "legacy/reduce.zip": "zip.unsupported_method",
    "legacy/shrink.zip": "zip.unsupported_method",
}


def test_zip2_cases(corpora: Path) -> None:
    folder = corpora / "zip-rs-zip2" / "data"
    for name in ZIP2_VALID:
        report = inspect(folder / name)
        assert _serious(report) == [], (name, _serious(report))
        _assert_matches_zipfile(folder / name, report)
    # Its one entry '-' is marked a FIFO: Info-ZIP reading data from a pipe. Extractors write a regular file.
    demo = inspect(folder / "zip64_demo.zip")
    assert [(f.code, f.severity.label) for f in demo.findings if f.code == "zip.special_file"] == [
        ("zip.special_file", "low")]
    assert not demo.rejected and demo.entries[0].verified
    # XZ (method 95): CPython cannot read it; decoded and verified here (7-Zip agrees, test_differential.py).
    xz = inspect(folder / "xz.zip")
    assert (xz.findings, [(e.method, e.verified) for e in xz.entries]) == ((), [(95, True)])
    # PPMd (method 98) likewise: CPython cannot read it; decoded and verified here (7-Zip agrees).
    ppmd = inspect(folder / "ppmd.zip")
    assert (ppmd.findings, [(e.method, e.verified) for e in ppmd.entries]) == ((), [(98, True)])
    for name in ZIP2_EMPTY_WITH_TRAILING:
        report = inspect(folder / name)
        assert (report.entries, _serious(report)) == ((), []), name
        assert "zip.data_after_eocd" in report.codes()
    assert inspect(folder / "comment_garbage.zip").comment == "short."
    for name, code in ZIP2_REJECTED.items():
        report = inspect(folder / name)
        assert code in report.codes(), (name, report.codes())
        assert report.rejected, name
    # smaller_offset: zip2 accepts "error or empty archive"; shipgate finds no entries and says why.
    report = inspect(folder / "invalid_cde_number_of_files_allocation_smaller_offset.zip")
    assert report.entries == ()
    assert "zip.unaccounted_bytes" in report.codes()


def test_zip2_zip64_magic_in_names_does_not_confuse_the_eocd_search(corpora: Path) -> None:
    # The names hold ZIP64 signatures (control bytes): the archive opens and verifies, and the names
    # themselves are reported.
    for n in range(1, 6):
        path = corpora / "zip-rs-zip2" / "data" / f"zip64_magic_in_filename_{n}.zip"
        report = inspect(path)
        # CPython follows the locator-looking bytes and fails ("span multiple disks"); Go and zip2 read
        # the entries. shipgate reads them too and says that some readers will not.
        assert report.entries and all(e.verified for e in report.entries), n
        assert "zip.zip64_unexpected_locator" in report.codes()
        assert {f.code for f in report.findings if f.severity >= Severity.HIGH} == {"zip.path_invalid"}


# --- CPython overlap vectors, RecursiveExtractor bombs ------------------------------------------------------

def test_cpython_full_and_quoted_overlap(corpora: Path) -> None:
    folder = corpora / "zip-cpython-overlap"
    full = inspect(folder / "full_overlap.zip")
    assert [(f.code, f.evidence.get("kind")) for f in full.findings if f.code == "zip.overlapping_entries"] == [
        ("zip.overlapping_entries", "full")
    ]
    assert "zip.local_header_mismatch" in full.codes()  # 'b' points at the header of 'a'
    quoted = inspect(folder / "quoted_overlap.zip")
    assert [(f.code, f.evidence.get("kind")) for f in quoted.findings if f.code == "zip.overlapping_entries"] == [
        ("zip.overlapping_entries", "quoted")
    ]
    assert full.rejected and quoted.rejected


def test_bombs_and_slips(corpora: Path, tmp_path: Path) -> None:
    folder = corpora / "zip-bombs-recursiveextractor"
    zbsm = inspect(folder / "zbsm.zip")
    assert {"zip.overlapping_entries", "zip.compression_ratio"} <= zbsm.codes()
    assert zbsm.totals.verified_bytes == 0
    assert len(zbsm.findings) <= 2 * 21  # repeated codes are summarised
    for name in ("zip-slip.zip", "zip-slip-win.zip"):
        report = inspect(folder / name)
        assert [f.path for f in report.findings if f.code == "zip.path_traversal"] == [
            e.name for e in report.entries if e.name != "good.txt"
        ]
    for name, fmt in [("10GB.bz2", "bzip2"), ("10GB.gz.bz2", "bzip2"), ("10GB.7z.bz2", "bzip2"),
                      ("10GB.rar.bz2", "bzip2"), ("10GB.xz.bz2", "bzip2"), ("10GB.zip.bz2", "bzip2")]:
        report = inspect(folder / name)
        (finding,) = report.findings
        assert (finding.code, finding.evidence.get("format")) == ("zip.not_a_zip", fmt), name
    # The ZIP inside 10GB.zip.bz2 (10 MB) inflates to 10 GB while declaring 1.9 GB: stopped by the ratio once
    # the bytes it inflated above 200:1 pass the archive's allowance for such data (Limits.max_high_ratio_size).
    inner = tmp_path / "10GB.zip"
    inner.write_bytes(bz2.decompress((folder / "10GB.zip.bz2").read_bytes()))
    report = inspect(inner)
    assert [f.severity for f in report.findings if f.code == "zip.compression_ratio"] == [Severity.CRITICAL]
    assert report.totals.verified_bytes < Limits().max_high_ratio_size + (16 << 20)


def test_every_corpus_archive_reads_the_same_with_direct_io(corpora: Path) -> None:
    """The service inspects its spool with O_DIRECT through a block cache (``direct=True``): every archive of
    every ZIP corpus, hostile ones included, must give exactly the report a plain read gives."""
    folders = ("zip-yauzl", "zip-go-archive-zip", "zip-rs-zip2", "zip-cpython-overlap", "zip-bombs-recursiveextractor")
    archives = [
        p
        for folder in folders
        for p in sorted((corpora / folder).rglob("*"))
        if p.is_file() and p.suffix != ".md"
    ]
    assert len(archives) > 100
    for path in archives:
        try:
            plain = inspect(path, archive_digests=("sha256",))
        except OSError:
            continue  # unreadable as a file at all (a corpus placeholder); nothing to compare
        direct = inspect(path, archive_digests=("sha256",), direct=True)
        assert direct.findings == plain.findings, path
        assert direct.totals == plain.totals and direct.digests == plain.digests, path
        assert direct.entries == plain.entries, path
