"""Hold-out set 225 (tests/preflight/holdout225/README.md): the first run had no disagreement; the class below is the
safe form of the set's own construct (chat-web-app's, NLX's and zero_to_prod's backfill-then-``SET NOT NULL``), with
near misses that must keep their result."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.sql import parse_sql

SCAN = "preflight.migration_rewrites_table"
UNLOCKED = "preflight.migration_unlocked"


def _migration(*lines: str) -> dict[str, str]:
    return {"migrations/0002_status_not_null.up.sql": "\n".join(lines) + "\n"}


# -- A: SET NOT NULL after a validated CHECK (col IS NOT NULL) is proven, not scanned (PostgreSQL 12+) ----------------


def test_a_check_not_valid_then_validate_then_set_not_null_is_no_scan() -> None:
    files = _migration(
        "SET lock_timeout = '5s';",  # 1
        "ALTER TABLE subscriptions ADD CONSTRAINT status_nn CHECK (status IS NOT NULL) NOT VALID;",  # 2
        "ALTER TABLE subscriptions VALIDATE CONSTRAINT status_nn;",  # 3
        "ALTER TABLE subscriptions ALTER COLUMN status SET NOT NULL;",  # 4
        "ALTER TABLE subscriptions DROP CONSTRAINT status_nn;",  # 5
    )
    assert codes_at(files, SCAN) == []


def test_a_the_lock_of_the_proven_set_not_null_is_still_judged() -> None:
    files = _migration(
        "ALTER TABLE app.messages ADD CONSTRAINT update_at_nn CHECK (update_at IS NOT NULL) NOT VALID;",  # 1
        "ALTER TABLE app.messages VALIDATE CONSTRAINT update_at_nn;",  # 2
        "ALTER TABLE app.messages ALTER COLUMN update_at SET NOT NULL;",  # 3
    )
    assert codes_at(files, SCAN) == []
    assert codes_at(files, UNLOCKED) == [1, 3]


def test_a_a_check_validated_when_added_scans_there_not_at_set_not_null() -> None:
    files = _migration(
        "SET lock_timeout = '5s';",  # 1
        "ALTER TABLE inways ADD CONSTRAINT version_nn CHECK (version IS NOT NULL);",  # 2
        "ALTER TABLE inways ALTER COLUMN version SET NOT NULL;",  # 3
    )
    assert codes_at(files, SCAN) == [2]


def test_a_check_never_validated_proves_nothing() -> None:
    files = _migration(
        "SET lock_timeout = '5s';",  # 1
        "ALTER TABLE subscriptions ADD CONSTRAINT status_nn CHECK (status IS NOT NULL) NOT VALID;",  # 2
        "ALTER TABLE subscriptions ALTER COLUMN status SET NOT NULL;",  # 3
    )
    assert codes_at(files, SCAN) == [3]


def test_a_check_dropped_before_set_not_null_proves_nothing() -> None:
    files = _migration(
        "SET lock_timeout = '5s';",  # 1
        "ALTER TABLE subscriptions ADD CONSTRAINT status_nn CHECK (status IS NOT NULL) NOT VALID;",  # 2
        "ALTER TABLE subscriptions VALIDATE CONSTRAINT status_nn;",  # 3
        "ALTER TABLE subscriptions DROP CONSTRAINT status_nn;",  # 4
        "ALTER TABLE subscriptions ALTER COLUMN status SET NOT NULL;",  # 5
    )
    assert codes_at(files, SCAN) == [5]


def test_a_check_of_another_column_table_or_condition_proves_nothing() -> None:
    other_column = _migration(
        "SET lock_timeout = '5s';",  # 1
        "ALTER TABLE subscriptions ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;",  # 2
        "ALTER TABLE subscriptions VALIDATE CONSTRAINT email_nn;",  # 3
        "ALTER TABLE subscriptions ALTER COLUMN status SET NOT NULL;",  # 4
    )
    other_table = _migration(
        "SET lock_timeout = '5s';",  # 1
        "ALTER TABLE users ADD CONSTRAINT status_nn CHECK (status IS NOT NULL);",  # 2
        "ALTER TABLE subscriptions ALTER COLUMN status SET NOT NULL;",  # 3
    )
    other_condition = _migration(
        "SET lock_timeout = '5s';",  # 1
        "ALTER TABLE subscriptions ADD CONSTRAINT status_set CHECK (status <> '') NOT VALID;",  # 2
        "ALTER TABLE subscriptions VALIDATE CONSTRAINT status_set;",  # 3
        "ALTER TABLE subscriptions ALTER COLUMN status SET NOT NULL;",  # 4
    )
    assert codes_at(other_column, SCAN) == [4]
    assert codes_at(other_table, SCAN) == [2, 3]
    assert codes_at(other_condition, SCAN) == [4]


def test_a_a_statement_that_also_rewrites_keeps_its_rewrite() -> None:
    sql = parse_sql(
        "ALTER TABLE s ADD CONSTRAINT x_nn CHECK (x IS NOT NULL) NOT VALID;\n"
        "ALTER TABLE s VALIDATE CONSTRAINT x_nn;\n"
        "ALTER TABLE s ALTER COLUMN x SET NOT NULL, ALTER COLUMN y TYPE bigint;\n",
        path="migrations/3.sql",
    )
    assert [s.rewrites_table for s in sql.statements] == [False, False, True]
