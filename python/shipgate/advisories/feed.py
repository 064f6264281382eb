"""The vendor advisory feed (docs/formats.md §2): a strict model of ``feed.json``, validated on the way in.

``parse_feed(bytes) -> Feed`` raises :class:`FeedRejected` (``advisory.feed_malformed``) naming the field.
Unknown fields are kept (each advisory's ``body`` is the object exactly as the vendor wrote it) and
ignored. Pure: no I/O, no trust decisions (:mod:`shipgate.advisories.sync` does those).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from shipgate import inputs
from shipgate.advisories._json import load_json
from shipgate.advisories.errors import FEED_MALFORMED, AdvisoryError, FeedRejected

# A feed is a list of advisories, not an archive: 16 MiB is generous and bounds memory per sync.
MAX_FEED_BYTES = 16 << 20
# Each advisory is re-checked on every sync; far more than any vendor publishes in a feed's lifetime.
MAX_ADVISORIES = 10_000
MAX_ITEMS_PER_ADVISORY = 10_000
MAX_ID_CHARS = 256

KINDS = ("ca-rotation", "revocation", "withdrawn-package", "config-change", "notice")
SEVERITIES = ("info", "low", "medium", "high", "critical")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, kw_only=True)
class FeedAdvisory:
    """One advisory as the feed carries it; ``body`` is the whole object (unknown fields included)."""

    id: str
    kind: str
    published: dt.datetime | None
    title: str
    body: Mapping[str, Any]


@dataclass(frozen=True, kw_only=True)
class Feed:
    feed_version: int
    vendor: str
    issued: dt.datetime
    expires: dt.datetime
    advisories: tuple[FeedAdvisory, ...]
    document: Mapping[str, Any]

    def is_expired(self, now: dt.datetime) -> bool:
        return now >= self.expires


def _bad(field: str, problem: str) -> FeedRejected:
    return FeedRejected(FEED_MALFORMED, f"feed.json {field} {problem}", evidence={"field": field})


def parse_time(value: Any, field: str) -> dt.datetime:
    try:
        return inputs.parse_time(value, what=field)
    except inputs.InputRefused as exc:
        raise _bad(field, exc.detail) from None


def _str(obj: Mapping[str, Any], key: str, field: str, *, required: bool = True) -> str:
    value = obj.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise _bad(f"{field}.{key}", "must be a non-empty string")
    return value


def _fingerprint(obj: Mapping[str, Any], field: str, *, required: bool = True) -> str | None:
    value = obj.get("sha256")
    if value is None and not required:
        return None
    text = value.lower().replace(":", "") if isinstance(value, str) else ""
    if not _HEX64.match(text):
        raise _bad(f"{field}.sha256", "must be 64 hex digits (a SHA-256 fingerprint or digest)")
    return text


def _objects(adv: Mapping[str, Any], key: str, field: str, *, required: bool) -> list[Mapping[str, Any]]:
    value = adv.get(key)
    if value is None:
        if required:
            raise _bad(f"{field}.{key}", "is required and must be a non-empty list")
        return []
    if not isinstance(value, list) or (required and not value):
        raise _bad(f"{field}.{key}", "must be a non-empty list" if required else "must be a list")
    if len(value) > MAX_ITEMS_PER_ADVISORY:
        raise _bad(f"{field}.{key}", f"has {len(value)} items; at most {MAX_ITEMS_PER_ADVISORY}")
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise _bad(f"{field}.{key}[{i}]", "must be an object")
    return value


def _applies_to(adv: Mapping[str, Any], field: str) -> None:
    target = adv.get("applies_to")
    if target is None:
        return
    if not isinstance(target, dict):
        raise _bad(f"{field}.applies_to", "must be an object {name, version}")
    for key in ("name", "version"):
        if key in target and not isinstance(target[key], str):
            raise _bad(f"{field}.applies_to.{key}", "must be a string")


def _check_kind(adv: Mapping[str, Any], kind: str, field: str) -> None:
    if kind == "ca-rotation":
        adds = _objects(adv, "add_roots", field, required=False)
        retires = _objects(adv, "retire_roots", field, required=False)
        if not adds and not retires:
            raise _bad(field, "(ca-rotation) must add or retire at least one root")
        for i, root in enumerate(adds):
            _fingerprint(root, f"{field}.add_roots[{i}]")
            _str(root, "pem", f"{field}.add_roots[{i}]")
        for i, root in enumerate(retires):
            _fingerprint(root, f"{field}.retire_roots[{i}]")
            if root.get("after") is not None:
                parse_time(root["after"], f"{field}.retire_roots[{i}].after")
    elif kind == "revocation":
        for i, cert in enumerate(_objects(adv, "certificates", field, required=True)):
            _fingerprint(cert, f"{field}.certificates[{i}]")
            if cert.get("revoked_at") is not None:
                parse_time(cert["revoked_at"], f"{field}.certificates[{i}].revoked_at")
            if cert.get("reason") is not None and not isinstance(cert["reason"], str):
                raise _bad(f"{field}.certificates[{i}].reason", "must be a string")
    elif kind == "withdrawn-package":
        for i, pkg in enumerate(_objects(adv, "packages", field, required=True)):
            _str(pkg, "name", f"{field}.packages[{i}]")
            _str(pkg, "version", f"{field}.packages[{i}]")
            _fingerprint(pkg, f"{field}.packages[{i}]", required=False)
    elif kind == "config-change":
        _applies_to(adv, field)
        removed = adv.get("removed", [])
        if not isinstance(removed, list) or not all(isinstance(k, str) and k for k in removed):
            raise _bad(f"{field}.removed", "must be a list of key names")
        for key in ("required", "renamed"):
            value = adv.get(key, {})
            if not isinstance(value, dict):
                raise _bad(f"{field}.{key}", "must be an object")
        renamed = adv.get("renamed", {})
        if not all(isinstance(v, str) and v for v in renamed.values()):
            raise _bad(f"{field}.renamed", "must map old key names to new key names")
    elif kind == "notice":
        _applies_to(adv, field)
        _str(adv, "text", field)
        severity = adv.get("severity")
        if severity is not None and (not isinstance(severity, str) or severity.lower() not in SEVERITIES):
            raise _bad(f"{field}.severity", f"must be one of {', '.join(SEVERITIES)}")


def _advisory(raw: Any, index: int) -> FeedAdvisory:
    field = f"advisories[{index}]"
    if not isinstance(raw, dict):
        raise _bad(field, "must be an object")
    ident = _str(raw, "id", field)
    if len(ident) > MAX_ID_CHARS:
        raise _bad(f"{field}.id", f"is longer than {MAX_ID_CHARS} characters")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _bad(f"{field}.kind", f"is {kind!r}; one of {', '.join(KINDS)}")
    published = parse_time(raw["published"], f"{field}.published") if raw.get("published") is not None else None
    title = raw.get("title", "")
    if not isinstance(title, str):
        raise _bad(f"{field}.title", "must be a string")
    _check_kind(raw, kind, field)
    return FeedAdvisory(id=ident, kind=kind, published=published, title=title, body=raw)


def parse_feed(data: bytes) -> Feed:
    """``feed.json`` bytes → :class:`Feed`; raises :class:`FeedRejected` (``advisory.feed_malformed``)."""
    try:
        doc = load_json(data, what="feed.json", code=FEED_MALFORMED, max_bytes=MAX_FEED_BYTES)
    except AdvisoryError as exc:
        raise FeedRejected(exc.code, exc.message) from None
    if not isinstance(doc, dict):
        raise _bad("(top level)", "must be an object")
    version = doc.get("feed_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad("feed_version", "must be a positive integer")
    vendor = _str(doc, "vendor", "(top level)")
    issued = parse_time(doc.get("issued"), "issued")
    expires = parse_time(doc.get("expires"), "expires")
    if expires <= issued:
        raise _bad("expires", "must be later than issued")
    raw = doc.get("advisories")
    if not isinstance(raw, list):
        raise _bad("advisories", "must be a list")
    if len(raw) > MAX_ADVISORIES:
        raise _bad("advisories", f"has {len(raw)} items; at most {MAX_ADVISORIES}")
    advisories = tuple(_advisory(item, i) for i, item in enumerate(raw))
    seen: set[str] = set()
    for i, adv in enumerate(advisories):
        if adv.id in seen:
            raise _bad(f"advisories[{i}].id", f"{adv.id!r} appears twice")
        seen.add(adv.id)
    return Feed(
        feed_version=version, vendor=vendor, issued=issued, expires=expires, advisories=advisories, document=doc
    )
