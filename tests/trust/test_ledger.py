"""Trust state on the real store: rotation, revocation, pins and rollback as numbered, audited versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.store import Store
from shipgate.trust import (
    apply_revocations,
    apply_rotation,
    effective_trust,
    pin_root,
    rollback,
    unpin_root,
    verify_detached,
)
from shipgate.trust.errors import CertificateRevoked, MalformedCertificate, TrustConfigError, UnknownIssuer
from shipgate.trust.state import RootState
from trust import pki
from trust.conftest import MANIFEST, VENDOR, VendorPKI, vendor_with, write_vendor_toml


def rotation_roots(v: VendorPKI) -> list[dict[str, str]]:
    return [{"sha256": v.new_root.fingerprint, "pem": v.new_root.pem.decode()}]


def verify_new(store: Store, v: VendorPKI):  # type: ignore[no-untyped-def]
    vendor = vendor_with([v.old_root])
    return verify_detached(
        MANIFEST,
        pki.sign(v.new_leaf.key, MANIFEST),
        pki.chain_pem(v.new_leaf, v.new_int, v.new_root),
        vendor=vendor,
        trust=effective_trust(store, vendor),
    )


def test_new_root_is_unknown_until_a_rotation_is_applied(store: Store, vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root], overlap_days=30)
    with pytest.raises(UnknownIssuer, match="fingerprint"):
        verify_new(store, vendor_pki)
    with store.transaction() as tx:
        change = apply_rotation(
            tx,
            vendor,
            advisory_id="EXN-2026-0031",
            add_roots=rotation_roots(vendor_pki),
            retire_roots=[{"sha256": vendor_pki.old_root.fingerprint}],
            reason="feed v12",
        )
    assert (change.version, change.kind, change.advisory_id, change.actor) == (
        1,
        "rotate",
        "EXN-2026-0031",
        "advisories",
    )
    result = verify_new(store, vendor_pki)
    assert result.root_sha256 == vendor_pki.new_root.fingerprint
    assert result.trust_version == 1
    assert "rotation advisory EXN-2026-0031" in result.trusted_because
    trust = effective_trust(store, vendor)
    old = trust.roots[vendor_pki.old_root.fingerprint]
    assert old.state(pki.NOW) is RootState.RETIRING
    assert old.retire_after is not None
    assert 29 <= (old.retire_after - pki.NOW).days <= 30  # the vendor's overlap period, no date in the advisory
    audit = [e.action for e in store.audit_entries()]
    assert audit == ["trust.rotate"]


def test_rollback_restores_the_earlier_effective_set_exactly(store: Store, vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    before = effective_trust(store, vendor)
    with store.transaction() as tx:
        apply_rotation(tx, vendor, advisory_id="EXN-1", add_roots=rotation_roots(vendor_pki), reason="feed v1")
        apply_revocations(
            tx, vendor, advisory_id="EXN-2", certificates=[{"sha256": vendor_pki.old_int.fingerprint}], reason="v1"
        )
    after_v1 = effective_trust(store, vendor, version=1)
    pin_root(store, vendor, pki.root("Operator extra root").cert, reason="lab", actor="alice")
    unpin_root(store, vendor, vendor_pki.old_root.fingerprint, reason="old root gone", actor="alice")
    assert effective_trust(store, vendor).version == 4

    change = rollback(store, vendor, 1, reason="undo operator pins", actor="bob")
    assert (change.version, change.kind, dict(change.payload)) == (5, "rollback", {"to_version": 1})
    now = effective_trust(store, vendor)
    assert now.version == 5
    assert (dict(now.roots), dict(now.revoked)) == (dict(after_v1.roots), dict(after_v1.revoked))
    assert verify_new(store, vendor_pki).root_sha256 == vendor_pki.new_root.fingerprint

    rollback(store, vendor, 0, reason="back to config", actor="bob")
    base = effective_trust(store, vendor)
    assert (dict(base.roots), dict(base.revoked)) == (dict(before.roots), dict(before.revoked))
    with pytest.raises(UnknownIssuer):
        verify_new(store, vendor_pki)
    history = [(c.version, c.kind, c.actor, c.reason, c.advisory_id) for c in store.trust_changes(VENDOR)]
    assert history == [
        (1, "rotate", "advisories", "feed v1", "EXN-1"),
        (2, "revoke", "advisories", "v1", "EXN-2"),
        (3, "pin", "alice", "lab", None),
        (4, "unpin", "alice", "old root gone", None),
        (5, "rollback", "bob", "undo operator pins", None),
        (6, "rollback", "bob", "back to config", None),
    ]


def test_revocation_applies_to_verification(store: Store, vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    apply_revocations(
        store,
        vendor,
        advisory_id="EXN-2026-0032",
        certificates=[
            {"sha256": vendor_pki.old_leaf.fingerprint, "revoked_at": "2026-08-01T00:00:00Z", "reason": "keyCompromise"}
        ],
        reason="feed v13",
    )
    with pytest.raises(CertificateRevoked, match="EXN-2026-0032"):
        verify_detached(
            MANIFEST,
            pki.sign(vendor_pki.old_leaf.key, MANIFEST),
            vendor_pki.old_chain(),
            vendor=vendor,
            trust=effective_trust(store, vendor),
        )


def test_a_bad_rotation_in_a_feed_transaction_leaves_state_unchanged(store: Store, vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    with pytest.raises(TrustConfigError, match="stated sha256"), store.transaction() as tx:
        apply_revocations(tx, vendor, advisory_id="A-1", certificates=[{"sha256": "ab" * 32}], reason="feed")
        apply_rotation(
            tx,
            vendor,
            advisory_id="A-2",
            add_roots=[{"sha256": "00" * 32, "pem": vendor_pki.new_root.pem.decode()}],
            reason="feed",
        )
    assert store.trust_changes(VENDOR) == []
    assert list(store.audit_entries()) == []


def test_rotation_refuses_a_leaf_as_root_and_garbage_pem(store: Store, vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    leaf = {"sha256": vendor_pki.new_leaf.fingerprint, "pem": vendor_pki.new_leaf.pem.decode()}
    with pytest.raises(TrustConfigError, match="not a CA certificate"):
        apply_rotation(store, vendor, advisory_id="A", add_roots=[leaf], reason="feed")
    with pytest.raises(MalformedCertificate):
        apply_rotation(
            store,
            vendor,
            advisory_id="A",
            add_roots=[{"pem": "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----"}],
            reason="f",
        )
    assert store.trust_changes(VENDOR) == []


def test_pin_unpin_and_rollback_refuse_nonsense(store: Store, vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    with pytest.raises(TrustConfigError, match="already an active root"):
        pin_root(store, vendor, vendor_pki.old_root.cert, reason="again")
    with pytest.raises(TrustConfigError, match="has no root with sha256"):
        unpin_root(store, vendor, "ff" * 32, reason="x")
    with pytest.raises(TrustConfigError, match="no trust changes to roll back"):
        rollback(store, vendor, 0, reason="x")
    pin_root(store, vendor, vendor_pki.new_root.cert, reason="confirmed by phone with the vendor")
    with pytest.raises(TrustConfigError, match=r"versions 0\.\.0 are possible"):
        rollback(store, vendor, 1, reason="x")
    assert [c.kind for c in store.trust_changes(VENDOR)] == ["pin"]


def test_unknown_issuer_names_the_stored_advisory_through_the_trust_store(
    home: Path, store: Store, vendor_pki: VendorPKI
) -> None:
    from shipgate.store import AdvisoryRecord
    from shipgate.trust import TrustStore

    write_vendor_toml(home, vendor_pki.old_root)
    store.put_advisories(
        [
            AdvisoryRecord(
                vendor=VENDOR,
                advisory_id="EXN-2026-0031",
                kind="ca-rotation",
                feed_version=12,
                body={"add_roots": [{"sha256": vendor_pki.new_root.fingerprint}]},
                published=None,
            )
        ],
        actor="advisories",
        reason="feed v12 stored, rotation rolled back",
    )
    with TrustStore.open(home) as trust:
        with pytest.raises(UnknownIssuer, match="stored advisory EXN-2026-0031") as info:
            trust.verify_detached(
                MANIFEST,
                pki.sign(vendor_pki.new_leaf.key, MANIFEST),
                pki.chain_pem(vendor_pki.new_leaf, vendor_pki.new_int, vendor_pki.new_root),
                vendor=VENDOR,
            )
        assert 'shipgate advisories sync --vendor "Example Networks" SOURCE' in info.value.remedy
        result, findings = trust.detached_findings(
            MANIFEST, pki.sign(vendor_pki.old_leaf.key, MANIFEST), vendor_pki.old_chain(), vendor=VENDOR
        )
        assert result is not None and findings == []
        assert result.trusted_because.startswith("CN=Example Networks Root CA 2023,O=Example Networks (sha256 ")


def test_retiring_every_root_leaves_packages_refused_as_retired(store: Store, vendor_pki: VendorPKI) -> None:
    from shipgate.trust.errors import RootRetired

    vendor = vendor_with([vendor_pki.old_root])
    apply_rotation(
        store,
        vendor,
        advisory_id="EXN-9",
        add_roots=[],
        retire_roots=[{"sha256": vendor_pki.old_root.fingerprint, "after": "2020-01-01T00:00:00Z"}],
        reason="root compromised, no successor yet",
    )
    trust = effective_trust(store, vendor)
    assert trust.roots[vendor_pki.old_root.fingerprint].state(pki.NOW) is RootState.RETIRED
    with pytest.raises(RootRetired, match="CN=Example Networks Root CA 2023"):
        verify_detached(
            MANIFEST, pki.sign(vendor_pki.old_leaf.key, MANIFEST), vendor_pki.old_chain(), vendor=vendor, trust=trust
        )


def test_verifying_a_package_that_carries_its_own_root_changes_no_trust(
    home: Path, store: Store, vendor_pki: VendorPKI
) -> None:
    # No trust-on-first-use: a refused package leaves the trust state, the audit log and the next
    # verification exactly as they were, however often it is presented.
    from shipgate.trust import TrustStore

    write_vendor_toml(home, vendor_pki.old_root)
    chain = pki.chain_pem(vendor_pki.new_leaf, vendor_pki.new_int, vendor_pki.new_root)
    sig = pki.sign(vendor_pki.new_leaf.key, MANIFEST)
    with TrustStore.open(home) as trust:
        before = trust.effective(VENDOR)
        for _ in range(3):
            result, findings = trust.detached_findings(MANIFEST, sig, chain, vendor=VENDOR)
            assert result is None
            assert [f.code for f in findings] == ["trust.unknown_issuer"]
        assert trust.effective(VENDOR) == before
        assert trust.history() == []
    assert list(store.audit_entries()) == []


def test_concurrent_pins_of_one_root_record_exactly_one_change(
    store: Store, vendor_pki: VendorPKI, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check ("not already active") and the append happen under one write lock. Checking the change
    # is slowed down so that, without the lock, every writer would read "not pinned yet" and pin.
    import threading
    import time

    from shipgate.store import open_store
    from shipgate.trust import ledger

    real_apply = ledger.apply_change

    def slow_apply(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.05)  # between reading the history and appending to it
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(ledger, "apply_change", slow_apply)

    vendor = vendor_with([vendor_pki.old_root])
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def pin() -> None:
        with open_store(store.url) as own:
            own.trust_changes(VENDOR)  # connected and migrated before the race starts
            start.wait()
            try:
                pin_root(own, vendor, vendor_pki.new_root.cert, reason="race")
                outcomes.append("pinned")
            except TrustConfigError:
                outcomes.append("refused")

    threads = [threading.Thread(target=pin) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["pinned"] + ["refused"] * 7
    assert [c.kind for c in store.trust_changes(VENDOR)] == ["pin"]


def test_unknown_issuer_says_when_another_vendor_trusts_that_root(
    home: Path, store: Store, vendor_pki: VendorPKI
) -> None:
    from shipgate.trust import TrustStore

    write_vendor_toml(home, vendor_pki.old_root)
    other = pki.root("Other Vendor Root")
    other_leaf = pki.leaf("Other Vendor Signing", other)
    with TrustStore.open(home) as trust:
        trust.pin("Other Vendor", other.cert, reason="onboarding")
        with pytest.raises(
            UnknownIssuer, match="trusted for vendor\\(s\\) 'Other Vendor' — is the vendor right"
        ) as info:
            trust.verify_detached(
                MANIFEST, pki.sign(other_leaf.key, MANIFEST), pki.chain_pem(other_leaf, other), vendor=VENDOR
            )
        assert info.value.evidence["pinned_for_vendors"] == ["Other Vendor"]
        assert (
            trust.verify_detached(
                MANIFEST, pki.sign(other_leaf.key, MANIFEST), pki.chain_pem(other_leaf), vendor="Other Vendor"
            ).root_sha256
            == other.fingerprint
        )
