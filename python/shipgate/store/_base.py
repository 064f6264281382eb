"""The part of a transaction every table shares: its connection, and the audit chain each write appends to.

Writes happen only inside ``Store.transaction()``, which serializes writers (SQLite ``BEGIN IMMEDIATE``;
PostgreSQL advisory lock), so reading the audit head and appending to it can never fork the chain. An
audit entry whose action is an event kind's source also puts that event in the outbox, in the same
transaction (:mod:`shipgate.store._outbox`): an event exists exactly when its change committed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from shipgate.store import _outbox
from shipgate.store._backends import Dialect
from shipgate.store.audit import (
    AuditEntry,
    AuditRow,
    AuditVerification,
    canonical_json,
    details_of,
    entry_hash,
    verify_chain,
)
from shipgate.store.errors import StoreError
from shipgate.store.records import format_time, utcnow

if TYPE_CHECKING:
    from shipgate.store._store import Store

_AUDIT_COLUMNS = "seq, time, actor, action, subject, details, prev_hash, hash"
# Rows read per round trip when walking the audit log.
_AUDIT_PAGE = 5_000


class TransactionBase:
    """Reads and writes on one connection; writes only inside ``Store.transaction()``."""

    def __init__(self, store: Store, conn: Any, *, write: bool) -> None:
        self._store = store
        self._dialect: Dialect = store.dialect
        self._conn = conn
        self.write = write

    @property
    def store(self) -> Store:
        return self._store

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self._conn.execute(self._dialect.sql(sql), tuple(params))

    def _require_write(self, what: str) -> None:
        if not self.write:
            raise StoreError(f"{what} needs a write transaction: use `with store.transaction() as tx:`")

    # -- audit -------------------------------------------------------------------------------------

    def append_audit(
        self, *, actor: str, action: str, subject: str, details: Mapping[str, Any] | None = None
    ) -> AuditEntry:
        """Append one entry to the chain (serialized by the write transaction), and its event if any."""
        self._require_write("appending to the audit log")
        lock = " FOR UPDATE" if self._dialect.name == "postgresql" else ""
        head_seq, head_hash = self._exec(f"SELECT seq, hash FROM audit_head WHERE id = 1{lock}").fetchone()  # noqa: S608
        body = dict(details or {})
        seq, time = int(head_seq) + 1, format_time(utcnow())
        digest = entry_hash(
            seq=seq, time=time, actor=actor, action=action, subject=subject, details=body, prev_hash=head_hash
        )
        entry = AuditEntry(
            seq=seq,
            time=time,
            actor=actor,
            action=action,
            subject=subject,
            details=body,
            prev_hash=head_hash,
            hash=digest,
        )
        self._exec(
            f"INSERT INTO audit ({_AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            (entry.seq, entry.time, actor, action, subject, canonical_json(body), entry.prev_hash, entry.hash),
        )
        self._exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (entry.seq, entry.hash))
        _outbox.enqueue_for_audit(self, entry)
        return entry

    def audit_head(self) -> tuple[int, str]:
        seq, digest = self._exec("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        return int(seq), str(digest)

    def _audit_rows(
        self, *, since: str | None = None, action: str | None = None, page: int = _AUDIT_PAGE
    ) -> Iterator[AuditRow]:
        """Rows in seq order, fetched a page at a time (keyset pagination on seq)."""
        filters, params = "", []
        if since is not None:
            filters += " AND time >= ?"
            params.append(since)
        if action is not None:
            filters += " AND action = ?"
            params.append(action)
        after = 0
        while True:
            rows = self._exec(
                f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE seq > ?{filters} ORDER BY seq LIMIT {int(page)}",  # noqa: S608
                (after, *params),
            ).fetchall()
            for row in rows:
                yield (int(row[0]), *row[1:])
            if len(rows) < page:
                return
            after = int(rows[-1][0])

    def audit_entries(
        self, *, since: datetime | None = None, action: str | None = None, limit: int | None = None
    ) -> Iterator[AuditEntry]:
        """Entries in seq order, optionally from a time on and of one action."""
        rows = self._audit_rows(since=format_time(since) if since else None, action=action)
        for count, (seq, time, actor, act, subject, details, prev_hash, digest) in enumerate(rows, 1):
            yield AuditEntry(
                seq=seq,
                time=time,
                actor=actor,
                action=act,
                subject=subject,
                details=details_of(details),
                prev_hash=prev_hash,
                hash=digest,
            )
            if limit is not None and count >= limit:
                return

    def verify_audit(self) -> AuditVerification:
        """Walk the whole chain from seq 1 and compare its end with the head row."""
        return verify_chain(self._audit_rows(), head=self.audit_head())

    # -- the vendor's state generation -------------------------------------------------------------

    def bump_generation(self, vendor: str) -> int:
        """The vendor's trust or advisories changed: the next generation number (admission's cache key)."""
        self._require_write("changing a vendor's state")
        (generation,) = self._exec(
            "INSERT INTO vendor_state (vendor, generation) VALUES (?, 1) ON CONFLICT (vendor) DO UPDATE"
            " SET generation = vendor_state.generation + 1 RETURNING generation",
            (vendor,),
        ).fetchone()
        return int(generation)

    def vendor_generation(self, vendor: str) -> int:
        row = self._exec("SELECT generation FROM vendor_state WHERE vendor = ?", (vendor,)).fetchone()
        return int(row[0]) if row else 0
