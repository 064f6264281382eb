"""A migration file as statements: what each does to which tables, which locks it takes, whether it can be
undone. Shared with the plan (rollback classification, window estimates)."""

from __future__ import annotations

from dataclasses import dataclass

REVERSIBLE = "reversible"
DATA_LOSS = "data_loss"
IRREVERSIBLE = "irreversible"


@dataclass(frozen=True, kw_only=True)
class Statement:
    line: int
    text: str  # the statement, shortened to MAX_EXCERPT characters
    kind: str  # create_table, alter_table_add_column, alter_table_drop_column, alter_column_type, drop_table,
    # create_index, drop_index, update, delete, insert, truncate, set, lock, advisory_lock, begin, commit, …
    tables: tuple[str, ...] = ()
    takes_lock: bool = False  # waits for a lock that blocks reads or writes of an existing table
    sets_lock_timeout: bool = False  # SET [LOCAL] lock_timeout (or MySQL lock_wait_timeout)
    advisory_lock: bool = False  # pg_advisory_lock / pg_advisory_xact_lock / GET_LOCK
    rewrites_table: bool = False  # rewrites or scans the whole table under ACCESS EXCLUSIVE
    concurrent: bool = False  # CREATE/DROP INDEX CONCURRENTLY
    reversibility: str = REVERSIBLE
    checked: bool = True  # False when the PostgreSQL parser could not read it (other dialect, error)
    detail: str = ""
    password_role: str | None = None  # CREATE/ALTER ROLE … PASSWORD 'literal'
    stored_password: str | None = None  # INSERT/UPDATE of crypt('literal', …), PASSWORD('literal'): the literal
    # ``CHECK (col IS NOT NULL)`` constraints the statement adds, validates or drops, as (event, constraint, column):
    # 'valid' (added and validated at once), 'not_valid', 'validate' or 'drop' (the column '' when not named here)
    not_null_checks: tuple[tuple[str, str, str], ...] = ()
    # the columns of a SET NOT NULL when that scan is all the statement's rewrites_table says (proven_not_null.py)
    scans_for_not_null: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SqlFile:
    path: str
    dialect: str  # 'postgresql' | 'mysql' | 'sqlite' | 'unknown'
    statements: tuple[Statement, ...] = ()
    unchecked: int = 0  # statements the PostgreSQL parser did not accept
    first_error: str | None = None
    skipped: str | None = None  # why the file was not read (over a bound)
    step_starts: tuple[int, ...] = ()  # lines where a separately run step begins (a module of upgrade functions)

    @property
    def locked(self) -> bool:
        """The migration bounds its lock waits or serialises itself (lock_timeout, an advisory lock)."""
        return any(s.sets_lock_timeout or s.advisory_lock for s in self.statements)
