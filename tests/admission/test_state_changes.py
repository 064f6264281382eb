"""Admission answers from the current state: a withdrawal, a revocation, or a rotation that retires the root
denies at once (naming the advisory) what was verified before it, on SQLite and PostgreSQL, from the library
and from the CLI in another process; verifying again gives the same answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from admission.kit import ADVISORY, CHANGE_KINDS, VENDOR, Vendor, advisory, now, package, shipgate, write_feed
from shipgate.admission import Admission
from shipgate.advisories.sync import sync_feed
from shipgate.policy import Policy
from shipgate.store import Store
from shipgate.trust import TrustConfig
from shipgate.verifier import VerifyRequest, verify_package


def admission_for(state: Store, home: Path, **kw: object) -> Admission:
    return Admission(state, home=home, policy_digest=Policy.default().digest, env_digest="", **kw)  # type: ignore[arg-type]


def sync(state: Store, home: Path, feed: Path) -> None:
    result = sync_feed(state, TrustConfig.load(home / "trust").get(VENDOR), str(feed))
    assert result.status == "accepted", result.describe()


@pytest.mark.parametrize("kind", CHANGE_KINDS)
def test_a_change_denies_at_once_naming_the_advisory(
    kind: str, state: Store, trusted_home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """Risk: a package verified before its vendor withdrew it, revoked its signer or retired its root stays
    admitted (stored verdicts never expired and no trust or advisory change touched them)."""
    archive = package(tmp_path / "dten.zip", vendor.signer)
    first = verify_package(archive, request=VerifyRequest(), store=state, home=trusted_home)
    sha256 = first.archive.digests["sha256"]
    admission = admission_for(state, trusted_home)
    assert (first.verdict, admission.by_digest(sha256).allowed) == ("allow", True)

    sync(state, trusted_home, write_feed(tmp_path / "feed", vendor, version=1, advisories=[advisory(kind, vendor)]))
    decision = admission.by_digest(sha256)
    assert (decision.allowed, decision.cause, decision.advisory) == (False, "superseded", ADVISORY[kind])
    assert ADVISORY[kind] in decision.reason
    [superseded] = state.verdicts(superseded=True)
    assert superseded.sha256 == sha256 and superseded.superseded_advisory == ADVISORY[kind]
    cli = shipgate(trusted_home, "admit", sha256)
    assert cli.returncode == 1 and cli.stdout.startswith("denied: ") and ADVISORY[kind] in cli.stdout

    again = verify_package(archive, request=VerifyRequest(), store=state, home=trusted_home)
    assert again.verdict == "deny"
    decision = admission.by_digest(sha256)
    assert (decision.allowed, decision.cause, decision.advisory) == (False, "denied", ADVISORY[kind])
    cli = shipgate(trusted_home, "admit", sha256)
    assert cli.returncode == 1 and ADVISORY[kind] in cli.stdout


def test_a_retirement_dated_later_denies_once_its_date_passes(
    state: Store, trusted_home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """Risk: a root retired for a future date keeps admitting after that date (supersession at sync time
    cannot know the date will pass; admission re-checks the root's date on every request)."""
    archive = package(tmp_path / "dten.zip", vendor.signer)
    sha256 = verify_package(archive, request=VerifyRequest(), store=state, home=trusted_home).archive.digests["sha256"]
    later = dict(advisory("rotate", vendor))
    later["retire_roots"] = [{"sha256": vendor.root.sha256, "after": (now() + dt.timedelta(days=2)).isoformat()}]
    sync(state, trusted_home, write_feed(tmp_path / "feed", vendor, version=1, advisories=[later]))
    assert state.verdicts(superseded=True) == []
    assert admission_for(state, trusted_home).by_digest(sha256).allowed
    three_days = admission_for(state, trusted_home, now=lambda: now() + dt.timedelta(days=3))
    decision = three_days.by_digest(sha256)
    assert (decision.allowed, decision.cause, decision.advisory) == (False, "root_retired", ADVISORY["rotate"])


def test_a_verdict_older_than_max_age_or_under_a_stale_feed_is_denied(
    state: Store, trusted_home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """Risk: an answer from a verdict made long ago, or while the vendor's feed has stopped, is trusted as
    current. A stale feed fails closed for that vendor unless configured otherwise."""
    archive = package(tmp_path / "dten.zip", vendor.signer)
    sync(state, trusted_home, write_feed(tmp_path / "feed", vendor, version=1, advisories=[]))
    sha256 = verify_package(archive, request=VerifyRequest(), store=state, home=trusted_home).archive.digests["sha256"]
    assert admission_for(state, trusted_home).by_digest(sha256).allowed
    old = admission_for(state, trusted_home, max_age=3600.0, now=lambda: now() + dt.timedelta(hours=2))
    assert old.by_digest(sha256).cause == "too_old"
    month = 90 * 86_400.0  # max_verdict_age beyond the feed's 30 days, so the feed is what denies
    after_expiry = admission_for(state, trusted_home, max_age=month, now=lambda: now() + dt.timedelta(days=31))
    decision = after_expiry.by_digest(sha256)
    assert (decision.allowed, decision.cause) == (False, "feed_stale")
    assert decision.reason.endswith("withdrawals and revocations since may be missing")
    allowed = admission_for(
        state, trusted_home, max_age=month, stale_feed_allowed=True, now=lambda: now() + dt.timedelta(days=31)
    )
    assert allowed.by_digest(sha256).allowed


def test_no_store_reads_trust_and_advisories_and_records_nothing(
    state: Store, trusted_home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """Risk: `verify --no-store` dropped every stored trust fact, so a revoked or withdrawn package came back
    WARN, exit 0. It only does not record."""
    revoked = package(tmp_path / "revoked.zip", vendor.signer)
    withdrawn = package(tmp_path / "withdrawn.zip", vendor.signer, version="7.3.0")
    feed = [advisory("revoke", vendor), advisory("withdraw", vendor, version="7.3.0")]
    sync(state, trusted_home, write_feed(tmp_path / "feed", vendor, version=1, advisories=feed))
    before = len(state.verdicts())
    for archive, code in ((revoked, "trust.revoked"), (withdrawn, "advisory.withdrawn_package")):
        out = shipgate(trusted_home, "verify", str(archive), "--no-store", "--json")
        assert out.returncode == 1, out.stderr
        assert code in out.stdout
    assert len(state.verdicts()) == before
