"""SQL given to psql on its command line (``psql app -c "ALTER TABLE users DROP COLUMN id"``): the statement runs
against the live database as a migration file's would, so it is read the same way (``docs/preflight.md``, "Schema
migrations") and its locks, index builds and rewrites are reported at the command's line. Only text whose value is
known without running the script is read (``-c "$SQL"`` is not); another client's inline SQL (``mysql -e``) is
MySQL's, whose lock rules are not PostgreSQL's: a schema change there is reported unchecked, once per script, as a
MySQL migration file is."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from shipgate.preflight.containers import container_command
from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.sql import SqlFile, parse_sql

_MYSQL_CLIENTS = frozenset({"mysql", "mariadb"})


def _client(command: Command, names: frozenset[str]) -> Command | None:
    """``command`` when it is one of the clients ``names``, or the one it runs in a container (``docker exec db psql
    -c …``)."""
    if command.name in names:
        return command
    inner = container_command(command)
    return inner if inner is not None and inner.name in names else None


def _given_sql(path: str, client: Command, *options: str) -> Iterator[SqlFile]:
    """The SQL each of ``options``' known values gives, its statements at the lines the values are written on."""
    for word in option_values(client, *options):
        if word.value is None or not word.value.strip():
            continue
        sql = parse_sql(word.value, path=path)
        if not sql.skipped:
            yield _at(sql, word.line)


def _at(sql: SqlFile, first_line: int) -> SqlFile:
    statements = tuple(dataclasses.replace(s, line=first_line + s.line - 1) for s in sql.statements)
    return dataclasses.replace(sql, statements=statements)


def _fed_sql(path: str, command: Command) -> Iterator[SqlFile]:
    """The SQL ``command`` feeds its client on standard input as literal text: a heredoc whose body the shell leaves
    as written (no ``$`` expansion in it, or a quoted marker), its statements at the body's lines, or a here-string of
    known value (``<<< "ALTER TABLE …"``) at the command's line."""
    for redirect in command.redirects:
        if redirect.op.startswith("<<") and redirect.op != "<<<" and redirect.body and not redirect.expands:
            text, line = redirect.body, redirect.body_line or command.line
        elif redirect.op == "<<<" and redirect.target is not None and redirect.target.value:
            text, line = redirect.target.value, command.line
        else:
            continue
        sql = parse_sql(text, path=path)
        if not sql.skipped:
            yield _at(sql, line)


def _client_sql(path: str, command: Command, client: Command, options: tuple[str, ...], fed: bool) -> list[SqlFile]:
    """The SQL ``options`` give ``client``, and with ``fed`` what ``command`` feeds it on standard input."""
    return [*_given_sql(path, client, *options), *(_fed_sql(path, command) if fed else ())]


def inline_sql(path: str, script: Script, *, fed: bool = False) -> Iterator[tuple[Command, SqlFile]]:
    """Each psql run of ``script`` (written at ``path``) with the SQL its ``-c``/``--command`` values give (with
    ``fed``, also a heredoc or here-string it reads: ``psql "$DATABASE_URL" <<EOF`` … ``EOF``), read as one PostgreSQL
    file whose statements sit at the lines the text is written on."""
    for command in script.commands:
        psql = _client(command, frozenset({"psql"}))
        for sql in _client_sql(path, command, psql, ("-c", "--command"), fed) if psql is not None else ():
            if not sql.unchecked and sql.dialect == "postgresql":  # not PostgreSQL's SQL: left unread
                yield command, sql


def mysql_inline_sql(path: str, script: Script, *, fed: bool = False) -> Iterator[tuple[Command, SqlFile]]:
    """Each mysql/mariadb run of ``script`` with the SQL its ``-e``/``--execute`` values give (``mysql app -e "ALTER
    TABLE nodes DROP COLUMN x"``; with ``fed``, also a heredoc or here-string it reads): MySQL's statements, whose
    locks and rebuilds are not PostgreSQL's; the caller reports the schema changes among them unchecked
    (docs/preflight.md, "Schema migrations")."""
    for command in script.commands:
        client = _client(command, _MYSQL_CLIENTS)
        for sql in _client_sql(path, command, client, ("-e", "--execute"), fed) if client is not None else ():
            yield command, sql
