"""Verdicts, trust changes, feed state and advisories: stored, found again, and audited with each write."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from shipgate.errors import MalformedInput
from shipgate.findings import Finding, Severity
from shipgate.store import (
    AdvisoryRecord,
    FeedState,
    Store,
    StoreConflict,
    StoreError,
    VerdictRecord,
    open_store,
)

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _verdict(n: int = 0, verdict: str = "deny", **kw: object) -> VerdictRecord:
    fields: dict[str, object] = {
        "sha256": _digest(f"sha{n}"),
        "blake3": _digest(f"b3{n}"),
        "package_name": "dten",
        "package_version": f"7.4.{n}",
        "vendor": "Example Networks",
        "verdict": verdict,
        "findings": (
            Finding(code="trust.unknown_issuer", severity=Severity.CRITICAL, message="unknown", path="chain"),
        ),
        "policy_id": "default@1",
        "verifier_version": "0.1.0",
        "created": T0,
        "expires": T0 + timedelta(days=30),
    }
    fields.update(kw)
    return VerdictRecord(**fields)  # type: ignore[arg-type]


def test_verdict_round_trip_by_either_digest(store: Store) -> None:
    """Risk: the admission hook cannot find a verdict by the digest the cluster knows (sha256 or blake3)."""
    stored = store.put_verdict(_verdict(1), actor="verify", reason="verified upload")
    assert stored.id is not None
    for digest in (stored.sha256, stored.blake3 or "", f"sha256:{stored.sha256}", f"BLAKE3:{stored.blake3}"):
        assert store.get_verdict(digest) == stored
    assert store.get_verdict(f"blake3:{stored.sha256}") is None  # the sha256 is not a blake3
    assert store.get_verdict(_digest("other")) is None
    assert stored.findings[0].code == "trust.unknown_issuer"
    assert stored.is_expired(T0 + timedelta(days=30)) and not stored.is_expired(T0)
    [entry] = store.audit_entries()
    assert (entry.action, entry.subject, entry.actor) == ("verdict.record", stored.sha256, "verify")
    assert entry.details["verdict"] == "deny"
    assert entry.details["findings"] == ["trust.unknown_issuer"]
    assert entry.details["reason"] == "verified upload"


def test_newest_verdict_for_a_digest_wins(store: Store) -> None:
    store.put_verdict(_verdict(1, "deny"), actor="verify")
    newer = store.put_verdict(_verdict(1, "allow", policy_id="default@2"), actor="verify")
    assert store.get_verdict(newer.sha256) == newer
    assert [v.verdict for v in store.verdicts()] == ["allow", "deny"]
    assert len(store.verdicts(limit=1)) == 1
    assert store.verdicts(vendor="nobody") == []


def test_bad_digest_and_bad_verdict_are_refused(store: Store) -> None:
    with pytest.raises(MalformedInput, match="64 hex"):
        store.get_verdict("abc")
    with pytest.raises(MalformedInput, match="not stored"):
        store.get_verdict("sha512:" + "0" * 64)
    with pytest.raises(MalformedInput, match="verdict 'maybe'"):
        _verdict(verdict="maybe")


def test_bulk_import_is_one_audited_decision(store: Store) -> None:
    count = store.import_verdicts((_verdict(i) for i in range(500)), actor="migration", reason="import")
    assert count == 500
    assert store.get_verdict(_digest("sha250")) is not None
    [entry] = store.audit_entries()
    assert entry.action == "verdict.import"
    expected = hashlib.sha256("".join(_digest(f"sha{i}") for i in range(500)).encode()).hexdigest()
    assert entry.details == {"count": 500, "sha256_of_digests": expected, "reason": "import"}


def test_trust_versions_increase_per_vendor(store: Store) -> None:
    """Risk: two changes with the same version make history and rollback ambiguous."""
    assert store.latest_trust_version("A") == 0
    a1 = store.append_trust_change(
        vendor="A", kind="pin", payload={"sha256": "r1"}, actor="op", reason="onboard"
    )
    b1 = store.append_trust_change(vendor="B", kind="pin", payload={}, actor="op", reason="onboard")
    a2 = store.append_trust_change(
        vendor="A", kind="rotate-add", payload={"sha256": "r2"}, actor="feed", reason="rotation",
        advisory_id="EXN-2026-0031",
    )  # fmt: skip
    assert (a1.version, b1.version, a2.version) == (1, 1, 2)
    assert store.latest_trust_version("A") == 2
    history = store.trust_changes("A")
    assert [(c.version, c.kind, c.advisory_id) for c in history] == [
        (1, "pin", None),
        (2, "rotate-add", "EXN-2026-0031"),
    ]
    assert history[1].payload == {"sha256": "r2"}
    assert [c.version for c in store.trust_changes("A", up_to_version=1)] == [1]
    assert [(c.vendor, c.version) for c in store.trust_changes()] == [("A", 1), ("A", 2), ("B", 1)]
    actions = [(e.action, e.subject, e.details["version"]) for e in store.audit_entries()]
    assert actions == [("trust.pin", "A", 1), ("trust.pin", "B", 1), ("trust.rotate-add", "A", 2)]


def _feed(version: int) -> FeedState:
    return FeedState(
        vendor="Example Networks", feed_version=version, digest=_digest(f"feed{version}"), issued=T0,
        expires=T0 + timedelta(days=30), fetched=T0 + timedelta(minutes=1), source="https://feeds.example.net/",
    )  # fmt: skip


def test_feed_state_only_moves_forward(store: Store) -> None:
    """Risk: a replayed older feed (rollback) replaces the accepted one."""
    assert store.feed_state("Example Networks") is None
    store.set_feed_state(_feed(12), actor="sync", reason="poll")
    with pytest.raises(StoreConflict, match="not newer than the accepted version 12"):
        store.set_feed_state(_feed(12), actor="sync")
    with pytest.raises(StoreConflict, match="version 11"):
        store.set_feed_state(_feed(11), actor="sync")
    assert store.feed_state("Example Networks") == _feed(12)
    store.set_feed_state(_feed(13), actor="sync")
    assert store.feed_states() == [_feed(13)]
    assert store.feed_states()[0].is_stale(T0 + timedelta(days=31))
    entries = store.audit_entries(action="feed.accept")
    assert [e.details["feed_version"] for e in entries] == [12, 13]
    assert entries[1].details["previous_version"] == 12


def test_feed_state_keeps_the_http_validators_of_the_accepted_feed(store: Store) -> None:
    """Risk: a conditional request sent with validators of a feed that was never accepted (schema v2)."""
    plain = _feed(1)
    assert (plain.etag, plain.last_modified) == (None, None)
    store.set_feed_state(plain, actor="sync")
    assert store.feed_state("Example Networks") == plain
    cached = FeedState(**{**_feed(2).__dict__, "etag": '"v2-abc"', "last_modified": "Wed, 25 Nov 2026 10:00:00 GMT"})
    store.set_feed_state(cached, actor="sync")
    got = store.feed_state("Example Networks")
    assert got is not None
    assert (got.etag, got.last_modified) == ('"v2-abc"', "Wed, 25 Nov 2026 10:00:00 GMT")
    assert store.audit_entries(action="feed.accept")[-1].details["etag"] == '"v2-abc"'


def test_feed_and_advisories_and_trust_commit_together_or_not_at_all(store: Store) -> None:
    """Risk: a feed half-applied (advisories stored but the rotation not, or the reverse)."""
    advisories = [
        AdvisoryRecord(vendor="Example Networks", advisory_id="EXN-1", kind="ca-rotation", feed_version=12,
                       body={"id": "EXN-1", "title": "rotated"}, published=T0),
        AdvisoryRecord(vendor="Example Networks", advisory_id="EXN-2", kind="notice", feed_version=12,
                       body={"id": "EXN-2", "text": "ü"}, published=None),
    ]  # fmt: skip
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.set_feed_state(_feed(12), actor="sync")
        tx.put_advisories(advisories, actor="sync")
        tx.append_trust_change(
            vendor="Example Networks", kind="rotate-add", payload={}, actor="sync", reason="r"
        )
        raise RuntimeError("signature check failed after all")
    assert store.feed_state("Example Networks") is None
    assert store.advisories() == []
    assert store.trust_changes() == []
    assert store.audit_entries() == []

    with store.transaction() as tx:
        tx.set_feed_state(_feed(12), actor="sync")
        assert tx.put_advisories(advisories, actor="sync") == 2
        tx.append_trust_change(
            vendor="Example Networks", kind="rotate-add", payload={}, actor="sync", reason="r"
        )
    assert store.advisories() == advisories
    assert store.advisories("Example Networks", kind="notice") == advisories[1:]
    assert [e.action for e in store.audit_entries()] == ["feed.accept", "advisory.store", "trust.rotate-add"]
    assert store.verify_audit().ok


def test_advisory_is_replaced_by_a_later_feed(store: Store) -> None:
    first = AdvisoryRecord(
        vendor="V", advisory_id="A-1", kind="notice", feed_version=1, body={"v": 1}, published=T0
    )
    second = AdvisoryRecord(
        vendor="V", advisory_id="A-1", kind="notice", feed_version=2, body={"v": 2}, published=T0
    )
    store.put_advisories([first], actor="sync")
    store.put_advisories([second], actor="sync")
    assert store.advisories() == [second]


def test_nested_transactions_join_the_outer_one(store: Store) -> None:
    with pytest.raises(KeyError), store.transaction():
        store.put_verdict(_verdict(1), actor="verify")  # joins: rolled back with the outer block
        raise KeyError("abort")
    assert store.verdicts() == []
    with store.transaction(write=False), pytest.raises(StoreError, match="nested in a read-only"):
        store.put_verdict(_verdict(1), actor="verify")


def test_unsupported_url_and_unreachable_server_are_clear_errors() -> None:
    with pytest.raises(StoreError, match="not supported"):
        open_store("mysql://root@localhost/x")
    with pytest.raises(
        StoreError, match=r"cannot connect to PostgreSQL at postgresql://u:\*\*\*@127.0.0.1:1/x"
    ):
        open_store("postgresql://u:secret@127.0.0.1:1/x")


def test_newer_schema_is_refused(state_url: str) -> None:
    with open_store(state_url) as store, store.transaction() as tx:
        tx._exec("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00.000000Z')")
    from shipgate.store import SchemaTooNew

    with pytest.raises(SchemaTooNew, match="schema version 99, newer than this shipgate understands"):
        open_store(state_url)


def test_find_verdict_by_package_uses_the_newest(store: Store) -> None:
    """Risk: admission by package name answers from an old verdict, or scans every verdict to find it."""
    store.put_verdict(_verdict(1, "allow", package_version="7.4.0"), actor="verify")
    newest = store.put_verdict(_verdict(2, "deny", package_version="7.4.0"), actor="verify")
    other_vendor = store.put_verdict(_verdict(3, "allow", package_version="7.4.0", vendor="Other"), actor="verify")
    assert store.find_verdict(name="dten", version="7.4.0") == other_vendor
    assert store.find_verdict(name="dten", version="7.4.0", vendor="Example Networks") == newest
    assert store.find_verdict(name="dten", version="9.9.9") is None
    sql = "SELECT id FROM verdicts WHERE package_name = 'dten' AND package_version = '7.4.0' ORDER BY id DESC"
    with store.transaction(write=False) as tx:
        if store.dialect.name == "sqlite":
            plan = tx._exec("EXPLAIN QUERY PLAN " + sql).fetchall()
        else:
            tx._exec("SET LOCAL enable_seqscan = off")  # a 3-row table: ask whether the index can serve it
            plan = tx._exec("EXPLAIN " + sql).fetchall()
    assert "verdicts_package" in " ".join(str(r) for r in plan)
