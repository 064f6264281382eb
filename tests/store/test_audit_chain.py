"""The audit log is a hash chain: every change is recorded, and any edit, deletion or reordering of a
stored entry is found and named by seq."""

from __future__ import annotations

import hashlib
import json

import pytest

from shipgate.store import Store, StoreError, _schema, open_store
from shipgate.store.audit import GENESIS, canonical_json


def _fill(store: Store, n: int) -> None:
    for i in range(n):
        store.append_audit(actor="tester", action="test.append", subject=f"s{i}", details={"i": i, "ü": "✓"})


def test_entries_link_and_hash_their_canonical_json(store: Store) -> None:
    """Risk: a hash over something other than the documented canonical form cannot be re-verified by
    another tool."""
    _fill(store, 3)
    entries = store.audit_entries()
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == GENESIS
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    first = entries[0]
    body = {k: v for k, v in first.to_dict().items() if k != "hash"}
    assert canonical_json(body) == (
        '{"action":"test.append","actor":"tester","details":{"i":0,"ü":"✓"},'
        f'"prev_hash":"{GENESIS}","seq":1,"subject":"s0","time":"{first.time}"}}'
    )
    assert first.hash == hashlib.sha256(canonical_json(body).encode()).hexdigest()
    result = store.verify_audit()
    assert (result.ok, result.checked, result.head_seq) == (True, 3, 3)


def test_empty_log_verifies(store: Store) -> None:
    result = store.verify_audit()
    assert (result.ok, result.checked, result.head_seq) == (True, 0, 0)


def test_list_filters_by_action_and_time(store: Store) -> None:
    _fill(store, 2)
    store.append_audit(actor="a", action="other", subject="x")
    assert [e.subject for e in store.audit_entries(action="other")] == ["x"]
    third = store.audit_entries()[2]
    from shipgate.store import parse_time

    assert [e.seq for e in store.audit_entries(since=parse_time(third.time))] == [3]


def test_write_outside_a_transaction_on_a_read_snapshot_is_refused(store: Store) -> None:
    with store.transaction(write=False) as tx, pytest.raises(StoreError, match="write transaction"):
        tx.append_audit(actor="a", action="b", subject="c")


def test_a_failed_transaction_leaves_no_entry(store: Store) -> None:
    """Risk: half a decision recorded (invariant 4: a failed change leaves state exactly as before)."""
    store.append_audit(actor="a", action="kept", subject="1")
    with pytest.raises(RuntimeError, match="boom"), store.transaction() as tx:
        tx.append_audit(actor="a", action="lost", subject="2")
        tx.append_trust_change(vendor="V", kind="pin", payload={}, actor="a", reason="r")
        raise RuntimeError("boom")
    assert [e.action for e in store.audit_entries()] == ["kept"]
    assert store.latest_trust_version("V") == 0
    store.append_audit(actor="a", action="next", subject="3")
    assert [e.seq for e in store.audit_entries()] == [1, 2]
    assert store.verify_audit().ok


def test_audit_rows_cannot_be_updated_through_sql(store: Store) -> None:
    """Risk: a casual UPDATE rewrites history; the append-only trigger refuses it."""
    _fill(store, 1)
    with pytest.raises(StoreError, match="append-only"), store.transaction() as tx:
        tx._exec("UPDATE audit SET actor = 'mallory' WHERE seq = 1")
    assert store.audit_entries()[0].actor == "tester"


def _drop_guards(store: Store) -> None:
    with store.transaction() as tx:
        if store.dialect.name == "sqlite":
            tx._exec("DROP TRIGGER audit_no_update")
            tx._exec("DROP TRIGGER audit_no_delete")
        else:
            tx._exec("DROP TRIGGER audit_append_only ON audit")


def _tamper(store: Store, *statements: str) -> None:
    _drop_guards(store)
    with store.transaction() as tx:
        for statement in statements:
            tx._exec(statement)


@pytest.mark.parametrize(
    ("statements", "broken", "problem"),
    [
        (["UPDATE audit SET actor = 'mallory' WHERE seq = 3"], 3, "hash does not match"),
        (["UPDATE audit SET details = '{\"i\":99}' WHERE seq = 2"], 2, "hash does not match"),
        (["DELETE FROM audit WHERE seq = 3"], 4, "seq 3 missing"),
        (["DELETE FROM audit WHERE seq = 5"], 5, "tail deleted"),
        # Reorder: swap entries 2 and 3 (keep the seq column in place, move the contents).
        (
            [
                "UPDATE audit SET seq = -2 WHERE seq = 2",
                "UPDATE audit SET seq = 2 WHERE seq = 3",
                "UPDATE audit SET seq = 3 WHERE seq = -2",
            ],
            2,
            "prev_hash does not match",
        ),
        (["UPDATE audit_head SET seq = 4"], 5, "head does not match"),
    ],
    ids=["edit-actor", "edit-details", "delete-middle", "delete-last", "reorder", "head"],
)
def test_tampering_is_found_and_named(store: Store, statements: list[str], broken: int, problem: str) -> None:
    """Risk: an attacker with database access edits, deletes or reorders one entry unnoticed."""
    _fill(store, 5)
    _tamper(store, *statements)
    result = store.verify_audit()
    assert not result.ok
    assert result.broken_seq == broken
    assert problem in result.problem
    assert f"broken at seq {broken}" in result.describe()


def test_reopening_keeps_the_chain_and_migrates_once(state_url: str) -> None:
    with open_store(state_url) as first:
        first.append_audit(actor="a", action="one", subject="x")
        assert first.schema_version() == _schema.LATEST
    with open_store(state_url) as second:
        second.append_audit(actor="a", action="two", subject="y")
        assert [e.action for e in second.audit_entries()] == ["one", "two"]
        assert second.verify_audit().ok
        with second.transaction(write=False) as tx:
            rows = tx._exec("SELECT version FROM schema_migrations").fetchall()
        assert [r[0] for r in rows] == [m.version for m in _schema.MIGRATIONS]


def test_details_must_be_json(store: Store) -> None:
    with pytest.raises(TypeError):
        store.append_audit(actor="a", action="b", subject="c", details={"x": object()})
    assert store.audit_entries() == []
    assert json.loads(canonical_json({"b": 1, "a": [1.5]})) == {"a": [1.5], "b": 1}


def test_walks_the_log_page_by_page_with_filters(store: Store) -> None:
    """Risk: keyset pagination skips or repeats entries at page boundaries (verify reads 5,000 a page)."""
    for i in range(7):
        store.append_audit(actor="a", action="even" if i % 2 == 0 else "odd", subject=str(i))
    with store.transaction(write=False) as tx:
        assert [r[0] for r in tx._audit_rows(page=3)] == [1, 2, 3, 4, 5, 6, 7]
        assert [r[0] for r in tx._audit_rows(page=2, action="even")] == [1, 3, 5, 7]
        assert [e.seq for e in tx.audit_entries(action="odd", limit=2)] == [2, 4]


def test_postgres_connection_lost_is_replaced(store: Store) -> None:
    """Risk: one server restart (or idle disconnect) breaks a long-running service's store for good."""
    if store.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no server connection to lose")
    store.append_audit(actor="a", action="before", subject="x")
    with store.transaction(write=False) as tx:
        pid = tx._exec("SELECT pg_backend_pid()").fetchone()[0]
    import psycopg

    with psycopg.connect(store.url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreError, match="PostgreSQL state at"):
        store.audit_entries()
    store.append_audit(actor="a", action="after", subject="y")
    assert [e.action for e in store.audit_entries()] == ["before", "after"]
