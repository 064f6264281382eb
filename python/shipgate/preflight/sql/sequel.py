"""Sequel migrations (Ruby, ``Sequel.migration do … end`` or a ``Sequel::Migration`` class): the SQL their ``up``/
``change`` block runs on PostgreSQL, each statement at the line of the call that makes it, so that ``parse_sql``
checks it as it checks a ``.sql`` file (docs/preflight.md, "Migrations").

Sequel is the migrator of Padrino, Roda and Hanami 1 applications; its files sit under ``db/migrate`` like Rails'
and are read with the Rails reader's lexer (``rails.tokens``, blocks and call arguments), never run. Read: the
``alter_table :t do … end`` block, whose operations Sequel's PostgreSQL adapter sends as one ``ALTER TABLE`` for each
run of consecutive column and constraint changes (``add_column``, ``add_foreign_key`` — a symbol names a new
``integer REFERENCES`` column, an array a constraint —, ``drop_column``, ``set_column_type`` (``using:``),
``set_column_not_null``/``set_column_allow_null``, ``set_column_default``, ``add_constraint`` (``not_valid:``),
``add_unique_constraint``, ``add_primary_key``, ``drop_constraint``/``drop_foreign_key``) and as statements of their
own ``add_index``/``drop_index`` (``unique:``, ``concurrently:``) and ``rename_column``; an ``index:`` option on an
altered table's column is ignored, by Sequel as here. The same calls made on the database with the table first
(``add_column :t, :c, String``); ``create_table`` (a new table: its block is not read), ``drop_table``,
``rename_table``; ``run`` of a literal string. Ruby classes name Sequel's generic types (``String`` is varchar(255),
``text: true`` text, ``Integer`` integer …); a symbol or string type is sent as written. ``down`` is not run on
upgrade and is not read; a call the reader does not know is not reported."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.sql.rails import (
    _STARTS,
    MAX_TOKENS,
    Token,
    _args,
    _block_ends,
    _cols,
    _flag,
    _names,
    _one,
    _run_bodies,
    _sql_value,
    tokens,
)

_MIGRATION = re.compile(r"\bSequel\.migration\s+do\b|<\s*Sequel::Migration\b")
# Sequel's generic types (Ruby classes) as its PostgreSQL adapter writes them.
_TYPES = {
    "String": "varchar(255)",
    "Integer": "integer",
    "Fixnum": "integer",
    "Bignum": "bigint",
    "Float": "double precision",
    "BigDecimal": "numeric",
    "Numeric": "numeric",
    "Date": "date",
    "DateTime": "timestamp",
    "Time": "timestamp",
    "TrueClass": "boolean",
    "FalseClass": "boolean",
    "File": "bytea",
}
# Calls on the database that alter one table, its name first (``DB.add_column(:t, …)`` is ``alter_table(:t) {…}``).
_TABLE_FIRST = frozenset(
    {"add_column", "drop_column", "rename_column", "set_column_type", "set_column_default", "add_index", "drop_index"}
)
_INDEXES = frozenset({"add_index", "add_full_text_index", "add_spatial_index"})
_NEW_TABLES = frozenset({"create_table", "create_table?", "create_table!", "create_join_table"})

Args = tuple[list[list[Token]], dict[str, list[Token]]]


def is_sequel_migration(path: str, text: str) -> bool:
    lower = path.lower()
    folders = lower.split("/")[:-1]
    return lower.endswith(".rb") and any("migrat" in f for f in folders) and bool(_MIGRATION.search(text))


def sequel_sql(path: str, text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """(line, SQL) of the schema calls of ``up``/``change``; None over the token bound."""
    toks = tokens(text)
    if len(toks) >= MAX_TOKENS:
        return None
    ends = _block_ends(toks)
    found: list[tuple[int, str]] = []
    for start, stop in [*_run_blocks(toks, ends), *_run_bodies(toks, ends)]:
        found.extend(_body(toks, start, stop, ends))
    return found, []


def _run_blocks(toks: list[Token], ends: dict[int, int]) -> Iterator[tuple[int, int]]:
    """(start, end) token ranges of ``up do … end`` and ``change do … end`` (not ``down``)."""
    for k, t in enumerate(toks[:-1]):
        opens = t.kind == "name" and t.text in ("up", "change") and toks[k + 1].text == "do" and k + 1 in ends
        if opens and (k == 0 or toks[k - 1].kind == "nl" or toks[k - 1].text in _STARTS):
            yield k + 2, ends[k + 1]


def _at_start(toks: list[Token], k: int) -> bool:
    return toks[k].kind == "name" and (toks[k - 1].kind == "nl" or toks[k - 1].text in _STARTS)


def _body(toks: list[Token], start: int, stop: int, ends: dict[int, int]) -> Iterator[tuple[int, str]]:
    k = start
    while k < stop:
        t = toks[k]
        if not _at_start(toks, k):
            k += 1
            continue
        pos, options, after = _args(toks, k + 1, stop)
        block = after + 1 if after + 1 < stop and toks[after].text == ")" else after  # alter_table(:t) do
        has_block = block < stop and toks[block].text == "do" and block in ends
        table = _one(pos[0] if pos else None, "t_expr")
        if t.text == "alter_table" and has_block:
            yield from _statements(table, _operations(toks, block + 1, ends[block], ends))
            k = ends[block] + 1
            continue
        if t.text in _NEW_TABLES:
            yield t.line, f"CREATE TABLE {table} (id bigint)"
            k = ends[block] + 1 if has_block else after
            continue
        yield from _database_call(t, table, pos, options)
        k = after


def _database_call(
    t: Token, table: str, pos: list[list[Token]], options: dict[str, list[Token]]
) -> Iterator[tuple[int, str]]:
    """A schema call made on the database itself (not inside ``alter_table``)."""
    if t.text in _TABLE_FIRST:
        yield from _statements(table, [(t.line, t.text, (pos[1:], options))])
    elif t.text in ("drop_table", "drop_table?"):
        yield t.line, f"DROP TABLE {table}"
    elif t.text == "rename_table":
        yield t.line, f"ALTER TABLE {table} RENAME TO {_one(pos[1] if len(pos) > 1 else None, 'n')}"
    elif t.text in ("run", "execute_ddl") and pos and len(pos[0]) == 1 and pos[0][0].kind == "string":
        yield t.line, pos[0][0].text


def _operations(toks: list[Token], start: int, stop: int, ends: dict[int, int]) -> list[tuple[int, str, Args]]:
    """The (line, operation, arguments) of an ``alter_table`` block, in order; a block variable (``do |t|``,
    ``t.add_column``) is allowed."""
    var = toks[start + 1].text if start + 2 < stop and toks[start].text == "|" else None
    ops: list[tuple[int, str, Args]] = []
    k = start
    while k < stop:
        if not _at_start(toks, k):
            k += 1
            continue
        if toks[k].text == var and k + 2 < stop and toks[k + 1].text == ".":
            k += 2
        pos, options, after = _args(toks, k + 1, stop)
        ops.append((toks[k].line, toks[k].text, (pos, options)))
        k = max(after, k + 1)
        if k < stop and toks[k].text == "do" and k in ends:
            k = ends[k] + 1
    return ops


def _statements(table: str, ops: list[tuple[int, str, Args]]) -> Iterator[tuple[int, str]]:
    """The statements Sequel sends for ``ops`` on ``table``: consecutive clauses joined into one ``ALTER TABLE``
    (at the first one's line), an index or a rename on its own. An ``index:`` option is no option of an altered
    table's column (Sequel's ``AlterTableGenerator``: "except for :index, use a separate add_index call"): ignored,
    as Sequel ignores it."""
    clauses: list[tuple[int, str]] = []
    for line, verb, (pos, options) in ops:
        clause = _clause(verb, pos, options)
        if clause is not None:
            clauses.append((line, clause))
            continue
        own = _own_statement(table, verb, pos, options)
        if own is None:
            continue
        if clauses:
            yield clauses[0][0], f"ALTER TABLE {table} " + ", ".join(c for _, c in clauses)
            clauses = []
        yield line, own
    if clauses:
        yield clauses[0][0], f"ALTER TABLE {table} " + ", ".join(c for _, c in clauses)


def _clause(verb: str, pos: list[list[Token]], options: dict[str, list[Token]]) -> str | None:
    """The ``ALTER TABLE`` clause of one combinable operation; None for another operation."""
    first = pos[0] if pos else None
    col = _one(first, "col")
    if verb == "add_column":
        return f"ADD COLUMN {col} {_type(pos[1] if len(pos) > 1 else None, options)}{_column_options(options)}"
    if verb == "add_foreign_key":
        target = _one(pos[1] if len(pos) > 1 else None, "t_ref")
        if first and first[0].text == "[":
            not_valid = " NOT VALID" if _flag(options, "not_valid", "true") else ""
            return f"ADD CONSTRAINT fk FOREIGN KEY ({_cols(first)}) REFERENCES {target}{not_valid}"
        kind = _type(options.get("type"), options) if options.get("type") else "integer"
        return f"ADD COLUMN {col} {kind} REFERENCES {target}{_column_options(options)}"
    if verb == "drop_column":
        return f"DROP COLUMN {col}"
    return _column_change(verb, col, pos, options) or _constraint(verb, first, options)


def _column_change(verb: str, col: str, pos: list[list[Token]], options: dict[str, list[Token]]) -> str | None:
    if verb == "set_column_type":
        using = options.get("using")
        clause = f" USING {using[0].text}" if using and using[0].kind == "string" else ""
        return f"ALTER COLUMN {col} TYPE {_type(pos[1] if len(pos) > 1 else None, options)}{clause}"
    if verb == "set_column_not_null":
        return f"ALTER COLUMN {col} SET NOT NULL"
    if verb == "set_column_allow_null":
        allowed = not (len(pos) > 1 and pos[1] and pos[1][0].text == "false")
        return f"ALTER COLUMN {col} {'DROP' if allowed else 'SET'} NOT NULL"
    if verb == "set_column_default":
        return f"ALTER COLUMN {col} SET DEFAULT {_default(pos[1]) if len(pos) > 1 and pos[1] else 'NULL'}"
    return None


def _constraint(verb: str, first: list[Token] | None, options: dict[str, list[Token]]) -> str | None:
    if verb == "add_constraint":
        return "ADD CONSTRAINT chk CHECK (true)" + (" NOT VALID" if _flag(options, "not_valid", "true") else "")
    if verb == "add_unique_constraint":
        return f"ADD CONSTRAINT uniq UNIQUE ({_cols(first)})"
    if verb == "add_primary_key":
        if first and first[0].text == "[":
            return f"ADD PRIMARY KEY ({_cols(first)})"
        return f"ADD COLUMN {_one(first, 'id')} serial PRIMARY KEY"
    if verb in ("drop_constraint", "drop_foreign_key"):
        return "DROP CONSTRAINT c"
    return None


def _own_statement(table: str, verb: str, pos: list[list[Token]], options: dict[str, list[Token]]) -> str | None:
    """An index change or a rename: a statement of its own, never joined to the clauses around it."""
    concurrently = " CONCURRENTLY" if _flag(options, "concurrently", "true") else ""
    if verb in _INDEXES:
        unique = "UNIQUE " if _flag(options, "unique", "true") else ""
        return f"CREATE {unique}INDEX{concurrently} idx ON {table} ({_cols(pos[0] if pos else None)})"
    if verb == "drop_index":
        return f"DROP INDEX{concurrently} idx"
    if verb == "rename_column":
        col, new = _one(pos[0] if pos else None, "col"), _one(pos[1] if len(pos) > 1 else None, "n")
        return f"ALTER TABLE {table} RENAME COLUMN {col} TO {new}"
    return None


def _type(value: list[Token] | None, options: dict[str, list[Token]]) -> str:
    """A column type: a Ruby class as Sequel's generic type (``String, text: true`` is text, ``size: 50``
    varchar(50)); a symbol or string as written."""
    first = value[0] if value else None
    if first is None:
        return "text"
    if first.kind == "name" and first.text == "String":
        if _flag(options, "text", "true"):
            return "text"
        size = options.get("size")
        return f"varchar({size[0].text})" if size and size[0].text.isdigit() else "varchar(255)"
    if first.kind == "name" and first.text in _TYPES:
        return _TYPES[first.text]
    return first.text if first.kind in ("symbol", "string") and first.text.strip() else "text"


def _column_options(options: dict[str, list[Token]]) -> str:
    default = options.get("default")
    out = f" DEFAULT {_default(default)}" if default else ""
    out += " NOT NULL" if _flag(options, "null", "false") else ""
    return out + (" UNIQUE" if _flag(options, "unique", "true") else "")


def _default(value: list[Token]) -> str:
    """A default: ``Sequel.function(:now)`` is the call, ``Sequel.lit('…')`` its SQL, ``Sequel::CURRENT_TIMESTAMP``
    the keyword; a literal is a constant."""
    texts = [t.text for t in value]
    if len(value) > 3 and texts[:3] == ["Sequel", ".", "function"]:
        return f"{_names(value[3:])[0] if _names(value[3:]) else 'f'}()"
    if len(value) > 3 and texts[:3] == ["Sequel", ".", "lit"]:
        return next((t.text for t in value[3:] if t.kind == "string"), "NULL")
    if value[0].text == "Sequel" and value[-1].kind == "symbol" and value[-1].text.startswith("CURRENT_"):
        return value[-1].text
    return _sql_value(value)
