"""The two dialects: how to connect, begin a serialized write, lock migrations, and spell parameters.

SQLite: one file in WAL mode, ``BEGIN IMMEDIATE`` for every write transaction (one writer at a time,
across threads and processes; others wait up to ``BUSY_TIMEOUT_S``), deferred ``BEGIN`` for snapshot reads.
PostgreSQL: every write transaction takes a transaction-level advisory lock keyed by the schema, so writers
of one shipgate state are serialized exactly as on SQLite; reads run at REPEATABLE READ (one snapshot).
"""

from __future__ import annotations

import random
import sqlite3
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from shipgate.store.errors import StoreError

# How long a writer waits for another writer before giving up (SQLite busy timeout).
BUSY_TIMEOUT_S = 60.0
# libpq connect timeout: a dead PostgreSQL host is an error after this, not a hang.
CONNECT_TIMEOUT_S = 10
# SQLite page cache while bulk-loading (KiB); the connection's default is restored afterwards.
BULK_CACHE_KIB = 256 * 1024
# Advisory lock keys (second half; the first is a hash of the schema name).
_WRITE_LOCK = 1
_MIGRATE_LOCK = 2


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


class Dialect(ABC):
    """What differs between SQLite and PostgreSQL: connecting, locking, placeholders, bulk loads."""

    name: str
    url: str
    driver_errors: tuple[type[Exception], ...]

    @abstractmethod
    def connect(self) -> Any: ...

    def is_broken(self, conn: Any) -> bool:
        """True when the connection can no longer be used (PostgreSQL restarted...): open a new one."""
        return False

    @abstractmethod
    def begin_write(self, conn: Any) -> None: ...

    @abstractmethod
    def begin_read(self, conn: Any) -> None: ...

    @abstractmethod
    def begin_migration(self, conn: Any) -> None: ...

    def sql(self, text: str) -> str:
        return text

    @abstractmethod
    def bulk_insert(
        self, conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> int: ...

    def describe_error(self, exc: Exception) -> str:
        return f"state store {redact(self.url)}: {type(exc).__name__}: {exc}"

    def after_bulk_load(self, conn: Any, tables: Sequence[str]) -> None:  # noqa: B027 - a no-op by default
        """Refresh the planner's statistics after a bulk load (PostgreSQL: a fresh table of a million rows
        is otherwise planned as if empty until autovacuum gets to it)."""

    @abstractmethod
    def link_certificates_sql(self) -> str:
        """``archive_certs`` rows for every verdict with ``id > ?``, from its evidence's ``chain_sha256``."""


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL (persistent: done once by whichever process creates the file).

    Changing the journal mode needs an exclusive lock and SQLite reports SQLITE_BUSY for it at once,
    without the busy handler, while another process is creating or recovering the same file. So when
    several processes open a new state file together, retry within the busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
            if str(mode).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))  # noqa: S311 - jitter, not security


class SQLiteDialect(Dialect):
    name = "sqlite"
    driver_errors = (sqlite3.Error,)

    def __init__(self, url: str, path: Path) -> None:
        self.url = url
        self.path = path

    def connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # isolation_level=None: no implicit transactions; we issue BEGIN/COMMIT ourselves.
            # check_same_thread=False: the store hands each thread its own connection, and close() may
            # close them all from one thread.
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            _enable_wal(conn)
            # NORMAL in WAL mode: a killed process loses nothing committed; a power loss may lose the
            # last transactions but never corrupts the file or the chain.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except OSError as exc:
            raise StoreError(f"cannot create the state directory {self.path.parent}: {exc.strerror}") from exc
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the SQLite state file {self.path}: {exc}; check the path and its permissions"
            ) from exc
        return conn

    def begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def begin_read(self, conn: Any) -> None:
        conn.execute("BEGIN")

    def begin_migration(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def bulk_insert(
        self, conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> int:
        marks = ", ".join("?" for _ in columns)
        # A large page cache while loading: index inserts of random digests touch pages all over the B-tree.
        (previous,) = conn.execute("PRAGMA cache_size").fetchone()
        conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        try:
            cursor = conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608
        finally:
            conn.execute(f"PRAGMA cache_size = {int(previous)}")
        return int(cursor.rowcount)

    def link_certificates_sql(self) -> str:
        return (
            "INSERT INTO archive_certs (cert_sha256, sha256) SELECT DISTINCT j.value, v.sha256 FROM verdicts v,"
            " json_each(v.evidence, '$.chain_sha256') j WHERE v.id > ? ON CONFLICT DO NOTHING"
        )

    def describe_error(self, exc: Exception) -> str:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            return (
                f"the SQLite state file {self.path} stayed locked by another writer for "
                f"{BUSY_TIMEOUT_S:.0f} s; "
                "retry, or use PostgreSQL ($SHIPGATE_STATE_URL) when many replicas write"
            )
        return f"SQLite state file {self.path}: {exc}"


class PostgresDialect(Dialect):
    name = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg  # only PostgreSQL users pay for the import

        self.url = url
        self.driver_errors = (psycopg.Error,)

    def connect(self) -> Any:
        import psycopg  # only PostgreSQL users pay for the import

        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {redact(self.url)}: {str(exc).strip()}; "
                "check $SHIPGATE_STATE_URL, the server and its credentials"
            ) from exc

    def is_broken(self, conn: Any) -> bool:
        return bool(conn.closed or conn.broken)

    def _lock(self, conn: Any, key: int) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(coalesce(current_schema(), '')), %s)", (key,))

    def begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN")
        self._lock(conn, _WRITE_LOCK)

    def begin_read(self, conn: Any) -> None:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def begin_migration(self, conn: Any) -> None:
        conn.execute("BEGIN")
        self._lock(conn, _MIGRATE_LOCK)

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")

    def bulk_insert(
        self, conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> int:
        count = 0
        with conn.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    def after_bulk_load(self, conn: Any, tables: Sequence[str]) -> None:
        for table in tables:
            conn.execute(f"ANALYZE {table}")

    def link_certificates_sql(self) -> str:
        return (
            "INSERT INTO archive_certs (cert_sha256, sha256) SELECT DISTINCT j, v.sha256 FROM verdicts v,"
            " json_array_elements_text(v.evidence::json -> 'chain_sha256') j WHERE v.id > ? ON CONFLICT DO NOTHING"
        )

    def describe_error(self, exc: Exception) -> str:
        return f"PostgreSQL state at {redact(self.url)}: {str(exc).strip()}"


def dialect_for(url: str) -> Dialect:
    """``sqlite:///relative/path``, ``sqlite:////absolute/path`` or ``postgresql://...``."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
        if not path or "?" in path:
            raise StoreError(
                f"state URL {url!r}: write sqlite:///relative/state.db or sqlite:////abs/state.db"
            )
        return SQLiteDialect(url, Path(path).expanduser())
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDialect(url)
    raise StoreError(
        f"state URL {redact(url)!r} is not supported; use sqlite:////path/state.db or postgresql://user@host/db"
    )
