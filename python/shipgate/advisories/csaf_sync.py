"""Following a CSAF provider: subscribe (pin its keys), then sync — all of it or nothing.

    result = subscribe(store, "Example Networks", "https://psirt.example.net", fingerprint="8F5F…")
    result = sync_provider(store, subscription)

The steps of a sync, in order (CSAF 2.0 §7; docs/architecture.md invariant 4: a refused sync leaves the store as
it was):

1. ``provider-metadata.json``, schema-valid; keys it names that are not pinned are accepted only when the
   metadata's ``.asc`` verifies with a pinned key (:func:`~shipgate.advisories.csaf_provider.rotate_keys`);
2. the documents changed since the last sync (:mod:`shipgate.advisories.csaf_distribution`: ``changes.csv``
   or ROLIE feeds; a listing older than the accepted one is a rollback);
3. for each: the document, then its hash files (at least one of ``.sha256``/``.sha512``, every one present
   must match), then its ``.asc`` by a pinned key — any failure refuses the whole sync with its code;
4. each document parsed and schema-validated (an invalid one is reported and skipped, the others go on);
   one above the TLP labels the subscription allows is withheld (reported, not stored); one older than the
   revision already stored is a rollback (refuses the sync);
5. in one store transaction: the new or newer documents (advisory kind ``csaf``, under the subscribed
   vendor) and the subscription's new state, through the store's advisory records (audited; verdicts the
   change affects are superseded there); reports of skipped documents as audit entries.

A refusal writes one audit entry (``advisory.csaf_reject``: code, message, provider) and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from shipgate.advisories.csaf import MAX_CSAF_BYTES, CsafDocument, describe_document, load_document, validate_csaf
from shipgate.advisories.csaf_distribution import Listed, list_documents
from shipgate.advisories.csaf_import import csaf_record, newer_revision
from shipgate.advisories.csaf_provider import (
    Fetcher,
    Subscription,
    normalize_tlp,
    pin_keys,
    read_metadata,
    rotate_keys,
    subscriptions,
)
from shipgate.advisories.errors import (
    CSAF_BAD_SIGNATURE,
    CSAF_HASH_MISMATCH,
    CSAF_ROLLBACK,
    CSAF_SIGNATURE_MISSING,
    CSAF_WRONG_KEY,
    AdvisoryError,
    CsafRejected,
)
from shipgate.advisories.openpgp import MAX_SIGNATURE_BYTES, OpenPgpError, PublicKey, verify_detached
from shipgate.advisories.query import CSAF_KIND
from shipgate.fetch import HttpLimits
from shipgate.inputs import parse_time
from shipgate.store import AdvisoryRecord, Store

ACTOR = "advisories"
MAX_HASH_FILE_BYTES = 4096
Status = Literal["accepted", "unchanged", "rejected"]


@dataclass(frozen=True, kw_only=True)
class ProviderSync:
    vendor: str
    provider: str
    status: Status
    stored: tuple[str, ...] = ()  # tracking ids stored (new or newer revisions)
    unchanged: tuple[str, ...] = ()
    invalid: tuple[tuple[str, str], ...] = ()  # (document, why): not valid CSAF, skipped
    withheld: tuple[tuple[str, str], ...] = ()  # (document or feed, why): above the allowed TLP
    notes: tuple[str, ...] = ()  # key rotation and the like, for the operator
    key_fingerprints: tuple[str, ...] = ()
    code: str | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "rejected"

    def describe(self) -> str:
        if self.status == "rejected":
            return f"{self.vendor}: CSAF provider {self.provider} refused: {self.code}: {self.message}"
        return (
            f"{self.vendor}: CSAF provider {self.provider}: {len(self.stored)} stored, {len(self.unchanged)} "
            f"unchanged, {len(self.invalid)} invalid, {len(self.withheld)} withheld (TLP); keys "
            f"{', '.join(self.key_fingerprints)}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "provider": self.provider,
            "status": self.status,
            "stored": list(self.stored),
            "unchanged": list(self.unchanged),
            "invalid": [{"document": d, "reason": r} for d, r in self.invalid],
            "withheld": [{"document": d, "reason": r} for d, r in self.withheld],
            "notes": list(self.notes),
            "key_fingerprints": list(self.key_fingerprints),
            "code": self.code,
            "message": self.message,
        }


@dataclass
class _Collected:
    valid: list[tuple[Listed, CsafDocument]] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)
    withheld: list[tuple[str, str]] = field(default_factory=list)


def _check_hashes(fetcher: Fetcher, item: Listed, data: bytes) -> None:
    checked = 0
    for url in item.hash_urls:
        text = fetcher.get(url, MAX_HASH_FILE_BYTES, missing_ok=True)
        if text is None:
            continue
        algorithm = "sha512" if url.lower().endswith("512") else "sha256"
        stated = text.decode("ascii", "replace").split()[0].lower() if text.split() else ""
        actual = hashlib.new(algorithm, data).hexdigest()
        if stated != actual:
            raise CsafRejected(
                CSAF_HASH_MISMATCH,
                f"{item.name}: its {algorithm} is {actual}, but {url} says {stated[:128]!r}",
                evidence={"document": item.url, "hash_file": url},
            )
        checked += 1
    if not checked:
        raise CsafRejected(CSAF_HASH_MISMATCH, f"{item.name}: the provider publishes no hash file for it",
                           evidence={"document": item.url})  # fmt: skip


def _check_signature(fetcher: Fetcher, item: Listed, data: bytes, keys: Sequence[PublicKey]) -> str:
    signature = fetcher.get(item.signature_url, MAX_SIGNATURE_BYTES, missing_ok=True)
    if signature is None:
        raise CsafRejected(CSAF_SIGNATURE_MISSING, f"{item.name}: {item.signature_url} does not exist",
                           evidence={"document": item.url})  # fmt: skip
    try:
        return verify_detached(data, signature, keys, what=item.name).fingerprint
    except OpenPgpError as exc:
        code = CSAF_WRONG_KEY if exc.reason == "wrong_key" else CSAF_BAD_SIGNATURE
        raise CsafRejected(code, exc.message, evidence={"document": item.url}) from None


def _collect(fetcher: Fetcher, sub: Subscription, documents: Sequence[Listed]) -> _Collected:
    """Steps 3 and 4 for every listed document."""
    keys = sub.public_keys()
    out = _Collected()
    for item in documents:
        data = fetcher.need(item.url, MAX_CSAF_BYTES)
        _check_hashes(fetcher, item, data)
        _check_signature(fetcher, item, data, keys)
        try:
            doc = load_document(data, what=item.name)
            validate_csaf(doc, what=item.name)
        except AdvisoryError as exc:
            out.invalid.append((item.name, exc.message))
            continue
        label = ((doc.get("document") or {}).get("distribution") or {}).get("tlp", {}).get("label")
        if not sub.allows(label):
            out.withheld.append((item.name, f"TLP:{normalize_tlp(str(label))} is not allowed for this subscription"))
            continue
        out.valid.append((item, describe_document(doc)))
    return out


def _plan(
    stored: dict[str, AdvisoryRecord], collected: _Collected, vendor: str
) -> tuple[list[AdvisoryRecord], list[str], list[str]]:
    """The records to store; raises CsafRejected for a document older than the stored revision."""
    records: list[AdvisoryRecord] = []
    kept: list[str] = []
    for item, doc in collected.valid:
        previous = stored.get(doc.id)
        if previous is not None:
            newer = newer_revision(doc, previous)
            if newer is None:
                kept.append(doc.id)
                continue
            if not newer:
                raise CsafRejected(
                    CSAF_ROLLBACK,
                    f"{item.name} is revision {doc.version} of {doc.id} from {doc.current}, older than the one stored",
                    evidence={"document": item.url, "tracking_id": doc.id},
                )
        records.append(csaf_record(doc, vendor))
    return records, [r.advisory_id for r in records], kept


def _reject(store: Store, sub: Subscription, failure: AdvisoryError) -> ProviderSync:
    with store.transaction() as tx:
        tx.append_audit(
            actor=ACTOR,
            action="advisory.csaf_reject",
            subject=sub.vendor,
            details={"code": failure.code, "reason": failure.message, "provider": sub.url, **failure.evidence},
        )
    return ProviderSync(vendor=sub.vendor, provider=sub.url, status="rejected", code=failure.code,
                        message=failure.message, key_fingerprints=tuple(sorted(sub.keys)))  # fmt: skip


def sync_provider(
    store: Store, sub: Subscription, *, limits: HttpLimits | None = None, now: dt.datetime | None = None,
    first: bool = False,
) -> ProviderSync:  # fmt: skip
    """Fetch, verify and store what changed at the provider (see the module docs). ``first``: the
    subscription itself is new and is stored even when the provider lists nothing."""
    now = now or dt.datetime.now(dt.UTC)
    fetcher = Fetcher(limits)
    try:
        metadata, raw = read_metadata(fetcher, sub.url)  # 1.
        current, notes = rotate_keys(fetcher, sub, metadata, raw)
        listing = list_documents(fetcher, current, metadata)  # 2.
        collected = _collect(fetcher, current, listing.documents)  # 3., 4.
        with store.transaction() as tx:  # 5.
            stored = {a.advisory_id: a for a in tx.advisories(sub.vendor, kind=CSAF_KIND)}
            records, ids, kept = _plan(stored, collected, sub.vendor)
            newest = [parse_time(v, what="feed time", naive="utc") for v in listing.sources.values()]
            advanced = replace(
                current,
                publisher=str((metadata.get("publisher") or {}).get("name", "")),
                feeds={**current.feeds, **listing.sources},
                last_change=max([*newest, *([current.last_change] if current.last_change else [])], default=None),
                documents=current.documents + len([r for r in records if r.advisory_id not in stored]),
                last_sync=now,
            )
            changed = first or bool(records) or advanced.feeds != sub.feeds or advanced.keys != sub.keys
            if changed:
                tx.put_advisories([*records, advanced.to_record()], actor=ACTOR, reason=f"CSAF provider {sub.url}")
            for name, reason in collected.invalid + collected.withheld + listing.withheld:
                tx.append_audit(actor=ACTOR, action="advisory.csaf_reject", subject=sub.vendor,
                                details={"document": name, "reason": reason, "provider": sub.url})  # fmt: skip
    except AdvisoryError as failure:
        return _reject(store, sub, failure)
    return ProviderSync(
        vendor=sub.vendor,
        provider=sub.url,
        status="accepted" if changed else "unchanged",
        stored=tuple(ids),
        unchanged=tuple(kept),
        invalid=tuple(collected.invalid),
        withheld=tuple(collected.withheld + listing.withheld),
        notes=tuple(notes),
        key_fingerprints=tuple(sorted(advanced.keys)),
    )


def subscribe(
    store: Store,
    vendor: str,
    location: str,
    *,
    fingerprint: str | None = None,
    key_files: Sequence[bytes] = (),
    allow_tlp: Sequence[str] = (),
    limits: HttpLimits | None = None,
    now: dt.datetime | None = None,
) -> ProviderSync:
    """Pin the provider's key(s) and run the first sync (stored together; a refusal stores nothing).
    Subscribing again to the same provider is the operator's way to re-pin its keys."""
    from shipgate.advisories.csaf_provider import metadata_url

    url = metadata_url(location)
    fetcher = Fetcher(limits)
    previous = next((s for s in subscriptions(store, vendor) if s.url == url), None)
    sub = Subscription(vendor=vendor, url=url, allow_tlp=tuple(normalize_tlp(t) for t in allow_tlp))
    if previous is not None:  # keep where the last sync got; only the keys and the TLP choice are new
        sub = replace(previous, allow_tlp=sub.allow_tlp)
    try:
        metadata, _ = read_metadata(fetcher, url)
        sub = replace(sub, keys=pin_keys(fetcher, metadata, url, fingerprint=fingerprint, key_files=key_files))
    except AdvisoryError as failure:
        return _reject(store, sub, failure)
    return sync_provider(store, sub, limits=limits, now=now, first=True)
