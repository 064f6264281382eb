"""Knex's schema builder written as the PostgreSQL statements Knex sends with its ``pg`` client: ``knex.schema
.alterTable('t', (table) => { table.dropColumn('c'); table.string('c').notNullable(); table.bigInteger('n')
.alter(); table.index(['c']) })`` becomes ``ALTER TABLE "t" DROP COLUMN "c"``, ``… ADD COLUMN "c" varchar(255) NOT
NULL``, ``… ALTER COLUMN "n" TYPE bigint``, ``CREATE INDEX … ON "t" ("c")``, each at its call's line, so that a Knex
migration is checked like its SQL (the corpus README's labelling rule, session 30: holdout61, holdout71 and
holdout183 read Knex as PostgreSQL; a product on another database is unchecked, holdout13).

Read: ``alterTable``/``table`` with a literal table name and a callback whose every statement is a call on its
parameter: a column type (with ``notNullable``/``nullable``/``defaultTo(literal)``, or ``alter()``), ``dropColumn(s)``,
``renameColumn``, ``index``, ``unique``, ``dropIndex``. Anything else (a modifier or method not listed, a name held in a
variable) returns None: the caller leaves the whole call unchecked."""

from __future__ import annotations

from shipgate.preflight.sql.builder_calls import ident, sql_literal
from shipgate.preflight.sql.call_args import Raw, Value, call_args, names, text
from shipgate.preflight.sql.orm import Token

# Knex column types as PostgreSQL's (``string`` takes its length as the second argument).
_TYPES = {
    "string": "varchar",
    "text": "text",
    "integer": "integer",
    "bigInteger": "bigint",
    "smallint": "smallint",
    "tinyint": "smallint",
    "boolean": "boolean",
    "timestamp": "timestamptz",
    "datetime": "timestamptz",
    "date": "date",
    "time": "time",
    "uuid": "uuid",
    "json": "json",
    "jsonb": "jsonb",
    "float": "real",
    "double": "double precision",
    "decimal": "decimal",
    "increments": "serial",
    "bigIncrements": "bigserial",
}
_COLUMN_MODIFIERS = frozenset({"notNullable", "nullable", "defaultTo", "alter"})
_MAX_CALLS = 64  # statements read in one callback


def knex_sql(body: list[Token], k: int, pairs: dict[int, int]) -> list[tuple[int, str]] | None:
    """The (line, SQL) of the ``alterTable``/``table`` call whose name is ``body[k]``; None when any part of its
    callback is not read here."""
    args, _ = call_args(body, k + 1, pairs)
    table = text(args[0]) if args else None
    close = pairs.get(k + 1)
    if table is None or close is None:
        return None
    start = next((j for j in range(k + 2, close) if body[j].text == "{"), None)
    end = pairs.get(start) if start is not None else None
    if start is None or end is None:
        return None
    param = next((t.text for t in reversed(body[k + 2 : start]) if t.kind == "name" and t.text != "function"), None)
    out: list[tuple[int, str]] = []
    j = start + 1
    while j < end:
        while j < end and body[j].text in (";", "await"):
            j += 1
        if j >= end:
            break
        chain, j = _chain(body, j, end, pairs, param)
        sql = _statement(table, chain) if chain else None
        if sql is None or len(out) >= _MAX_CALLS:
            return None
        out.append((body[chain[0][2]].line, sql))
    return out or None  # an empty callback: left to the caller, as before


def _chain(
    body: list[Token], j: int, end: int, pairs: dict[int, int], param: str | None
) -> tuple[list[tuple[str, list[Value], int]], int]:
    """``param.method(args).modifier(args)…`` from ``body[j]``: each call's name, arguments and token index, and where
    the statement ends; an empty chain when the statement is anything else."""
    if param is None or body[j].text != param:
        return [], end
    calls: list[tuple[str, list[Value], int]] = []
    at = j + 1
    while at + 2 < end and body[at].text == "." and body[at + 1].kind == "name" and body[at + 2].text == "(":
        close = pairs.get(at + 2)
        if close is None or close > end:
            return [], end
        calls.append((body[at + 1].text, call_args(body, at + 2, pairs)[0], at + 1))
        at = close + 1
    if not calls or (at < end and body[at].text != ";"):
        return [], end
    return calls, at


def _statement(table: str, chain: list[tuple[str, list[Value], int]]) -> str | None:
    method, args, _ = chain[0]
    rest = [(name, a) for name, a, _ in chain[1:]]
    t = ident(table)
    cols = names(args[0]) if args else None
    if method in ("dropColumn", "dropColumns") and not rest:
        dropped = [c for a in args for c in (names(a) or [])]
        return f"ALTER TABLE {t} " + ", ".join(f"DROP COLUMN {ident(c)}" for c in dropped) if dropped else None
    if method == "renameColumn" and len(args) == 2 and not rest and text(args[0]) and text(args[1]):
        return f"ALTER TABLE {t} RENAME COLUMN {ident(str(args[0]))} TO {ident(str(args[1]))}"
    if method in ("index", "unique", "dropIndex") and cols and not rest:
        name = text(args[1]) if len(args) > 1 else None
        name = name or "_".join([table, *cols, "unique" if method == "unique" else "index"])
        if method == "dropIndex":
            return f"DROP INDEX {ident(name)}"
        kind = "UNIQUE INDEX" if method == "unique" else "INDEX"
        return f"CREATE {kind} {ident(name)} ON {t} ({', '.join(ident(c) for c in cols)})"
    column = text(args[0]) if args else None
    if method not in _TYPES or column is None or any(name not in _COLUMN_MODIFIERS for name, _ in rest):
        return None
    kind = _TYPES[method]
    if method == "string":
        length = args[1] if len(args) > 1 and isinstance(args[1], Raw) and args[1].text.isdigit() else None
        kind = f"varchar({length.text if length else 255})"
    if any(name == "alter" for name, _ in rest):
        return f"ALTER TABLE {t} ALTER COLUMN {ident(column)} TYPE {kind}"
    sql = f"ALTER TABLE {t} ADD COLUMN {ident(column)} {kind}"
    default = next((a[0] for name, a in rest if name == "defaultTo" and a), None)
    if default is not None:
        literal = sql_literal(default)
        if literal is None:
            return None
        sql += f" DEFAULT {literal}"
    return sql + (" NOT NULL" if any(name == "notNullable" for name, _ in rest) else "")
