"""Classes of mistakes the eighty-seventh hold-out set found (tests/preflight/holdout87: database migrations and the
scripts that apply them), each as its minimal construct next to a near miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at

_UNCHECKED = "preflight.migration_unchecked"
_UNLOCKED = "preflight.migration_unlocked"

# -- A: a script for the sqlite3 shell, or SQLite's conflict clause, names SQLite ---------------------------------


def test_a_a_sqlite3_shell_script_is_sqlite_and_its_alter_is_not_judged_by_postgresql() -> None:
    sql = (
        ".bail on\n"
        ".echo on\n"
        "BEGIN TRANSACTION;\n"
        "\tDELETE FROM meta WHERE key='schema_version' AND value='2';\n"
        "\tALTER TABLE users ADD COLUMN user_database TEXT;\n"
        "COMMIT;\n"
    )
    files = {"sql-update/update-2to3.sql": sql}
    assert codes_at(files, _UNLOCKED) == []
    assert codes_at(files, _UNCHECKED) == [1]


def test_a_sqlites_conflict_clause_names_sqlite() -> None:
    sql = (
        "INSERT OR ROLLBACK INTO meta (key, value) VALUES ('schema_version', '4');\n"
        "ALTER TABLE mailboxes ADD COLUMN quota INTEGER;\n"
    )
    files = {"sql-update/update-3to4.sql": sql}
    assert codes_at(files, _UNLOCKED) == []
    assert codes_at(files, _UNCHECKED) == [1]


def test_a_near_miss_or_in_postgresql_text_and_psql_commands_keep_the_postgresql_rules() -> None:
    # ``OR`` in a condition, a psql backslash command, a line starting with a dot inside a string: PostgreSQL
    sql = (
        "\\set ON_ERROR_STOP on\n"
        "UPDATE users SET active = false WHERE banned OR deleted;\n"
        "INSERT INTO notes (body) VALUES ('line one\n"
        ".echo on is only text here');\n"
        "ALTER TABLE users ADD COLUMN note TEXT;\n"
    )
    files = {"migrations/0007_note.sql": sql}
    assert codes_at(files, _UNLOCKED) == [5]
    assert codes_at(files, _UNCHECKED) == []
