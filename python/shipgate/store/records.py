"""What the store holds: frozen records, one per table, and the one time format they share.

Times are stored as text, ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC, in both backends: the text sorts in time
order, and the audit chain hashes exactly the text that is stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from shipgate.errors import MalformedInput
from shipgate.findings import Finding

Verdict = Literal["allow", "warn", "deny"]
VERDICTS: tuple[Verdict, ...] = ("allow", "warn", "deny")

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
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise MalformedInput(
            f"time {text!r} is not ISO-8601; write it like 2026-11-01 or 2026-11-01T10:00:00Z"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


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
class VerdictRecord:
    """The answer shipgate gave for one package archive, found again by its digest."""

    sha256: str
    blake3: str | None
    package_name: str
    package_version: str
    vendor: str
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    policy_id: str = ""
    verifier_version: str = ""
    created: datetime = field(default_factory=utcnow)
    expires: datetime | None = None
    id: int | None = None  # assigned by the store

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise MalformedInput(f"verdict {self.verdict!r} is not one of {', '.join(VERDICTS)}")
        for name in ("sha256", "blake3"):
            value = getattr(self, name)
            if value is not None and not _HEX64.match(value):
                raise MalformedInput(f"verdict {name} {value!r} is not 64 lower-case hex digits")

    def is_expired(self, now: datetime | None = None) -> bool:
        return self.expires is not None and (now or utcnow()) >= self.expires

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "blake3": self.blake3,
            "package": {"name": self.package_name, "version": self.package_version, "vendor": self.vendor},
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
            "policy_id": self.policy_id,
            "verifier_version": self.verifier_version,
            "created": format_time(self.created),
            "expires": format_time(self.expires) if self.expires else None,
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
