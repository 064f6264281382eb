"""``shipgate.archive.inspect`` and ``shipgate inspect``: the public shapes, on archives CPython writes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from shipgate import _native
from shipgate.archive import ArchiveReport, Limits, inspect, names
from shipgate.cli import main
from shipgate.errors import MalformedArchive, MalformedInput, UnsupportedInput
from shipgate.findings import Severity

TEXT = b"The quick brown fox jumps over the lazy dog.\n" * 2000


def _zip(path: Path, members: dict[str, bytes], *, mode: int = 0o644) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2021, 6, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED if len(data) > 100 else zipfile.ZIP_STORED
            info.external_attr = (stat.S_IFREG | mode) << 16
            info.create_system = 3
            zf.writestr(info, data)
    return path


def test_report_fields_and_digests(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {"bin/tool": TEXT, "README": b"hi"}, mode=0o755)
    report = inspect(path, digests=("sha256", "blake3"))
    assert isinstance(report, ArchiveReport)
    assert (report.size, report.findings, report.rejected) == (path.stat().st_size, (), False)
    tool, readme = report.entries
    assert (tool.name, tool.method, tool.uncompressed_size, tool.mode) == ("bin/tool", 8, len(TEXT), 0o100755)
    assert (readme.method, readme.compressed_size, readme.header_offset) == (0, 2, readme.header_offset)
    assert tool.crc32 == zipfile.ZipFile(path).getinfo("bin/tool").CRC
    expected = _native.MultiDigest(["sha256", "blake3"])
    expected.update(TEXT)
    assert dict(tool.digests) == expected.hexdigests()
    assert tool.digests["sha256"] == hashlib.sha256(TEXT).hexdigest()
    assert tool.mtime == 1622548800  # 2021-06-01 12:00:00, DOS fields read as UTC
    assert tool.verified and not tool.is_dir and not tool.is_symlink
    assert report.totals.verified_bytes == len(TEXT) + 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        tool.name = "x"  # type: ignore[misc]


def test_entries_are_built_on_first_use_and_counted_without_them(tmp_path: Path) -> None:
    # The CLI's summary reads the totals only; the entries stay in the extension until asked for, then
    # are built once (the same tuple every time) and agree with the totals.
    path = _zip(tmp_path / "ok.zip", {"dir/": b"", "dir/a": TEXT, "dir/b": b"2"})
    report = inspect(path)
    assert "entries" not in report.__dict__
    assert (report.totals.entries, report.totals.file_entries, report.totals.verified_entries) == (3, 2, 2)
    assert len(report.native_entries) == 3
    entries = report.entries
    assert entries is report.entries and [e.name for e in entries] == ["dir/", "dir/a", "dir/b"]
    assert report.totals.verified_entries == sum(e.verified and not e.is_dir for e in entries)
    assert report.totals.file_entries == sum(not e.is_dir for e in entries)


def test_listing_only_does_not_inflate(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {"a": TEXT})
    report = inspect(path, verify=False)
    assert [(e.name, e.verified, dict(e.digests)) for e in report.entries] == [("a", False, {})]
    assert report.totals.verified_bytes == 0


def test_whole_archive_digests_are_of_the_file(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {"a": TEXT, "b": os.urandom(300_000)})
    data = path.read_bytes()
    seen: list[int] = []
    report = inspect(path, archive_digests=("sha256", "blake3", "sha512"), progress=seen.append)
    expected = _native.MultiDigest(["blake3"])
    expected.update(data)
    assert list(report.digests) == ["sha256", "blake3", "sha512"]  # in the order asked
    assert report.digests["sha256"] == hashlib.sha256(data).hexdigest()
    assert report.digests["sha512"] == hashlib.sha512(data).hexdigest()
    assert report.digests["blake3"] == expected.hexdigests()["blake3"]
    assert seen and seen[-1] == len(data)
    assert report.to_dict()["archive"]["digests"] == dict(report.digests)
    # Not asked, not computed; a listing hashes the file too when asked (a rejected archive still has a digest).
    assert inspect(path).digests == {}
    listing = inspect(path, verify=False, archive_digests=("sha256",))
    assert listing.digests == {"sha256": hashlib.sha256(data).hexdigest()}
    with pytest.raises(UnsupportedInput, match="unknown digest md5"):
        inspect(path, archive_digests=("md5",))


def test_a_spool_file_still_open_by_its_writer(tmp_path: Path) -> None:
    source = _zip(tmp_path / "src.zip", {"a": TEXT}).read_bytes()
    spool = tmp_path / "upload.spool"
    with open(spool, "wb") as writer:
        writer.write(source)
        writer.flush()
        report = inspect(spool)
        assert report.findings == () and report.entries[0].verified
        writer.write(b"more bytes arriving")  # the writer keeps going; what was inspected stays valid
        writer.flush()
        assert inspect(spool).codes() == {"zip.data_after_eocd"}


def test_bad_arguments_and_unreadable_paths(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {"a": b"1"})
    with pytest.raises(UnsupportedInput, match="unknown digest md5"):
        inspect(path, digests=("md5",))
    with pytest.raises(UnsupportedInput, match="max_ratio"):
        Limits(max_ratio=-1)
    with pytest.raises(FileNotFoundError):
        inspect(tmp_path / "missing.zip")
    with pytest.raises(IsADirectoryError):
        inspect(tmp_path)


def test_limits_are_enforced_from_python(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {f"f{i}": b"x" for i in range(5)})
    report = inspect(path, limits=Limits(max_entries=4))
    assert [(f.code, f.severity) for f in report.findings] == [("zip.too_many_entries", Severity.CRITICAL)]
    assert report.rejected


def test_the_gil_is_released_while_inspecting(tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.zip", {f"f{i}": os.urandom(1 << 20) + TEXT * 20 for i in range(24)})
    done = threading.Event()
    ticks = 0

    def work() -> None:
        inspect(path, digests=("sha256", "sha512", "blake3"))
        done.set()

    worker = threading.Thread(target=work)
    started = time.perf_counter()
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.0005)
    worker.join()
    elapsed = time.perf_counter() - started
    # With the GIL held for the whole inspection the loop could not run at all meanwhile.
    assert elapsed > 0.02 and ticks > 10, (elapsed, ticks)


def test_cli_text_json_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _zip(tmp_path / "good.zip", {"a.txt": TEXT})
    bad = _zip(tmp_path / "bad.zip", {"../escape": b"x", "ok": b"y"})
    assert main(["inspect", str(good)]) == 0
    text = capsys.readouterr().out
    assert "1 entries" in text and "verified 1 of 1 file entries" in text and "result: OK" in text
    assert main(["inspect", str(bad), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert sorted(doc) == ["archive", "entries", "findings"]
    assert doc["archive"]["entries"] == 2 and doc["archive"]["size"] == bad.stat().st_size
    assert [e["name"] for e in doc["entries"]] == ["../escape", "ok"]
    assert doc["entries"][1]["crc32"] == f"{zipfile.ZipFile(bad).getinfo('ok').CRC:08x}"
    (finding,) = doc["findings"]
    assert (finding["code"], finding["severity"], finding["path"]) == ("zip.path_traversal", "critical", "../escape")
    assert main(["inspect", str(bad)]) == 1
    assert "CRITICAL zip.path_traversal [../escape]" in capsys.readouterr().out
    assert main(["inspect", "-a", "none", "--json", str(good)]) == 0
    doc = json.loads(capsys.readouterr().out)
    (entry,) = doc["entries"]
    assert (entry["verified"], entry["digests"]) == (True, {})
    # docs/formats.md §4: the archive object carries the whole file's digests (sha256 and blake3 by default).
    good_sha256 = hashlib.sha256(good.read_bytes()).hexdigest()
    assert sorted(doc["archive"]["digests"]) == ["blake3", "sha256"]
    assert doc["archive"]["digests"]["sha256"] == good_sha256
    assert main(["inspect", str(good)]) == 0
    assert f"sha256 {good_sha256}\n" in capsys.readouterr().out
    assert main(["inspect", "--archive-digests", "none", "--json", str(good)]) == 0
    assert json.loads(capsys.readouterr().out)["archive"]["digests"] == {}
    assert main(["inspect", "--list-only", "--json", str(good)]) == 0
    assert json.loads(capsys.readouterr().out)["archive"]["digests"] == {}
    assert main(["inspect", "--list-only", "--archive-digests", "sha512", "--json", str(good)]) == 0
    assert list(json.loads(capsys.readouterr().out)["archive"]["digests"]) == ["sha512"]
    assert main(["inspect", str(tmp_path / "nope.zip")]) == 2
    assert "No such file or directory" in capsys.readouterr().err


def test_cli_entry_point_runs_as_a_program(tmp_path: Path) -> None:
    good = _zip(tmp_path / "good.zip", {"a.txt": TEXT})
    out = subprocess.run([sys.executable, "-m", "shipgate.cli", "inspect", "--json", str(good)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0 and "No module named shipgate.cli.__main__" in out.stderr:
        out = subprocess.run(["shipgate", "inspect", "--json", str(good)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["entries"][0]["digests"]["sha256"] == hashlib.sha256(TEXT).hexdigest()


def test_names_lists_the_central_directory_only(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {"b": b"1", "a/c": TEXT, "../x": b"2"})
    assert names(path) == ["b", "a/c", "../x"]  # listing is not judging: inspect() reports the traversal
    not_zip = tmp_path / "not.zip"
    not_zip.write_bytes(b"BZh91AY&SY" + bytes(100))
    with pytest.raises(MalformedArchive, match=r"bzip2 \(zip.not_a_zip\)") as caught:
        names(not_zip)
    assert isinstance(caught.value, MalformedInput)
    with pytest.raises(MalformedArchive, match=r"zip\.too_many_entries"):
        names(path, max_entries=2)
