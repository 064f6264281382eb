"""`shipgate trust pin --feed-identity PATTERN`: only that identity may sign the vendor's feed, apart from
its package signers. The risk: one leaked release (package-signing) key, valid under the vendor's root,
also signs a feed that rotates the vendor's roots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509

from advisories.conftest import FeedBuilder, dump, rotation_advisory
from shipgate.advisories.sync import sync_feed
from shipgate.cli import main
from shipgate.store import Store
from shipgate.trust import TrustConfig, effective_trust
from trust import pki
from trust.conftest import VENDOR, VendorPKI


def test_pin_show_and_enforce_the_feed_identity(
    trust_home: Path, store: Store, feeds: FeedBuilder, vendor_pki: VendorPKI, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--home", str(trust_home)]
    assert main([*home, "trust", "pin", "--vendor", VENDOR, "--feed-identity", r"email:advisories@example\.net",
                 "--reason", "vendor letter 2026-11" ]) == 0  # fmt: skip
    assert "trust version 1" in capsys.readouterr().out
    assert main([*home, "trust", "show", "--vendor", VENDOR]) == 0
    assert r"feed id  'email:advisories@example\\.net' (pinned" in capsys.readouterr().out
    assert main([*home, "trust", "show", "--vendor", VENDOR, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["feed_identity"] == r"email:advisories@example\.net"

    vendor = TrustConfig.load(trust_home / "trust").get(VENDOR)
    # The release key chains to the same root and passes [feed_signer]-less checks, but is not the feed signer.
    release = pki.leaf(
        "Example Networks Release Signing", vendor_pki.old_int, san=[x509.RFC822Name("release@example.net")]
    )
    forged = feeds.write(feeds.document(1, [rotation_advisory(vendor_pki)]), key=release.key,
                         chain=pki.chain_pem(release, vendor_pki.old_int))  # fmt: skip
    before = dump(store)
    result = sync_feed(store, vendor, str(forged))
    assert (result.status, result.code) == ("rejected", "advisory.feed_identity_mismatch"), result.describe()
    assert "release@example.net" in result.message and "advisories@example" in result.message
    assert dump(store) == before
    # The real feed signer still gets through.
    good = feeds.write(feeds.document(1, [rotation_advisory(vendor_pki)]))
    assert sync_feed(store, vendor, str(good)).status == "accepted"
    assert effective_trust(store, vendor).feed_identity == r"email:advisories@example\.net"


def test_feed_identity_pin_is_versioned_and_rolls_back(
    trust_home: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--home", str(trust_home)]
    assert main([*home, "trust", "pin", "--vendor", VENDOR, "--feed-identity", "email:a@example\\.net"]) == 0
    assert main([*home, "trust", "pin", "--vendor", VENDOR, "--feed-identity", "email:b@example\\.net"]) == 0
    assert main([*home, "trust", "history", "--vendor", VENDOR]) == 0
    out = capsys.readouterr().out
    assert "feed-identity" in out and "[email:b@example\\.net]" in out
    assert main([*home, "trust", "rollback", "--vendor", VENDOR, "1"]) == 0
    vendor = TrustConfig.load(trust_home / "trust").get(VENDOR)
    assert effective_trust(store, vendor).feed_identity == "email:a@example\\.net"


def test_bad_feed_identity_pattern_is_refused_before_storing(
    trust_home: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(store)
    home = ["--home", str(trust_home)]
    assert main([*home, "trust", "pin", "--vendor", VENDOR, "--feed-identity", "email:(x)\\1"]) == 2
    assert "not an RE2 pattern" in capsys.readouterr().err
    assert dump(store) == before
