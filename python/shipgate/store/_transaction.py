"""``Transaction``: every read and write of the state, on one connection.

Writes happen only inside ``Store.transaction()``, which serializes writers (SQLite ``BEGIN IMMEDIATE``;
PostgreSQL advisory lock), so reading the audit head and appending to it can never fork the chain. Each
state-changing method appends its audit entry in the same transaction.
"""


from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from shipgate.findings import Finding
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
from shipgate.store.errors import StoreConflict, StoreError
from shipgate.store.records import (
    AdvisoryRecord,
    FeedState,
    TrustChange,
    VerdictRecord,
    format_time,
    normalize_digest,
    parse_time,
    utcnow,
)

if TYPE_CHECKING:
    from shipgate.store._store import Store

_VERDICT_COLUMNS = (
    "sha256",
    "blake3",
    "package_name",
    "package_version",
    "vendor",
    "verdict",
    "findings",
    "policy_id",
    "verifier_version",
    "created",
    "expires",
)
_AUDIT_COLUMNS = "seq, time, actor, action, subject, details, prev_hash, hash"
# Rows read per round trip when walking the audit log.
_AUDIT_PAGE = 5_000


def _opt_time(text: str | None) -> datetime | None:
    return parse_time(text) if text else None


def _verdict_row(record: VerdictRecord) -> tuple[Any, ...]:
    return (
        record.sha256,
        record.blake3,
        record.package_name,
        record.package_version,
        record.vendor,
        record.verdict,
        canonical_json([f.to_dict() for f in record.findings]) if record.findings else "[]",
        record.policy_id,
        record.verifier_version,
        format_time(record.created),
        format_time(record.expires) if record.expires else None,
    )


class Transaction:
    """Reads and writes on one connection; writes only inside ``Store.transaction()``."""

    def __init__(self, store: Store, conn: Any, *, write: bool) -> None:
        self._store = store
        self._dialect: Dialect = store.dialect
        self._conn = conn
        self.write = write

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self._conn.execute(self._dialect.sql(sql), tuple(params))

    def _require_write(self, what: str) -> None:
        if not self.write:
            raise StoreError(f"{what} needs a write transaction: use `with store.transaction() as tx:`")

    # -- audit -------------------------------------------------------------------------------------

    def append_audit(
        self, *, actor: str, action: str, subject: str, details: Mapping[str, Any] | None = None
    ) -> AuditEntry:
        """Append one entry to the chain (serialized by the write transaction)."""
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
            (
                entry.seq,
                entry.time,
                actor,
                action,
                subject,
                canonical_json(body),
                entry.prev_hash,
                entry.hash,
            ),
        )
        self._exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (entry.seq, entry.hash))
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

    # -- verdicts ----------------------------------------------------------------------------------

    def put_verdict(self, record: VerdictRecord, *, actor: str, reason: str = "") -> VerdictRecord:
        """Store a verdict and audit it (``verdict.record``); returns the record with its id."""
        self._require_write("storing a verdict")
        marks = ", ".join("?" for _ in _VERDICT_COLUMNS)
        (new_id,) = self._exec(
            f"INSERT INTO verdicts ({', '.join(_VERDICT_COLUMNS)}) VALUES ({marks}) RETURNING id",  # noqa: S608
            _verdict_row(record),
        ).fetchone()
        self.append_audit(
            actor=actor,
            action="verdict.record",
            subject=record.sha256,
            details={
                "verdict": record.verdict,
                "package": {
                    "name": record.package_name,
                    "version": record.package_version,
                    "vendor": record.vendor,
                },
                "blake3": record.blake3,
                "policy_id": record.policy_id,
                "verifier_version": record.verifier_version,
                "findings": sorted({f.code for f in record.findings}),
                "reason": reason,
            },
        )
        return _replace_id(record, int(new_id))

    def import_verdicts(self, records: Iterable[VerdictRecord], *, actor: str, reason: str) -> int:
        """Bulk-load verdicts (SQLite executemany, PostgreSQL COPY) with one ``verdict.import`` entry
        whose details carry the count and a SHA-256 over the imported sha256 digests in order."""
        self._require_write("importing verdicts")
        summary = hashlib.sha256()

        def rows() -> Iterator[tuple[Any, ...]]:
            for record in records:
                summary.update(record.sha256.encode("ascii"))
                yield _verdict_row(record)

        count = self._dialect.bulk_insert(self._conn, "verdicts", _VERDICT_COLUMNS, rows())
        self.append_audit(
            actor=actor,
            action="verdict.import",
            subject=f"{count} verdicts",
            details={"count": count, "sha256_of_digests": summary.hexdigest(), "reason": reason},
        )
        return count

    def _verdicts(self, where: str, params: Iterable[Any], tail: str = "") -> list[VerdictRecord]:
        rows = self._exec(
            f"SELECT id, {', '.join(_VERDICT_COLUMNS)} FROM verdicts {where} {tail}",  # noqa: S608
            params,
        ).fetchall()
        return [_verdict_from_row(row) for row in rows]

    def get_verdict(self, digest: str) -> VerdictRecord | None:
        """The newest verdict for an archive digest: ``HEX`` (sha256 or blake3), ``sha256:HEX`` or
        ``blake3:HEX``."""
        algorithm, hexdigest = normalize_digest(digest)
        columns = [c for c in ("sha256", "blake3") if algorithm in (None, c)]
        # One statement (so it needs no transaction round trips); each branch uses its index.
        branches = " UNION ALL ".join(
            f"SELECT * FROM (SELECT id, {', '.join(_VERDICT_COLUMNS)} FROM verdicts WHERE {c} = ?"  # noqa: S608
            f" ORDER BY id DESC LIMIT 1) AS by_{c}"
            for c in columns
        )
        row = self._exec(f"{branches} ORDER BY id DESC LIMIT 1", [hexdigest] * len(columns)).fetchone()
        return _verdict_from_row(row) if row else None

    def find_verdict(self, *, name: str, version: str, vendor: str | None = None) -> VerdictRecord | None:
        """The newest verdict for a package name and version (and vendor, when given): an index lookup."""
        where, params = "WHERE package_name = ? AND package_version = ?", [name, version]
        if vendor is not None:
            where += " AND vendor = ?"
            params.append(vendor)
        found = self._verdicts(where, params, "ORDER BY id DESC LIMIT 1")
        return found[0] if found else None

    def verdicts(self, *, vendor: str | None = None, limit: int | None = None) -> list[VerdictRecord]:
        """Stored verdicts, newest first."""
        where, params = ("WHERE vendor = ?", [vendor]) if vendor is not None else ("", [])
        tail = "ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit is not None else "")
        return self._verdicts(where, params, tail)

    def count_verdicts(self) -> int:
        return int(self._exec("SELECT count(*) FROM verdicts").fetchone()[0])

    # -- trust changes -----------------------------------------------------------------------------

    def latest_trust_version(self, vendor: str) -> int:
        """The vendor's newest trust version, 0 when it has none."""
        row = self._exec("SELECT max(version) FROM trust_changes WHERE vendor = ?", (vendor,)).fetchone()
        return int(row[0] or 0)

    def append_trust_change(
        self,
        *,
        vendor: str,
        kind: str,
        payload: Mapping[str, Any],
        actor: str,
        reason: str,
        advisory_id: str | None = None,
    ) -> TrustChange:
        """Record a trust change as the vendor's next version (latest + 1) and audit it (``trust.KIND``)."""
        self._require_write("changing trust")
        change = TrustChange(
            vendor=vendor,
            version=self.latest_trust_version(vendor) + 1,
            kind=kind,
            payload=dict(payload),
            actor=actor,
            reason=reason,
            advisory_id=advisory_id,
            created=utcnow(),
        )
        self._exec(
            "INSERT INTO trust_changes (vendor, version, kind, payload, actor, reason, advisory_id, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                vendor,
                change.version,
                kind,
                canonical_json(change.payload),
                actor,
                reason,
                advisory_id,
                format_time(change.created),
            ),
        )
        self.append_audit(
            actor=actor,
            action=f"trust.{kind}",
            subject=vendor,
            details={
                "version": change.version,
                "advisory_id": advisory_id,
                "reason": reason,
                "payload": change.payload,
            },
        )
        return change

    def trust_changes(
        self, vendor: str | None = None, *, up_to_version: int | None = None
    ) -> list[TrustChange]:
        """Trust history in (vendor, version) order."""
        clauses: list[str] = []
        params: list[Any] = []
        if vendor is not None:
            clauses.append("vendor = ?")
            params.append(vendor)
        if up_to_version is not None:
            clauses.append("version <= ?")
            params.append(up_to_version)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._exec(
            "SELECT vendor, version, kind, payload, actor, reason, advisory_id, created FROM trust_changes "  # noqa: S608
            f"{where} ORDER BY vendor, version",
            params,
        ).fetchall()
        return [
            TrustChange(
                vendor=r[0],
                version=int(r[1]),
                kind=r[2],
                payload=json.loads(r[3]),
                actor=r[4],
                reason=r[5],
                advisory_id=r[6],
                created=parse_time(r[7]),
            )
            for r in rows
        ]

    # -- advisory feed state and advisories --------------------------------------------------------

    def feed_state(self, vendor: str) -> FeedState | None:
        states = self._feed_states("WHERE vendor = ?", (vendor,))
        return states[0] if states else None

    def feed_states(self) -> list[FeedState]:
        return self._feed_states("", ())

    def _feed_states(self, where: str, params: Iterable[Any]) -> list[FeedState]:
        rows = self._exec(
            "SELECT vendor, feed_version, digest, issued, expires, fetched, source, etag, last_modified"  # noqa: S608
            " FROM feed_state "
            f"{where} ORDER BY vendor",
            params,
        ).fetchall()
        return [
            FeedState(
                vendor=r[0],
                feed_version=int(r[1]),
                digest=r[2],
                issued=parse_time(r[3]),
                expires=parse_time(r[4]),
                fetched=parse_time(r[5]),
                source=r[6],
                etag=r[7],
                last_modified=r[8],
            )
            for r in rows
        ]

    def set_feed_state(self, state: FeedState, *, actor: str, reason: str = "") -> None:
        """Record an accepted feed (``feed.accept``). Its version must exceed the stored one: a rollback
        raises ``StoreConflict`` and changes nothing."""
        self._require_write("recording a feed")
        current = self.feed_state(state.vendor)
        if current is not None and state.feed_version <= current.feed_version:
            raise StoreConflict(
                f"feed version {state.feed_version} for {state.vendor!r} is not newer than the accepted "
                f"version {current.feed_version}; a feed's version must strictly increase"
            )
        self._exec(
            "INSERT INTO feed_state (vendor, feed_version, digest, issued, expires, fetched, source, etag,"
            " last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vendor) DO UPDATE SET"
            " feed_version = excluded.feed_version, digest = excluded.digest, issued = excluded.issued,"
            " expires = excluded.expires, fetched = excluded.fetched, source = excluded.source,"
            " etag = excluded.etag, last_modified = excluded.last_modified",
            (
                state.vendor,
                state.feed_version,
                state.digest,
                format_time(state.issued),
                format_time(state.expires),
                format_time(state.fetched),
                state.source,
                state.etag,
                state.last_modified,
            ),
        )
        self.append_audit(
            actor=actor,
            action="feed.accept",
            subject=state.vendor,
            details={
                **state.to_dict(),
                "previous_version": current.feed_version if current else None,
                "reason": reason,
            },
        )

    def put_advisories(self, records: Iterable[AdvisoryRecord], *, actor: str, reason: str = "") -> int:
        """Insert or replace advisories by (vendor, advisory id); one ``advisory.store`` entry per vendor."""
        self._require_write("storing advisories")
        by_vendor: dict[str, list[str]] = {}
        for record in records:
            self._exec(
                "INSERT INTO advisories (vendor, advisory_id, kind, feed_version, body, published)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (vendor, advisory_id) DO UPDATE SET"
                " kind = excluded.kind, feed_version = excluded.feed_version, body = excluded.body,"
                " published = excluded.published",
                (
                    record.vendor,
                    record.advisory_id,
                    record.kind,
                    record.feed_version,
                    canonical_json(dict(record.body)),
                    format_time(record.published) if record.published else None,
                ),
            )
            by_vendor.setdefault(record.vendor, []).append(record.advisory_id)
        for vendor, ids in by_vendor.items():
            self.append_audit(
                actor=actor, action="advisory.store", subject=vendor, details={"ids": ids, "reason": reason}
            )
        return sum(len(ids) for ids in by_vendor.values())

    def advisories(self, vendor: str | None = None, *, kind: str | None = None) -> list[AdvisoryRecord]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("vendor", vendor), ("kind", kind)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._exec(
            "SELECT vendor, advisory_id, kind, feed_version, body, published FROM advisories "  # noqa: S608
            f"{where} ORDER BY vendor, advisory_id",
            params,
        ).fetchall()
        return [
            AdvisoryRecord(
                vendor=r[0],
                advisory_id=r[1],
                kind=r[2],
                feed_version=None if r[3] is None else int(r[3]),
                body=json.loads(r[4]),
                published=_opt_time(r[5]),
            )
            for r in rows
        ]


def _replace_id(record: VerdictRecord, new_id: int) -> VerdictRecord:
    return dataclasses.replace(record, id=new_id)


def _verdict_from_row(row: Any) -> VerdictRecord:
    return VerdictRecord(
        id=int(row[0]),
        sha256=row[1],
        blake3=row[2],
        package_name=row[3],
        package_version=row[4],
        vendor=row[5],
        verdict=row[6],
        findings=tuple(Finding.from_dict(f) for f in json.loads(row[7])),
        policy_id=row[8],
        verifier_version=row[9],
        created=parse_time(row[10]),
        expires=_opt_time(row[11]),
    )
