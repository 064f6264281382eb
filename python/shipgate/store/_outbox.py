"""The event outbox: events written in the transaction of the change they report, delivered later.

An audit entry whose action is a change other systems react to puts one event in the ``events`` table in
the same transaction (``verdict.record`` → ``verdict.recorded``, ``trust.*`` → ``trust.changed``,
``advisory.store`` → ``advisory.applied``, ``feed.reject`` → ``feed.rejected``); supersession puts its
``verdict.superseded`` events itself, the digests in batches. So an event exists exactly when its change
committed, whichever process made it (a CLI sync, a replica, the service), and the outbox survives
restarts. :mod:`shipgate.events` delivers it.

Delivery is in id order: a deliverer claims the oldest pending events with a lease (so replicas sharing
PostgreSQL do not send one event twice), marks each one delivered as its receiver acknowledges it, and on
a failure backs that event off and releases the rest. The table is bounded: past ``MAX_EVENTS`` the oldest
rows go (an ``event.drop`` audit entry counts undelivered ones dropped).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from shipgate.store.audit import AuditEntry, canonical_json
from shipgate.store.records import EventRecord, format_time, parse_time, utcnow

if TYPE_CHECKING:
    from shipgate.store._base import TransactionBase

# Rows the outbox keeps (delivered or not); the oldest go first.
MAX_EVENTS = 100_000
# Pruning runs once per this many inserted events (a cheap range delete on the primary key).
_PRUNE_EVERY = 512
# Digests per verdict.superseded event: a revocation of a signer of 100k archives is 200 events.
SUPERSEDED_BATCH = 500
# Why an event cannot exceed a sane receiver's body limit: its data is bounded by the batch above.

EVENT_KINDS = ("verdict.recorded", "verdict.superseded", "trust.changed", "advisory.applied", "feed.rejected")
_EVENT_COLUMNS = "id, event_id, kind, body, created, attempts, next_attempt, delivered, status, last_error"


def kind_for(action: str) -> str | None:
    """The event an audit action produces, if any."""
    if action == "verdict.record":
        return "verdict.recorded"
    if action == "advisory.store":
        return "advisory.applied"
    if action == "feed.reject":
        return "feed.rejected"
    if action.startswith("trust."):
        return "trust.changed"
    return None


def enqueue_for_audit(tx: TransactionBase, entry: AuditEntry) -> None:
    kind = kind_for(entry.action)
    if kind is not None:
        enqueue(tx, event_id=entry.hash, kind=kind, entry=entry, data=entry.details)


def enqueue(
    tx: TransactionBase, *, event_id: str, kind: str, entry: AuditEntry, data: Mapping[str, Any]
) -> int:
    """Put one event in the outbox; its body is what the receiver gets (signed as is)."""
    body = {
        "id": event_id,
        "type": kind,
        "time": entry.time,
        "subject": entry.subject,
        "actor": entry.actor,
        "audit_seq": entry.seq,
        "data": dict(data),
    }
    (new_id,) = tx._exec(
        "INSERT INTO events (event_id, kind, body, created) VALUES (?, ?, ?, ?) RETURNING id",
        (event_id, kind, canonical_json(body), entry.time),
    ).fetchone()
    if int(new_id) % _PRUNE_EVERY == 0:
        _prune(tx, int(new_id))
    return int(new_id)


def _prune(tx: TransactionBase, newest: int) -> None:
    floor = newest - MAX_EVENTS
    if floor <= 0:
        return
    (lost,) = tx._exec("SELECT count(*) FROM events WHERE id <= ? AND delivered IS NULL", (floor,)).fetchone()
    tx._exec("DELETE FROM events WHERE id <= ?", (floor,))
    if int(lost):
        tx.append_audit(
            actor="events",
            action="event.drop",
            subject=f"{int(lost)} events",
            details={"undelivered": int(lost), "up_to_id": floor, "bound": MAX_EVENTS},
        )


def _event(row: Sequence[Any]) -> EventRecord:
    return EventRecord(
        id=int(row[0]),
        event_id=row[1],
        kind=row[2],
        body=json.loads(row[3]),
        created=parse_time(row[4]),
        attempts=int(row[5]),
        next_attempt=parse_time(row[6]) if row[6] else None,
        delivered=parse_time(row[7]) if row[7] else None,
        status=None if row[8] is None else int(row[8]),
        last_error=row[9] or "",
    )


def pending_count(tx: TransactionBase) -> int:
    return int(tx._exec("SELECT count(*) FROM events WHERE delivered IS NULL").fetchone()[0])


def claim(tx: TransactionBase, *, limit: int, lease: timedelta, now: datetime | None = None) -> list[EventRecord]:
    """The oldest pending events, leased to the caller; none while the oldest one backs off or is leased
    to another deliverer (delivery stays in order)."""
    tx._require_write("claiming events")
    now = now or utcnow()
    rows = tx._exec(
        f"SELECT {_EVENT_COLUMNS}, lease_until FROM events WHERE delivered IS NULL ORDER BY id LIMIT {int(limit)}",  # noqa: S608
    ).fetchall()
    if not rows:
        return []
    head_due, head_lease = rows[0][6], rows[0][10]
    stamp = format_time(now)
    if (head_due and head_due > stamp) or (head_lease and head_lease > stamp):
        return []
    ids = [int(r[0]) for r in rows]
    marks = ", ".join("?" for _ in ids)
    tx._exec(f"UPDATE events SET lease_until = ? WHERE id IN ({marks})", (format_time(now + lease), *ids))  # noqa: S608
    return [_event(r) for r in rows]


def delivered(
    tx: TransactionBase, event_id: int, *, status: int, error: str = "", now: datetime | None = None
) -> None:
    """The receiver answered: accepted (2xx), or refused for good (``error`` says how)."""
    tx._require_write("recording a delivery")
    tx._exec(
        "UPDATE events SET delivered = ?, status = ?, attempts = attempts + 1, lease_until = NULL,"
        " last_error = ? WHERE id = ?",
        (format_time(now or utcnow()), status, error[:1000] or None, event_id),
    )


def failed(
    tx: TransactionBase, event_id: int, *, status: int | None, error: str, retry_at: datetime, release_after: bool
) -> None:
    """One attempt failed: back it off until ``retry_at``; ``release_after`` gives back the later leases."""
    tx._require_write("recording a failed delivery")
    tx._exec(
        "UPDATE events SET attempts = attempts + 1, status = ?, last_error = ?, next_attempt = ?,"
        " lease_until = NULL WHERE id = ?",
        (status, error[:1000], format_time(retry_at), event_id),
    )
    if release_after:
        tx._exec("UPDATE events SET lease_until = NULL WHERE id > ? AND delivered IS NULL", (event_id,))


def events(tx: TransactionBase, *, pending_only: bool = False, limit: int = 100) -> list[EventRecord]:
    where = "WHERE delivered IS NULL" if pending_only else ""
    rows = tx._exec(
        f"SELECT {_EVENT_COLUMNS} FROM events {where} ORDER BY id DESC LIMIT {int(limit)}",  # noqa: S608
    ).fetchall()
    return [_event(r) for r in rows]


def next_due(tx: TransactionBase) -> datetime | None:
    """When the oldest pending event may be tried again (None: nothing pending)."""
    row = tx._exec(
        "SELECT next_attempt, lease_until FROM events WHERE delivered IS NULL ORDER BY id LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    times = [parse_time(t) for t in row if t]
    return max(times) if times else utcnow()
