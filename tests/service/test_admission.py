"""Admission decisions from stored verdicts: expired verdicts deny, a failing store is fail-closed unless
``fail_open`` is set, and admission by package name uses the newest verdict."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from shipgate.findings import Finding, Severity
from shipgate.service.admission import by_digest, by_package
from shipgate.store import VerdictRecord, open_store
from shipgate.store.records import utcnow

A, B = "a" * 64, "b" * 64


def record(sha256: str, verdict: str, *, expires_in: timedelta | None = None, version: str = "7.4.0") -> VerdictRecord:
    return VerdictRecord(
        sha256=sha256,
        blake3=None,
        package_name="dten",
        package_version=version,
        vendor="Example Networks",
        verdict=verdict,  # type: ignore[arg-type]
        findings=(Finding(code="trust.unknown_issuer", severity=Severity.CRITICAL, message="x"),)
        if verdict == "deny"
        else (),
        expires=utcnow() + expires_in if expires_in is not None else None,
    )


def test_expired_verdict_denies_with_a_reason(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'state.db'}") as store:
        store.put_verdict(record(A, "allow", expires_in=timedelta(seconds=-1)), actor="test")
        store.put_verdict(record(B, "warn", expires_in=timedelta(days=1)), actor="test")
        expired = by_digest(store, A, fail_open=False)
        assert (expired.allowed, expired.verdict, expired.sha256) == (False, "allow", A)
        assert expired.reason.startswith("the verdict for dten 7.4.0 expired at ")
        assert expired.reason.endswith("; verify it again")
        fresh = by_digest(store, B, fail_open=False)
        assert (fresh.allowed, fresh.verdict, fresh.reason) == (True, "warn", "dten 7.4.0 was verified: warn")


def test_admission_by_package_takes_the_newest_verdict(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'state.db'}") as store:
        store.put_verdict(record(A, "allow"), actor="test")
        store.put_verdict(record(B, "deny"), actor="test")
        newest = by_package(store, "dten", "7.4.0", "", fail_open=False)
        assert (newest.allowed, newest.verdict, newest.sha256) == (False, "deny", B)
        assert newest.reason == "dten 7.4.0 was denied (trust.unknown_issuer)"
        other = by_package(store, "dten", "7.4.0", "Another Vendor", fail_open=False)
        assert (other.allowed, other.reason) == (False, "no verdict is stored for dten 7.4.0; verify it first")


def test_a_failing_store_is_fail_closed_unless_configured(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    store.put_verdict(record(A, "allow"), actor="test")
    store.close()  # every read now raises StoreError
    closed = by_digest(store, A, fail_open=False)
    assert (closed.allowed, closed.verdict) == (False, "")
    assert closed.reason.startswith("the verdict store failed (") and closed.reason.endswith("denied (fail-closed)")
    opened = by_digest(store, A, fail_open=True)
    assert opened.allowed and opened.reason.endswith("allowed because fail_open is set")
