"""Versioned migrations: a state written by an older shipgate is upgraded in place on open, data kept."""

from __future__ import annotations

from shipgate.store import open_store
from shipgate.store._backends import dialect_for
from shipgate.store._schema import MIGRATIONS, statements


def test_state_at_version_1_is_migrated_to_latest_keeping_its_rows(state_url: str) -> None:
    """Risk: an upgrade of shipgate loses or rejects the verdicts and audit chain it finds."""
    dialect = dialect_for(state_url)
    conn = dialect.connect()
    try:
        dialect.begin_migration(conn)
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
            " applied TEXT NOT NULL)"
        )
        for statement in statements(MIGRATIONS[0], dialect.name):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (1, 'initial', '2026-01-01T00:00:00.000000Z')")
        conn.execute(
            "INSERT INTO feed_state (vendor, feed_version, digest, issued, expires, fetched, source) VALUES"
            " ('V', 7, 'd', '2026-01-01T00:00:00.000000Z', '2027-01-01T00:00:00.000000Z',"
            " '2026-01-01T00:00:00.000000Z', 'dir')"
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    with open_store(state_url) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
        state = store.feed_state("V")
        assert state is not None and state.feed_version == 7
        store.append_audit(actor="a", action="after-upgrade", subject="x")
        assert store.verify_audit().ok
    with open_store(state_url) as again:  # a second open applies nothing twice
        with again.transaction(write=False) as tx:
            rows = tx._exec("SELECT version FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == [m.version for m in MIGRATIONS]
