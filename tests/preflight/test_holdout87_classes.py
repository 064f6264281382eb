"""Classes of mistakes the eighty-seventh hold-out set found (tests/preflight/holdout87: database migrations and the
scripts that apply them), each as its minimal construct next to a near miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings

from shipgate.preflight.migration_runners import is_migrator, migrator_run
from shipgate.preflight.migration_sources import reads_local_migrations
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script

_UNCHECKED = "preflight.migration_unchecked"
_UNLOCKED = "preflight.migration_unlocked"
_HIDDEN = "preflight.hidden_migration"
_OUTSIDE = "preflight.migration_outside_lock"

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


# -- B: Flyway or golang-migrate pointed at a local folder of migrations: the package's files, under their lock ---


def test_b_flyway_given_a_local_folder_is_neither_hidden_nor_outside_a_lock() -> None:
    script = (
        "#!/bin/bash\n"
        "flyway \\\n"
        "    -user=$POSTGRES_USER \\\n"
        '    -url="jdbc:postgresql://$POSTGRES_HOST/app" \\\n'
        '    -locations="filesystem:$PWD/sql" \\\n'
        "    migrate\n"
        "flyway -url=jdbc:postgresql://db/app -locations filesystem:/flyway/sql,filesystem:/flyway/extra migrate\n"
    )
    found = findings({"devops/migrate.sh": script})
    assert [f for f in found if f[0] in (_HIDDEN, _OUTSIDE)] == []


def test_b_near_miss_a_jar_classpath_a_remote_location_or_none_stays_hidden() -> None:
    script = (
        "#!/bin/bash\n"
        "flyway -url=jdbc:postgresql://db/app -locations=classpath:db/migration migrate\n"
        "flyway -url=jdbc:postgresql://db/app -locations=filesystem:sql,s3:bucket/migrations migrate\n"
        "flyway -url=jdbc:postgresql://db/app migrate\n"
    )
    assert codes_at({"devops/migrate.sh": script}, _HIDDEN) == [2, 3, 4]


def test_b_golang_migrates_local_and_remote_sources() -> None:
    """golang-migrate's source is read by migration_runners (its lock and folder, with its verb): ``_hidden_tool``
    asks ``is_migrator`` before ``reads_local_migrations``, so migration_sources never sees a ``migrate`` command
    (session 23 removed its unreachable branch for it)."""

    def command(line: str) -> Command:
        return parse_script(line + "\n", path="migrate.sh").commands[0]

    local = (
        'migrate -path /migrations -database "$DATABASE_URL" up',
        "migrate -source=file://db/migrations -database $URL up",
    )
    elsewhere = ("migrate -source github://vendor/app/migrations -database $URL up", "migrate -database $URL up")
    assert all(is_migrator(command(line)) for line in local + elsewhere)
    assert [migrator_run(command(line)) for line in local] == ["locked", "locked"]
    assert "locked" not in [migrator_run(command(line)) for line in elsewhere]
    assert not any(reads_local_migrations(command(line)) for line in local)
    assert codes_at({"migrate.sh": "\n".join(local) + "\n"}, _HIDDEN) == []
    assert codes_at({"migrate.sh": "\n".join(elsewhere) + "\n"}, _HIDDEN) == [1, 2]
    assert not reads_local_migrations(command("goose -dir migrations postgres $URL up"))
