"""``Transaction``: every read and write of the state, on one connection.

Writes happen only inside ``Store.transaction()``, which serializes writers (SQLite ``BEGIN IMMEDIATE``;
PostgreSQL advisory lock). Each state-changing method appends its audit entry (and, for the changes other
systems react to, its outbox event) in the same transaction. A trust change or a stored advisory also
bumps the vendor's generation and supersedes the stored verdicts it affects (:mod:`._supersede`), here,
where every path that changes trust or advisories passes.
"""


from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from shipgate.store import _supersede
from shipgate.store._verdicts import VerdictTable
from shipgate.store.audit import canonical_json
from shipgate.store.errors import StoreConflict
from shipgate.store.records import (
    AdvisoryRecord,
    FeedState,
    TrustChange,
    format_time,
    parse_time,
    utcnow,
)


def _opt_time(text: str | None) -> Any:
    return parse_time(text) if text else None


class Transaction(VerdictTable):
    """Reads and writes on one connection; writes only inside ``Store.transaction()``."""

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
        self.bump_generation(vendor)
        _supersede.after_trust_change(self, change)
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
        self.bump_generation(state.vendor)

    def put_advisories(self, records: Iterable[AdvisoryRecord], *, actor: str, reason: str = "") -> int:
        """Insert or replace advisories by (vendor, advisory id); one ``advisory.store`` entry per vendor."""
        self._require_write("storing advisories")
        by_vendor: dict[str, list[str]] = {}
        stored: list[AdvisoryRecord] = []
        for record in records:
            stored.append(record)
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
            self.bump_generation(vendor)
        _supersede.after_advisories(self, stored)
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
