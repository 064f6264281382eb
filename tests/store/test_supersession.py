"""Supersession: every trust change and stored advisory marks, in its own transaction, the stored verdicts it
makes untrue (only live verdicts that admit), audited once with a digest over what it marked, with
``verdict.superseded`` events; a verdict made while the vendor's state changed under it is superseded as it
is stored; history is bounded per key without touching the audit chain."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from shipgate.store import AdvisoryRecord, Evidence, Store, VerdictRecord, open_store
from shipgate.store._schema import MIGRATIONS, statements

VENDOR, OTHER = "Example Networks", "Other Corp"
LEAF, INTERMEDIATE, ROOT, NEW_ROOT = ("1" * 64, "2" * 64, "3" * 64, "4" * 64)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def verdict(
    name: str,
    *,
    vendor: str = VENDOR,
    verdict: str = "allow",
    chain: tuple[str, ...] = (LEAF, INTERMEDIATE, ROOT),
    version: str = "7.4.0",
    trust_version: int = 0,
    **kw: object,
) -> VerdictRecord:
    return VerdictRecord(
        sha256=sha(name),
        blake3=None,
        package_name="dten",
        package_version=version,
        vendor=vendor,
        verdict=verdict,  # type: ignore[arg-type]
        policy_digest="p" * 64,
        trust_version=trust_version,
        evidence=Evidence(signed=bool(chain), chain_sha256=chain, root_sha256=chain[-1] if chain else None),
        **kw,  # type: ignore[arg-type]
    )


def live(store: Store) -> set[str]:
    return {v.sha256 for v in store.verdicts(superseded=False)}


def test_a_revocation_supersedes_the_verdicts_its_certificate_signed(store: Store) -> None:
    """Risk: a revoked signer's packages stay admitted; or a revocation reaches other vendors' or denied ones."""
    for name, kw in (
        ("signed", {}),
        ("by-intermediate", {"chain": ("9" * 64, INTERMEDIATE, ROOT)}),
        ("other-signer", {"chain": ("8" * 64, "7" * 64, ROOT)}),
        ("denied", {"verdict": "deny"}),
        ("other-vendor", {"vendor": OTHER}),
        ("unsigned", {"chain": ()}),
    ):
        store.put_verdict(verdict(name, **kw), actor="test")  # type: ignore[arg-type]
    with store.transaction() as tx:
        tx.append_trust_change(
            vendor=VENDOR, kind="revoke", payload={"certificates": [{"sha256": INTERMEDIATE}]},
            actor="advisories", reason="feed v3", advisory_id="EXN-1",
        )
    assert live(store) == {sha(n) for n in ("other-signer", "denied", "other-vendor", "unsigned")}
    marked = {v.sha256: v for v in store.verdicts(superseded=True)}
    assert set(marked) == {sha("signed"), sha("by-intermediate")}
    assert all(v.superseded_advisory == "EXN-1" for v in marked.values())
    assert marked[sha("signed")].superseded_by.startswith(
        f"trust v1 of {VENDOR} (revoke, advisory EXN-1): a certificate of its signing chain is revoked"
    )
    [entry] = [e for e in store.audit_entries() if e.action == "verdict.supersede"]
    digests = "".join(sorted(marked))
    summary = hashlib.sha256(digests.encode()).hexdigest()
    assert (entry.details["count"], entry.details["sha256_of_digests"]) == (2, summary)
    [event] = [e for e in store.events() if e.kind == "verdict.superseded"]
    assert sorted(event.body["data"]["sha256"]) == sorted(marked) and event.event_id == f"{entry.hash}-0"
    assert store.verify_audit().ok


def test_rotation_unpin_and_rollback(store: Store) -> None:
    """Retired now → superseded; retired later → left for admission's date check; unpinned root →
    superseded; rolled back below the version it was verified under → superseded."""
    store.put_verdict(verdict("old-root"), actor="test")
    store.put_verdict(verdict("new-root", chain=(LEAF, NEW_ROOT)), actor="test")
    later = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    store.append_trust_change(vendor=VENDOR, kind="rotate", actor="ops", reason="r",
                              payload={"add_roots": [], "retire_roots": [{"sha256": ROOT, "after": later}]})
    assert live(store) == {sha("old-root"), sha("new-root")}
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    store.append_trust_change(vendor=VENDOR, kind="rotate", actor="ops", reason="r", advisory_id="EXN-2",
                              payload={"add_roots": [], "retire_roots": [{"sha256": ROOT, "after": past}]})
    assert live(store) == {sha("new-root")}
    store.append_trust_change(vendor=VENDOR, kind="unpin", actor="ops", reason="r", payload={"sha256": NEW_ROOT})
    assert live(store) == set()

    store.put_verdict(verdict("made-at-v3", chain=(LEAF, "5" * 64), trust_version=3), actor="test")
    store.put_verdict(verdict("made-at-v1", chain=(LEAF, "6" * 64), trust_version=1), actor="test")
    store.append_trust_change(vendor=VENDOR, kind="rollback", actor="ops", reason="undo", payload={"to_version": 2})
    assert live(store) == {sha("made-at-v1")}
    assert "trust rolled back to v2" in store.get_verdict(sha("made-at-v3")).superseded_by  # type: ignore[union-attr]


def test_advisories_supersede_the_packages_they_apply_to(store: Store) -> None:
    store.put_verdict(verdict("7.3", version="7.3.0"), actor="test")
    store.put_verdict(verdict("7.4", version="7.4.0"), actor="test")
    store.put_verdict(verdict("by-digest", version="9.9.9"), actor="test")

    def advisory(ident: str, kind: str, **body: object) -> AdvisoryRecord:
        return AdvisoryRecord(vendor=VENDOR, advisory_id=ident, kind=kind, feed_version=1, body=body, published=None)

    store.put_advisories([advisory("N-1", "notice", severity="low", text="fyi")], actor="advisories")
    assert len(live(store)) == 3  # a notice supersedes nothing
    store.put_advisories(
        [advisory("W-1", "withdrawn-package", packages=[{"name": "dten", "version": "7.3"},
                                                         {"sha256": sha("by-digest")}])],
        actor="advisories",
    )
    assert live(store) == {sha("7.4")}
    store.put_advisories(
        [advisory("C-1", "config-change", applies_to={"name": "dten", "version": ">=7.4"}, required={"k": True})],
        actor="advisories",
    )
    assert live(store) == set()
    assert store.get_verdict(sha("7.4")).superseded_advisory == "C-1"  # type: ignore[union-attr]
    kinds = [e.kind for e in reversed(store.events())]
    assert kinds.count("advisory.applied") == 3 and kinds.count("verdict.superseded") == 2


def test_a_verdict_made_while_the_state_changed_is_superseded_as_it_is_stored(store: Store) -> None:
    """Risk: a verification that read trust before a revocation committed stores an ALLOW after it."""
    with store.transaction() as tx:
        seen = tx.vendor_generation(VENDOR)
    store.append_trust_change(vendor=VENDOR, kind="revoke", actor="a", reason="r",
                              payload={"certificates": [{"sha256": "0" * 64}]})
    signed = verdict("raced")
    raced = replace(signed, evidence=replace(signed.evidence, generation=seen))
    stored = store.put_verdict(raced, actor="test")
    assert stored.superseded is not None and "changed while the package was verified" in stored.superseded_by
    assert store.get_verdict(raced.sha256).superseded is not None  # type: ignore[union-attr]
    current = store.vendor_generation(VENDOR)
    fresh = replace(signed, sha256=sha("fresh"), evidence=replace(signed.evidence, generation=current))
    assert store.put_verdict(fresh, actor="test").superseded is None


def test_history_is_bounded_per_key_and_the_audit_chain_keeps_everything(state_url: str) -> None:
    with open_store(state_url, verdict_history=2) as store:
        for _ in range(6):
            store.put_verdict(verdict("same"), actor="test")
        store.put_verdict(replace(verdict("same"), policy_digest="q" * 64), actor="test")  # another key
        kept = [v for v in store.verdicts() if v.sha256 == sha("same")]
        assert sorted(v.policy_digest[0] for v in kept) == ["p", "p", "p", "q"]
        assert len([e for e in store.audit_entries() if e.action == "verdict.record"]) == 7
        assert store.verify_audit().ok


def test_verdicts_from_before_migration_4_are_kept_and_name_no_policy(state_url: str) -> None:
    """An upgrade keeps old verdicts; they name no policy digest, so admission asks to verify them again."""
    with open_store(state_url) as store, store.transaction() as tx:
        tx._exec("DELETE FROM schema_migrations WHERE version >= 4")
    from shipgate.store._backends import dialect_for

    dialect = dialect_for(state_url)
    conn = dialect.connect()
    try:
        dialect.begin_migration(conn)
        for table in ("package_index", "events", "vendor_state", "archive_certs", "verdict_supersessions", "verdicts"):
            conn.execute(f"DROP TABLE {table}")
        for migration in MIGRATIONS[:3]:
            for statement in statements(migration, dialect.name):
                if "verdicts" in statement and ("CREATE TABLE verdicts" in statement or "INDEX verdicts" in statement):
                    conn.execute(statement)
        conn.execute(dialect.sql(
            "INSERT INTO verdicts (sha256, package_name, package_version, vendor, verdict, findings, policy_id,"
            " verifier_version, created) VALUES (?, 'dten', '7.0', 'V', 'allow', '[]', 'default policy', '0.1',"
            " '2026-01-01T00:00:00.000000Z')"), (sha("old"),))
        conn.execute("COMMIT")
    finally:
        conn.close()
    with open_store(state_url) as store:
        old = store.get_verdict(sha("old"))
        assert old is not None and (old.policy_digest, old.evidence, old.superseded) == ("", Evidence(), None)
        assert store.get_verdict(sha("old"), policy_digest="p" * 64) is None


def test_the_outbox_is_bounded_and_says_what_it_dropped(state_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Risk: nobody delivers (no webhook configured) and the outbox grows without end."""
    from shipgate.store import _outbox

    bound = 5
    monkeypatch.setattr(_outbox, "MAX_EVENTS", bound)
    monkeypatch.setattr(_outbox, "_PRUNE_EVERY", 4)
    with open_store(state_url) as store:
        for n in range(12):
            store.put_verdict(verdict(f"v{n}"), actor="test")
        assert len(store.events(limit=100)) <= bound + 4
        drops = [e for e in store.audit_entries() if e.action == "event.drop"]
        assert drops and sum(int(e.details["undelivered"]) for e in drops) == 12 - len(store.events(limit=100))
