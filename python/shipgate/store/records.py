"""What the store holds: frozen records, one per table, and the one time format they share.

Times are stored as text, ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC, in both backends: the text sorts in time
order, and the audit chain hashes exactly the text that is stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from shipgate import inputs
from shipgate.errors import MalformedInput
from shipgate.findings import Finding
from shipgate.verdict import VERDICTS, Verdict

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def utcnow() -> datetime:
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """The stored text of a time; a naive datetime is taken as UTC."""
    if moment.tzinfo is None or moment.tzinfo is UTC:
        return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
    # isoformat is several times faster than strftime and gives the same text for this format.
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_time(text: str) -> datetime:
    """A stored time, or a user's ISO-8601 time (``2026-11-01``, ``2026-11-01T10:00:00+02:00``...)."""
    return inputs.parse_time(text, what="time", naive="utc")


def normalize_digest(digest: str) -> tuple[str | None, str]:
    """``(algorithm or None, 64 lower-case hex)`` from ``HEX``, ``sha256:HEX`` or ``blake3:HEX``."""
    algorithm: str | None = None
    text = digest.strip().lower()
    if ":" in text:
        algorithm, _, text = text.partition(":")
        if algorithm not in ("sha256", "blake3"):
            raise MalformedInput(f"digest algorithm {algorithm!r} is not stored; use sha256: or blake3:")
    if not _HEX64.match(text):
        raise MalformedInput(f"digest {digest!r} is not 64 hex digits (a SHA-256 or BLAKE3 digest)")
    return algorithm, text


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """What a verdict rests on besides its findings, re-checked by admission against the current state."""

    signed: bool = False
    """The manifest's signature verified (by-package admission counts only these)."""
    chain_sha256: tuple[str, ...] = ()
    """SHA-256 fingerprints of the validated chain, leaf first, anchor last."""
    root_sha256: str | None = None
    advisories: tuple[str, ...] = ()
    """Ids of the vendor's stored advisories that applied to the package when it was verified."""
    waivers: tuple[Mapping[str, Any], ...] = ()
    """The waivers the policy applied (code, owner, expiry, scope), as ``AppliedWaiver.to_dict()``."""
    generation: int | None = None
    """The vendor's state generation (trust and advisories) the verification read (None: not known)."""

    def waivers_expire(self) -> datetime | None:
        """A verdict that rests on waivers holds only until the first of them expires."""
        times = [
            parse_time(str(w["waiver"]["expires"]))
            for w in self.waivers
            if isinstance(w.get("waiver"), Mapping) and "expires" in w["waiver"]
        ]
        return min(times) if times else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "signed": self.signed,
            "chain_sha256": list(self.chain_sha256),
            "root_sha256": self.root_sha256,
            "advisories": list(self.advisories),
            "waivers": [dict(w) for w in self.waivers],
            "generation": self.generation,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        return cls(
            signed=bool(data.get("signed", False)),
            chain_sha256=tuple(str(c) for c in data.get("chain_sha256") or ()),
            root_sha256=data.get("root_sha256") or None,
            advisories=tuple(str(a) for a in data.get("advisories") or ()),
            waivers=tuple(dict(w) for w in data.get("waivers") or () if isinstance(w, Mapping)),
            generation=None if data.get("generation") is None else int(data["generation"]),
        )


@dataclass(frozen=True, kw_only=True)
class VerdictRecord:
    """The answer shipgate gave for one package archive, keyed by what it depends on: the archive digest,
    the policy's and the environment's digests, the vendor's trust version and feed version."""

    sha256: str
    blake3: str | None
    package_name: str
    package_version: str
    vendor: str
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    policy_id: str = ""
    """Where the policy was read from (for people); ``policy_digest`` is what is compared."""
    verifier_version: str = ""
    created: datetime = field(default_factory=utcnow)
    expires: datetime | None = None
    """The earliest expiry of a waiver the verdict rests on (None: no waiver)."""
    policy_digest: str = ""
    env_digest: str = ""
    """SHA-256 of the environment inventory the verification used ("" for none)."""
    trust_version: int = 0
    feed_version: int | None = None
    evidence: Evidence = field(default_factory=Evidence)
    superseded: datetime | None = None
    superseded_by: str = ""
    """Why a later trust change or advisory superseded the verdict (names the advisory or trust version)."""
    superseded_advisory: str | None = None
    id: int | None = None  # assigned by the store

    def __post_init__(self) -> None:
        if not isinstance(self.verdict, Verdict):
            if self.verdict not in VERDICTS:
                raise MalformedInput(f"verdict {self.verdict!r} is not one of {', '.join(VERDICTS)}")
            object.__setattr__(self, "verdict", Verdict(self.verdict))
        for name in ("sha256", "blake3"):
            value = getattr(self, name)
            if value is not None and not _HEX64.match(value):
                raise MalformedInput(f"verdict {name} {value!r} is not 64 lower-case hex digits")

    @classmethod
    def from_basis(cls, basis: Mapping[str, Any], **fields: Any) -> VerdictRecord:
        """A verdict whose key and evidence are a report's (or a verification summary's) ``basis``: policy
        and environment digests, trust and feed versions, evidence; it holds until its first waiver expires."""
        evidence = Evidence.from_dict(basis.get("evidence") or {})
        return cls(
            policy_digest=str(basis.get("policy_digest") or ""),
            env_digest=str(basis.get("env_digest") or ""),
            trust_version=int(basis.get("trust_version") or 0),
            feed_version=basis.get("feed_version"),
            evidence=evidence,
            expires=evidence.waivers_expire(),
            **fields,
        )

    @property
    def signed(self) -> bool:
        return self.evidence.signed

    def is_expired(self, now: datetime | None = None) -> bool:
        return self.expires is not None and (now or utcnow()) >= self.expires

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "blake3": self.blake3,
            "package": {"name": self.package_name, "version": self.package_version, "vendor": self.vendor},
            "verdict": self.verdict.value,
            "findings": [f.to_dict() for f in self.findings],
            "policy_id": self.policy_id,
            "policy_digest": self.policy_digest,
            "env_digest": self.env_digest,
            "trust_version": self.trust_version,
            "feed_version": self.feed_version,
            "evidence": self.evidence.to_dict(),
            "verifier_version": self.verifier_version,
            "created": format_time(self.created),
            "expires": format_time(self.expires) if self.expires else None,
            "superseded": format_time(self.superseded) if self.superseded else None,
            "superseded_by": self.superseded_by or None,
            "superseded_advisory": self.superseded_advisory,
        }


@dataclass(frozen=True, kw_only=True)
class TrustChange:
    """One versioned change of a vendor's trust; ``version`` increases by one per vendor."""

    vendor: str
    version: int
    kind: str  # pin, unpin, rotate-add, retire, revoke, rollback... (the trust layer's vocabulary)
    payload: Mapping[str, Any]
    actor: str
    reason: str
    advisory_id: str | None
    created: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "version": self.version,
            "kind": self.kind,
            "payload": dict(self.payload),
            "actor": self.actor,
            "reason": self.reason,
            "advisory_id": self.advisory_id,
            "created": format_time(self.created),
        }


@dataclass(frozen=True, kw_only=True)
class FeedState:
    """The last advisory feed accepted for a vendor."""

    vendor: str
    feed_version: int
    digest: str  # of the accepted feed.json bytes
    issued: datetime
    expires: datetime
    fetched: datetime
    source: str
    # HTTP validators of the accepted feed.json (conditional requests on the next poll); None for a directory.
    etag: str | None = None
    last_modified: str | None = None

    def is_stale(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.expires

    def to_dict(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "feed_version": self.feed_version,
            "digest": self.digest,
            "issued": format_time(self.issued),
            "expires": format_time(self.expires),
            "fetched": format_time(self.fetched),
            "source": self.source,
            "etag": self.etag,
            "last_modified": self.last_modified,
        }


@dataclass(frozen=True, kw_only=True)
class AdvisoryRecord:
    """One stored advisory, as the feed (or a CSAF import) carried it; ``body`` is the whole document."""

    vendor: str
    advisory_id: str
    kind: str
    feed_version: int | None
    body: Mapping[str, Any]
    published: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "advisory_id": self.advisory_id,
            "kind": self.kind,
            "feed_version": self.feed_version,
            "body": dict(self.body),
            "published": format_time(self.published) if self.published else None,
        }


@dataclass(frozen=True, kw_only=True)
class EventRecord:
    """One event in the outbox (``verdict.recorded``, ``verdict.superseded``, ``trust.changed``,
    ``advisory.applied``, ``feed.rejected``) and what its delivery has done so far."""

    id: int
    event_id: str
    kind: str
    body: Mapping[str, Any]
    created: datetime
    attempts: int = 0
    next_attempt: datetime | None = None
    delivered: datetime | None = None
    status: int | None = None  # the receiver's HTTP status of the last attempt
    last_error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_id": self.event_id,
            "kind": self.kind,
            "body": dict(self.body),
            "created": format_time(self.created),
            "attempts": self.attempts,
            "next_attempt": format_time(self.next_attempt) if self.next_attempt else None,
            "delivered": format_time(self.delivered) if self.delivered else None,
            "status": self.status,
            "last_error": self.last_error or None,
        }
