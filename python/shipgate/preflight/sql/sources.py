"""Migrations not written as SQL files: a Liquibase XML changelog, an ORM migration in JavaScript/TypeScript, an
Ecto migration in Elixir, a Django/Alembic/Rails/Laravel migration (``dsl``).
Each is turned into the SQL its upgrade runs, every statement at the line it comes from, and read by
``parse_sql`` like a ``.sql`` file (``shipgate.preflight.read``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache

from shipgate.preflight.sql.builder import CodeNotes, code_reading, is_builder_migration
from shipgate.preflight.sql.changelog import changelog_sql, is_changelog
from shipgate.preflight.sql.dsl import EXTENSIONS as DSL_EXTENSIONS
from shipgate.preflight.sql.dsl import dsl_migration, is_dsl_migration
from shipgate.preflight.sql.ecto import ecto_sql, is_ecto_migration
from shipgate.preflight.sql.model import SqlFile
from shipgate.preflight.sql.orm import is_code_migration
from shipgate.preflight.sql.reader import engine_bound

_EXTENSIONS = (
    ".xml",
    ".yaml",
    ".yml",
    ".json",
    ".ts",
    ".js",
    ".mjs",
    ".cjs",
    ".mts",
    ".cts",
    ".exs",
    ".ex",
    *DSL_EXTENSIONS,
)


def may_be_migration_source(path: str) -> bool:
    """Whether the name allows ``is_migration_source`` (a cheap test before the content is decoded)."""
    return path.lower().endswith(_EXTENSIONS)


def is_migration_source(path: str, text: str) -> bool:
    """A file whose content is a migration in another form than SQL."""
    return (
        is_changelog(path, text)
        or is_code_migration(path, text)
        or is_builder_migration(path, text)
        or is_ecto_migration(path, text)
        or is_dsl_migration(path, text)
    )


def migration_sql(path: str, text: str) -> tuple[str, str | None]:
    """The SQL of a migration in another form (``is_migration_source``), else ``text`` as it is; and why it was
    not read, when it was not."""
    if is_changelog(path, text):
        changes = changelog_sql(text)
        refused = (
            "a Liquibase changelog that could not be read (not well-formed, a DTD or entity declaration, or over "
            "the element or nesting bound)"
        )
        return aligned(changes or ()), None if changes is not None else refused
    if is_code_migration(path, text) or is_builder_migration(path, text):
        strings, notes = _code(text)
        return aligned(
            [*(strings or ()), *notes.sql]
        ), None if strings is not None else "a JS/TS migration over the token bound"
    if is_ecto_migration(path, text):
        found = ecto_sql(text)
        return aligned(found or ()), None if found is not None else "an Ecto migration over the token bound"
    dsl = dsl_migration(path, text)
    if dsl is not None:
        return aligned(dsl[0]), None
    return text, None


def migration_notes(path: str, text: str) -> CodeNotes | None:
    """What a JS/TS migration says beyond its SQL strings (schema-builder calls, SQL for another database); the
    calls of a DSL migration (Django, Alembic, Rails, Laravel) its reader could not translate."""
    if is_code_migration(path, text) or is_builder_migration(path, text):
        return _code(text)[1]
    dsl = dsl_migration(path, text)
    return dsl[1] if dsl is not None else None


@lru_cache(maxsize=4)
def _code(text: str) -> tuple[list[tuple[int, str]] | None, CodeNotes]:
    """``code_reading`` of a JS/TS migration, kept for the two callers that read the same file in turn
    (``migration_sql`` then ``migration_notes``): the file is tokenised once."""
    return code_reading(text)


def with_notes(parsed: SqlFile, notes: CodeNotes | None) -> SqlFile:
    """``parsed`` with the schema-builder calls as unchecked statements, and the statements written for another
    database (``notes.foreign``) unchecked where what they lock depends on the engine."""
    if notes is None:
        return parsed
    if notes.step_starts:
        parsed = dataclasses.replace(parsed, step_starts=notes.step_starts)
    if not (notes.builder or notes.foreign):
        return parsed
    statements = [
        dataclasses.replace(s, checked=False) if s.line in notes.foreign and engine_bound(s) else s
        for s in parsed.statements
    ]
    statements = sorted([*statements, *notes.builder], key=lambda s: s.line)
    others = {notes.foreign[s.line] for s in parsed.statements if s.line in notes.foreign}
    dialect = others.pop() if len(others) == 1 else parsed.dialect if not notes.builder else "schema builder"
    return dataclasses.replace(
        parsed,
        statements=tuple(statements),
        dialect=dialect,
        unchecked=sum(not s.checked for s in statements),
        first_error=parsed.first_error or (notes.builder[0].detail if notes.builder else None),
    )


def aligned(found: Iterable[tuple[int, str]]) -> str:
    """SQL text in which each (line, statement) starts on its line (blank lines between)."""
    out: list[str] = []
    line = 1
    for at, sql in sorted(found):
        statement = sql.strip().rstrip(";").strip()
        if not statement:
            continue
        start = at + sql[: len(sql) - len(sql.lstrip())].count("\n")
        if start > line:
            out.append("\n" * (start - line))
            line = start
        out.append(statement + ";")
        line += statement.count("\n")
    return "".join(out) + "\n"
