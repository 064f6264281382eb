"""shipgate's state: verdicts by package digest, trust history, advisory feed state, advisories and a
hash-chained audit log, on SQLite (one machine) or PostgreSQL (a fleet of replicas).

    from shipgate.store import open_store
    with open_store(home=args.home) as store, store.transaction() as tx:
        tx.put_verdict(record, actor="verify", reason="package verified")   # verdict + audit + event, atomically

A trust change or a stored advisory supersedes, in its own transaction, the stored verdicts it affects
(``store/_supersede.py``); events go to an outbox table that ``shipgate.events`` delivers.

The URL: ``url`` if given, else ``$SHIPGATE_STATE_URL``, else ``sqlite:///<home>/state.db``.
"""

from __future__ import annotations

import os
from pathlib import Path

from shipgate.home import default_state_url, home_dir
from shipgate.store._backends import dialect_for, redact
from shipgate.store._store import Store
from shipgate.store._transaction import Transaction
from shipgate.store._verdicts import DEFAULT_HISTORY
from shipgate.store.audit import AuditEntry, AuditVerification
from shipgate.store.errors import SchemaTooNew, StoreConflict, StoreError
from shipgate.store.records import (
    AdvisoryRecord,
    EventRecord,
    Evidence,
    FeedState,
    TrustChange,
    VerdictRecord,
    format_time,
    normalize_digest,
    parse_time,
)
from shipgate.verdict import VERDICTS, Verdict

STATE_URL_ENV = "SHIPGATE_STATE_URL"

__all__ = [
    "STATE_URL_ENV",
    "VERDICTS",
    "AdvisoryRecord",
    "AuditEntry",
    "AuditVerification",
    "EventRecord",
    "Evidence",
    "FeedState",
    "SchemaTooNew",
    "Store",
    "StoreConflict",
    "StoreError",
    "Transaction",
    "TrustChange",
    "Verdict",
    "VerdictRecord",
    "format_time",
    "normalize_digest",
    "open_store",
    "parse_time",
    "redact",
    "state_url",
]


def state_url(url: str | None = None, *, home: Path | str | None = None) -> str:
    """Which state to open: ``url``, else ``$SHIPGATE_STATE_URL``, else the home's SQLite file."""
    return url or os.environ.get(STATE_URL_ENV) or default_state_url(home_dir(home))


def open_store(
    url: str | None = None, *, home: Path | str | None = None, verdict_history: int = DEFAULT_HISTORY
) -> Store:
    """Open (and migrate) the state store. Raises ``StoreError`` with an actionable message.
    ``verdict_history``: older verdicts kept per (archive, policy, environment) besides the newest."""
    return Store(dialect_for(state_url(url, home=home)), verdict_history=verdict_history)
