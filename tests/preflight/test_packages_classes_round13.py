"""Round thirteen of the whole packages (tests/preflight/packages/README.md, "Round thirteen"): each class fixed, with
a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
INDEX = "preflight.index_not_concurrent"
_NUMBERED = (
    "from wallets.db import Connection\n"  # 1
    "\n"  # 2
    "async def m001_initial(db: Connection):\n"  # 3
    '    await db.execute("CREATE TABLE IF NOT EXISTS payments (id TEXT PRIMARY KEY, amount INT)")\n'  # 4
    "\n"  # 5
    "async def m002_add_memo(db: Connection):\n"  # 6
    '    await db.execute("ALTER TABLE payments ADD COLUMN memo TEXT")\n'  # 7
    "    for column in ('amount', 'memo'):\n"  # 8
    '        await db.execute(f"CREATE INDEX IF NOT EXISTS idx_{column} ON payments ({column})")\n'  # 9
    "\n"  # 10
    "async def m003_create_audit(db: Connection):\n"  # 11
    '    await db.execute("CREATE TABLE IF NOT EXISTS audit (id TEXT, at TIMESTAMP)")\n'  # 12
    '    await db.execute("CREATE INDEX IF NOT EXISTS idx_audit_at ON audit (at)")\n'  # 13
)


def test_numbered_migration_functions_are_steps_run_one_at_a_time() -> None:
    # m002 alters and indexes a table m001 created: live by then; m003 indexes the table it creates itself
    got = findings({"wallets/core/migrations.py": _NUMBERED})
    assert sorted(got) == sorted([(UNLOCKED, 7), (INDEX, 9)])


def test_numbered_functions_outside_a_migrations_module_or_alone_are_not_migrations() -> None:
    # near miss: the same functions in a module of queries, and a migrations module with one numbered function
    assert findings({"wallets/core/crud.py": _NUMBERED}) == []
    single = _NUMBERED.split("async def m002", maxsplit=1)[0]
    assert findings({"wallets/core/migrations.py": single}) == []

