"""An admission answer: allowed or not, why in words, and why in one stable word (``cause``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from shipgate.store.records import VerdictRecord

# Every cause an answer can give; a client may branch on these, a person reads ``reason``.
CAUSES = (
    "allowed",  # a verdict that admits, re-checked against the current state
    "no_verdict",  # nothing stored for the digest or package under the accepted policy and environment
    "denied",  # the stored verdict is deny
    "superseded",  # a later trust change or advisory superseded it
    "expired",  # a waiver it rests on expired
    "too_old",  # older than max_verdict_age
    "feed_stale",  # the vendor's advisory feed is past its expiry (or never synced)
    "revoked",  # a certificate of its signing chain is revoked now
    "root_untrusted",  # its signing root is no longer a root of the vendor (unpinned, rolled back, removed)
    "root_retired",  # its signing root is retired now
    "trust_rolled_back",  # the vendor's trust was rolled back below the version it was verified under
    "withdrawn",  # the vendor withdrew the package
    "ambiguous",  # by package without a vendor, and several vendors have one
    "unpinned_image",  # an image of the pod is not referenced by digest
    "not_deploying",  # a Kubernetes request that starts nothing new running (DELETE, status, unchanged update)
    "malformed",  # the request names no valid digest
    "store_failed",  # the verdict store could not be read
)


@dataclass(frozen=True, kw_only=True)
class Decision:
    allowed: bool
    verdict: str  # "allow" | "warn" | "deny" | "" (none stored)
    reason: str
    cause: str = "allowed"
    sha256: str = ""
    record: VerdictRecord | None = None
    advisory: str | None = None
    """The advisory that made the answer a denial, when one did."""
    waivers: tuple[Mapping[str, Any], ...] = field(default=())
    """The waivers the admitted verdict rests on (code, owner, expiry, scope)."""
    evidence: str = "stored verdict"
    """What the answer rests on: ``stored verdict`` or ``verification summary`` (a VSA presented)."""

    def __post_init__(self) -> None:
        if self.cause not in CAUSES:
            raise ValueError(f"unknown admission cause {self.cause!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "verdict": self.verdict or None,
            "reason": self.reason,
            "cause": self.cause,
            "sha256": self.sha256 or None,
            "advisory": self.advisory,
            "waivers": [dict(w) for w in self.waivers],
            "evidence": self.evidence,
        }


def waiver_text(waivers: tuple[Mapping[str, Any], ...]) -> str:
    """``; waived: trust.no_signature (owner o, expires 2027-01-07, archive sha256 …)``, or ""."""
    parts = []
    for applied in waivers:
        waiver = applied.get("waiver") or {}
        scope = f", archive sha256 {waiver['sha256']}" if waiver.get("sha256") else ""
        expires = str(waiver.get("expires", ""))[:10]
        parts.append(f"{applied.get('code')} (owner {waiver.get('owner')}, expires {expires}{scope})")
    return f"; waived: {', '.join(parts)}" if parts else ""


def advisory_ids(record: VerdictRecord) -> list[str]:
    """The advisories a deny verdict's findings name (a revocation's, a withdrawal's...)."""
    ids = []
    for finding in record.findings:
        for key in ("advisory", "advisory_id"):
            value = finding.evidence.get(key)
            if isinstance(value, str) and value and value not in ids:
                ids.append(value)
    return ids
