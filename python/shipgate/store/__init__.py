"""shipgate's state: verdicts by package digest, trust history, advisory feed state, advisories and a
hash-chained audit log, on SQLite (one machine) or PostgreSQL (a fleet of replicas).

    from shipgate.store import open_store
    with open_store(home=args.home) as store, store.transaction() as tx:
        tx.put_verdict(record, actor="verify", reason="package verified")   # verdict + audit, atomically

The URL: ``url`` if given, else ``$SHIPGATE_STATE_URL``, else ``sqlite:///<home>/state.db``.
"""

from __future__ import annotations

import os
from pathlib import Path

from shipgate.home import default_state_url, home_dir
from shipgate.store._backends import dialect_for, redact
from shipgate.store._store import Store
from shipgate.store._transaction import Transaction
from shipgate.store.audit import AuditEntry, AuditVerification
from shipgate.store.errors import SchemaTooNew, StoreConflict, StoreError
from shipgate.store.records import (
    VERDICTS,
    AdvisoryRecord,
    FeedState,
    TrustChange,
    Verdict,
    VerdictRecord,
    format_time,
    parse_time,
)

STATE_URL_ENV = "SHIPGATE_STATE_URL"

__all__ = [
    "STATE_URL_ENV",
    "VERDICTS",
    "AdvisoryRecord",
    "AuditEntry",
    "AuditVerification",
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
    "open_store",
    "parse_time",
    "redact",
    "state_url",
]


def state_url(url: str | None = None, *, home: Path | str | None = None) -> str:
    """Which state to open: ``url``, else ``$SHIPGATE_STATE_URL``, else the home's SQLite file."""
    return url or os.environ.get(STATE_URL_ENV) or default_state_url(home_dir(home))


def open_store(url: str | None = None, *, home: Path | str | None = None) -> Store:
    """Open (and migrate) the state store. Raises ``StoreError`` with an actionable message."""
    return Store(dialect_for(state_url(url, home=home)))
