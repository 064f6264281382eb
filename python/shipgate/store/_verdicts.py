"""Verdicts in the store: recorded with their evidence, found by digest or package, bounded in history,
and superseded (never edited otherwise) when a later trust change or advisory would judge them again.

A verdict is keyed by what it depends on: (archive sha256, policy digest, environment digest, trust
version, feed version). Recording one keeps the newest ``1 + verdict_history`` rows per (sha256, policy
digest, environment digest) and deletes older ones; the audit chain keeps every ``verdict.record`` entry
whatever is pruned.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from shipgate.findings import Finding
from shipgate.store import _outbox
from shipgate.store._base import TransactionBase
from shipgate.store.audit import AuditEntry, canonical_json
from shipgate.store.records import (
    Evidence,
    VerdictRecord,
    format_time,
    normalize_digest,
    parse_time,
    utcnow,
)

VERDICT_COLUMNS = (
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
    "policy_digest",
    "env_digest",
    "trust_version",
    "feed_version",
    "signed",
    "evidence",
)
_SELECT = (
    f"SELECT id, {', '.join(VERDICT_COLUMNS)}, s.superseded, s.reason, s.advisory_id FROM verdicts"  # noqa: S608
    " LEFT JOIN verdict_supersessions s ON s.verdict_id = verdicts.id"
)
# A verdict no supersession names (a correlated primary-key lookup).
LIVE = "NOT EXISTS (SELECT 1 FROM verdict_supersessions s WHERE s.verdict_id = verdicts.id)"
# Older verdicts kept per (archive, policy, environment) besides the newest one, unless the store says.
DEFAULT_HISTORY = 10
# Verdict ids per UPDATE when superseding by id (well under SQLite's 32766 parameters).
_ID_BATCH = 500


def _opt_time(text: str | None) -> Any:
    return parse_time(text) if text else None


def verdict_row(record: VerdictRecord) -> tuple[Any, ...]:
    return (
        record.sha256,
        record.blake3,
        record.package_name,
        record.package_version,
        record.vendor,
        record.verdict.value,
        canonical_json([f.to_dict() for f in record.findings]) if record.findings else "[]",
        record.policy_id,
        record.verifier_version,
        format_time(record.created),
        format_time(record.expires) if record.expires else None,
        record.policy_digest,
        record.env_digest,
        record.trust_version,
        record.feed_version,
        1 if record.evidence.signed else 0,
        canonical_json(record.evidence.to_dict()),
    )


def verdict_from_row(row: Sequence[Any]) -> VerdictRecord:
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
        policy_digest=row[12],
        env_digest=row[13],
        trust_version=int(row[14]),
        feed_version=None if row[15] is None else int(row[15]),
        evidence=Evidence.from_dict(json.loads(row[17])),
        superseded=_opt_time(row[18]),
        superseded_by=row[19] or "",
        superseded_advisory=row[20],
    )


def _keyed(where: list[str], params: list[Any], policy_digest: str | None, env_digest: str | None) -> None:
    for column, value in (("policy_digest", policy_digest), ("env_digest", env_digest)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)


class VerdictTable(TransactionBase):
    """The verdict methods of a transaction."""

    # -- recording ---------------------------------------------------------------------------------

    def put_verdict(
        self, record: VerdictRecord, *, actor: str, reason: str = "", history: int | None = None
    ) -> VerdictRecord:
        """Store a verdict with its evidence and audit it (``verdict.record``, and a ``verdict.recorded``
        event). A verdict made while the vendor's trust or advisories changed under it is superseded at
        once. Older verdicts of the same key beyond ``history`` go. Returns the stored record."""
        self._require_write("storing a verdict")
        marks = ", ".join("?" for _ in VERDICT_COLUMNS)
        (new_id,) = self._exec(
            f"INSERT INTO verdicts ({', '.join(VERDICT_COLUMNS)}) VALUES ({marks}) RETURNING id",  # noqa: S608
            verdict_row(record),
        ).fetchone()
        stored = dataclasses.replace(record, id=int(new_id))
        self._link_certificates(stored.sha256, stored.evidence.chain_sha256)
        details = _recorded(stored, reason)
        self.append_audit(actor=actor, action="verdict.record", subject=record.sha256, details=details)
        stored = self._supersede_if_raced(stored, actor=actor)
        self._prune_history(stored, self._store.verdict_history if history is None else history)
        return stored

    def _link_certificates(self, sha256: str, chain: Iterable[str]) -> None:
        for cert in dict.fromkeys(chain):
            self._exec(
                "INSERT INTO archive_certs (cert_sha256, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (cert, sha256),
            )

    def _supersede_if_raced(self, record: VerdictRecord, *, actor: str) -> VerdictRecord:
        """The verification read the vendor's state at ``evidence.generation``; if a trust change or an
        advisory committed since, this verdict may not account for it: supersede it (verify again)."""
        seen = record.evidence.generation
        if seen is None or not record.verdict.admits:
            return record
        current = self.vendor_generation(record.vendor)
        if current == seen:
            return record
        why = (
            f"the trust or advisories of {record.vendor} changed while the package was verified "
            f"(state {seen} → {current}); verify it again"
        )
        self.supersede(["id = ?"], [record.id], reason=why, actor=actor, cause={"generation": current})
        return dataclasses.replace(record, superseded=utcnow(), superseded_by=why)

    def _prune_history(self, record: VerdictRecord, history: int) -> None:
        """Keep the newest ``1 + history`` verdicts of this key; the older ones and their supersessions go."""
        keep = 1 + max(0, history)
        older = (
            "SELECT id FROM verdicts WHERE sha256 = ? AND policy_digest = ? AND env_digest = ? AND id NOT IN ("  # noqa: S608
            "SELECT id FROM (SELECT id FROM verdicts WHERE sha256 = ? AND policy_digest = ? AND env_digest = ?"
            f" ORDER BY id DESC LIMIT {int(keep)}) AS newest)"
        )
        key = (record.sha256, record.policy_digest, record.env_digest) * 2
        self._exec(f"DELETE FROM verdict_supersessions WHERE verdict_id IN ({older})", key)  # noqa: S608
        self._exec(f"DELETE FROM verdicts WHERE id IN ({older})", key)  # noqa: S608

    def import_verdicts(self, records: Iterable[VerdictRecord], *, actor: str, reason: str) -> int:
        """Bulk-load verdicts (SQLite executemany, PostgreSQL COPY) with one ``verdict.import`` entry
        whose details carry the count and a SHA-256 over the imported sha256 digests in order."""
        self._require_write("importing verdicts")
        summary = hashlib.sha256()
        (before,) = self._exec("SELECT coalesce(max(id), 0) FROM verdicts").fetchone()

        def rows() -> Iterator[tuple[Any, ...]]:
            for record in records:
                summary.update(record.sha256.encode("ascii"))
                yield verdict_row(record)

        count = self._dialect.bulk_insert(self._conn, "verdicts", VERDICT_COLUMNS, rows())
        # The imported chains' certificates, linked in the database from the stored evidence (one statement,
        # no list of millions of pairs in memory).
        self._exec(self._dialect.link_certificates_sql(), (int(before),))
        self._dialect.after_bulk_load(self._conn, ("verdicts", "archive_certs"))
        self.append_audit(
            actor=actor,
            action="verdict.import",
            subject=f"{count} verdicts",
            details={"count": count, "sha256_of_digests": summary.hexdigest(), "reason": reason},
        )
        return count

    # -- supersession ------------------------------------------------------------------------------

    def supersede(
        self, where: list[str], params: list[Any], *, reason: str, actor: str, cause: dict[str, Any]
    ) -> int:
        """Mark the live, admitting verdicts matching ``where`` superseded by ``reason``, audited once
        (``verdict.supersede``: the count and a SHA-256 over the digests) with ``verdict.superseded``
        events in batches. Returns how many."""
        rows = self._mark(where, params, reason, cause.get("advisory_id"))
        return self._announce(rows, reason=reason, actor=actor, cause=cause)

    def supersede_ids(self, ids: Sequence[int], *, reason: str, actor: str, cause: dict[str, Any]) -> int:
        """:meth:`supersede` for verdicts chosen by id (in statements of a bounded size)."""
        rows: list[tuple[str, str]] = []
        for start in range(0, len(ids), _ID_BATCH):
            chunk = list(ids[start : start + _ID_BATCH])
            rows += self._mark([f"id IN ({', '.join('?' for _ in chunk)})"], chunk, reason, cause.get("advisory_id"))
        return self._announce(rows, reason=reason, actor=actor, cause=cause)

    def _mark(
        self, where: list[str], params: Sequence[Any], reason: str, advisory: str | None
    ) -> list[tuple[str, str]]:
        self._require_write("superseding verdicts")
        clause = " AND ".join(["verdict <> 'deny'", LIVE, *where])
        rows = self._exec(f"SELECT id, sha256, vendor FROM verdicts WHERE {clause}", params).fetchall()  # noqa: S608
        if rows:
            stamp, why = format_time(utcnow()), reason[:2000]
            self._dialect.bulk_insert(
                self._conn,
                "verdict_supersessions",
                ("verdict_id", "superseded", "reason", "advisory_id"),
                ((int(r[0]), stamp, why, advisory) for r in rows),
            )
        return [(r[1], r[2]) for r in rows]

    def _announce(self, rows: list[tuple[str, str]], *, reason: str, actor: str, cause: dict[str, Any]) -> int:
        if not rows:
            return 0
        digests = sorted({r[0] for r in rows})
        vendors = sorted({r[1] for r in rows})
        entry = self.append_audit(
            actor=actor,
            action="verdict.supersede",
            subject=f"{len(rows)} verdicts",
            details={
                "count": len(rows),
                "archives": len(digests),
                "vendors": vendors,
                "sha256_of_digests": hashlib.sha256("".join(digests).encode("ascii")).hexdigest(),
                "reason": reason,
                **cause,
            },
        )
        self._superseded_events(entry, digests, vendors, reason, cause)
        return len(rows)

    def _superseded_events(
        self, entry: AuditEntry, digests: list[str], vendors: list[str], reason: str, cause: dict[str, Any]
    ) -> None:
        batch = _outbox.SUPERSEDED_BATCH
        parts = max(1, -(-len(digests) // batch))
        for n in range(parts):
            chunk = digests[n * batch : (n + 1) * batch]
            _outbox.enqueue(
                self,
                event_id=f"{entry.hash}-{n}",
                kind="verdict.superseded",
                entry=entry,
                data={"sha256": chunk, "vendors": vendors, "reason": reason, "part": n + 1, "parts": parts, **cause},
            )

    # -- reading -----------------------------------------------------------------------------------

    def _verdicts(self, where: str, params: Iterable[Any], tail: str = "") -> list[VerdictRecord]:
        rows = self._exec(f"{_SELECT} {where} {tail}", params).fetchall()
        return [verdict_from_row(row) for row in rows]

    def get_verdict(
        self, digest: str, *, policy_digest: str | None = None, env_digest: str | None = None
    ) -> VerdictRecord | None:
        """The newest verdict for an archive digest (``HEX`` sha256 or blake3, ``sha256:HEX``,
        ``blake3:HEX``), superseded or not; only those made under ``policy_digest`` and ``env_digest``
        when given."""
        return self.verdict_and_generation(digest, policy_digest=policy_digest, env_digest=env_digest)[0]

    def verdict_and_generation(
        self, digest: str, *, policy_digest: str | None = None, env_digest: str | None = None
    ) -> tuple[VerdictRecord | None, int]:
        """:meth:`get_verdict` and its vendor's state generation, in one statement (admission's hot path:
        one round trip, and no transaction: a single statement sees one snapshot)."""
        algorithm, hexdigest = normalize_digest(digest)
        columns = [c for c in ("sha256", "blake3") if algorithm in (None, c)]
        extra: list[str] = []
        extra_params: list[Any] = []
        _keyed(extra, extra_params, policy_digest, env_digest)
        more = "".join(f" AND {clause}" for clause in extra)
        # Each branch uses its index; the generation is a primary-key lookup of the row found.
        branches = " UNION ALL ".join(
            f"SELECT * FROM ({_SELECT} WHERE {c} = ?{more} ORDER BY id DESC LIMIT 1) AS by_{c}"  # noqa: S608
            for c in columns
        )
        params: list[Any] = []
        for _ in columns:
            params += [hexdigest, *extra_params]
        row = self._exec(
            f"SELECT found.*, (SELECT generation FROM vendor_state s WHERE s.vendor = found.vendor)"  # noqa: S608
            f" FROM ({branches}) AS found ORDER BY found.id DESC LIMIT 1",
            params,
        ).fetchone()
        if row is None:
            return None, 0
        return verdict_from_row(row), int(row[-1] or 0)

    def find_verdict(
        self,
        *,
        name: str,
        version: str,
        vendor: str | None = None,
        policy_digest: str | None = None,
        env_digest: str | None = None,
        signed_only: bool = False,
    ) -> VerdictRecord | None:
        """The newest verdict for a package name and version (and vendor, policy and environment when
        given; with ``signed_only``, only verdicts whose manifest signature verified): an index lookup."""
        where, params = ["package_name = ?", "package_version = ?"], [name, version]
        if vendor is not None:
            where.append("vendor = ?")
            params.append(vendor)
        _keyed(where, params, policy_digest, env_digest)
        if signed_only:
            where.append("signed = 1")
        found = self._verdicts(f"WHERE {' AND '.join(where)}", params, "ORDER BY id DESC LIMIT 1")
        return found[0] if found else None

    def package_vendors(
        self, *, name: str, version: str, policy_digest: str | None, env_digest: str | None
    ) -> list[str]:
        """The vendors with a signed, live verdict for this package name and version."""
        where = ["package_name = ?", "package_version = ?", "signed = 1", LIVE]
        params: list[Any] = [name, version]
        _keyed(where, params, policy_digest, env_digest)
        rows = self._exec(
            f"SELECT DISTINCT vendor FROM verdicts WHERE {' AND '.join(where)} ORDER BY vendor",  # noqa: S608
            params,
        ).fetchall()
        return [r[0] for r in rows]

    def verdicts(
        self, *, vendor: str | None = None, limit: int | None = None, superseded: bool | None = None
    ) -> list[VerdictRecord]:
        """Stored verdicts, newest first; ``superseded`` True/False keeps only superseded/live ones."""
        clauses: list[str] = []
        params: list[Any] = []
        if vendor is not None:
            clauses.append("vendor = ?")
            params.append(vendor)
        if superseded is not None:
            clauses.append("s.verdict_id IS NOT NULL" if superseded else "s.verdict_id IS NULL")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        tail = "ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit is not None else "")
        return self._verdicts(where, params, tail)

    def count_verdicts(self, *, superseded: bool | None = None) -> int:
        sql = {
            None: "SELECT count(*) FROM verdicts",
            True: "SELECT count(*) FROM verdict_supersessions",
            False: f"SELECT count(*) FROM verdicts WHERE {LIVE}",  # noqa: S608
        }[superseded]
        return int(self._exec(sql).fetchone()[0])


def _recorded(record: VerdictRecord, reason: str) -> dict[str, Any]:
    return {
        "verdict": record.verdict.value,
        "package": {"name": record.package_name, "version": record.package_version, "vendor": record.vendor},
        "blake3": record.blake3,
        "policy_id": record.policy_id,
        "policy_digest": record.policy_digest,
        "env_digest": record.env_digest,
        "trust_version": record.trust_version,
        "feed_version": record.feed_version,
        "signed": record.evidence.signed,
        "waivers": [dict(w) for w in record.evidence.waivers],
        "verifier_version": record.verifier_version,
        "findings": sorted({f.code for f in record.findings}),
        "reason": reason,
    }
