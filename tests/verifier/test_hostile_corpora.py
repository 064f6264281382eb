"""Every archive of the shared ZIP corpora through the whole verifier: a Report every time (never an
exception), bounded in time, and never ALLOW — none of them is a signed package, and the malformed and
ambiguous ones must be denied for what they are (docs/architecture.md invariants 1-3)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from shipgate.verifier import VerifyRequest, verify_package

CORPORA_DIRS = (
    "zip-yauzl",
    "zip-go-archive-zip",
    "zip-rs-zip2",
    "zip-cpython-overlap",
    "zip-bombs-recursiveextractor",
)


def test_every_corpus_archive_is_judged_never_raised(corpora: Path, tmp_path: Path) -> None:
    archives = sorted(p for d in CORPORA_DIRS for p in (corpora / d).rglob("*") if p.is_file() and p.suffix == ".zip")
    assert len(archives) >= 100
    verdicts: dict[str, int] = {}
    slowest = 0.0
    for archive in archives:
        started = time.monotonic()
        report = verify_package(archive, request=VerifyRequest(), store=None, home=tmp_path)
        slowest = max(slowest, time.monotonic() - started)
        assert report.verdict == "deny", archive
        assert report.findings, archive
        verdicts[report.verdict] = verdicts.get(report.verdict, 0) + 1
    assert verdicts == {"deny": len(archives)}
    assert slowest < 30


@pytest.mark.parametrize("name", ["full_overlap.zip", "quoted_overlap.zip"])
def test_cpython_overlap_vectors_are_zip_findings(corpora: Path, tmp_path: Path, name: str) -> None:
    report = verify_package(corpora / "zip-cpython-overlap" / name, request=VerifyRequest(), store=None, home=tmp_path)
    assert report.verdict == "deny"
    assert "zip.overlapping_entries" in report.codes()
    # Ambiguous archives are judged on their structure: nothing in them is read, so no manifest finding.
    assert all(f.layer == "zip" for f in report.findings)
