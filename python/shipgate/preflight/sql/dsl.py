"""Migrations written in an ORM's migration DSL: Django and Alembic (Python), Rails ActiveRecord and Sequel (Ruby),
Laravel (PHP), PHP migrations that run SQL strings (Phinx, Doctrine, ``$sql_up``), Entity Framework Core (C#) and Python
modules of upgrade steps registered with an upgrade table (``upgrade_steps``). Each
reader turns the calls it knows into the SQL the framework sends to PostgreSQL; a call it does not know that may
change the schema, and a file it cannot read at all, become statements marked unchecked, so that the file is
reported ``migration_unchecked`` instead of passing as checked."""

from __future__ import annotations

from collections.abc import Callable

from shipgate.preflight.sql.builder import CodeNotes
from shipgate.preflight.sql.efcore import efcore_sql, is_efcore_migration
from shipgate.preflight.sql.laravel import is_laravel_migration, laravel_sql
from shipgate.preflight.sql.model import Statement
from shipgate.preflight.sql.phpsql import is_php_sql_migration, php_sql
from shipgate.preflight.sql.pymigration import is_python_migration, python_sql
from shipgate.preflight.sql.rails import is_rails_migration, rails_sql
from shipgate.preflight.sql.sequel import is_sequel_migration, sequel_sql
from shipgate.preflight.sql.upgrade_steps import is_upgrade_step_module, step_starts, upgrade_step_sql

Found = tuple[list[tuple[int, str]], list[tuple[int, str]]]
EXTENSIONS = (".py", ".rb", ".php", ".cs")
_READERS: tuple[tuple[Callable[[str, str], bool], Callable[[str, str], Found | None], str], ...] = (
    (is_python_migration, python_sql, "a Django/Alembic migration"),
    (is_rails_migration, rails_sql, "a Rails migration"),
    (is_sequel_migration, sequel_sql, "a Sequel migration"),
    (is_laravel_migration, laravel_sql, "a Laravel migration"),
    (is_php_sql_migration, php_sql, "a PHP migration (Phinx, Doctrine, SQL strings)"),
    (is_efcore_migration, efcore_sql, "an Entity Framework Core migration"),
    (is_upgrade_step_module, upgrade_step_sql, "a module of registered upgrade steps"),
)


def is_dsl_migration(path: str, text: str) -> bool:
    return any(test(path, text) for test, _, _ in _READERS)


def dsl_migration(path: str, text: str) -> tuple[list[tuple[int, str]], CodeNotes] | None:
    """The (line, SQL) a DSL migration runs, and its unread calls as unchecked statements; None if not one."""
    for test, read, what in _READERS:
        if not test(path, text):
            continue
        found = read(path, text)
        if found is None:
            detail = f"{what} that could not be read (not valid code for its reader, or over its bound)"
            unread = Statement(line=1, text=what, kind="schema_builder", checked=False, detail=detail)
            return [], CodeNotes(builder=(unread,))
        sql, calls = found
        notes = tuple(
            Statement(
                line=line,
                text=call,
                kind="schema_builder",
                checked=False,
                detail=f"line {line}: {call} is a migration call preflight does not read",
            )
            for line, call in calls
        )
        starts = step_starts(text) if read is upgrade_step_sql else ()
        return sql, CodeNotes(builder=notes, step_starts=starts)
    return None
