"""Real-world archives (corpus.toml): wheels, eggs and zip sdists from PyPI, jars and other archives inside
Debian packages, each unchanged and pinned by SHA-256. Every one is read the same by every reader, so shipgate
must raise no high or critical finding on it, nothing above low that corpus.toml does not expect (with its
reason), and must verify every file entry — the same bytes, by SHA-256, as CPython's zipfile reads.

The files are fetched once into $SHIPGATE_CORPUS_CACHE (default ~/.cache/shipgate-corpus) and reused while
their SHA-256 matches; without a network the tests skip. ``pytest -s`` prints a summary of the corpus."""

from __future__ import annotations

import hashlib
import io
import tarfile
import tomllib
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pinned_files import CACHE, deb_members, fetched, matches
from shipgate.archive import ArchiveReport, inspect
from shipgate.findings import Severity

CORPUS: list[dict[str, Any]] = tomllib.loads((Path(__file__).parent / "corpus.toml").read_text())["archive"]


def _member_path(item: dict[str, Any]) -> Path:
    return CACHE / f"{item['member_sha256'][:16]}-{item['member'].rsplit('/', 1)[1]}"


def _deb_member(deb: Path, item: dict[str, Any]) -> Path:
    """The file ``item["member"]`` of the .deb's data.tar, extracted into the cache (reused while it matches)
    together with every other member the corpus takes from the same .deb: one pass over its data.tar."""
    path = _member_path(item)
    if matches(path, item["member_sha256"], item["member_size"]):
        return path
    wanted = {f"./{i['member']}": _member_path(i) for i in CORPUS if i["url"] == item["url"]}
    data_tar = next(body for name, body in deb_members(deb.read_bytes()) if name.startswith("data.tar"))
    with tarfile.open(fileobj=io.BytesIO(data_tar), mode="r:*") as tar:
        for info in tar.getmembers():
            extracted = tar.extractfile(info) if info.name in wanted else None
            if extracted is not None:
                wanted[info.name].write_bytes(extracted.read())
    assert matches(path, item["member_sha256"], item["member_size"]), f"{deb.name}: {item['member']} is not pinned"
    return path


def _archive(item: dict[str, Any]) -> Path:
    """The pinned archive; one taken from a .deb is used from the cache while its own pin matches, without
    reading the .deb again (hundreds of MB for the JDK, Firefox and Krita packages)."""
    if "member" in item and matches(_member_path(item), item["member_sha256"], item["member_size"]):
        return _member_path(item)
    path = fetched(item["url"], item["sha256"], item["size"])
    if "member" in item:
        path = _deb_member(path, item)
    return path


class Summary:
    def __init__(self) -> None:
        self.archives = self.entries = self.verified = 0
        self.findings: Counter[tuple[str, str]] = Counter()

    def add(self, report: ArchiveReport) -> None:
        self.archives += 1
        self.entries += report.totals.entries
        self.verified += report.totals.verified_entries
        self.findings.update((f.severity.label, f.code) for f in report.findings)

    def __str__(self) -> str:
        by_severity = Counter(severity for severity, _ in self.findings.elements())
        lines = [
            f"real-world corpus: {self.archives} archives, {self.entries} entries, {self.verified} file entries "
            f"verified; findings by severity: {dict(by_severity) or 'none'}",
            *(f"  {severity:8} {code}: {n}" for (severity, code), n in sorted(self.findings.items())),
        ]
        return "\n".join(lines)


@pytest.fixture(scope="module")
def summary() -> Iterator[Summary]:
    collected = Summary()
    yield collected
    if collected.archives:
        print(f"\n{collected}")


def _assert_no_false_alarm(report: ArchiveReport, expected: set[str]) -> None:
    alarms = [(f.code, f.severity.label, f.message) for f in report.findings if f.severity >= Severity.HIGH]
    assert not alarms, alarms
    above_low = {f.code for f in report.findings if f.severity > Severity.LOW}
    assert above_low == expected, [(f.code, f.message) for f in report.findings if f.severity > Severity.LOW]


def _assert_verified_as_zipfile_reads(path: Path, report: ArchiveReport) -> None:
    files = [e for e in report.entries if not e.is_dir]
    assert [e.name for e in files if not e.verified] == []
    assert report.totals.verified_entries == report.totals.file_entries == len(files)
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == [e.name for e in report.entries]
        for info, entry in zip(zf.infolist(), report.entries, strict=True):
            if not entry.is_dir:
                assert hashlib.sha256(zf.read(info)).hexdigest() == entry.digests["sha256"], entry.name


@pytest.mark.parametrize("item", CORPUS, ids=[item["id"] for item in CORPUS])
def test_real_world_archive_is_clean_and_verified(item: dict[str, Any], summary: Summary) -> None:
    path = _archive(item)
    report = inspect(path)
    summary.add(report)
    _assert_no_false_alarm(report, set(item.get("expect", ())))
    _assert_verified_as_zipfile_reads(path, report)


def test_corpus_ids_are_unique_and_pins_complete() -> None:
    assert len({item["id"] for item in CORPUS}) == len(CORPUS)
    for item in CORPUS:
        assert {"project", "version", "licence", "writer", "url", "sha256", "size"} <= set(item), item["id"]
        assert ("member" in item) == ("member_sha256" in item) == ("member_size" in item), item["id"]
