"""What a JS/TS migration's ``up`` says beyond its SQL strings: schema-builder calls that change an existing table
(Knex ``knex.schema.alterTable(…)``, TypeORM ``queryRunner.addColumn(…)``, Sequelize
``queryInterface.changeColumn(…)``); and SQL written for another database, inside a branch on the client's dialect
(``if (knex.client.dialect === "sqlite3") { … }``, also through a variable holding that comparison). A TypeORM or
Sequelize call whose arguments are literals is written as the PostgreSQL statement the framework sends
(``builder_calls``) and checked like SQL, as is a Knex ``alterTable`` callback in a file that tests the client for no
other database (``knex_calls``); any other builder call (one with an argument held in a variable, a Knex call in a
file that branches on SQLite or MySQL) is a migration preflight cannot check: reported as unchecked, not ignored.
SQL for another database is unchecked too, not read as PostgreSQL. Creating a new table through the builder changes
nothing that exists and is not reported."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from shipgate.preflight.sql.builder_calls import RECEIVERS, builder_sql
from shipgate.preflight.sql.call_args import call_args
from shipgate.preflight.sql.call_args import pairs as call_pairs
from shipgate.preflight.sql.knex_calls import knex_sql
from shipgate.preflight.sql.model import Statement
from shipgate.preflight.sql.orm import MAX_TOKENS, Token, sql_strings, tokens, up_body

# Builder calls that change (or drop) an existing table or its indexes.
BUILDER_CALLS = frozenset(
    {
        "alterTable",
        "dropTable",
        "dropTableIfExists",
        "renameTable",
        "addColumn",
        "addColumns",
        "changeColumn",
        "changeColumns",
        "removeColumn",
        "renameColumn",
        "dropColumn",
        "dropColumns",
        "addIndex",
        "createIndex",
        "dropIndex",
        "removeIndex",
        "addConstraint",
        "removeConstraint",
        "createForeignKey",
        "createForeignKeys",
        "dropForeignKey",
        "createUniqueConstraint",
        "createUniqueConstraints",
        "dropUniqueConstraint",
        "createCheckConstraint",
        "dropCheckConstraint",
        "createPrimaryKey",
        "dropPrimaryKey",
        "createIndices",
    }
)
# Client names of databases other than PostgreSQL, as Knex, TypeORM and Sequelize spell them.
_OTHER_CLIENTS = {
    "sqlite3": "sqlite",
    "sqlite": "sqlite",
    "better-sqlite3": "sqlite",
    "mysql": "mysql",
    "mysql2": "mysql",
    "mariadb": "mysql",
    "mssql": "mssql",
    "oracledb": "oracle",
}


_BUILDER_CALL = re.compile(r"\.(?:" + "|".join(sorted(BUILDER_CALLS)) + r")\s*\(|\bschema\s*\.\s*table\s*\(")
_EXTENSIONS = (".ts", ".js", ".mjs", ".cjs", ".mts", ".cts")


def is_builder_migration(path: str, text: str) -> bool:
    """A JS/TS file in a ``migration(s)`` directory that defines ``up`` and calls the schema builder."""
    lower = path.lower()
    if not lower.endswith(_EXTENSIONS) or lower.endswith(".d.ts"):
        return False
    folders = lower.split("/")[:-1]
    return any("migration" in f for f in folders) and "up" in text and bool(_BUILDER_CALL.search(text))


_MAX_CONDITION = 64  # tokens of an if's condition that tests the client


@dataclass(frozen=True)
class CodeNotes:
    builder: tuple[Statement, ...] = ()  # one unchecked statement per schema-builder call
    foreign: dict[int, str] = field(default_factory=dict)  # line of an SQL string -> the other database it is for
    sql: tuple[tuple[int, str], ...] = ()  # (line, statement) of the builder calls written as SQL (builder_calls)
    step_starts: tuple[int, ...] = ()  # lines where each separately run step of the file begins (upgrade_steps)


def _builder(body: list[Token], pairs: dict[int, int], knex_pg: bool) -> tuple[list[Statement], list[tuple[int, str]]]:
    """The builder calls that stay unchecked, and those written as the SQL TypeORM/Sequelize sends (and Knex, when
    ``knex_pg``: the file tests the client for no other database)."""
    found: list[Statement] = []
    written: list[tuple[int, str]] = []
    read_to = -1  # the end of a Knex call written as SQL: the calls in its callback are read
    for k, tok in enumerate(body[:-1]):
        if k <= read_to or tok.kind != "name" or body[k + 1].text != "(":
            continue
        on_schema = k >= 2 and body[k - 1].text == "." and body[k - 2].text == "schema"
        knex_table = tok.text == "table" and on_schema
        if k >= 2 and body[k - 1].text == "." and body[k - 2].text in RECEIVERS:
            sql = builder_sql(tok.text, call_args(body, k + 1, pairs)[0])
            if sql is not None:
                written.extend((tok.line, s) for s in sql)
                continue
        if knex_pg and on_schema and tok.text in ("alterTable", "table"):
            knex = knex_sql(body, k, pairs)
            if knex is not None:
                written.extend(knex)
                read_to = pairs.get(k + 1, k)
                continue
        if tok.text in BUILDER_CALLS or knex_table:
            target = body[k + 2].text if k + 2 < len(body) and body[k + 2].kind == "string" else "?"
            call = f"{tok.text}({target!r})"
            detail = f"line {tok.line}: {call} is a schema-builder call: its SQL depends on the database client"
            found.append(Statement(line=tok.line, text=call, kind="schema_builder", checked=False, detail=detail))
    return found, written


def _compares_other(cond: list[Token]) -> str | None:
    """The other database a condition tests the client for (``=== "sqlite3"``), None for any other test."""
    for k, tok in enumerate(cond):
        if tok.kind == "string" and tok.text in _OTHER_CLIENTS:
            before = _operator(reversed(cond[:k]))[::-1]
            if before in ("===", "==") or _operator(cond[k + 1 :]) in ("===", "=="):
                return _OTHER_CLIENTS[tok.text]
    return None


def _operator(toks: Iterable[Token]) -> str:
    """The run of ``=``/``!`` punctuation at the start of ``toks`` (a comparison operator: ``===``, ``!==``)."""
    run = []
    for t in toks:
        if t.kind != "punct" or t.text not in "=!":
            break
        run.append(t.text)
    return "".join(run)


def _flags(body: list[Token]) -> dict[str, str]:
    """Variables assigned a client comparison: ``const isSQLite = knex.client.dialect === "sqlite3"``."""
    flags: dict[str, str] = {}
    for k, tok in enumerate(body[:-2]):
        if tok.kind == "name" and tok.text in ("const", "let", "var") and body[k + 1].kind == "name":
            end = next((j for j in range(k + 2, min(k + 40, len(body))) if body[j].text == ";"), min(k + 40, len(body)))
            other = _compares_other(body[k + 2 : end])
            if other:
                flags[body[k + 1].text] = other
    return flags


def _foreign(body: list[Token], pairs: dict[int, int]) -> dict[int, str]:
    """Lines of the string literals inside ``if (…) { … }`` blocks whose condition picks another database."""
    flags = _flags(body)
    out: dict[int, str] = {}
    marked_to = -1  # an if inside a marked block adds nothing (each token is looked at a bounded number of times)
    for k, tok in enumerate(body[:-1]):
        if k <= marked_to or tok.kind != "name" or tok.text != "if" or body[k + 1].text != "(":
            continue
        close = pairs.get(k + 1)
        if close is None or close - k > _MAX_CONDITION:  # unclosed, or not a test of the client
            continue
        cond = body[k + 2 : close]
        names = [t.text for j, t in enumerate(cond) if t.kind == "name" and (j == 0 or cond[j - 1].text != "!")]
        other = _compares_other(cond) or next((flags[n] for n in names if n in flags), None)
        end = pairs.get(close + 1) if close + 1 < len(body) and body[close + 1].text == "{" else None
        if other and end is not None:
            out.update({t.line: other for t in body[close + 2 : end] if t.kind == "string"})
            marked_to = end
    return out


def code_reading(text: str) -> tuple[list[tuple[int, str]] | None, CodeNotes]:
    """A JS/TS migration's ``up`` read once: the (line, SQL) of its SQL strings (None past ``MAX_TOKENS``), and its
    schema-builder calls (written as SQL where ``builder_calls`` can, else unchecked) and SQL for other databases."""
    toks = list(tokens(text))
    if len(toks) >= MAX_TOKENS:
        return None, CodeNotes()
    body = up_body(toks)
    pairs = call_pairs(body)
    foreign = _foreign(body, pairs)
    unread, written = _builder(body, pairs, knex_pg=_compares_other(body) is None)
    return list(sql_strings(body)), CodeNotes(builder=tuple(unread), foreign=foreign, sql=tuple(written))
