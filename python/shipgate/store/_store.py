"""``Store``: connections, transactions and migrations of shipgate's state.

Each thread gets its own connection (a forked child opens new ones). ``store.transaction()`` opens a write
transaction, serialized with every other writer of the same state (SQLite ``BEGIN IMMEDIATE``; PostgreSQL
advisory lock). A transaction opened inside another on the same thread joins it: the outer one commits or
rolls back everything. The record methods on ``Store`` each run in a transaction of their own.
"""


from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta
from typing import Any

from shipgate.store import _outbox, _schema
from shipgate.store._backends import Dialect
from shipgate.store._transaction import Transaction
from shipgate.store._verdicts import DEFAULT_HISTORY
from shipgate.store.audit import (
    AuditEntry,
    AuditVerification,
)
from shipgate.store.errors import SchemaTooNew, StoreError
from shipgate.store.records import (
    AdvisoryRecord,
    EventRecord,
    FeedState,
    TrustChange,
    VerdictRecord,
    format_time,
    utcnow,
)


class Store:
    """Shipgate's state: verdicts, trust history, feed state, advisories and the audit chain.

    Open with ``shipgate.store.open_store``. Safe to share between threads; close with ``close()`` (or use
    it as a context manager).
    """

    def __init__(self, dialect: Dialect, *, verdict_history: int = DEFAULT_HISTORY) -> None:
        self.dialect = dialect
        self.verdict_history = verdict_history
        """Older verdicts kept per (archive, policy, environment) besides the newest one."""
        self._local = threading.local()
        self._guard = threading.Lock()
        self._connections: list[Any] = []
        self._closed = False
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    @property
    def url(self) -> str:
        return self.dialect.url

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every connection this process opened."""
        with self._guard:
            self._closed = True
            mine = [c for pid, c in self._connections if pid == os.getpid()]
            # Connections inherited through fork stay referenced (closing them would end the parent's).
            self._connections = [(pid, c) for pid, c in self._connections if pid != os.getpid()]
        for conn in mine:
            with suppress(*self.dialect.driver_errors):
                conn.close()

    def _connection(self) -> Any:
        if self._closed:
            raise StoreError(f"state store {self.url} is closed")
        pid = os.getpid()
        stale = getattr(self._local, "pid", None) == pid and self.dialect.is_broken(self._local.conn)
        if getattr(self._local, "pid", None) != pid or (stale and self._local.tx is None):
            conn = self.dialect.connect()
            with self._guard:
                self._connections.append((pid, conn))
            self._local.pid, self._local.conn, self._local.tx = pid, conn, None
            # A thread that ends gives its connection back (long-lived pools keep theirs).
            weakref.finalize(threading.current_thread(), self._release, pid, conn)
        return self._local.conn

    def _release(self, pid: int, conn: Any) -> None:
        if pid != os.getpid():
            return  # never close, from a forked child, a connection its parent still uses
        with self._guard:
            self._connections = [(p, c) for p, c in self._connections if c is not conn]
        with suppress(*self.dialect.driver_errors):
            conn.close()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Transaction]:
        """All or nothing: commits when the block ends, rolls back when it raises. ``write=False`` gives a
        read-only snapshot. Nested on one thread, the inner transaction joins the outer one."""
        conn = self._connection()
        outer: Transaction | None = self._local.tx
        if outer is not None:
            if write and not outer.write:
                raise StoreError("a write transaction cannot be nested in a read-only one")
            yield outer
            return
        try:
            (self.dialect.begin_write if write else self.dialect.begin_read)(conn)
        except self.dialect.driver_errors as exc:
            raise StoreError(self.dialect.describe_error(exc)) from exc
        tx = Transaction(self, conn, write=write)
        self._local.tx = tx
        try:
            yield tx
        except BaseException as exc:
            self._local.tx = None
            # If the connection is gone, the server (or SQLite) discards the transaction itself.
            with suppress(*self.dialect.driver_errors):
                conn.execute("ROLLBACK")
            if isinstance(exc, self.dialect.driver_errors):
                raise StoreError(self.dialect.describe_error(exc)) from exc
            raise
        self._local.tx = None
        try:
            conn.execute("COMMIT")
        except self.dialect.driver_errors as exc:
            with suppress(*self.dialect.driver_errors):
                conn.execute("ROLLBACK")
            raise StoreError(self.dialect.describe_error(exc)) from exc

    @contextmanager
    def _reading(self) -> Iterator[Transaction]:
        """For a read that is one statement: join the caller's transaction, else run it in autocommit
        (a single statement sees one snapshot anyway) and save BEGIN/COMMIT round trips."""
        conn = self._connection()
        outer: Transaction | None = self._local.tx
        if outer is not None:
            yield outer
            return
        try:
            yield Transaction(self, conn, write=False)
        except self.dialect.driver_errors as exc:
            raise StoreError(self.dialect.describe_error(exc)) from exc

    def _migrate(self) -> None:
        """Bring the schema to ``_schema.LATEST`` under the migration lock; two replicas opening at once
        apply each migration exactly once."""
        conn = self._connection()
        try:
            self.dialect.begin_migration(conn)
            try:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)"
                )
                rows = conn.execute("SELECT version FROM schema_migrations").fetchall()
                current = max((int(r[0]) for r in rows), default=0)
                if current > _schema.LATEST:
                    raise SchemaTooNew(
                        f"the state at {self.url} has schema version {current}, newer than this shipgate "
                        f"understands ({_schema.LATEST}); upgrade shipgate"
                    )
                for migration in _schema.MIGRATIONS:
                    if migration.version <= current:
                        continue
                    for statement in _schema.statements(migration, self.dialect.name):
                        conn.execute(statement)
                    conn.execute(
                        self.dialect.sql("INSERT INTO schema_migrations VALUES (?, ?, ?)"),
                        (migration.version, migration.description, format_time(utcnow())),
                    )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except self.dialect.driver_errors as exc:
            raise StoreError(self.dialect.describe_error(exc)) from exc

    def schema_version(self) -> int:
        with self.transaction(write=False) as tx:
            row = tx._exec("SELECT max(version) FROM schema_migrations").fetchone()
            return int(row[0] or 0)

    # -- conveniences: each runs in its own transaction, or joins the caller's ----------------------

    def append_audit(
        self, *, actor: str, action: str, subject: str, details: Mapping[str, Any] | None = None
    ) -> AuditEntry:
        with self.transaction() as tx:
            return tx.append_audit(actor=actor, action=action, subject=subject, details=details)

    def audit_entries(
        self, *, since: datetime | None = None, action: str | None = None, limit: int | None = None
    ) -> list[AuditEntry]:
        with self.transaction(write=False) as tx:
            return list(tx.audit_entries(since=since, action=action, limit=limit))

    def verify_audit(self) -> AuditVerification:
        with self.transaction(write=False) as tx:
            return tx.verify_audit()

    def put_verdict(self, record: VerdictRecord, *, actor: str, reason: str = "") -> VerdictRecord:
        with self.transaction() as tx:
            return tx.put_verdict(record, actor=actor, reason=reason)

    def import_verdicts(self, records: Iterable[VerdictRecord], *, actor: str, reason: str) -> int:
        with self.transaction() as tx:
            return tx.import_verdicts(records, actor=actor, reason=reason)

    def get_verdict(
        self, digest: str, *, policy_digest: str | None = None, env_digest: str | None = None
    ) -> VerdictRecord | None:
        with self._reading() as tx:
            return tx.get_verdict(digest, policy_digest=policy_digest, env_digest=env_digest)

    def verdict_and_generation(
        self, digest: str, *, policy_digest: str | None = None, env_digest: str | None = None
    ) -> tuple[VerdictRecord | None, int]:
        with self._reading() as tx:
            return tx.verdict_and_generation(digest, policy_digest=policy_digest, env_digest=env_digest)

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
        with self._reading() as tx:
            return tx.find_verdict(
                name=name,
                version=version,
                vendor=vendor,
                policy_digest=policy_digest,
                env_digest=env_digest,
                signed_only=signed_only,
            )

    def package_vendors(
        self, *, name: str, version: str, policy_digest: str | None = None, env_digest: str | None = None
    ) -> list[str]:
        with self._reading() as tx:
            return tx.package_vendors(name=name, version=version, policy_digest=policy_digest, env_digest=env_digest)

    def verdicts(
        self, *, vendor: str | None = None, limit: int | None = None, superseded: bool | None = None
    ) -> list[VerdictRecord]:
        with self._reading() as tx:
            return tx.verdicts(vendor=vendor, limit=limit, superseded=superseded)

    def count_verdicts(self, *, superseded: bool | None = None) -> int:
        with self._reading() as tx:
            return tx.count_verdicts(superseded=superseded)

    def vendor_generation(self, vendor: str) -> int:
        with self._reading() as tx:
            return tx.vendor_generation(vendor)

    # -- the event outbox (shipgate.events delivers it) --------------------------------------------

    def pending_events(self) -> int:
        with self._reading() as tx:
            return _outbox.pending_count(tx)

    def next_event_due(self) -> datetime | None:
        with self._reading() as tx:
            return _outbox.next_due(tx)

    def claim_events(self, *, limit: int, lease: timedelta) -> list[EventRecord]:
        with self.transaction() as tx:
            return _outbox.claim(tx, limit=limit, lease=lease)

    def event_delivered(self, event: EventRecord, *, status: int, error: str = "") -> None:
        with self.transaction() as tx:
            _outbox.delivered(tx, event.id, status=status, error=error)

    def event_failed(
        self, event: EventRecord, *, status: int | None, error: str, retry_at: datetime, release_after: bool = True
    ) -> None:
        with self.transaction() as tx:
            _outbox.failed(tx, event.id, status=status, error=error, retry_at=retry_at, release_after=release_after)

    def events(self, *, pending_only: bool = False, limit: int = 100) -> list[EventRecord]:
        with self._reading() as tx:
            return _outbox.events(tx, pending_only=pending_only, limit=limit)

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
        with self.transaction() as tx:
            return tx.append_trust_change(
                vendor=vendor, kind=kind, payload=payload, actor=actor, reason=reason, advisory_id=advisory_id
            )

    def trust_changes(
        self, vendor: str | None = None, *, up_to_version: int | None = None
    ) -> list[TrustChange]:
        with self._reading() as tx:
            return tx.trust_changes(vendor, up_to_version=up_to_version)

    def latest_trust_version(self, vendor: str) -> int:
        with self._reading() as tx:
            return tx.latest_trust_version(vendor)

    def feed_state(self, vendor: str) -> FeedState | None:
        with self._reading() as tx:
            return tx.feed_state(vendor)

    def feed_states(self) -> list[FeedState]:
        with self._reading() as tx:
            return tx.feed_states()

    def set_feed_state(self, state: FeedState, *, actor: str, reason: str = "") -> None:
        with self.transaction() as tx:
            tx.set_feed_state(state, actor=actor, reason=reason)

    def put_advisories(self, records: Iterable[AdvisoryRecord], *, actor: str, reason: str = "") -> int:
        with self.transaction() as tx:
            return tx.put_advisories(records, actor=actor, reason=reason)

    def advisories(self, vendor: str | None = None, *, kind: str | None = None) -> list[AdvisoryRecord]:
        with self._reading() as tx:
            return tx.advisories(vendor, kind=kind)
