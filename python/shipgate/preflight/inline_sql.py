"""SQL given to psql on its command line (``psql app -c "ALTER TABLE users DROP COLUMN id"``): the statement runs
against the live database as a migration file's would, so it is read the same way (``docs/preflight.md``, "Schema
migrations") and its locks, index builds and rewrites are reported at the command's line. Only text whose value is
known without running the script is read (``-c "$SQL"`` is not); another client's inline SQL (``mysql -e``) is
MySQL's, whose lock rules are not PostgreSQL's, and stays unread."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from shipgate.preflight.containers import container_command
from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.sql import SqlFile, parse_sql


def _psql(command: Command) -> Command | None:
    """``command`` when it is psql, or the psql it runs in a container (``docker exec db psql -c …``)."""
    if command.name == "psql":
        return command
    inner = container_command(command)
    return inner if inner is not None and inner.name == "psql" else None


def inline_sql(path: str, script: Script) -> Iterator[tuple[Command, SqlFile]]:
    """Each psql run of ``script`` (written at ``path``) with the SQL its ``-c``/``--command`` values give, read as
    one PostgreSQL file whose statements sit at the lines the values are written on."""
    for command in script.commands:
        psql = _psql(command)
        if psql is None:
            continue
        for word in option_values(psql, "-c", "--command"):
            if word.value is None or not word.value.strip():
                continue
            sql = parse_sql(word.value, path=path)
            if sql.skipped or sql.unchecked or sql.dialect != "postgresql":  # not PostgreSQL's SQL: left unread
                continue
            statements = tuple(dataclasses.replace(s, line=word.line + s.line - 1) for s in sql.statements)
            yield command, dataclasses.replace(sql, statements=statements)
