"""Why a feed, a CSAF document or a download was refused: one exception carrying a stable ``advisory.`` code.

Raised inside the advisories layer; :func:`shipgate.advisories.sync.sync_feed` turns it into a rejected
:class:`~shipgate.advisories.sync.SyncResult` (audited, nothing else stored), the CLI prints
``diagnostics()`` and exits 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shipgate.errors import ShipgateError
from shipgate.findings import Finding, Severity

# Rejection reasons of a vendor feed (docs/formats.md §2). Stable: scripts and alerts match on them.
FEED_UNAVAILABLE = "advisory.feed_unavailable"
FEED_TOO_LARGE = "advisory.feed_too_large"
FEED_MALFORMED = "advisory.feed_malformed"
FEED_BAD_SIGNATURE = "advisory.feed_bad_signature"
FEED_SIGNER_UNTRUSTED = "advisory.feed_signer_untrusted"
FEED_IDENTITY_MISMATCH = "advisory.feed_identity_mismatch"
FEED_VENDOR_MISMATCH = "advisory.feed_vendor_mismatch"
FEED_ROLLBACK = "advisory.feed_rollback"
FEED_EXPIRED = "advisory.feed_expired"
FEED_INAPPLICABLE = "advisory.feed_inapplicable"
CSAF_INVALID = "advisory.csaf_invalid"
# Rejection reasons of a CSAF provider sync (CSAF 2.0 §7): any of them leaves the store as it was.
CSAF_PROVIDER_UNAVAILABLE = "advisory.csaf_provider_unavailable"
CSAF_HASH_MISMATCH = "advisory.csaf_hash_mismatch"
CSAF_SIGNATURE_MISSING = "advisory.csaf_signature_missing"
CSAF_WRONG_KEY = "advisory.csaf_wrong_key"
CSAF_BAD_SIGNATURE = "advisory.csaf_bad_signature"
CSAF_ROLLBACK = "advisory.csaf_rollback"

REMEDIES: Mapping[str, str] = {
    FEED_UNAVAILABLE: "Check the feed source (path or URL) and the network; the stored feed stays in force.",
    FEED_TOO_LARGE: "A feed file is larger than the configured bound; check the source is the vendor's feed.",
    FEED_MALFORMED: "The feed does not follow docs/formats.md §2; report it to the vendor (the field is named).",
    FEED_BAD_SIGNATURE: "feed.json.sig does not match feed.json: the feed was altered or is incomplete.",
    FEED_SIGNER_UNTRUSTED: (
        "The feed signer does not chain to a root currently trusted for the vendor or does not match its "
        "[feed_signer] rule; confirm the feed's origin with the vendor."
    ),
    FEED_IDENTITY_MISMATCH: (
        "The feed is signed by an identity other than the vendor's pinned feed identity (shipgate trust show "
        "--vendor NAME); confirm the signer with the vendor, and only then re-pin it with "
        "shipgate trust pin --vendor NAME --feed-identity PATTERN."
    ),
    FEED_VENDOR_MISMATCH: "The feed names another vendor; sync it with --vendor set to the vendor it names.",
    FEED_ROLLBACK: (
        "The feed is not newer than the accepted one (a replay or a rollback); wait for the vendor's next version."
    ),
    FEED_EXPIRED: "The feed is past its expiry (a freeze attack or a stale mirror); fetch a current one.",
    FEED_INAPPLICABLE: "An advisory in the feed cannot be applied (named in the message); report it to the vendor.",
    CSAF_INVALID: "The document is not valid CSAF 2.0 (the failing field is named); ask the publisher for a fix.",
    CSAF_PROVIDER_UNAVAILABLE: (
        "A file of the provider (metadata, listing, document, hash, signature or key) could not be fetched within "
        "the bounds; check the URL and the network. Nothing was stored; the next sync retries."
    ),
    CSAF_HASH_MISMATCH: (
        "A document does not match its .sha256/.sha512 file, or has neither: altered in transit or on the server. "
        "Nothing was stored; report it to the provider."
    ),
    CSAF_SIGNATURE_MISSING: (
        "A document has no OpenPGP signature (.asc), which CSAF 2.0 requires of every document. Nothing was stored; "
        "report it to the provider."
    ),
    CSAF_WRONG_KEY: (
        "A document is signed by a key other than the fingerprint pinned at subscribe time. If the provider rotated "
        "its key, confirm the new fingerprint out of band and re-subscribe (shipgate advisories subscribe --vendor "
        "NAME URL --fingerprint HEX). Nothing was stored."
    ),
    CSAF_BAD_SIGNATURE: (
        "A document's OpenPGP signature does not verify with the pinned key: the document was altered. Nothing was "
        "stored; report it to the provider."
    ),
    CSAF_ROLLBACK: (
        "The provider now lists older changes (changes.csv, a ROLIE feed or a document revision) than were "
        "already accepted: a stale mirror or a rollback. Nothing was stored; the accepted advisories stay in force."
    ),
}


class AdvisoryError(ShipgateError):
    """A feed or advisory document that was not accepted; ``code`` is the stable ``advisory.*`` reason."""

    def __init__(self, code: str, message: str, *, evidence: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.evidence: dict[str, Any] = dict(evidence or {})

    @property
    def remedy(self) -> str:
        return REMEDIES.get(self.code, "")

    def diagnostics(self) -> str:
        return f"{self.code}: {self.message}" + (f" — {self.remedy}" if self.remedy else "")

    def finding(self, path: str = "") -> Finding:
        return Finding(
            code=self.code,
            severity=Severity.HIGH,
            path=path,
            message=self.message,
            remedy=self.remedy,
            evidence=self.evidence,
        )


class FeedRejected(AdvisoryError):
    """A vendor feed refused before anything was stored."""


class CsafRejected(AdvisoryError):
    """A CSAF provider sync refused before anything was stored."""


class CsafInvalid(AdvisoryError):
    """A CSAF document (or provider metadata) that is not valid CSAF 2.0."""

    def __init__(self, message: str, *, evidence: Mapping[str, Any] | None = None) -> None:
        super().__init__(CSAF_INVALID, message, evidence=evidence)
