"""The ``package_index`` table: one compact index per verified package, by archive SHA-256 (docs/plan.md).

The store keeps the index as its producer (``shipgate.plan.index``) serialized it — ``schema`` names the
format, ``body`` is the text — and never reads inside it. The index is derived data, rebuilt from the
archive whenever it is verified again, so writing it is not audited like a verdict; ``record_index`` joins
the caller's transaction, so the verifier writes it with the verdict and a failed verification leaves
neither behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from shipgate.package.versions import same_version
from shipgate.store.errors import StoreError
from shipgate.store.records import format_time, utcnow

if TYPE_CHECKING:
    from shipgate.store._store import Store

# A body larger than this is not an index; the producer caps its parts far below it.
MAX_BODY_CHARS = 48 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class StoredIndex:
    sha256: str
    name: str
    version: str
    vendor: str
    schema: str
    body: str
    created: str

    @property
    def size(self) -> int:
        """Characters stored (the body is ASCII: bytes)."""
        return len(self.body)


def record_index(
    store: Store, *, sha256: str, name: str, version: str, vendor: str, schema: str, body: str
) -> StoredIndex:
    """Store (or replace) the index of the archive ``sha256``."""
    if len(body) > MAX_BODY_CHARS:
        raise StoreError(f"the package index of {sha256} is {len(body)} characters, over {MAX_BODY_CHARS}")
    created = format_time(utcnow())
    with store.transaction() as tx:
        tx._exec("DELETE FROM package_index WHERE sha256 = ?", (sha256.lower(),))
        tx._exec(
            "INSERT INTO package_index (sha256, package_name, package_version, vendor, schema, body, size, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (sha256.lower(), name, version, vendor, schema, body, len(body), created),
        )
    return StoredIndex(sha256=sha256.lower(), name=name, version=version, vendor=vendor, schema=schema, body=body,
                       created=created)


_COLUMNS = "sha256, package_name, package_version, vendor, schema, body, created"


def _stored(row: tuple[object, ...]) -> StoredIndex:
    sha256, name, version, vendor, schema, body, created = (str(v) for v in row)
    return StoredIndex(sha256=sha256, name=name, version=version, vendor=vendor, schema=schema, body=body,
                       created=created)


def index_by_digest(store: Store, sha256: str) -> StoredIndex | None:
    with store.transaction(write=False) as tx:
        row = tx._exec(f"SELECT {_COLUMNS} FROM package_index WHERE sha256 = ?", (sha256.lower(),)).fetchone()  # noqa: S608
    return _stored(tuple(row)) if row else None


def indexed_versions(store: Store, *, name: str, vendor: str | None = None) -> list[StoredIndex]:
    """Every stored index of the package ``name`` (of ``vendor`` when given), newest first."""
    with store.transaction(write=False) as tx:
        rows = tx._exec(
            f"SELECT {_COLUMNS} FROM package_index WHERE package_name = ? ORDER BY created DESC, sha256",  # noqa: S608
            (name,),
        ).fetchall()
    return [_stored(tuple(r)) for r in rows if vendor is None or r[3] == vendor]


def index_by_version(store: Store, *, name: str, version: str, vendor: str | None = None) -> StoredIndex | None:
    """The most recently stored index of ``name`` at ``version`` (``7.1`` matches ``7.1.0``)."""
    return next((s for s in indexed_versions(store, name=name, vendor=vendor) if same_version(s.version, version)),
                None)
