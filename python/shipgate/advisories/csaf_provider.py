"""A CSAF provider subscription: which ``provider-metadata.json`` a vendor's advisories come from, which
OpenPGP keys sign them (fingerprints pinned at subscribe time), which TLP labels above CLEAR the operator
allowed, and how far the last sync got.

The subscription is stored as an advisory record of kind ``csaf-provider`` (``advisory_id`` =
``provider:<metadata URL>``), written with the documents of a sync in the same transaction, so that it
changes only when they do and goes through the store's advisory record (audit, supersession of verdicts).

Keys: pinned at subscribe time (trust on first use of the metadata's ``public_openpgp_keys``, or exactly
the ``--fingerprint`` the operator confirmed, or a ``--key`` file given out of band). Later, a key the
metadata names that is not pinned is added only when ``provider-metadata.json.asc`` verifies with a key
already pinned (a rotation the old key signed); otherwise the pins stay and the sync says so. A key is
removed only by subscribing again (an operator action).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from shipgate.advisories._json import load_json
from shipgate.advisories.csaf import csaf_time, validate_provider_metadata
from shipgate.advisories.errors import (
    CSAF_INVALID,
    CSAF_PROVIDER_UNAVAILABLE,
    AdvisoryError,
    CsafInvalid,
    CsafRejected,
)
from shipgate.advisories.openpgp import MAX_KEY_BYTES, OpenPgpError, PublicKey, load_key, verify_detached
from shipgate.fetch import Deadline, FetchFailed, HttpLimits, http_request
from shipgate.store import AdvisoryRecord

PROVIDER_KIND = "csaf-provider"
WELL_KNOWN = "/.well-known/csaf/provider-metadata.json"
MAX_METADATA_BYTES = 1 << 20
# TLP labels in CSAF 2.0 (document.distribution.tlp.label, ROLIE tlp_label); WHITE is TLP 2.0's CLEAR.
TLP_ORDER = ("CLEAR", "WHITE", "UNLABELED", "GREEN", "AMBER", "AMBER+STRICT", "RED")
TLP_PUBLIC = frozenset({"CLEAR", "WHITE", "UNLABELED"})


def metadata_url(location: str) -> str:
    """``URL`` of a ``provider-metadata.json`` as given, else the well-known path on that host (§7.1.9)."""
    parts = urlsplit(location if "://" in location else f"https://{location}")
    if parts.path.endswith(".json"):
        return parts.geturl()
    return urljoin(f"{parts.scheme}://{parts.netloc}", WELL_KNOWN)


def normalize_tlp(label: str) -> str:
    return label.strip().upper().removeprefix("TLP:")


@dataclass(frozen=True, kw_only=True)
class Subscription:
    vendor: str
    url: str  # the provider-metadata.json URL
    publisher: str = ""
    keys: Mapping[str, str] = field(default_factory=dict)  # pinned fingerprint → armored public key
    allow_tlp: tuple[str, ...] = ()  # labels above CLEAR the operator allowed (GREEN, AMBER...)
    last_change: dt.datetime | None = None  # the newest change (changes.csv / ROLIE updated) accepted
    feeds: Mapping[str, str] = field(default_factory=dict)  # ROLIE feed URL → its accepted `updated`
    documents: int = 0
    last_sync: dt.datetime | None = None

    @property
    def advisory_id(self) -> str:
        return f"provider:{self.url}"

    def public_keys(self) -> list[PublicKey]:
        return [load_key(armored.encode(), what=f"pinned key {fp}") for fp, armored in self.keys.items()]

    def allows(self, label: str | None) -> bool:
        """A document or feed at ``label`` may be stored (absent labels count as public, CSAF 2.0 §7.1.4)."""
        tlp = normalize_tlp(label) if label else "UNLABELED"
        return tlp in TLP_PUBLIC or tlp in self.allow_tlp

    def to_record(self) -> AdvisoryRecord:
        return AdvisoryRecord(
            vendor=self.vendor,
            advisory_id=self.advisory_id,
            kind=PROVIDER_KIND,
            feed_version=None,
            published=self.last_change,
            body={
                "url": self.url,
                "publisher": self.publisher,
                "keys": dict(self.keys),
                "allow_tlp": list(self.allow_tlp),
                "last_change": _iso(self.last_change),
                "feeds": dict(self.feeds),
                "documents": self.documents,
                "last_sync": _iso(self.last_sync),
            },
        )

    @classmethod
    def from_record(cls, record: AdvisoryRecord) -> Subscription:
        body = record.body
        return cls(
            vendor=record.vendor,
            url=str(body["url"]),
            publisher=str(body.get("publisher", "")),
            keys={str(k): str(v) for k, v in (body.get("keys") or {}).items()},
            allow_tlp=tuple(str(t) for t in body.get("allow_tlp") or ()),
            last_change=csaf_time(body.get("last_change")),
            feeds={str(k): str(v) for k, v in (body.get("feeds") or {}).items()},
            documents=int(body.get("documents") or 0),
            last_sync=csaf_time(body.get("last_sync")),
        )

    def summary(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "provider": self.url,
            "publisher": self.publisher,
            "key_fingerprints": sorted(self.keys),
            "allow_tlp": list(self.allow_tlp),
            "last_change": _iso(self.last_change),
            "documents": self.documents,
            "last_sync": _iso(self.last_sync),
        }


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def subscriptions(state: Any, vendor: str | None = None) -> list[Subscription]:
    """Every stored subscription (of ``vendor``), from a ``Store`` or a ``Transaction``."""
    return [Subscription.from_record(r) for r in state.advisories(vendor, kind=PROVIDER_KIND)]


# -- fetching -------------------------------------------------------------------------------------------


class Fetcher:
    """Bounded GETs for one sync, under one deadline; failures are ``advisory.csaf_provider_unavailable``."""

    def __init__(self, limits: HttpLimits | None = None) -> None:
        self.limits = limits or HttpLimits(total_timeout=600.0)
        self.deadline = Deadline(self.limits.total_timeout)

    def get(self, url: str, cap: int, *, missing_ok: bool = False) -> bytes | None:
        try:
            response = http_request(url, cap=cap, limits=self.limits, deadline=self.deadline)
        except FetchFailed as failed:
            raise CsafRejected(CSAF_PROVIDER_UNAVAILABLE, failed.message, evidence={"url": url}) from None
        if response.status == 404 and missing_ok:
            return None
        if response.status != 200:
            raise CsafRejected(
                CSAF_PROVIDER_UNAVAILABLE, f"{url} answered HTTP {response.status}", evidence={"url": url}
            )
        return response.body

    def need(self, url: str, cap: int) -> bytes:
        data = self.get(url, cap)
        assert data is not None
        return data


def read_metadata(fetcher: Fetcher, url: str) -> tuple[Mapping[str, Any], bytes]:
    """The provider metadata (schema-valid) and its exact bytes (its ``.asc`` is over them)."""
    data = fetcher.need(url, MAX_METADATA_BYTES)
    try:
        doc = load_json(data, what=url, code=CSAF_INVALID, max_bytes=MAX_METADATA_BYTES)
        if not isinstance(doc, dict):
            raise CsafInvalid(f"{url} is not a JSON object")
        validate_provider_metadata(doc, what=url)
    except AdvisoryError as exc:
        raise CsafInvalid(exc.message) from None
    return doc, data


def listed_keys(metadata: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    """``public_openpgp_keys``: (upper-case fingerprint or None when not stated, URL) pairs."""
    out: list[tuple[str | None, str]] = []
    for entry in metadata.get("public_openpgp_keys") or []:
        fp = str(entry.get("fingerprint") or "").replace(" ", "").upper() or None
        out.append((fp, str(entry.get("url", ""))))
    return out


def fetch_key(fetcher: Fetcher, fingerprint: str | None, url: str, base: str) -> PublicKey:
    """A key the metadata lists, fetched from its URL; its fingerprint must be the listed one (if stated)."""
    where = urljoin(base, url)
    try:
        key = load_key(fetcher.need(where, MAX_KEY_BYTES), what=where)
    except OpenPgpError as exc:
        raise CsafInvalid(exc.message) from None
    if fingerprint is not None and key.fingerprint != fingerprint:
        raise CsafInvalid(f"the key at {where} has fingerprint {key.fingerprint}, the metadata lists {fingerprint}")
    return key


def rotate_keys(
    fetcher: Fetcher, sub: Subscription, metadata: Mapping[str, Any], raw: bytes
) -> tuple[Subscription, list[str]]:
    """Keys the metadata names that are not pinned: accepted when ``provider-metadata.json.asc`` verifies with
    a pinned key; otherwise the pins stay. Returns the subscription and notes for the operator."""
    listed = listed_keys(metadata)
    unknown = [(fp, url) for fp, url in listed if fp is None or fp not in sub.keys]
    if not unknown:
        return sub, []
    fetched = [fetch_key(fetcher, fp, url, sub.url) for fp, url in unknown]
    new = [k.fingerprint for k in fetched if k.fingerprint not in sub.keys]
    if not new:
        return sub, []
    signature = fetcher.get(sub.url + ".asc", MAX_KEY_BYTES, missing_ok=True)
    if signature is None:
        return sub, [f"the metadata names key(s) {', '.join(new)} that are not pinned, and is not signed "
                     "(provider-metadata.json.asc): the pinned key(s) stay"]  # fmt: skip
    try:
        verify_detached(raw, signature, sub.public_keys(), what=sub.url)
    except OpenPgpError as exc:
        return sub, [f"the metadata names key(s) {', '.join(new)} that are not pinned, and its signature is not "
                     f"by a pinned key ({exc.message}): the pinned key(s) stay"]  # fmt: skip
    # Old keys stay pinned: what they signed before the rotation is still the provider's; removing one is an
    # operator's re-subscribe.
    keys = {**sub.keys, **{k.fingerprint: k.armored for k in fetched}}
    return replace(sub, keys=keys), [f"key rotation signed by a pinned key: now pinned {', '.join(sorted(keys))}"]


def pin_keys(
    fetcher: Fetcher, metadata: Mapping[str, Any], url: str, *, fingerprint: str | None, key_files: Sequence[bytes]
) -> dict[str, str]:
    """The keys to pin at subscribe time (see the module docs)."""
    keys: dict[str, PublicKey] = {}
    for i, data in enumerate(key_files):
        try:
            key = load_key(data, what=f"--key #{i + 1}")
        except OpenPgpError as exc:
            raise CsafInvalid(exc.message) from None
        keys[key.fingerprint] = key
    wanted = fingerprint.replace(" ", "").upper() if fingerprint else None
    if not keys:
        for fp, key_url in listed_keys(metadata):
            if wanted is None or fp in (None, wanted):
                fetched = fetch_key(fetcher, fp, key_url, url)
                keys[fetched.fingerprint] = fetched
    if wanted is not None:
        keys = {fp: k for fp, k in keys.items() if fp == wanted}
        if not keys:
            raise CsafInvalid(f"key {wanted} is neither listed by {url} nor given with --key")
    if not keys:
        raise CsafInvalid(f"{url} lists no public_openpgp_keys: give the provider's key with --key FILE")
    return {fp: k.armored for fp, k in keys.items()}
