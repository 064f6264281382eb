"""Laravel migrations (PHP, ``database/migrations/*.php``): the SQL their ``up`` method runs on PostgreSQL, each
statement at the line of the call that makes it, so that ``parse_sql`` checks it as it checks a ``.sql`` file.

A file is such a migration when it is a ``.php`` file under a ``migration(s)`` directory that uses ``Schema::``. The
code is read by a small lexer (strings, comments, variables, ``->``/``::``, brackets), not by a PHP interpreter.
Inside ``function up``: ``Schema::create`` makes a new table (its closure is not read); ``Schema::drop[IfExists]``,
``Schema::rename`` and ``DB::statement``/``DB::unprepared`` of a literal string are read; inside the closure of
``Schema::table('t', …)`` each ``$table->…`` chain is written as the SQL Laravel's PostgreSQL grammar sends: a column
type call adds a column (NOT NULL unless ``->nullable()``; ``->default(…)``; with its foreign key when
``->constrained()``/``->on(…)`` follows a ``foreignId``/``foreignUuid`` call), or with ``->change()`` alters it (its
``NOT NULL`` changed only when ``->nullable(…)`` says so);
``index``/``unique``/``primary``/``foreign``, the ``drop*`` calls, ``renameColumn``, ``timestamps``/``softDeletes``. A
``$table->`` call the reader does not know is reported as unread."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.sql.call_args import pairs as bracket_pairs

MAX_TOKENS = 200_000
_SCHEMA = re.compile(r"\bSchema::")
# A migration class (``extends Migration``, also Laravel's anonymous ``return new class extends Migration``) whose SQL
# is raw: ``DB::statement('ALTER TABLE …')`` with no ``Schema::`` call at all (hold-out set 275).
_MIGRATION_CLASS = re.compile(r"\bextends\s+\\?(?:\w+\\)*Migration\b")
_RAW_SQL = re.compile(r"\bDB::(?:statement|unprepared)\s*\(")
_TYPES = {
    "string": "varchar(255)",
    "char": "char(255)",
    "text": "text",
    "mediumText": "text",
    "longText": "text",
    "integer": "integer",
    "unsignedInteger": "integer",
    "tinyInteger": "smallint",
    "smallInteger": "smallint",
    "unsignedSmallInteger": "smallint",
    "bigInteger": "bigint",
    "unsignedBigInteger": "bigint",
    "foreignId": "bigint",
    "foreignUuid": "uuid",
    "foreignUlid": "char(26)",
    "boolean": "boolean",
    "date": "date",
    "dateTime": "timestamp(0)",
    "dateTimeTz": "timestamptz(0)",
    "timestamp": "timestamp(0)",
    "timestampTz": "timestamptz(0)",
    "time": "time(0)",
    "decimal": "numeric",
    "float": "double precision",
    "double": "double precision",
    "json": "json",
    "jsonb": "jsonb",
    "uuid": "uuid",
    "binary": "bytea",
    "enum": "varchar(255)",
    "ipAddress": "inet",
}
_MODIFIERS = frozenset(
    {"nullable", "default", "change", "unsigned", "after", "first", "comment", "useCurrent", "charset", "collation"}
)


@dataclass(frozen=True)
class Token:
    kind: str  # 'name', 'var' ($x), 'string', 'punct', 'other'
    text: str
    line: int


def is_laravel_migration(path: str, text: str) -> bool:
    lower = path.lower()
    folders = lower.split("/")[:-1]
    if not (lower.endswith(".php") and any("migration" in f for f in folders)):
        return False
    return bool(_SCHEMA.search(text)) or bool(_MIGRATION_CLASS.search(text) and _RAW_SQL.search(text))


def _skip_comment(text: str, i: int) -> int:
    if text.startswith("/*", i):
        end = text.find("*/", i + 2)
        return len(text) if end < 0 else end + 2
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    i, line = 0, 1
    while i < len(text) and len(out) < MAX_TOKENS:
        c = text[i]
        if c == "\n":
            i, line = i + 1, line + 1
        elif c.isspace():
            i += 1
        elif text.startswith(("//", "/*"), i) or c == "#":
            j = _skip_comment(text, i)
            line += text.count("\n", i, j)
            i = j
        elif c in "\"'":
            j, value = i + 1, []
            while j < len(text) and text[j] != c:
                if text[j] == "\\" and j + 1 < len(text):
                    value.append(text[j + 1])
                    j += 2
                    continue
                value.append(text[j])
                j += 1
            body = "".join(value)
            dynamic = c == '"' and "$" in body
            out.append(Token("other" if dynamic else "string", body, line))
            line += text.count("\n", i, j)
            i = j + 1
        elif c == "$" or c.isalnum() or c == "_":
            j = i + 1
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            out.append(Token("var" if c == "$" else "name", text[i:j], line))
            i = j
        elif text.startswith(("->", "::"), i):
            out.append(Token("punct", text[i : i + 2], line))
            i += 2
        else:
            out.append(Token("punct", c, line))
            i += 1
    return out


def _up_body(toks: list[Token], pairs: dict[int, int]) -> tuple[int, int] | None:
    for k in range(len(toks) - 3):
        if toks[k].text == "function" and toks[k + 1].text == "up" and toks[k + 2].text == "(":
            brace = next((j for j in range(pairs.get(k + 2, k), min(len(toks), k + 40)) if toks[j].text == "{"), None)
            if brace is not None and brace in pairs:
                return brace + 1, pairs[brace]
    return None


def _args(toks: list[Token], open_at: int, pairs: dict[int, int]) -> list[list[Token]]:
    close = pairs.get(open_at, open_at)
    args: list[list[Token]] = [[]]
    depth = 0
    for t in toks[open_at + 1 : close]:
        depth += 1 if t.text in "([{" else -1 if t.text in ")]}" else 0
        if depth == 0 and t.text == ",":
            args.append([])
        else:
            args[-1].append(t)
    return [a for a in args if a]


def _ident(arg: list[Token] | None, default: str) -> str:
    names = [t.text for t in arg or [] if t.kind == "string"]
    return '"' + names[0].replace('"', '""') + '"' if names else default


def _cols(arg: list[Token] | None) -> str:
    return ", ".join('"' + t.text + '"' for t in arg or [] if t.kind == "string") or "col"


def _chain(toks: list[Token], k: int, pairs: dict[int, int]) -> tuple[list[tuple[str, list[list[Token]]]], int]:
    """The ``->name(args)`` calls of the chain starting after ``toks[k]`` (a variable), and the index after it."""
    calls: list[tuple[str, list[list[Token]]]] = []
    while k + 3 < len(toks) and toks[k + 1].text == "->" and toks[k + 2].kind == "name" and toks[k + 3].text == "(":
        calls.append((toks[k + 2].text, _args(toks, k + 3, pairs)))
        k = pairs.get(k + 3, k + 3)
    return calls, k + 1


def _value(arg: list[Token]) -> str:
    if arg and arg[0].kind == "string":
        return "'" + arg[0].text.replace("'", "''") + "'"
    if arg and arg[0].kind == "name" and arg[0].text.lower() in ("true", "false", "null"):
        return arg[0].text.upper()
    if arg and arg[0].kind == "name" and arg[0].text.isdigit():
        return arg[0].text
    return "'0'"


def _change_sql(table: str, col: str, sql_type: str, said: list[list[Token]] | None, *, nullable: bool) -> str:
    """``->change()``: the column re-declared. Its nullability changes only when the chain says so: ``->nullable()``
    drops NOT NULL, ``->nullable(false)`` sets it (PostgreSQL then scans the table); a chain that does not name it
    re-declares NOT NULL, which scans only a column that was nullable before, and the migration does not show that
    (a SET NOT NULL is not assumed, as for Django's ``AlterField``)."""
    sql = f"ALTER TABLE {table} ALTER COLUMN {col} TYPE {sql_type}"
    if said is None:
        return sql
    return sql + f", ALTER COLUMN {col} {'DROP NOT NULL' if nullable else 'SET NOT NULL'}"


def _column_sql(table: str, kind: str, args: list[list[Token]], mods: dict[str, list[list[Token]]]) -> str:
    col = _ident(args[0] if args else None, "col")
    sql_type = _TYPES[kind]
    nullable = "nullable" in mods and not (mods["nullable"] and mods["nullable"][0][0].text.lower() == "false")
    if "change" in mods:
        return _change_sql(table, col, sql_type, mods.get("nullable"), nullable=nullable)
    default = f"DEFAULT {_value(mods['default'][0])} " if mods.get("default") else ""
    sql = f"ALTER TABLE {table} ADD COLUMN {col} {sql_type} {default}{'NULL' if nullable else 'NOT NULL'}"
    if "constrained" in mods or "on" in mods:
        # ``->constrained('clients')`` / ``->references('id')->on('clients')``: the foreign key of the column, added
        # with it (validated at once: no NOT VALID in Laravel's grammar)
        ref = _ident((mods.get("constrained") or mods.get("on") or [[]])[0], "ref_table")
        sql += f", ADD CONSTRAINT fk FOREIGN KEY ({col}) REFERENCES {ref}"
    return sql


def _blueprint(table: str, calls: list[tuple[str, list[list[Token]]]]) -> list[str] | None:
    """The SQL of one ``$table->…`` chain; None when the first call is not one the reader knows."""
    kind, args = calls[0]
    mods = {name: a for name, a in calls[1:]}
    first = args[0] if args else None
    if kind in _TYPES:
        out = [_column_sql(table, kind, args, mods)]
        if "index" in mods or "unique" in mods:
            out.append(f"CREATE {'UNIQUE ' if 'unique' in mods else ''}INDEX idx ON {table} ({_cols(first)})")
        return out
    if kind in ("index", "spatialIndex", "fullText"):
        return [f"CREATE INDEX {_ident(args[1] if len(args) > 1 else None, 'idx')} ON {table} ({_cols(first)})"]
    second = _ident(args[1] if len(args) > 1 else None, "n")
    if kind in ("unique", "primary"):
        constraint = "UNIQUE" if kind == "unique" else "PRIMARY KEY"
        return [f"ALTER TABLE {table} ADD CONSTRAINT {second} {constraint} ({_cols(first)})"]
    if kind == "foreign":
        ref = _ident((mods.get("on") or [[]])[0], "ref_expr")
        return [f"ALTER TABLE {table} ADD CONSTRAINT fk FOREIGN KEY ({_cols(first)}) REFERENCES {ref}"]
    if kind in ("dropIndex", "dropSpatialIndex", "dropFullText"):
        return [f"DROP INDEX {_ident(first, 'idx')}"]
    if kind in ("dropUnique", "dropPrimary", "dropForeign"):
        return [f"ALTER TABLE {table} DROP CONSTRAINT {_ident(first, 'c')}"]
    if kind in ("dropColumn", "dropColumns", "dropTimestamps", "dropSoftDeletes", "dropConstrainedForeignId"):
        return [f"ALTER TABLE {table} DROP COLUMN {_ident(first, 'col')}"]
    if kind == "renameColumn":
        return [f"ALTER TABLE {table} RENAME COLUMN {_ident(first, 'col')} TO {second}"]
    if kind in ("timestamps", "timestampsTz", "softDeletes", "softDeletesTz", "rememberToken"):
        return [f"ALTER TABLE {table} ADD COLUMN {kind.lower()} timestamp(0) NULL"]
    return None


def _schema_calls(toks: list[Token], start: int, stop: int, pairs: dict[int, int]) -> Iterator[tuple[int, str | None]]:
    """(line, SQL or None for an unread call) of the ``Schema::``/``DB::`` calls of ``up``'s body."""
    k = start
    while k < stop:
        t = toks[k]
        if not (t.kind == "name" and t.text in ("Schema", "DB") and k + 3 < stop and toks[k + 1].text == "::"):
            k += 1
            continue
        verb, open_at = toks[k + 2].text, k + 3
        args = _args(toks, open_at, pairs) if toks[open_at].text == "(" else []
        table = _ident(args[0] if args else None, "t_expr")
        close = pairs.get(open_at, open_at)
        if verb == "table":
            yield from _table_closure(toks, open_at + 1, close, table, pairs)
        elif verb == "create":
            yield t.line, f"CREATE TABLE {table} (id bigint)"
        elif verb in ("drop", "dropIfExists"):
            yield t.line, f"DROP TABLE {'IF EXISTS ' if verb == 'dropIfExists' else ''}{table}"
        elif verb == "rename":
            yield t.line, f"ALTER TABLE {table} RENAME TO {_ident(args[1] if len(args) > 1 else None, 'n')}"
        elif verb in ("statement", "unprepared") and args and len(args[0]) == 1 and args[0][0].kind == "string":
            yield t.line, args[0][0].text
        k = close + 1


def _table_closure(
    toks: list[Token], start: int, stop: int, table: str, pairs: dict[int, int]
) -> Iterator[tuple[int, str | None]]:
    var = next((t.text for t in toks[start:stop] if t.kind == "var"), None)
    brace = next((j for j in range(start, stop) if toks[j].text == "{"), None)
    if var is None or brace is None:
        return
    k, end = brace + 1, pairs.get(brace, stop)
    while k < end:
        if toks[k].kind == "var" and toks[k].text == var and k + 1 < end and toks[k + 1].text == "->":
            calls, after = _chain(toks, k, pairs)
            if calls:
                sql = _blueprint(table, calls)
                for s in sql if sql is not None else [None]:
                    yield toks[k].line, s
                k = after
                continue
        k += 1


def laravel_sql(path: str, text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """(line, SQL) of ``up``'s schema calls, and (line, call) of the ``$table->`` calls the reader does not know;
    None over the token bound."""
    toks = tokens(text)
    if len(toks) >= MAX_TOKENS:
        return None
    pairs = bracket_pairs(toks)
    body = _up_body(toks, pairs)
    if body is None:
        return [], []
    found: list[tuple[int, str]] = []
    unread: list[tuple[int, str]] = []
    for line, sql in _schema_calls(toks, body[0], body[1], pairs):
        if sql is None:
            unread.append((line, "a $table-> call"))
        else:
            found.append((line, sql))
    return found, unread
