"""The package index's text files: read once (preflight's reads are taken, not repeated), binaries by their head
(a NUL in the first 8 KiB), and the binary flags a text names."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from shipgate.archive import inspect
from shipgate.package.reader import EntryReader
from shipgate.plan.indexer import _FLAG_TOKEN, build_index


def _package(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        tool = zipfile.ZipInfo("bin/tool")
        tool.external_attr = 0o100755 << 16
        z.writestr(tool, b"\x7fELF\0\0" + b"\x01" * 9000 + b"\0dten.backoff.v2\0" + b"\x02" * 100)
        z.writestr("etc/app.toml", b"retries = 3\n", compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("doc/notes.txt", b"Set dten.backoff.v2 to back off.\n", compress_type=zipfile.ZIP_DEFLATED)
        # A configuration file by its name, binary by its content: not parsed, whatever follows the NUL.
        z.writestr("etc/blob.toml", b"\0" + b"retries = 9\n" * 2000, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_texts_are_read_once_and_binaries_by_their_head(tmp_path: Path) -> None:
    report = inspect(_package(tmp_path / "p.zip"), flags=True)
    with EntryReader(report) as reader:
        read = build_index(report, reader, manifest=None, sha256="0" * 64)
        # What preflight read already is taken as it is (these bytes differ from the file's on purpose).
        given = build_index(report, reader, manifest=None, sha256="0" * 64,
                            texts={"etc/app.toml": b"retries = 5\n", "doc/notes.txt": b"nothing named\n"})
    assert read.flags == {"bin/tool": ("dten.backoff.v2",)}
    assert dict(read.config["etc/app.toml"].keys) == {"retries": "3"}
    assert read.documented_flags == frozenset({"dten.backoff.v2"})
    assert "etc/blob.toml" not in read.config
    assert dict(given.config["etc/app.toml"].keys) == {"retries": "5"}
    assert given.documented_flags == frozenset()


def test_the_possessive_token_pattern_finds_what_the_backtracking_one_does() -> None:
    backtracking = re.compile(_FLAG_TOKEN.pattern.replace("{0,62}+", "{0,62}"))
    assert backtracking.pattern != _FLAG_TOKEN.pattern
    texts = [
        "a dten.backoff.v2, --dry-run and DTEN_RETRY_MAX; ABC_def x_y.z",
        "ab" * 40 + ".cd " + "0f" * 32 + " " + "q" * 70 + ".r.s" + " _x.y-z.." + "A" * 80,
        '{"path": "share/doc/page0001.txt", "sha256": "' + "9e" * 32 + '", "mode": "0644"}',
    ]
    for text in texts:
        assert _FLAG_TOKEN.findall(text) == backtracking.findall(text)
    assert _FLAG_TOKEN.findall(texts[0]) == ["dten.backoff.v2", "--dry-run", "DTEN_RETRY_MAX", "ABC_", "x_y.z"]
