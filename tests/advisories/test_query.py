"""What the verifier gets: applicable advisories and findings for one package, from a synced feed.

Risk covered: a withdrawn package allowed; a notice or config change for another product applied; a
stale feed trusted silently.
"""

from __future__ import annotations

import hashlib
from typing import Any

from advisories.conftest import DAY, NOW, FeedBuilder, iso
from shipgate.advisories.query import advisory_findings, applicable_advisories, config_change_advisories
from shipgate.advisories.sync import sync_feed
from shipgate.findings import Severity
from shipgate.store import Store
from shipgate.trust import VendorConfig
from trust.conftest import VENDOR

DIGEST = hashlib.sha256(b"dten-7.3.0.zip").hexdigest()
OTHER = hashlib.sha256(b"another build").hexdigest()
ADVISORIES: list[dict[str, Any]] = [
    {"id": "EXN-1", "kind": "withdrawn-package", "packages": [{"name": "dten", "version": "7.3.0"}],
     "reason": "data loss on upgrade", "published": iso(NOW - DAY)},
    {"id": "EXN-2", "kind": "withdrawn-package", "packages": [{"name": "dten", "version": "7.2.0", "sha256": DIGEST}]},
    {"id": "EXN-3", "kind": "config-change", "applies_to": {"name": "dten", "version": ">=7.4"},
     "removed": ["dten.legacy.mode"], "required": {"dten.hybrid.enable": True}, "text": "hybrid"},
    {"id": "EXN-4", "kind": "notice", "severity": "critical", "applies_to": {"name": "dten", "version": ">=7.4"},
     "text": "New retry backoff."},
    {"id": "EXN-5", "kind": "notice", "severity": "low", "applies_to": {"name": "other"}, "text": "not ours"},
]  # fmt: skip


def synced(store: Store, vendor: VendorConfig, feeds: FeedBuilder, **over: Any) -> None:
    result = sync_feed(store, vendor, str(feeds.write(feeds.document(1, ADVISORIES, **over))), now=NOW)
    assert result.status == "accepted", result.describe()


def ids(store: Store, name: str, version: str, sha256: str | None = None) -> list[str]:
    return [a.id for a in applicable_advisories(store, vendor=VENDOR, name=name, version=version, sha256=sha256)]


def test_withdrawn_by_name_and_version_or_by_digest(store: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    synced(store, vendor, feeds)
    assert ids(store, "dten", "7.3.0") == ["EXN-1"]
    assert ids(store, "dten", "7.3") == ["EXN-1"]  # the same version written shorter
    assert ids(store, "dten", "7.2.0", DIGEST) == ["EXN-2"]
    assert ids(store, "renamed", "9.9", DIGEST) == ["EXN-2"]  # the digest alone identifies the archive
    assert ids(store, "dten", "7.2.0", OTHER) == []  # another build of 7.2.0 was not withdrawn
    findings = advisory_findings(store, vendor=VENDOR, name="dten", version="7.3.0", now=NOW)
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("advisory.withdrawn_package", Severity.CRITICAL, "advisory:EXN-1")
    ]
    assert findings[0].message == "dten 7.3.0 was withdrawn by Example Networks (EXN-1): data loss on upgrade"


def test_notices_and_config_changes_follow_applies_to(store: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    synced(store, vendor, feeds)
    assert ids(store, "dten", "7.4.0") == ["EXN-3", "EXN-4"]
    assert ids(store, "dten", "7.1.0") == []
    findings = advisory_findings(store, vendor=VENDOR, name="dten", version="7.4.0", now=NOW)
    # A notice informs at most at medium; a config change is data for preflight, not a finding here.
    assert [(f.code, f.severity) for f in findings] == [("advisory.notice", Severity.MEDIUM)]
    changes = config_change_advisories(store, vendor=VENDOR, name="dten", version="7.4.0")
    assert changes == [ADVISORIES[2]]
    assert advisory_findings(store, vendor=VENDOR, name="dten", version="7.4.0", now=NOW, kinds=("csaf",)) == []


def test_a_stale_feed_is_reported(store: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    synced(store, vendor, feeds, expires=iso(NOW + DAY))
    assert advisory_findings(store, vendor=VENDOR, name="x", version="1", now=NOW) == []
    later = advisory_findings(store, vendor=VENDOR, name="x", version="1", now=NOW + 2 * DAY)
    assert [(f.code, f.severity, f.evidence["feed_version"]) for f in later] == [
        ("advisory.feed_stale", Severity.MEDIUM, 1)
    ]
    assert advisory_findings(store, vendor="Nobody", name="x", version="1", now=NOW + 2 * DAY) == []
