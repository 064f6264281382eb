"""Importing CSAF 2.0 advisories into the store: a file, a directory, or a provider's
``provider-metadata.json`` with directory-based distribution (CSAF 2.0 §7.1.13–7.1.18).

    result = import_csaf(store, "/srv/csaf/provider-metadata.json")            # or a file, a dir, a URL

A provider's ``directory_url`` is read through its ``index.txt``; each document must come with a
``.sha256`` or ``.sha512`` file (both are checked when present) and is refused when a digest differs.
Every document is validated against the CSAF 2.0 schema; a valid one is stored as advisory kind ``csaf``
under the vendor given (else the product tree's only vendor branch, else the publisher), replacing an
older revision of the same ``tracking.id`` but never a newer one. Refused documents are listed (and
audited as ``advisory.csaf_reject``); they never stop the valid ones. Reads are bounded like feeds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from shipgate.advisories.csaf import (
    MAX_CSAF_BYTES,
    CsafDocument,
    describe_document,
    load_document,
    validate_csaf,
    validate_provider_metadata,
)
from shipgate.advisories.errors import AdvisoryError, CsafInvalid
from shipgate.advisories.query import CSAF_KIND
from shipgate.advisories.source import FetchLimits, http_get, is_url
from shipgate.store import AdvisoryRecord, Store

ACTOR = "advisories"
# Documents per import (a provider directory of a large vendor holds a few thousand).
MAX_DOCUMENTS = 20_000
MAX_INDEX_BYTES = 16 << 20
MAX_HASH_FILE_BYTES = 4096


@dataclass(frozen=True, kw_only=True)
class CsafImport:
    source: str
    imported: tuple[str, ...] = ()  # tracking ids stored (new or newer revisions)
    unchanged: tuple[str, ...] = ()  # already stored at this or a newer revision
    rejected: tuple[tuple[str, str], ...] = ()  # (document name, reason)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "imported": list(self.imported),
            "unchanged": list(self.unchanged),
            "rejected": [{"document": n, "reason": r} for n, r in self.rejected],
        }


def _read(location: str, cap: int, limits: FetchLimits, *, missing_ok: bool = False) -> bytes | None:
    """A URL or a local path, at most ``cap`` bytes; None for a missing file when ``missing_ok``."""
    if is_url(location):
        status, body, _ = http_get(location, cap=cap, limits=limits)
        if status == 404 and missing_ok:
            return None
        if status != 200:
            raise CsafInvalid(f"{location} answered HTTP {status}")
        return body
    path = Path(urlsplit(location).path if location.startswith("file://") else location)
    try:
        with path.open("rb") as handle:
            data = handle.read(cap + 1)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise CsafInvalid(f"{path} does not exist") from None
    except OSError as exc:
        raise CsafInvalid(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > cap:
        raise CsafInvalid(f"{path} is larger than {cap} bytes; not read")
    return data


def _is_provider_metadata(doc: Any) -> bool:
    return isinstance(doc, dict) and "distributions" in doc and "canonical_url" in doc and "document" not in doc


def _check_digests(name: str, data: bytes, location: str, limits: FetchLimits) -> None:
    checked = 0
    for algorithm in ("sha256", "sha512"):
        text = _read(f"{location}.{algorithm}", MAX_HASH_FILE_BYTES, limits, missing_ok=True)
        if text is None:
            continue
        stated = text.decode("ascii", "replace").split()[0].lower() if text.split() else ""
        actual = hashlib.new(algorithm, data).hexdigest()
        if stated != actual:
            raise CsafInvalid(f"{name}: {algorithm} is {actual}, but {name}.{algorithm} says {stated[:128]!r}")
        checked += 1
    if not checked:
        raise CsafInvalid(f"{name}: the provider publishes neither {name}.sha256 nor {name}.sha512")


def _provider_documents(
    metadata: Any, where: str, limits: FetchLimits
) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    validate_provider_metadata(metadata, what=where)
    found: list[tuple[str, bytes]] = []
    refused: list[tuple[str, str]] = []
    for dist in metadata.get("distributions") or []:
        base = dist.get("directory_url") if isinstance(dist, dict) else None
        if not isinstance(base, str):
            continue  # ROLIE distributions are not read
        base = base if base.endswith("/") else base + "/"
        index = _read(urljoin(base, "index.txt"), MAX_INDEX_BYTES, limits)
        assert index is not None
        for line in index.decode("utf-8", "replace").splitlines():
            rel = line.strip()
            if not rel:
                continue
            parts = PurePosixPath(rel).parts
            if urlsplit(rel).scheme or rel.startswith("/") or ".." in parts or not rel.endswith(".json"):
                refused.append((rel, "index.txt names a path outside the distribution directory"))
                continue
            if len(found) + len(refused) >= MAX_DOCUMENTS:
                refused.append((rel, f"more than {MAX_DOCUMENTS} documents; the rest were not read"))
                break
            location = urljoin(base, rel)
            try:
                data = _read(location, MAX_CSAF_BYTES, limits)
                assert data is not None
                _check_digests(rel, data, location, limits)
            except AdvisoryError as exc:
                refused.append((rel, exc.message))
                continue
            found.append((rel, data))
    return found, refused


def _collect(source: str, limits: FetchLimits) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """(name, bytes) of every document the source holds, and the ones refused before parsing."""
    local = None if is_url(source) else Path(source)
    if local is not None and local.is_dir():
        files = sorted(p for p in local.rglob("*.json") if p.is_file())
        if len(files) > MAX_DOCUMENTS:
            raise CsafInvalid(f"{local} holds {len(files)} JSON files; at most {MAX_DOCUMENTS} are imported")
        found, refused = [], []
        for path in files:
            try:
                data = _read(str(path), MAX_CSAF_BYTES, limits)
                assert data is not None
                found.append((str(path.relative_to(local)), data))
            except AdvisoryError as exc:
                refused.append((str(path), exc.message))
        return found, refused
    data = _read(source, MAX_CSAF_BYTES, limits)
    assert data is not None
    doc = load_document(data, what=source)
    if _is_provider_metadata(doc):
        return _provider_documents(doc, source, limits)
    return [(source, data)], []


def csaf_record(doc: CsafDocument, vendor: str) -> AdvisoryRecord:
    """How a CSAF document is stored: advisory kind ``csaf``, keyed by its tracking id, under ``vendor``."""
    return AdvisoryRecord(
        vendor=vendor, advisory_id=doc.id, kind=CSAF_KIND, feed_version=None, body=doc.document, published=doc.published
    )


def newer_revision(doc: CsafDocument, stored: AdvisoryRecord) -> bool | None:
    """True when ``doc`` is a newer revision than ``stored``; None when it is the same document."""
    if dict(stored.body) == dict(doc.document):
        return None
    old = describe_document(stored.body)
    if doc.current and old.current and doc.current != old.current:
        return doc.current > old.current
    return True


def import_csaf(
    store: Store, source: str, *, vendor: str | None = None, limits: FetchLimits | None = None
) -> CsafImport:
    """Validate and store every CSAF document of ``source`` (see the module docs). Raises
    :class:`CsafInvalid` only when the source itself cannot be read."""
    limits = limits or FetchLimits()
    found, refused = _collect(source, limits)
    valid: list[tuple[str, CsafDocument]] = []
    for name, data in found:
        try:
            doc = load_document(data, what=name)
            validate_csaf(doc, what=name)
            valid.append((name, describe_document(doc)))
        except AdvisoryError as exc:
            refused.append((name, exc.message))
    imported: list[str] = []
    unchanged: list[str] = []
    with store.transaction() as tx:
        records: list[AdvisoryRecord] = []
        by_vendor: dict[str, dict[str, AdvisoryRecord]] = {}
        for _, doc in valid:
            owner = vendor or doc.default_vendor
            if owner not in by_vendor:
                by_vendor[owner] = {a.advisory_id: a for a in tx.advisories(owner, kind=CSAF_KIND)}
            stored = by_vendor[owner].get(doc.id)
            if stored is not None and not newer_revision(doc, stored):
                unchanged.append(doc.id)
                continue
            records.append(csaf_record(doc, owner))
            imported.append(doc.id)
        tx.put_advisories(records, actor=ACTOR, reason=f"CSAF import from {source}")
        for name, reason in refused:
            tx.append_audit(
                actor=ACTOR,
                action="advisory.csaf_reject",
                subject=name,
                details={"code": "advisory.csaf_invalid", "reason": reason, "source": source},
            )
    return CsafImport(source=source, imported=tuple(imported), unchanged=tuple(unchanged), rejected=tuple(refused))
