"""Accepting a vendor feed: fetch, verify, check, apply — all of it or nothing.

    result = sync_feed(store, trust_config.get("Example Networks"), "https://feeds.example.net/exn/")
    result.status   # accepted | unchanged | not-modified | rejected

The steps, in order (docs/formats.md §2; docs/architecture.md invariant 4: a failed feed update leaves stored state
as before):

1. fetch the three files, bounded (:mod:`shipgate.advisories.source`); conditional when the stored feed came
   from the same URL;
2. the same bytes as the accepted feed → ``unchanged`` (nothing to do, nothing written);
3. the detached signature over the exact bytes of ``feed.json``, by a code-signing leaf chaining to a root
   *currently* trusted for the vendor, matching its ``[feed_signer]`` rule (``shipgate.trust``);
4. parse and validate ``feed.json`` (:mod:`shipgate.advisories.feed`);
5. the feed names the vendor whose trust verified it; its version is above the accepted one (rollback);
   it has not expired (freeze);
6. in one store transaction: each new or changed advisory — ``ca-rotation`` → ``trust.apply_rotation``,
   ``revocation`` → ``trust.apply_revocations`` (each a new, audited trust version naming the advisory) —
   then every new or changed advisory stored (``advisory.store``, ids in the audit details) and the feed
   state advanced (``feed.accept``). Any advisory that cannot be applied rolls the whole feed back.

A rejection at any step writes exactly one audit entry (``feed.reject``: code, message, source) and
nothing else. An advisory already stored with the same body is not applied again, so a feed that repeats
an old rotation does not re-pin a root an operator has since rolled back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from shipgate.advisories.errors import (
    FEED_BAD_SIGNATURE,
    FEED_EXPIRED,
    FEED_IDENTITY_MISMATCH,
    FEED_INAPPLICABLE,
    FEED_ROLLBACK,
    FEED_SIGNER_UNTRUSTED,
    FEED_VENDOR_MISMATCH,
    AdvisoryError,
    FeedRejected,
)
from shipgate.advisories.feed import KINDS, Feed, FeedAdvisory, parse_feed
from shipgate.advisories.source import FeedFiles, FetchLimits, NotModified, fetch
from shipgate.store import AdvisoryRecord, FeedState, Store, StoreConflict, Transaction
from shipgate.trust import VendorConfig, apply_revocations, apply_rotation, effective_trust, verify_detached
from shipgate.trust.errors import TrustFailure

Status = Literal["accepted", "unchanged", "not-modified", "rejected"]
ACTOR = "advisories"
_SIGNATURE_CODES = ("trust.bad_signature", "trust.malformed_signature", "trust.unsupported_algorithm")


@dataclass(frozen=True, kw_only=True)
class SyncResult:
    vendor: str
    source: str
    status: Status
    feed_version: int | None = None
    previous_version: int | None = None
    applied: tuple[str, ...] = ()  # advisory ids newly stored (or changed) by this feed
    trust_versions: tuple[int, ...] = ()  # trust versions created by its rotations and revocations
    signer: str | None = None
    code: str | None = None  # the rejection reason (advisory.*)
    message: str = ""
    evidence: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status != "rejected"

    def describe(self) -> str:
        if self.status == "accepted":
            applied = ", ".join(self.applied) or "no new advisories"
            trust = f"; trust versions {', '.join(map(str, self.trust_versions))}" if self.trust_versions else ""
            prev = f" (was v{self.previous_version})" if self.previous_version is not None else ""
            return f"{self.vendor}: feed v{self.feed_version}{prev} accepted from {self.source}: {applied}{trust}"
        if self.status == "unchanged":
            return f"{self.vendor}: feed v{self.feed_version} from {self.source} is the accepted one; nothing to do"
        if self.status == "not-modified":
            return f"{self.vendor}: {self.source} answered 304 Not Modified; feed v{self.feed_version} stays"
        return f"{self.vendor}: feed from {self.source} rejected: {self.code}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "source": self.source,
            "status": self.status,
            "feed_version": self.feed_version,
            "previous_version": self.previous_version,
            "applied": list(self.applied),
            "trust_versions": list(self.trust_versions),
            "signer": self.signer,
            "code": self.code,
            "message": self.message,
            "evidence": dict(self.evidence),
        }


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _verify(store: Store, vendor: VendorConfig, files: FeedFiles, now: dt.datetime) -> str:
    """Step 3: the feed signer; raises FeedRejected."""
    try:
        result = verify_detached(
            files.feed,
            files.signature,
            files.chain,
            vendor=vendor,
            trust=effective_trust(store, vendor),
            at=now,
            # Which stored advisory mentions an unknown issuer (the explanation): rotations and revocations.
            advisories=[a for kind in ("ca-rotation", "revocation") for a in store.advisories(vendor.name, kind=kind)],
            identity_rule="feed_signer",
        )
    except TrustFailure as failure:
        code = (
            FEED_BAD_SIGNATURE
            if failure.code in _SIGNATURE_CODES
            else FEED_IDENTITY_MISMATCH
            if failure.code == "trust.feed_identity_mismatch"
            else FEED_SIGNER_UNTRUSTED
        )
        raise FeedRejected(
            code,
            f"feed signature not accepted ({failure.code}): {failure.message}",
            evidence={"trust_code": failure.code, **_json_safe(failure.evidence)},
        ) from None
    return result.signer


def _check(feed: Feed, vendor: VendorConfig, current: FeedState | None, now: dt.datetime) -> None:
    """Step 5."""
    if feed.vendor != vendor.name:
        raise FeedRejected(
            FEED_VENDOR_MISMATCH,
            f"the feed is for vendor {feed.vendor!r} but was verified with the trust of {vendor.name!r}",
            evidence={"feed_vendor": feed.vendor, "vendor": vendor.name},
        )
    if current is not None and feed.feed_version <= current.feed_version:
        raise FeedRejected(
            FEED_ROLLBACK,
            f"feed version {feed.feed_version} is not newer than the accepted version {current.feed_version}",
            evidence={"feed_version": feed.feed_version, "accepted_version": current.feed_version},
        )
    if feed.is_expired(now):
        raise FeedRejected(
            FEED_EXPIRED,
            f"feed version {feed.feed_version} expired at {feed.expires:%Y-%m-%dT%H:%M:%SZ}",
            evidence={"feed_version": feed.feed_version, "expires": feed.expires.isoformat()},
        )


def _apply_one(tx: Transaction, vendor: VendorConfig, adv: FeedAdvisory, feed: Feed, now: dt.datetime) -> int | None:
    reason = f"feed v{feed.feed_version} advisory {adv.id}" + (f": {adv.title}" if adv.title else "")
    try:
        if adv.kind == "ca-rotation":
            change = apply_rotation(
                tx,
                vendor,
                advisory_id=adv.id,
                add_roots=adv.body.get("add_roots") or [],
                retire_roots=adv.body.get("retire_roots") or [],
                actor=ACTOR,
                reason=reason,
                now=now,
            )
        elif adv.kind == "revocation":
            change = apply_revocations(
                tx, vendor, advisory_id=adv.id, certificates=adv.body["certificates"], actor=ACTOR, reason=reason
            )
        else:
            return None
    except TrustFailure as failure:
        raise FeedRejected(
            FEED_INAPPLICABLE,
            f"advisory {adv.id} ({adv.kind}) cannot be applied: {failure.message}",
            evidence={"advisory": adv.id, "trust_code": failure.code},
        ) from None
    return int(change.version)


def _apply(
    store: Store, vendor: VendorConfig, feed: Feed, files: FeedFiles, *, digest: str, now: dt.datetime
) -> tuple[list[str], list[int], int | None]:
    """Step 6, in one transaction."""
    with store.transaction() as tx:
        current = tx.feed_state(vendor.name)
        _check(feed, vendor, current, now)  # again, under the write lock: another sync may have won
        # Feed kinds only: the vendor's CSAF documents (large) are not compared against a feed.
        stored = {a.advisory_id: a for kind in KINDS for a in tx.advisories(vendor.name, kind=kind)}
        fresh = [a for a in feed.advisories if a.id not in stored or dict(stored[a.id].body) != dict(a.body)]
        versions = [v for a in fresh if (v := _apply_one(tx, vendor, a, feed, now)) is not None]
        tx.put_advisories(
            [
                AdvisoryRecord(
                    vendor=vendor.name,
                    advisory_id=a.id,
                    kind=a.kind,
                    feed_version=feed.feed_version,
                    body=a.body,
                    published=a.published,
                )
                for a in fresh
            ],
            actor=ACTOR,
            reason=f"feed v{feed.feed_version} from {files.source}",
        )
        try:
            tx.set_feed_state(
                FeedState(
                    vendor=vendor.name,
                    feed_version=feed.feed_version,
                    digest=digest,
                    issued=feed.issued,
                    expires=feed.expires,
                    fetched=now,
                    source=files.source,
                    etag=files.etag,
                    last_modified=files.last_modified,
                ),
                actor=ACTOR,
                reason=f"{len(fresh)} new or changed advisories",
            )
        except StoreConflict as exc:
            raise FeedRejected(FEED_ROLLBACK, str(exc)) from None
    return [a.id for a in fresh], versions, current.feed_version if current else None


def _reject(store: Store, vendor: str, source: str, error: AdvisoryError, digest: str | None) -> SyncResult:
    evidence = _json_safe(error.evidence)
    store.append_audit(
        actor=ACTOR,
        action="feed.reject",
        subject=vendor,
        details={"code": error.code, "message": error.message, "source": source, "digest": digest, **evidence},
    )
    return SyncResult(
        vendor=vendor,
        source=source,
        status="rejected",
        code=error.code,
        message=error.message,
        evidence=evidence,
        feed_version=evidence.get("feed_version") if isinstance(evidence.get("feed_version"), int) else None,
    )


def sync_feed(
    store: Store,
    vendor: VendorConfig,
    source: str | FeedFiles,
    *,
    now: dt.datetime | None = None,
    limits: FetchLimits | None = None,
) -> SyncResult:
    """Fetch (unless ``source`` is already :class:`FeedFiles`), verify and apply one vendor feed. Never
    raises for a bad feed: a rejection is a result (and one ``feed.reject`` audit entry)."""
    now = now or dt.datetime.now(dt.UTC)
    label = source if isinstance(source, str) else source.source
    current = store.feed_state(vendor.name)
    digest: str | None = None
    try:
        if isinstance(source, FeedFiles):
            files: FeedFiles | NotModified = source
        else:
            same = current is not None and current.source == source
            files = fetch(
                source,
                etag=current.etag if same and current else None,
                last_modified=current.last_modified if same and current else None,
                limits=limits or FetchLimits(),
            )
        if isinstance(files, NotModified):
            return SyncResult(
                vendor=vendor.name,
                source=label,
                status="not-modified",
                feed_version=current.feed_version if current else None,
            )
        digest = hashlib.sha256(files.feed).hexdigest()
        if current is not None and digest == current.digest:
            return SyncResult(vendor=vendor.name, source=label, status="unchanged", feed_version=current.feed_version)
        signer = _verify(store, vendor, files, now)
        feed = parse_feed(files.feed)
        _check(feed, vendor, current, now)
        applied, versions, previous = _apply(store, vendor, feed, files, digest=digest, now=now)
    except AdvisoryError as error:
        return _reject(store, vendor.name, label, error, digest)
    return SyncResult(
        vendor=vendor.name,
        source=label,
        status="accepted",
        feed_version=feed.feed_version,
        previous_version=previous,
        applied=tuple(applied),
        trust_versions=tuple(versions),
        signer=signer,
    )
