"""What a JS/TS migration's ``up`` says beyond its SQL strings: schema-builder calls that change an existing table
(Knex ``knex.schema.alterTable(…)``, TypeORM ``queryRunner.addColumn(…)``, Sequelize
``queryInterface.changeColumn(…)``), whose SQL depends on the database client and is not in the file; and SQL
written for another database, inside a branch on the client's dialect (``if (knex.client.dialect === "sqlite3")
{ … }``, also through a variable holding that comparison). Both are migrations preflight cannot check: they are
reported as unchecked, not read as PostgreSQL and not ignored. Creating a new table through the builder changes
nothing that exists and is not reported."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from shipgate.preflight.sql.model import Statement
from shipgate.preflight.sql.orm import MAX_TOKENS, Token, tokens, up_body

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


def _builder(body: list[Token]) -> list[Statement]:
    found: list[Statement] = []
    for k, tok in enumerate(body[:-1]):
        if tok.kind != "name" or body[k + 1].text != "(":
            continue
        knex_table = tok.text == "table" and k >= 2 and body[k - 1].text == "." and body[k - 2].text == "schema"
        if tok.text in BUILDER_CALLS or knex_table:
            target = body[k + 2].text if k + 2 < len(body) and body[k + 2].kind == "string" else "?"
            call = f"{tok.text}({target!r})"
            detail = f"line {tok.line}: {call} is a schema-builder call: its SQL depends on the database client"
            found.append(Statement(line=tok.line, text=call, kind="schema_builder", checked=False, detail=detail))
    return found


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


def _foreign(body: list[Token]) -> dict[int, str]:
    """Lines of the string literals inside ``if (…) { … }`` blocks whose condition picks another database."""
    flags = _flags(body)
    pairs = _pairs(body)
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


def _pairs(body: list[Token]) -> dict[int, int]:
    """Each ``(``/``{``/``[``'s index to its closer's, found in one pass (a hostile file stays linear)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for j, t in enumerate(body):
        if t.kind == "punct" and t.text in "({[":
            stack.append(j)
        elif t.kind == "punct" and t.text in ")}]" and stack:
            pairs[stack.pop()] = j
    return pairs


def code_notes(text: str) -> CodeNotes:
    """The schema-builder calls and the SQL for other databases of a JS/TS migration's ``up``."""
    toks = list(tokens(text))
    if len(toks) >= MAX_TOKENS:
        return CodeNotes()
    body = up_body(toks)
    return CodeNotes(builder=tuple(_builder(body)), foreign=_foreign(body))
