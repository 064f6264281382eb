"""Advisories: the vendor's signed feed (docs/formats.md §2) and CSAF 2.0 documents, and what applies to a package.

Public API (the rest is detail):

- :func:`sync_feed` — fetch (directory or HTTP(S), bounded), verify against the vendor's trust, check
  version/expiry/vendor, and apply rotations, revocations and advisories in one store transaction; a
  rejection is a :class:`SyncResult` with a stable ``advisory.feed_*`` code, audited, nothing else stored.
- :func:`applicable_advisories` / :func:`advisory_findings` / :func:`config_change_advisories` — what the
  package verifier asks: withdrawn packages, notices, config changes, CSAF ``known_affected``, stale feeds.
- :func:`import_csaf` / :func:`parse_csaf` / :func:`match_package` — CSAF 2.0, validated offline.
- :func:`feed_freshness` — age and expiry per vendor (``shipgate advisories status``, metrics).
- :class:`Poller` — periodic sync with jittered exponential backoff (the service runs one per vendor).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shipgate.advisories.csaf import CsafDocument, parse_csaf, validate_csaf
    from shipgate.advisories.csaf_import import CsafImport, import_csaf
    from shipgate.advisories.csaf_match import CsafMatch, match_package
    from shipgate.advisories.errors import AdvisoryError, CsafInvalid, FeedRejected
    from shipgate.advisories.feed import Feed, FeedAdvisory, parse_feed
    from shipgate.advisories.poller import Backoff, Poller, PollStatus, configured_pollers, start_pollers
    from shipgate.advisories.query import (
        Advisory,
        advisory_findings,
        applicable_advisories,
        config_change_advisories,
    )
    from shipgate.advisories.source import FeedFiles, FetchLimits, NotModified, fetch
    from shipgate.advisories.status import FeedFreshness, configured_source, feed_freshness
    from shipgate.advisories.sync import SyncResult, sync_feed

# Loaded on first use (PEP 562): the verifier needs only the query functions, and importing the feed
# fetcher, the poller and the CSAF schema machinery with them cost ~0.1 s of every `shipgate verify`.
_LAZY = {
    "Advisory": "shipgate.advisories.query",
    "AdvisoryError": "shipgate.advisories.errors",
    "Backoff": "shipgate.advisories.poller",
    "CsafDocument": "shipgate.advisories.csaf",
    "CsafImport": "shipgate.advisories.csaf_import",
    "CsafInvalid": "shipgate.advisories.errors",
    "CsafMatch": "shipgate.advisories.csaf_match",
    "Feed": "shipgate.advisories.feed",
    "FeedAdvisory": "shipgate.advisories.feed",
    "FeedFiles": "shipgate.advisories.source",
    "FeedFreshness": "shipgate.advisories.status",
    "FeedRejected": "shipgate.advisories.errors",
    "FetchLimits": "shipgate.advisories.source",
    "NotModified": "shipgate.advisories.source",
    "PollStatus": "shipgate.advisories.poller",
    "Poller": "shipgate.advisories.poller",
    "SyncResult": "shipgate.advisories.sync",
    "advisory_findings": "shipgate.advisories.query",
    "applicable_advisories": "shipgate.advisories.query",
    "config_change_advisories": "shipgate.advisories.query",
    "configured_pollers": "shipgate.advisories.poller",
    "configured_source": "shipgate.advisories.status",
    "feed_freshness": "shipgate.advisories.status",
    "fetch": "shipgate.advisories.source",
    "import_csaf": "shipgate.advisories.csaf_import",
    "match_package": "shipgate.advisories.csaf_match",
    "parse_csaf": "shipgate.advisories.csaf",
    "parse_feed": "shipgate.advisories.feed",
    "start_pollers": "shipgate.advisories.poller",
    "sync_feed": "shipgate.advisories.sync",
    "validate_csaf": "shipgate.advisories.csaf",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "Advisory",
    "AdvisoryError",
    "Backoff",
    "CsafDocument",
    "CsafImport",
    "CsafInvalid",
    "CsafMatch",
    "Feed",
    "FeedAdvisory",
    "FeedFiles",
    "FeedFreshness",
    "FeedRejected",
    "FetchLimits",
    "NotModified",
    "PollStatus",
    "Poller",
    "SyncResult",
    "advisory_findings",
    "applicable_advisories",
    "config_change_advisories",
    "configured_pollers",
    "configured_source",
    "feed_freshness",
    "fetch",
    "import_csaf",
    "match_package",
    "parse_csaf",
    "parse_feed",
    "start_pollers",
    "sync_feed",
    "validate_csaf",
]
