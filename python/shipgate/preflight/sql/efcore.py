"""Entity Framework Core migrations (C#, ``Migrations/*.cs``): the SQL their ``Up`` method makes the PostgreSQL
provider (Npgsql) send, each statement at the line of the ``migrationBuilder`` call that makes it, so that
``parse_sql`` checks it as it checks a ``.sql`` file.

A file is such a migration when it is a ``.cs`` file under a ``migration(s)`` directory (not a ``.Designer.cs`` or a
model snapshot) that overrides ``Up(MigrationBuilder …)``. The code is read by the JavaScript lexer of ``orm`` (C#'s
strings, comments and brackets are the same) and its arguments by ``call_args``; named arguments are what EF Core's
scaffolding writes. ``Down`` is not run on upgrade and is not read; nor is a block under ``if
(migrationBuilder.IsSqlite())`` (or another provider's test), which PostgreSQL never runs. Calls written as SQL:
``CreateTable`` (a new table), ``DropTable``, ``RenameTable``, ``AddColumn`` (NOT NULL unless ``nullable: true``, as
EF Core's default is; ``defaultValue``/``defaultValueSql``), ``DropColumn``, ``RenameColumn``, ``AlterColumn`` (a
type change when the new type differs from the old, SET/DROP NOT NULL when nullability changes, SET DEFAULT),
``CreateIndex`` (``unique``; CONCURRENTLY only with Npgsql's ``CreatedConcurrently`` annotation), ``DropIndex``,
``AddForeignKey``/``AddPrimaryKey``/``AddUniqueConstraint``/``AddCheckConstraint`` and the calls that drop them, and
``Sql("…")`` of a literal. ``Sql`` of anything else (a script read from a resource) is not read: the file does not say
what runs. Data calls (``InsertData``…), schemas, sequences and extensions change no existing table's locks. Any
other ``migrationBuilder`` call is reported as unread."""

from __future__ import annotations

import re

from shipgate.preflight.sql.builder_calls import ident
from shipgate.preflight.sql.call_args import New, Raw, Value, call_args, flag, names, pairs, text
from shipgate.preflight.sql.orm import MAX_TOKENS, Token, tokens

_UP = re.compile(r"\bUp\s*\(\s*MigrationBuilder\b")
_QUIET = frozenset(
    {
        "InsertData",
        "UpdateData",
        "DeleteData",
        "EnsureSchema",
        "DropSchema",
        "CreateSequence",
        "DropSequence",
        "AlterSequence",
        "RestartSequence",
        "RenameSequence",
        "AlterDatabase",
        "RenameIndex",
        "IsSqlite",
        "IsNpgsql",
        "IsSqlServer",
        "IsMySql",
        "ActiveProvider",
    }
)
_MAX_CONDITION = 64  # tokens of an if's condition that tests the provider
_OTHER_PROVIDERS = frozenset({"IsSqlite", "IsSqlServer", "IsMySql", "IsOracle", "IsCosmos"})
# CLR types as the PostgreSQL types Npgsql maps them to.
_CLR = {
    "bool": "boolean",
    "byte": "smallint",
    "short": "smallint",
    "int": "integer",
    "long": "bigint",
    "decimal": "numeric",
    "double": "double precision",
    "float": "real",
    "string": "text",
    "Guid": "uuid",
    "DateTime": "timestamp with time zone",
    "DateTimeOffset": "timestamp with time zone",
    "TimeSpan": "interval",
    "byte[]": "bytea",
}


def is_efcore_migration(path: str, text: str) -> bool:
    lower = path.lower()
    if not lower.endswith(".cs") or lower.endswith((".designer.cs", "modelsnapshot.cs")):
        return False
    folders = lower.split("/")[:-1]
    return any("migration" in f for f in folders) and bool(_UP.search(text))


def _clr(generic: str | None, max_length: Value | None) -> str | None:
    """The column type Npgsql picks for a CLR type (``string`` with ``maxLength`` is ``character varying(n)``)."""
    if generic is None:
        return None
    if generic == "string" and isinstance(max_length, Raw) and max_length.text.isdigit():
        return f"character varying({max_length.text})"
    return _CLR.get(generic.rstrip("?"))


def _old_clr(v: Value | None) -> str | None:
    """``typeof(string)`` → ``string``."""
    match = re.fullmatch(r"typeof \( (\S+(?: \[ \])?) \)", v.text) if isinstance(v, Raw) else None
    return match.group(1).replace(" ", "") if match else None


def _default(named: dict[str, Value]) -> str | None:
    sql = text(named.get("defaultValueSql"))
    if sql is not None:
        return sql
    value = named.get("defaultValue")
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, Raw) and (value.text in ("true", "false") or value.text.lstrip("-").isdigit()):
        return value.text
    if isinstance(value, New):  # new Guid("…"), new DateTime(…): a constant
        first = value.args[0] if value.args else None
        return "'" + first.replace("'", "''") + "'" if isinstance(first, str) else "'0'"
    return None


def _columns(named: dict[str, Value]) -> list[str] | None:
    return names(named.get("columns")) or names(named.get("column"))


def _add_column(generic: str | None, named: dict[str, Value]) -> list[str] | None:
    table, name = text(named.get("table")), text(named.get("name"))
    kind = text(named.get("type")) or _clr(generic, named.get("maxLength"))
    if table is None or name is None or kind is None:
        return None
    sql = f"ALTER TABLE {ident(table)} ADD COLUMN {ident(name)} {kind}"
    default = _default(named)
    sql += "" if flag(named.get("nullable")) else " NOT NULL"
    return [sql + (f" DEFAULT {default}" if default else "")]


def _alter_column(generic: str | None, named: dict[str, Value]) -> list[str] | None:
    table, name = text(named.get("table")), text(named.get("name"))
    new = text(named.get("type")) or _clr(generic, named.get("maxLength"))
    old = text(named.get("oldType")) or _clr(_old_clr(named.get("oldClrType")), named.get("oldMaxLength"))
    if table is None or name is None or new is None:
        return None
    column = f"ALTER COLUMN {ident(name)}"
    parts = [] if old == new else [f"{column} TYPE {new}"]
    if old is not None and old != new and not _widens(old, new):
        parts = [f"{column} TYPE {new} USING {ident(name)}::{new}"]  # the cast PostgreSQL applies: a rewrite
    nullable, was_nullable = bool(flag(named.get("nullable"))), bool(flag(named.get("oldNullable")))
    if nullable != was_nullable:
        parts.append(f"{column} {'DROP' if nullable else 'SET'} NOT NULL")
    default = _default(named)
    if default is not None:
        parts.append(f"{column} SET DEFAULT {default}")
    return [f"ALTER TABLE {ident(table)} " + ", ".join(parts)] if parts else []


_LENGTH = re.compile(r"(character varying|varchar|numeric)\((\d+)")


def _widens(old: str, new: str) -> bool:
    """Whether ``old`` -> ``new`` is a widening PostgreSQL does without a rewrite (varchar(n) -> varchar(m >= n) or
    text, numeric(p) -> numeric(q >= p))."""
    before, after = _LENGTH.match(old), _LENGTH.match(new)
    if new == "text" and (before is not None and before.group(1) != "numeric"):
        return True
    if before is None or after is None:
        return old.startswith("character varying") and new.startswith("character varying") and "(" not in new
    return before.group(1) == after.group(1) and int(after.group(2)) >= int(before.group(2))


def _index(named: dict[str, Value], concurrent: bool) -> list[str] | None:
    table, name, cols = text(named.get("table")), text(named.get("name")), _columns(named)
    if table is None or name is None or cols is None:
        return None
    unique = "UNIQUE " if flag(named.get("unique")) else ""
    where = text(named.get("filter"))
    verb = f"CREATE {unique}INDEX{' CONCURRENTLY' if concurrent else ''}"
    cols_sql = ", ".join(ident(c) for c in cols)
    return [f"{verb} {ident(name)} ON {ident(table)} ({cols_sql})" + (f" WHERE {where}" if where else "")]


def _constraint(call: str, named: dict[str, Value]) -> list[str] | None:
    table, name = text(named.get("table")), text(named.get("name"))
    if table is None or name is None:
        return None
    head = f"ALTER TABLE {ident(table)} ADD CONSTRAINT {ident(name)}"
    if call == "AddCheckConstraint":
        check = text(named.get("sql"))
        return None if check is None else [f"{head} CHECK ({check})"]
    cols = _columns(named)
    if cols is None:
        return None
    cols_sql = ", ".join(ident(c) for c in cols)
    if call == "AddForeignKey":
        target = text(named.get("principalTable"))
        ref = names(named.get("principalColumns")) or names(named.get("principalColumn"))
        if target is None:
            return None
        ref_sql = f" ({', '.join(ident(c) for c in ref)})" if ref else ""
        return [f"{head} FOREIGN KEY ({cols_sql}) REFERENCES {ident(target)}{ref_sql}"]
    return [f"{head} {'PRIMARY KEY' if call == 'AddPrimaryKey' else 'UNIQUE'} ({cols_sql})"]


def _call_sql(
    call: str, generic: str | None, args: tuple[list[Value], dict[str, Value]], concurrent: bool
) -> list[str] | None:
    positional, named = args
    table, name = text(named.get("table")), text(named.get("name"))
    if call == "Sql":
        sql = text(positional[0]) if positional else text(named.get("sql"))
        return [sql] if sql is not None else []  # a script from elsewhere: what runs is not in the file
    if call == "CreateTable":
        return None if name is None else [f"CREATE TABLE {ident(name)} ()"]
    if call in ("AddColumn", "AlterColumn"):
        return _add_column(generic, named) if call == "AddColumn" else _alter_column(generic, named)
    if call == "CreateIndex":
        return _index(named, concurrent)
    if call in ("AddForeignKey", "AddPrimaryKey", "AddUniqueConstraint", "AddCheckConstraint"):
        return _constraint(call, named)
    if name is None:
        return None
    if call == "DropIndex":
        return [f"DROP INDEX {ident(name)}"]
    if call == "DropTable":
        return [f"DROP TABLE {ident(name)}"]
    if table is None:
        return None
    if call in ("DropForeignKey", "DropPrimaryKey", "DropUniqueConstraint", "DropCheckConstraint"):
        return [f"ALTER TABLE {ident(table)} DROP CONSTRAINT {ident(name)}"]
    if call == "DropColumn":
        return [f"ALTER TABLE {ident(table)} DROP COLUMN {ident(name)}"]
    renamed = text(named.get("newName"))
    if call == "RenameColumn" and renamed is not None:
        return [f"ALTER TABLE {ident(table)} RENAME COLUMN {ident(name)} TO {ident(renamed)}"]
    if call == "RenameTable" and renamed is not None:
        return [f"ALTER TABLE {ident(name)} RENAME TO {ident(renamed)}"]
    return None


def _up_range(toks: list[Token], closers: dict[int, int]) -> tuple[int, int, str] | None:
    """(start, stop) of ``Up``'s body and the name of its MigrationBuilder parameter."""
    for k, tok in enumerate(toks[:-1]):
        if tok.kind != "name" or tok.text != "Up" or toks[k + 1].text != "(" or k + 1 not in closers:
            continue
        close = closers[k + 1]
        params = [t.text for t in toks[k + 2 : close] if t.kind == "name"]
        if (
            close + 1 < len(toks)
            and toks[close + 1].text == "{"
            and close + 1 in closers
            and "MigrationBuilder" in params
        ):
            return close + 2, closers[close + 1], params[-1]
    return None


def _skipped(toks: list[Token], start: int, stop: int, closers: dict[int, int]) -> dict[int, int]:
    """Blocks under ``if (b.IsSqlite())`` (another provider, not negated), which PostgreSQL skips: each block's
    ``{`` index to its ``}`` index. A block inside a skipped one is not looked at, nor a condition over the bound."""
    out: dict[int, int] = {}
    k = start
    while k < stop - 1:
        close = closers.get(k + 1, -1) if toks[k].text == "if" and toks[k + 1].text == "(" else -1
        cond = toks[k + 2 : close] if 0 < close - k <= _MAX_CONDITION else []
        other = any(t.text in _OTHER_PROVIDERS for t in cond) and not any(t.text == "!" for t in cond)
        if other and close + 1 < stop and toks[close + 1].text == "{" and close + 1 in closers:
            out[close + 1] = closers[close + 1]
            k = closers[close + 1]
        k += 1
    return out


def _generic(toks: list[Token], j: int, stop: int) -> tuple[str | None, int]:
    """A call's type argument (``AddColumn<bool>``, ``<byte[]>``) and the index after it."""
    if toks[j].text != "<" or j + 2 >= stop:
        return None, j
    if toks[j + 2].text == ">":
        return toks[j + 1].text, j + 3
    if toks[j + 2].text == "[" and j + 4 < stop and toks[j + 4].text == ">":
        return toks[j + 1].text + "[]", j + 5
    return None, j


def efcore_sql(path: str, source: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """(line, SQL) of each statement ``Up`` sends, and (line, call) of each call not read; None past the bound."""
    toks = list(tokens(source))
    if len(toks) >= MAX_TOKENS:
        return None
    closers = pairs(toks)
    found = _up_range(toks, closers)
    if found is None:
        return [], []
    start, stop, builder = found
    skipped = _skipped(toks, start, stop, closers)
    sql: list[tuple[int, str]] = []
    unread: list[tuple[int, str]] = []
    k = start
    while k < stop - 3:
        if k in skipped:
            k = skipped[k] + 1
            continue
        tok = toks[k]
        call, (generic, j) = toks[k + 2].text, _generic(toks, k + 3, stop)
        is_call = tok.text == builder and toks[k + 1].text == "." and toks[k + 2].kind == "name"
        if not is_call or call in _QUIET or j >= stop or toks[j].text != "(" or j not in closers:
            k += 1
            continue
        after = toks[closers[j] + 1 : closers[j] + 6]
        concurrent = any(t.text == "Npgsql:CreatedConcurrently" for t in after)
        written = _call_sql(call, generic, call_args(toks, j, closers), concurrent)
        if written is None:
            unread.append((tok.line, f"migrationBuilder.{call}"))
        else:
            sql.extend((tok.line, s) for s in written)
        k = closers[j] + 1  # the call's arguments are read: a call inside them is not a step of Up
    return sql, unread
