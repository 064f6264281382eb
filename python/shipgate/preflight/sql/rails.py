"""Rails ActiveRecord migrations (Ruby, ``db/migrate/*.rb``): the SQL their ``up``/``change`` step runs on
PostgreSQL, each statement at the line of the call that makes it, so that ``parse_sql`` checks it as it checks a
``.sql`` file.

A file is such a migration when it is a ``.rb`` file under a ``migrate``/``migration(s)`` directory whose class
derives from ``ActiveRecord::Migration``. The code is read by a small lexer (strings, heredocs ``<<~SQL``, symbols,
``key:`` labels, comments, brackets, ``def``/``do``/``end`` blocks), not by a Ruby interpreter. Inside ``def up``,
``def self.up`` or ``def change`` (``down`` is not run on upgrade and is not read; nor is a ``dir.down`` block),
these statement-level calls are written as the SQL the PostgreSQL adapter sends: ``add_index``/``remove_index``
(``algorithm: :concurrently``, ``unique:``, ``name:``, ``where:``), ``add_column``/``remove_column(s)``/
``change_column``/``change_column_null``/``change_column_default``/``rename_column``, ``add_reference``
(its index), ``add_foreign_key`` (``validate: false`` is NOT VALID), ``add_check_constraint``, ``add_timestamps``,
``create_table`` (a new table; its block is not read), ``drop_table``, ``rename_table``, the ``t.<type>``/
``t.index``/``t.remove``/``t.change`` calls of a ``change_table`` block (also ``change_table(:t) do``; ``null:
false`` on ``change_column``/``t.change`` of a column the file added nullable is SET NOT NULL), and ``execute`` of a
literal string or heredoc. A string with ``#{…}`` is built at run time and is not guessed at; a call the reader
does not know is not reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_TOKENS = 200_000
_MAX_CALL = 4_096  # tokens of one call's arguments (a hostile unclosed call ends here, keeping the scan linear)
_CLASS = re.compile(r"<\s*ActiveRecord::Migration\b")
_HEREDOC = re.compile(r"<<([~-]?)(['\"]?)([A-Z_][A-Za-z0-9_]*)\2")
_OPENERS = frozenset({"def", "class", "module", "do", "begin", "case", "while", "until", "for"})
_CONDITIONAL = frozenset({"if", "unless"})
_STARTS = frozenset({"nl", ";", "do", "{", "|", "then", "else"})
_PUNCT = "()[]{},.|;=>"
# The migration calls read (``_call_sql``), and ``change_table``, whose block is read.
VERBS = frozenset(
    {
        "add_index",
        "remove_index",
        "add_column",
        "remove_column",
        "remove_columns",
        "change_column",
        "change_column_null",
        "change_column_default",
        "rename_column",
        "add_reference",
        "add_belongs_to",
        "add_foreign_key",
        "add_check_constraint",
        "remove_foreign_key",
        "remove_check_constraint",
        "add_timestamps",
        "drop_table",
        "drop_join_table",
        "rename_table",
        "create_table",
        "create_join_table",
        "execute",
        "change_table",
    }
)


@dataclass(frozen=True)
class Token:
    kind: str  # 'name', 'symbol', 'key' (``null:``), 'string', 'template' (interpolated), 'punct', 'nl', 'other'
    text: str
    line: int


def is_rails_migration(path: str, text: str) -> bool:
    lower = path.lower()
    folders = lower.split("/")[:-1]
    return lower.endswith(".rb") and any("migrat" in f for f in folders) and bool(_CLASS.search(text))


def _quoted(text: str, i: int, quote: str) -> tuple[str, int, bool]:
    """The string starting at ``text[i]`` (a quote): its value, the index after it, whether it interpolates."""
    out: list[str] = []
    j, dynamic = i + 1, False
    while j < len(text) and text[j] != quote:
        if text[j] == "\\" and j + 1 < len(text):
            out.append(text[j + 1])
            j += 2
            continue
        dynamic = dynamic or (quote == '"' and text.startswith("#{", j))
        out.append(text[j])
        j += 1
    return "".join(out), j + 1, dynamic


def _heredoc_body(text: str, i: int, marker: str, indented: bool) -> tuple[str, int]:
    """The heredoc body starting at ``text[i]`` (the line after its opener) and the index after its terminator."""
    lines: list[str] = []
    while i < len(text):
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        line = text[i:end]
        i = end + 1
        if (line.strip() if indented else line) == marker:
            return "\n".join(lines), i
        lines.append(line)
    return "\n".join(lines), i


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    pending: list[tuple[int, str, bool, bool]] = []  # heredocs opened on this line: token index, marker, indented
    i, line = 0, 1
    while i < len(text) and len(out) < MAX_TOKENS:
        c = text[i]
        if c == "\n":
            out.append(Token("nl", "\n", line))
            i, line = i + 1, line + 1
            for index, marker, indented, raw in pending:
                body, after = _heredoc_body(text, i, marker, indented)
                line += text.count("\n", i, after)
                i = after
                kind = "template" if not raw and "#{" in body else "string"
                out[index] = Token(kind, body, out[index].line)
            pending = []
        elif c in " \t\r\\":
            i += 1
        elif c == "#":
            i = text.find("\n", i) if "\n" in text[i:] else len(text)
        elif text.startswith("=begin", i) and (i == 0 or text[i - 1] == "\n"):
            end = text.find("\n=end", i)
            stop = len(text) if end < 0 else end + 5
            line += text.count("\n", i, stop)
            i = stop
        elif (m := _HEREDOC.match(text, i)) and not (out and out[-1].kind == "name" and text[i - 1] != " "):
            pending.append((len(out), m.group(3), bool(m.group(1)), m.group(2) == "'"))
            out.append(Token("string", "", line))
            i = m.end()
        elif c in "\"'":
            value, i, dynamic = _quoted(text, i, c)
            out.append(Token("template" if dynamic else "string", value, line))
            line += value.count("\n")
        elif c == ":" and i + 1 < len(text) and (text[i + 1].isalpha() or text[i + 1] == "_"):
            j = i + 1
            while j < len(text) and (text[j].isalnum() or text[j] in "_?!"):
                j += 1
            out.append(Token("symbol", text[i + 1 : j], line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] in "_?!"):
                j += 1
            if j < len(text) and text[j] == ":" and not text.startswith("::", j):
                out.append(Token("key", text[i:j], line))
                j += 1
            else:
                out.append(Token("name", text[i:j], line))
            i = j
        elif text.startswith("=>", i):
            out.append(Token("punct", "=>", line))
            i += 2
        else:
            out.append(Token("punct" if c in _PUNCT else "other", c, line))
            i += 1
    return out


def _block_ends(toks: list[Token]) -> dict[int, int]:
    """Each block opener's index (``def``, ``do``, a statement-start ``if``…) to its ``end``'s, in one pass."""
    ends: dict[int, int] = {}
    stack: list[int] = []
    for k, t in enumerate(toks):
        if t.kind != "name" or (k > 0 and toks[k - 1].text == "."):
            continue
        start = k == 0 or toks[k - 1].kind == "nl" or toks[k - 1].text in (";", "(", "=")
        if t.text in _OPENERS or (t.text in _CONDITIONAL and start):
            stack.append(k)
        elif t.text == "end" and stack:
            ends[stack.pop()] = k
    return ends


def _run_bodies(toks: list[Token], ends: dict[int, int]) -> Iterator[tuple[int, int]]:
    """(start, end) token ranges of ``def up``/``def self.up``/``def change``."""
    for k, t in enumerate(toks):
        if t.kind == "name" and t.text == "def" and k in ends:
            name = toks[k + 3].text if k + 3 < len(toks) and toks[k + 1].text == "self" else toks[k + 1].text
            if name in ("up", "change"):
                yield k + 2, ends[k]


def _args(toks: list[Token], start: int, stop: int) -> tuple[list[list[Token]], dict[str, list[Token]], int]:
    """The arguments of a call whose first argument is at ``start``: positional values, ``key: value`` options and the
    index where the call ends (the end of its line, brackets and a trailing comma continuing it)."""
    stop = min(stop, start + _MAX_CALL)
    parens = start < stop and toks[start].text == "("
    k = start + 1 if parens else start
    depth = 0
    current: list[Token] = []
    values: list[list[Token]] = []
    while k < stop:
        t = toks[k]
        if depth == 0 and (
            (t.text == ")" and parens) or (t.kind == "nl" and not parens and not (values and not current))
        ):
            break
        if depth == 0 and t.kind == "name" and t.text == "do":
            break
        if t.kind == "punct" and t.text in "([{":
            depth += 1
        elif t.kind == "punct" and t.text in ")]}":
            depth -= 1
        if depth == 0 and t.text == ",":
            values.append(current)
            current = []
        elif t.kind != "nl":
            current.append(t)
        k += 1
    values.append(current)
    positional: list[list[Token]] = []
    options: dict[str, list[Token]] = {}
    for v in (v for v in values if v):
        if v[0].kind == "key":
            options[v[0].text] = v[1:]
        elif len(v) > 2 and v[1].text == "=>" and v[0].kind in ("symbol", "string"):
            options[v[0].text] = v[2:]
        else:
            positional.append(v)
    return positional, options, k


def _names(value: list[Token] | None) -> list[str]:
    return [t.text for t in value or [] if t.kind in ("symbol", "string")]


def _one(value: list[Token] | None, default: str) -> str:
    names = _names(value)
    return '"' + names[0].replace('"', '""') + '"' if names else default


def _cols(value: list[Token] | None) -> str:
    return ", ".join('"' + n + '"' for n in _names(value)) or "col"


def _flag(options: dict[str, list[Token]], key: str, value: str) -> bool:
    return any(t.text == value for t in options.get(key, []))


_TYPES = {
    "string": "varchar",
    "text": "text",
    "integer": "integer",
    "bigint": "bigint",
    "boolean": "boolean",
    "datetime": "timestamp(6)",
    "timestamp": "timestamp(6)",
    "date": "date",
    "decimal": "numeric",
    "float": "double precision",
    "json": "json",
    "jsonb": "jsonb",
    "uuid": "uuid",
    "binary": "bytea",
    "references": "bigint",
    "belongs_to": "bigint",
}


def _column(table: str, name: str, kind: str, options: dict[str, list[Token]]) -> str:
    sql_type = _TYPES.get(kind, "text")
    default = options.get("default")
    clause = f"DEFAULT {_sql_value(default)} " if default else ""
    clause += "NOT NULL" if _flag(options, "null", "false") else "NULL"
    return f"ALTER TABLE {table} ADD COLUMN {name} {sql_type} {clause}"


def _sql_value(value: list[Token]) -> str:
    """A default: a lambda ``-> { "now()" }`` is an SQL expression, a literal a constant."""
    if value[0].text in ("-", "->") or (value[0].kind == "name" and value[0].text == "lambda"):
        expr = next((t.text for t in value if t.kind == "string"), None)
        return expr if expr else "NULL"
    first = value[0]
    if first.kind in ("string", "symbol"):
        return "'" + first.text.replace("'", "''") + "'"
    if first.text in ("true", "false", "nil"):
        return {"nil": "NULL"}.get(first.text, first.text)
    return "'0'"


def _index(verb: str, table: str, pos: list[list[Token]], options: dict[str, list[Token]]) -> str:
    concurrently = " CONCURRENTLY" if _flag(options, "algorithm", "concurrently") else ""
    if verb == "remove_index":
        name = _one(options.get("name"), "idx")
        return f"DROP INDEX{concurrently} {name}"
    unique = "UNIQUE " if _flag(options, "unique", "true") else ""
    name = _one(options.get("name"), "idx")
    where = _one(options.get("where"), "").strip('"')
    return f"CREATE {unique}INDEX{concurrently} {name} ON {table} ({_cols(pos[1] if len(pos) > 1 else None)})" + (
        f" WHERE {where}" if where else ""
    )


def _new_type(value: list[Token] | None, options: dict[str, list[Token]]) -> str:
    """The type ``change_column`` sends. The PostgreSQL adapter's ``type_to_sql`` writes a Rails type by its
    PostgreSQL name and passes a string it does not know through as written, so ``'integer USING CAST(c AS
    integer)'`` is that SQL, USING cast included; ``using: 'c::integer'`` (Rails 4.2+) adds its USING clause."""
    first = value[0] if value else None
    if first is not None and first.kind == "string" and first.text.strip().lower() not in _TYPES:
        sql_type = first.text.strip()
    else:
        kind = _names(value)
        sql_type = _TYPES.get(kind[0].strip().lower() if kind else "", "text")
    using = options.get("using")
    if using and len(using) == 1 and using[0].kind == "string" and using[0].text.strip():
        sql_type += f" USING {using[0].text.strip()}"
    return sql_type


def _call_sql(verb: str, pos: list[list[Token]], options: dict[str, list[Token]]) -> list[str] | None:
    """The SQL of one migration call (None for a call the reader does not translate)."""
    table = _one(pos[0] if pos else None, "t_expr")
    col = _one(pos[1] if len(pos) > 1 else None, "col")
    if verb in ("add_index", "remove_index"):
        return [_index(verb, table, pos, options)]
    if verb == "add_column":
        kind = _names(pos[2] if len(pos) > 2 else None)
        return [_column(table, col, kind[0] if kind else "string", options)]
    if verb in ("remove_column", "remove_columns"):
        return [f"ALTER TABLE {table} DROP COLUMN {col}"]
    if verb == "change_column":
        return [f"ALTER TABLE {table} ALTER COLUMN {col} TYPE {_new_type(pos[2] if len(pos) > 2 else None, options)}"]
    if verb == "change_column_null":
        setting = "SET" if pos[2:] and pos[2][0].text == "false" else "DROP"
        return [f"ALTER TABLE {table} ALTER COLUMN {col} {setting} NOT NULL"]
    if verb == "change_column_default":
        return [f"ALTER TABLE {table} ALTER COLUMN {col} SET DEFAULT NULL"]
    if verb == "rename_column":
        return [f"ALTER TABLE {table} RENAME COLUMN {col} TO {_one(pos[2] if len(pos) > 2 else None, 'n')}"]
    if verb in ("add_reference", "add_belongs_to"):
        ref = col.strip('"') + "_id"
        out = [f'ALTER TABLE {table} ADD COLUMN "{ref}" bigint NULL']
        if not _flag(options, "index", "false"):
            concurrently = " CONCURRENTLY" if _flag(options, "algorithm", "concurrently") else ""
            out.append(f'CREATE INDEX{concurrently} idx ON {table} ("{ref}")')
        return out
    if verb == "add_foreign_key":
        not_valid = " NOT VALID" if _flag(options, "validate", "false") else ""
        return [f"ALTER TABLE {table} ADD CONSTRAINT fk FOREIGN KEY (col) REFERENCES {col}{not_valid}"]
    if verb == "add_check_constraint":
        not_valid = " NOT VALID" if _flag(options, "validate", "false") else ""
        return [f"ALTER TABLE {table} ADD CONSTRAINT chk CHECK (true){not_valid}"]
    if verb in ("remove_foreign_key", "remove_check_constraint"):
        return [f"ALTER TABLE {table} DROP CONSTRAINT c"]
    if verb == "add_timestamps":
        return [f"ALTER TABLE {table} ADD COLUMN created_at timestamp(6) NULL, ADD COLUMN updated_at timestamp(6) NULL"]
    if verb in ("drop_table", "drop_join_table"):
        return [f"DROP TABLE {table}"]
    if verb == "rename_table":
        return [f"ALTER TABLE {table} RENAME TO {col}"]
    if verb in ("create_table", "create_join_table"):
        return [f"CREATE TABLE {table} (id bigint)"]
    if verb == "execute":
        first = pos[0] if pos else []
        return [first[0].text] if len(first) == 1 and first[0].kind == "string" else []
    return None


def _table_call(table: str, method: str, pos: list[list[Token]], options: dict[str, list[Token]]) -> list[str]:
    """A ``t.<method>`` call inside ``change_table``."""
    if method == "index":
        return [_index("add_index", table, [[], *pos], options)]
    if method == "remove_index":
        return [_index("remove_index", table, [[], *pos], options)]
    col = _one(pos[0] if pos else None, "col")
    if method == "remove":
        return [f"ALTER TABLE {table} DROP COLUMN {col}"]
    if method == "change":
        return _call_sql("change_column", [[Token("string", table.strip('"'), 0)], *pos], options) or []
    if method == "rename":
        return [f"ALTER TABLE {table} RENAME COLUMN {col} TO {_one(pos[1] if len(pos) > 1 else None, 'n')}"]
    if method in ("references", "belongs_to"):
        return _call_sql("add_reference", [[Token("string", table.strip('"'), 0)], *pos], options) or []
    if method == "timestamps":
        return _call_sql("add_timestamps", [[Token("string", table.strip('"'), 0)]], options) or []
    if method in _TYPES or method == "column":
        kind = method if method != "column" else (_names(pos[1] if len(pos) > 1 else None) or ["string"])[0]
        return [_column(table, col, kind, options)]
    return []


_TABLE_VERBS = {"column": "add_column", "change": "change_column", **{kind: "add_column" for kind in _TYPES}}


def _not_null(
    sql: list[str], verb: str, pos: list[list[Token]], options: dict[str, list[Token]], added: set[tuple[str, str]]
) -> list[str]:
    """``sql`` with ``SET NOT NULL`` added when ``change_column``/``t.change`` gives ``null: false`` to a column this
    migration added nullable: its old nullability is then known. Elsewhere ``null: false`` on a change restates the
    column and is not assumed (the old column is not in the file)."""
    key = (_one(pos[0] if pos else None, "t_expr"), _one(pos[1] if len(pos) > 1 else None, "col"))
    if verb == "add_column" and not _flag(options, "null", "false"):
        added.add(key)
    elif verb == "change_column" and sql and key in added and _flag(options, "null", "false"):
        return [*sql[:-1], f"{sql[-1]}, ALTER COLUMN {key[1]} SET NOT NULL"]
    return sql


def rails_sql(path: str, text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """(line, SQL) of the schema calls of ``up``/``change``; None over the token bound."""
    toks = tokens(text)
    if len(toks) >= MAX_TOKENS:
        return None
    ends = _block_ends(toks)
    found: list[tuple[int, str]] = []
    for start, stop in _run_bodies(toks, ends):
        found.extend(_body(toks, start, stop, ends))
    return found, []


def _body(toks: list[Token], start: int, stop: int, ends: dict[int, int]) -> Iterator[tuple[int, str]]:
    k = start
    tables: dict[str, str] = {}  # change_table block variable -> table
    added: set[tuple[str, str]] = set()  # (table, column) added nullable by this migration
    while k < stop:
        t = toks[k]
        at_start = toks[k - 1].kind == "nl" or toks[k - 1].text in _STARTS
        if t.kind == "name" and t.text == "down" and k + 1 < stop and toks[k + 1].text == "do" and k + 1 in ends:
            k = ends[k + 1] + 1  # dir.down do … end: not run on upgrade
            continue
        if not at_start or t.kind != "name":
            k += 1
            continue
        if t.text in tables and k + 2 < stop and toks[k + 1].text == "." and toks[k + 2].kind == "name":
            pos, options, after = _args(toks, k + 3, stop)
            sql = _table_call(tables[t.text], toks[k + 2].text, pos, options)
            verb, table = _TABLE_VERBS.get(toks[k + 2].text, ""), Token("string", tables[t.text].strip('"'), 0)
            yield from ((t.line, s) for s in _not_null(sql, verb, [[table], *pos], options, added))
            k = after
            continue
        if t.text not in VERBS or toks[k - 1].text == ".":
            k += 1
            continue
        pos, options, after = _args(toks, k + 1, stop)
        block = after + 1 if after + 1 < stop and toks[after].text == ")" else after  # change_table(:t) do
        if t.text == "change_table" and block < stop and toks[block].text == "do":
            var = next((x.text for x in toks[block + 1 : block + 4] if x.kind == "name"), "t")
            tables[var] = _one(pos[0] if pos else None, "t_expr")
            k = block + 1
            continue
        sql = _call_sql(t.text, pos, options) or []
        yield from ((t.line, s) for s in _not_null(sql, t.text, pos, options, added))
        k = after
        if t.text in ("create_table", "create_join_table") and k < stop and toks[k].text == "do" and k in ends:
            k = ends[k] + 1  # the new table's columns and indexes change nothing that exists
