"""Feed acceptance and every rejection of docs/formats.md §2, with the store compared table by table.

Risk covered: a feed that is replayed, frozen, forged, for another vendor, damaged or huge changes what
shipgate trusts or which packages it denies (docs/architecture.md invariant 4).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from advisories.conftest import DAY, NOW, FeedBuilder, dump, iso, rotation_advisory
from shipgate.advisories.sync import sync_feed
from shipgate.store import Store
from shipgate.trust import VendorConfig, effective_trust
from shipgate.trust.state import RootState
from trust import pki
from trust.conftest import VENDOR, VendorPKI

WITHDRAWN = {
    "id": "EXN-2026-0033",
    "kind": "withdrawn-package",
    "published": iso(NOW - DAY),
    "packages": [{"name": "dten", "version": "7.3.0"}],
    "reason": "data loss on upgrade",
}


def accept(store: Store, vendor: VendorConfig, directory: Path) -> None:
    result = sync_feed(store, vendor, str(directory), now=NOW)
    assert result.status == "accepted", result.describe()


def assert_rejected_without_change(store: Store, vendor: VendorConfig, directory: Path, code: str, match: str) -> None:
    before = dump(store)
    audit_before = len(store.audit_entries())
    result = sync_feed(store, vendor, str(directory), now=NOW)
    assert (result.status, result.code) == ("rejected", code), result.describe()
    assert match in result.message
    assert dump(store) == before
    entries = store.audit_entries()
    assert len(entries) == audit_before + 1
    last = entries[-1]
    assert (last.action, last.subject, last.details["code"]) == ("feed.reject", VENDOR, code)
    assert last.details["source"] == str(directory)
    assert store.verify_audit().ok


def test_a_valid_feed_applies_rotation_revocation_and_advisories_in_one_go(
    store: Store, vendor: VendorConfig, feeds: FeedBuilder, vendor_pki: VendorPKI
) -> None:
    revoked = pki.leaf("Example Networks Old Release Signing", vendor_pki.old_int)
    advisories: list[dict[str, Any]] = [
        rotation_advisory(vendor_pki),
        {
            "id": "EXN-2026-0032",
            "kind": "revocation",
            "published": iso(NOW - DAY),
            "certificates": [{"sha256": revoked.fingerprint, "revoked_at": iso(NOW - DAY), "reason": "keyCompromise"}],
        },
        WITHDRAWN,
        {"id": "EXN-2026-0034", "kind": "config-change", "applies_to": {"name": "dten", "version": ">=7.4"},
         "removed": ["dten.legacy.mode"], "required": {"dten.hybrid.enable": True}, "x-vendor-extra": [1, 2]},
        {"id": "EXN-2026-0035", "kind": "notice", "severity": "medium", "text": "New retry backoff."},
    ]  # fmt: skip
    result = sync_feed(store, vendor, str(feeds.write(feeds.document(12, advisories))), now=NOW)
    assert result.status == "accepted", result.describe()
    assert result.applied == ("EXN-2026-0031", "EXN-2026-0032", "EXN-2026-0033", "EXN-2026-0034", "EXN-2026-0035")
    assert result.trust_versions == (1, 2)
    assert result.signer is not None and "Advisory Feed" in result.signer

    trust = effective_trust(store, vendor)
    assert trust.roots[vendor_pki.new_root.fingerprint].state(NOW) is RootState.ACTIVE
    assert trust.roots[vendor_pki.old_root.fingerprint].state(NOW) is RootState.RETIRING
    assert trust.revocation(revoked.fingerprint) is not None
    assert [(c.version, c.kind, c.advisory_id) for c in store.trust_changes(VENDOR)] == [
        (1, "rotate", "EXN-2026-0031"),
        (2, "revoke", "EXN-2026-0032"),
    ]
    state = store.feed_state(VENDOR)
    assert state is not None and state.feed_version == 12
    stored = {a.advisory_id: a for a in store.advisories(VENDOR)}
    assert sorted(stored) == list(result.applied)
    assert stored["EXN-2026-0034"].body["x-vendor-extra"] == [1, 2]  # unknown fields kept
    actions = [(e.action, e.details.get("ids")) for e in store.audit_entries()]
    assert actions == [
        ("trust.rotate", None),
        ("trust.revoke", None),
        ("advisory.store", list(result.applied)),
        ("feed.accept", None),
    ]

    # The next feed repeats every advisory: nothing is applied twice, only the version moves.
    again = sync_feed(store, vendor, str(feeds.write(feeds.document(13, advisories))), now=NOW)
    assert (again.status, again.applied, again.trust_versions, again.previous_version) == ("accepted", (), (), 12)
    assert len(store.trust_changes(VENDOR)) == 2
    # The same bytes again: nothing to do, nothing written.
    audit = len(store.audit_entries())
    same = sync_feed(store, vendor, str(feeds.made[-1]), now=NOW)
    assert (same.status, same.feed_version) == ("unchanged", 13)
    assert len(store.audit_entries()) == audit


@pytest.fixture
def accepted(store: Store, vendor: VendorConfig, feeds: FeedBuilder) -> Store:
    """A store that accepted feed v12 (one withdrawn-package advisory)."""
    accept(store, vendor, feeds.write(feeds.document(12, [WITHDRAWN])))
    return store


def test_a_replayed_older_feed_is_rejected(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    older = feeds.write(feeds.document(11, [{**WITHDRAWN, "reason": "changed"}]))
    assert_rejected_without_change(accepted, vendor, older, "advisory.feed_rollback", "version 11 is not newer")


def test_an_equal_version_is_rejected(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    equal = feeds.write(feeds.document(12, [], issued=iso(NOW)))
    assert_rejected_without_change(accepted, vendor, equal, "advisory.feed_rollback", "version 12 is not newer")


def test_an_expired_feed_is_rejected(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    expired = feeds.write(feeds.document(13, [], issued=iso(NOW - 40 * DAY), expires=iso(NOW - DAY)))
    assert_rejected_without_change(accepted, vendor, expired, "advisory.feed_expired", "expired at")


def test_a_feed_signed_by_an_untrusted_signer_is_rejected(
    accepted: Store, vendor: VendorConfig, feeds: FeedBuilder
) -> None:
    rogue_root = pki.root("Example Networks Root CA 2026")  # same name, another key
    rogue = pki.leaf("Example Networks Advisory Feed", rogue_root, san=[x509.RFC822Name("advisories@example.net")])
    directory = feeds.write(feeds.document(13, []), key=rogue.key, chain=pki.chain_pem(rogue))
    assert_rejected_without_change(
        accepted, vendor, directory, "advisory.feed_signer_untrusted", "trust.unknown_issuer"
    )


def test_a_feed_signed_by_the_wrong_identity_is_rejected(
    accepted: Store, vendor: VendorConfig, feeds: FeedBuilder, vendor_pki: VendorPKI
) -> None:
    # The package release signer chains to the trusted root but is not the vendor's feed signer.
    directory = feeds.write(feeds.document(13, []), key=vendor_pki.old_leaf.key, chain=vendor_pki.old_chain())
    assert_rejected_without_change(
        accepted, vendor, directory, "advisory.feed_signer_untrusted", "trust.identity_mismatch"
    )


def test_a_feed_for_another_vendor_is_rejected(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    directory = feeds.write(feeds.document(13, [], vendor="Other Networks"))
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_vendor_mismatch", "'Other Networks'")


def test_a_truncated_feed_is_rejected(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    data = json.dumps(feeds.document(13, [WITHDRAWN])).encode()
    directory = feeds.write(data[: len(data) // 2], signature=pki.sign(feeds.signer.signer.key, data))
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_bad_signature", "trust.bad_signature")


def test_a_truncated_feed_signed_as_truncated_is_still_malformed(
    accepted: Store, vendor: VendorConfig, feeds: FeedBuilder
) -> None:
    data = json.dumps(feeds.document(13, [WITHDRAWN])).encode()
    directory = feeds.write(data[: len(data) // 2])  # the signer signed garbage: still not a feed
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_malformed", "not JSON")


def test_a_bit_flipped_feed_is_rejected(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    data = bytearray(json.dumps(feeds.document(13, [WITHDRAWN])).encode())
    signature = pki.sign(feeds.signer.signer.key, bytes(data))
    data[len(data) // 3] ^= 0x01
    directory = feeds.write(bytes(data), signature=signature)
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_bad_signature", "trust.bad_signature")


def test_a_100_mb_feed_is_rejected_without_reading_it(
    accepted: Store, vendor: VendorConfig, feeds: FeedBuilder
) -> None:
    directory = feeds.write(feeds.document(13, []))
    with (directory / "feed.json").open("r+b") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB that costs no disk
    assert os.path.getsize(directory / "feed.json") == 100 * 1024 * 1024
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_too_large", "larger than 16777216")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"feed_version": "13"}, "feed_version"),
        ({"feed_version": True}, "feed_version"),
        ({"issued": "yesterday"}, "issued"),
        ({"expires": "2026-11-01T00:00:00"}, "expires"),
        ({"advisories": {}}, "advisories"),
        ({"advisories": [{"id": "A", "kind": "bogus"}]}, "advisories[0].kind"),
        ({"advisories": [{"id": "A", "kind": "revocation", "certificates": []}]}, "advisories[0].certificates"),
        ({"advisories": [{"id": "A", "kind": "revocation", "certificates": [{"sha256": "xyz"}]}]},
         "advisories[0].certificates[0].sha256"),
        ({"advisories": [{"id": "A", "kind": "withdrawn-package", "packages": [{"name": "dten"}]}]},
         "advisories[0].packages[0].version"),
        ({"advisories": [{"id": "A", "kind": "ca-rotation"}]}, "advisories[0]"),
        ({"advisories": [WITHDRAWN, WITHDRAWN]}, "advisories[1].id"),
        ({"advisories": [{"id": "A", "kind": "notice", "text": "x", "severity": "urgent"}]}, "advisories[0].severity"),
    ],
)  # fmt: skip
def test_a_schema_violation_is_rejected_naming_the_field(
    accepted: Store, vendor: VendorConfig, feeds: FeedBuilder, change: dict[str, Any], field: str
) -> None:
    directory = feeds.write({**feeds.document(13), **change})
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_malformed", f"feed.json {field} ")


def test_a_duplicate_key_is_rejected(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    text = json.dumps(feeds.document(13, [])).replace('"feed_version": 13', '"feed_version": 13, "feed_version": 99')
    directory = feeds.write(text.encode())
    assert_rejected_without_change(
        accepted, vendor, directory, "advisory.feed_malformed", "'feed_version' appears twice"
    )


def test_an_advisory_that_cannot_be_applied_rolls_the_whole_feed_back(
    accepted: Store, vendor: VendorConfig, feeds: FeedBuilder, vendor_pki: VendorPKI
) -> None:
    not_a_ca = {"sha256": vendor_pki.old_leaf.fingerprint, "pem": vendor_pki.old_leaf.pem.decode()}
    bad = {**rotation_advisory(vendor_pki, "EXN-2026-0040"), "add_roots": [not_a_ca]}
    directory = feeds.write(feeds.document(13, [rotation_advisory(vendor_pki), bad]))
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_inapplicable", "not a CA certificate")


def test_a_missing_file_is_unavailable(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    directory = feeds.write(feeds.document(13, []))
    (directory / "feed-chain.pem").unlink()
    assert_rejected_without_change(accepted, vendor, directory, "advisory.feed_unavailable", "does not exist")


def test_an_unknown_vendor_is_rejected(store: Store, feeds: FeedBuilder) -> None:
    nobody = VendorConfig(name="Nobody Inc")
    directory = feeds.write(feeds.document(1, [], vendor="Nobody Inc"))
    result = sync_feed(store, nobody, str(directory), now=NOW)
    assert (result.status, result.code, result.evidence["trust_code"]) == (
        "rejected",
        "advisory.feed_signer_untrusted",
        "trust.unknown_vendor",
    )
    assert dump(store) == {"trust_changes": [], "feed_state": [], "advisories": [], "verdicts": []}


def test_a_deeply_nested_feed_is_malformed(accepted: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    text = json.dumps(feeds.document(13, [])).replace(
        '"advisories": []', '"advisories": []' + ', "x": ' + "[" * 50_000 + "]" * 50_000
    )
    directory = feeds.write(text.encode())
    assert_rejected_without_change(
        accepted, vendor, directory, "advisory.feed_malformed", "nested deeper than 64 levels"
    )
