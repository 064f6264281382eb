"""SQL handed to a database client as text: ``echo "drop database if exists app; create database app" | mysql``,
``mysql -e "DROP DATABASE app"``, ``psql -c 'DROP DATABASE app'``, a heredoc or here-string fed to the client. A
statement that drops a database deletes every table it holds, as ``dropdb`` does (only the verb is read, so the name
may come from a variable: ``drop database ${DB}``); one that creates a database makes an empty one, into which a
schema file loaded next is the first load, not a migration of existing tables. An account's password written in
that SQL (``CREATE USER 'app'@'%' IDENTIFIED BY 'x'``, ``ALTER ROLE app PASSWORD 'x'``, ``SET PASSWORD … =
PASSWORD('x')``) is a literal every install shares (``sql_passwords``), as in a ``.sql`` file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.containers import container_command
from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.model import Command

# The command-line clients of PostgreSQL, MySQL and MariaDB, and the option that takes a statement on each.
_CLIENT_OPTIONS = {
    "psql": ("-c", "--command"),
    "mysql": ("-e", "--execute"),
    "mariadb": ("-e", "--execute"),
}
_PRINTERS = frozenset({"echo", "printf"})
# A statement (the text's start or after a ``;``) that drops a database, or a schema with everything in it, and
# the name it drops.
_DROP = re.compile(r"(?:^|;)\s*drop\s+(?:database|schema)\b(?:\s+if\s+exists)?\s*([\w$.{}`\"'-]*)", re.I)
# MySQL's and MariaDB's stock ``test`` database, open to anonymous users: the secure-installation step every
# installer copies (``DROP DATABASE IF EXISTS test; DELETE FROM mysql.db WHERE Db='test' …``) drops it on a new
# server, where it holds nothing of the product's.
_STOCK_TEST = "test"
# A statement that creates a database, and the name it gives it.
_CREATE = re.compile(r"(?:^|;)\s*create\s+database\s+(?:if\s+not\s+exists\s+)?([\w$.{}`-]+)", re.I)


def _client(command: Command) -> Command | None:
    """``command`` when it is a database client, or the client it runs in a container (``docker exec -i db mysql``)."""
    if command.name in _CLIENT_OPTIONS:
        return command
    inner = container_command(command)
    return inner if inner is not None and inner.name in _CLIENT_OPTIONS else None


# A password literal in an account statement: MySQL/MariaDB ``IDENTIFIED [WITH plugin] BY 'x'``, ``PASSWORD('x')``,
# ``SET PASSWORD … = 'x'``; PostgreSQL ``[ENCRYPTED] PASSWORD 'x'`` in CREATE/ALTER ROLE/USER.
_PASSWORD_LITERAL = re.compile(
    r"(?i)\bIDENTIFIED\s+(?:WITH\s+\w+\s+)?BY\s+'([^'$]{1,256})'"
    r"|\bPASSWORD\s*\(\s*'([^'$]{1,256})'\s*\)"
    r"|\bSET\s+PASSWORD\b[^;=]{0,200}=\s*'([^'$]{1,256})'"
    r"|\b(?:ROLE|USER)\b[^;]{0,200}?\bPASSWORD\s+'([^'$]{1,256})'"
)


def _statements(text: str) -> str:
    return text.replace('"', "").replace("'", "").replace("\\\n", " ")


def _given_texts(command: Command) -> Iterator[str]:
    """The SQL text ``command`` hands a client: its statement options, a heredoc or here-string it reads, or what
    ``echo``/``printf`` print into a pipe that ends in a client."""
    client = _client(command)
    if client is not None:
        names = _CLIENT_OPTIONS[client.name or ""]
        yield from (w.text for w in option_values(client, *names))
        for redirect in command.redirects:
            if redirect.op.startswith("<<") and redirect.body is not None:
                yield redirect.body
            elif redirect.op == "<<<" and redirect.target is not None:
                yield redirect.target.text
    elif command.name in _PRINTERS and any(n in _CLIENT_OPTIONS for n in command.piped_to):
        yield " ".join(w.text for w in command.words)


def sql_passwords(command: Command) -> Iterator[tuple[int, str]]:
    """(line, literal) of each account password the SQL ``command`` gives a client writes as a literal: a heredoc's
    at its own line, an option's or a printed statement's at the command's. The client may be named by a variable
    (``"${mysql[@]}" <<-EOSQL``, the official MySQL image's). Words are read as written: a value with ``$`` is
    filled in by the shell (or a client variable) and holds no literal of the statement's own."""
    client = _client(command)
    texts: list[tuple[int, str]] = []
    if client is not None:
        names = _CLIENT_OPTIONS[client.name or ""]
        texts += [(w.line or command.line, w.raw) for w in option_values(client, *names)]
    if client is not None or command.name is None:
        for redirect in command.redirects:
            if redirect.op.startswith("<<") and redirect.body is not None:
                texts.append((redirect.body_line or command.line, redirect.body))
            elif redirect.op == "<<<" and redirect.target is not None and client is not None:
                texts.append((command.line, redirect.target.raw))
    elif command.name in _PRINTERS and any(n in _CLIENT_OPTIONS for n in command.piped_to):
        texts.append((command.line, " ".join(w.raw for w in command.words)))
    for start, text in texts:
        for m in _PASSWORD_LITERAL.finditer(text[:200_000]):
            value = next(g for g in m.groups() if g is not None)
            yield start + text.count("\n", 0, m.start()), value


def drops_database(command: Command) -> bool:
    """Whether ``command`` gives a database client SQL that drops a database or schema."""
    return any(
        m.group(1).strip("`\"'").lower() != _STOCK_TEST
        for text in _given_texts(command)
        for m in _DROP.finditer(_statements(text))
    )


def created_databases(command: Command) -> frozenset[str]:
    """The databases the SQL ``command`` gives a client creates (``create database app``), by name as written."""
    return frozenset(
        m.group(1).strip("`") for text in _given_texts(command) for m in _CREATE.finditer(_statements(text))
    )
