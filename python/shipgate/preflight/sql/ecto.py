"""Ecto migrations (Elixir, ``priv/repo/migrations/*.exs``): the SQL their ``up`` or ``change`` step runs on
PostgreSQL (Ecto's default adapter), each statement at the line of the call that makes it, so that ``parse_sql``
checks it as it checks a ``.sql`` file.

A file is such a migration when it is an ``.exs``/``.ex`` file under a ``migration(s)`` directory that says
``use Ecto.Migration``. The code is read by a small lexer (strings, heredocs, sigils, atoms, keyword keys,
comments, ``do``/``end`` blocks), not by pattern over lines. Inside ``def up`` or ``def change`` (``def down`` is
not run on upgrade and is not read), these calls are written as the SQL Ecto's PostgreSQL adapter sends:

- ``execute("…")`` / ``execute "…"`` (the first, literal argument: the up half of ``execute(up, down)``) and
  ``repo().query!("…")``;
- ``create``/``create_if_not_exists``/``drop``/``drop_if_exists`` of ``index(…)`` or ``unique_index(…)``, with
  ``concurrently:``, ``unique:``, ``name:`` and ``where:`` read;
- ``create table(:t) do … end`` (a new table), ``drop table(:t)``, ``rename table(:a), to: table(:b)`` and
  ``rename table(:t), :a, to: :b``;
- inside ``alter table(:t) do … end``: ``add``/``add_if_not_exists`` (type, ``null: false``, ``default:``,
  ``references(…)``), ``modify`` (a type change, with ``null:`` and ``default:``) and ``remove``/
  ``remove_if_exists``, one ALTER TABLE each;
- ``create constraint(:t, :name, check: "…")`` (``validate: false`` is NOT VALID).

A string with ``#{…}`` interpolation is built at run time and is not guessed at; other calls (schema helpers of
the product, ``flush()``) are not SQL and are not read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_TOKENS = 200_000  # a migration is a few hundred tokens; past this the file is not read
_MAX_DEFS = 64
_EXTENSIONS = (".exs", ".ex")
_USES = re.compile(r"\buse\s+Ecto\.Migration\b")
_SIGIL_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">", '"': '"', "'": "'", "|": "|", "/": "/"}
_NAME_CHARS = re.compile(r"[A-Za-z0-9_?!]")
# Ecto's primitive types as its PostgreSQL adapter writes them.
_TYPES = {
    "string": "varchar(255)",
    "binary_id": "uuid",
    "map": "jsonb",
    "binary": "bytea",
    "float": "float8",
    "decimal": "numeric",
    "naive_datetime": "timestamp(0)",
    "utc_datetime": "timestamp(0)",
    "naive_datetime_usec": "timestamp",
    "utc_datetime_usec": "timestamp",
    "id": "bigint",
    "serial": "serial",
}
_RUN = frozenset({"execute", "query", "query!"})
_CREATE = frozenset({"create", "create_if_not_exists"})
_DROP = frozenset({"drop", "drop_if_exists"})


@dataclass(frozen=True)
class Token:
    kind: str  # 'name', 'atom', 'key' (a keyword key, ``null:``), 'string', 'template' (interpolated), 'punct'
    text: str
    line: int


def is_ecto_migration(path: str, text: str) -> bool:
    lower = path.lower()
    folders = lower.split("/")[:-1]
    return lower.endswith(_EXTENSIONS) and any("migration" in f for f in folders) and bool(_USES.search(text))


def _string(text: str, i: int, close: str, heredoc: bool) -> tuple[str, int, bool]:
    """The literal from ``text[i]`` (after its opener) to ``close``: value, index after it, interpolated."""
    out: list[str] = []
    j, dynamic = i, False
    end_mark = close * 3 if heredoc else close
    while j < len(text):
        if text.startswith(end_mark, j):
            return "".join(out), j + len(end_mark), dynamic
        c = text[j]
        if c == "\\" and j + 1 < len(text):
            out.append({"n": "\n", "t": "\t"}.get(text[j + 1], text[j + 1]))
            j += 2
            continue
        if text.startswith("#{", j):
            dynamic = True
        out.append(c)
        j += 1
    return "".join(out), j, dynamic


def _quoted(text: str, i: int, line: int) -> tuple[Token, int]:
    """A string, heredoc or sigil (``~s(…)``, ``~S\"\"\"…\"\"\"``) starting at ``text[i]``."""
    if text[i] == "~" and i + 2 < len(text):
        sigil, opener = text[i + 1], text[i + 2]
        heredoc = text.startswith('"""', i + 2)
        start = i + (5 if heredoc else 3)
        value, end, dynamic = _string(text, start, '"' if heredoc else _SIGIL_CLOSERS.get(opener, opener), heredoc)
        dynamic = dynamic and sigil.islower()  # ~S is raw: #{ is text
        return Token("template" if dynamic else "string", value, line), end
    heredoc = text.startswith('"""', i)
    value, end, dynamic = _string(text, i + (3 if heredoc else 1), '"', heredoc)
    return Token("template" if dynamic else "string", value, line), end


def _word(text: str, i: int) -> int:
    j = i
    while j < len(text) and _NAME_CHARS.match(text[j]):
        j += 1
    return j


def tokens(text: str) -> Iterator[Token]:
    """Names, atoms, keyword keys, strings and punctuation, with their lines; comments and whitespace dropped."""
    i, line = 0, 1
    while i < len(text):
        c = text[i]
        if c == "\n":
            line, i = line + 1, i + 1
        elif c.isspace():
            i += 1
        elif c == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif c == '"' or (c == "~" and i + 2 < len(text) and text[i + 1].isalpha() and text[i + 2] in _SIGIL_CLOSERS):
            tok, end = _quoted(text, i, line)
            yield tok
            line, i = line + text.count("\n", i, end), end
        elif c == ":" and i + 1 < len(text) and (text[i + 1].isalpha() or text[i + 1] == "_"):
            end = _word(text, i + 1)
            yield Token("atom", text[i + 1 : end], line)
            i = end
        elif c.isalpha() or c == "_":
            end = _word(text, i)
            if end < len(text) and text[end] == ":" and not text.startswith("::", end):
                yield Token("key", text[i:end], line)
                end += 1
            else:
                yield Token("name", text[i:end], line)
            i = end
        else:
            yield Token("punct", c, line)
            i += 1


class _Seq(list[Token]):
    """Tokens with each opener's closer found once, in one pass (``(``/``[``/``{`` and ``do``/``fn`` … ``end``), so
    that reading a hostile file of unclosed calls stays linear."""

    def __init__(self, toks: list[Token]) -> None:
        super().__init__(toks)
        self.pairs: dict[int, int] = {}
        brackets: list[int] = []
        blocks: list[int] = []
        for i, t in enumerate(toks):
            if t.kind == "punct" and t.text in "([{":
                brackets.append(i)
            elif t.kind == "punct" and t.text in ")]}" and brackets:
                self.pairs[brackets.pop()] = i
            elif t.kind == "name" and t.text in ("do", "fn"):
                blocks.append(i)
            elif t.kind == "name" and t.text == "end" and blocks:
                self.pairs[blocks.pop()] = i


def _closer(toks: list[Token], start: int) -> int | None:
    """The index closing the opener at ``toks[start]``, when ``toks`` knows it (``_Seq``)."""
    return toks.pairs.get(start, len(toks) - 1) if isinstance(toks, _Seq) else None


def _block_end(toks: list[Token], start: int) -> int:
    """The index of the ``end`` closing the ``do`` at ``toks[start]`` (or the last token)."""
    known = _closer(toks, start)
    if known is not None:
        return known
    depth = 0
    for j in range(start, len(toks)):
        tok = toks[j]
        if tok.kind == "name" and tok.text in ("do", "fn"):
            depth += 1
        elif tok.kind == "name" and tok.text == "end":
            depth -= 1
            if depth == 0:
                return j
    return len(toks) - 1


def _run_bodies(toks: list[Token]) -> Iterator[list[Token]]:
    """The tokens of each ``def up`` / ``def change`` body (``do … end``, or ``, do: …`` to the end of its line)."""
    seq = _Seq(toks)
    candidates = [k for k, t in enumerate(toks[:-2]) if t.kind == "name" and t.text == "def"]
    read_to = -1  # a def inside a body already read is not a migration step of its own
    for k in candidates[:_MAX_DEFS]:  # each is followed to its body: a bounded number of them
        if k > read_to and toks[k + 1].text in ("up", "change"):
            start = next((j for j in range(k + 2, min(k + 8, len(toks))) if toks[j].text == "do"), None)
            if start is None:
                continue
            if toks[start].kind == "key":
                line = toks[start].line
                yield [t for t in toks[start + 1 : start + 400] if t.line == line]
            else:
                read_to = _block_end(seq, start)
                yield _Seq(toks[start + 1 : read_to])


def _args(toks: list[Token], start: int) -> tuple[list[list[Token]], int]:
    """The arguments of a call whose ``(`` is ``toks[start]``, split at top-level commas; and the index after ``)``."""
    args: list[list[Token]] = [[]]
    depth = 0
    known = _closer(toks, start)
    for j in range(start, len(toks) if known is None else known + 1):
        t = toks[j].text if toks[j].kind == "punct" else ""
        if t in "([{" and t:
            depth += 1
            if depth == 1:
                continue
        elif t in ")]}" and t:
            depth -= 1
            if depth == 0:
                return [a for a in args if a], j + 1
        elif t == "," and depth == 1:
            args.append([])
            continue
        args[-1].append(toks[j])
    return [a for a in args if a], len(toks)


def _options(args: list[list[Token]]) -> dict[str, list[Token]]:
    """Keyword arguments (``null: false``, ``name: :x``) among ``args``."""
    return {a[0].text: a[1:] for a in args if a[0].kind == "key"}


def _value(toks: list[Token]) -> str:
    """An option's value as SQL: a literal, an atom's name, ``fragment("…")``'s SQL; '' when computed."""
    if not toks:
        return ""
    first = toks[0]
    if first.kind == "string":
        return "'" + first.text.replace("'", "''") + "'"
    if first.kind == "atom":
        return first.text
    if first.kind == "name" and first.text == "fragment" and len(toks) > 2 and toks[2].kind == "string":
        return toks[2].text
    if first.kind == "name" and first.text in ("true", "false"):
        return first.text
    if first.kind == "name" and first.text == "nil":
        return "NULL"
    if first.kind == "punct" and first.text == "-" and len(toks) > 1:
        return "-" + _value(toks[1:])
    return first.text if first.kind == "name" and first.text[:1].isdigit() else ""


def _truthy(toks: list[Token] | None) -> bool:
    return bool(toks) and toks is not None and toks[0].text == "true"


def _type(toks: list[Token], options: dict[str, list[Token]]) -> str:
    """The SQL type of a column: an Ecto atom, a string, ``references(:t)``, ``{:array, :t}``."""
    if not toks:
        return "text"
    first = toks[0]
    if first.kind == "name" and first.text == "references" and len(toks) > 2:
        refs, _ = _args(toks, 1)
        target = refs[0][0].text if refs and refs[0] else "unknown"
        column = _value(_options(refs).get("column", [])) or "id"
        kind = _type(_options(refs).get("type", []), {}) if "type" in _options(refs) else "bigint"
        return f"{kind} REFERENCES {target}({column})"
    if first.kind == "punct" and first.text == "{" and len(toks) > 3:
        return _type(toks[3:4], {}) + "[]"
    name = first.text
    if name == "string" and "size" in options and _value(options["size"]):
        return f"varchar({_value(options['size'])})"
    return _TYPES.get(name, name) if first.kind in ("atom", "string") else "text"


def _column(verb: str, table: str, args: list[list[Token]]) -> str:
    """The ALTER TABLE for one ``add``/``modify``/``remove`` of an ``alter table`` block."""
    column = args[0][0].text if args and args[0] else "unknown"
    if verb.startswith("remove"):
        return f"ALTER TABLE {table} DROP COLUMN {column}"
    options = _options(args)
    kind = _type(args[1] if len(args) > 1 and args[1][0].kind != "key" else [], options)
    if verb == "modify":  # Ecto writes the type, then NOT NULL and DEFAULT changes, in one ALTER TABLE
        sql = f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {kind}"
        null = options.get("null", [])
        if null and null[0].text in ("false", "true"):
            sql += f", ALTER COLUMN {column} {'SET' if null[0].text == 'false' else 'DROP'} NOT NULL"
        default = _value(options.get("default", []))
        return sql + (f", ALTER COLUMN {column} SET DEFAULT {default}" if default else "")
    sql = f"ALTER TABLE {table} ADD COLUMN {column} {kind}"
    default = _value(options.get("default", []))
    if default:
        sql += f" DEFAULT {default}"
    if options.get("null") and options["null"][0].text == "false":
        sql += " NOT NULL"
    return sql


def _index(verb: str, args: list[list[Token]], unique: bool) -> str:
    table = args[0][0].text if args and args[0] else "unknown"
    options = _options(args)
    columns = [t.text for t in (args[1] if len(args) > 1 and args[1][0].kind != "key" else []) if t.kind == "atom"]
    name = _value(options.get("name", [])).strip("'") or "_".join([table, *columns, "index"])
    concurrently = " CONCURRENTLY" if _truthy(options.get("concurrently")) else ""
    if verb in _DROP:
        return f"DROP INDEX{concurrently} {'IF EXISTS ' if verb.endswith('exists') else ''}{name}"
    unique = unique or _truthy(options.get("unique"))
    where = options.get("where", [])
    predicate = f" WHERE {where[0].text}" if where and where[0].kind == "string" else ""
    return (
        f"CREATE {'UNIQUE ' if unique else ''}INDEX{concurrently} {name} ON {table} "
        f"({', '.join(columns) or 'id'}){predicate}"
    )


def _alter_block(body: list[Token], start: int, table: str) -> Iterator[tuple[int, str]]:
    """The ALTER TABLEs of the ``alter table(:t) do … end`` block whose ``do`` is ``body[start]``."""
    end = _block_end(body, start)
    j = start + 1
    while j < end:
        tok = body[j]
        if tok.kind == "name" and tok.text in ("add", "add_if_not_exists", "modify", "remove", "remove_if_exists"):
            open_paren = j + 1 < end and body[j + 1].text == "("
            args, after = _args(body, j + 1) if open_paren else _bare_args(body, j + 1, end)
            yield tok.line, _column(tok.text, table, args)
            j = after
            continue
        if tok.kind == "name" and tok.text == "timestamps":
            yield tok.line, f"ALTER TABLE {table} ADD COLUMN inserted_at timestamp(0) NOT NULL"
        j += 1


def _bare_args(toks: list[Token], start: int, end: int) -> tuple[list[list[Token]], int]:
    """The arguments of a call written without parentheses (``add :col, :text``), up to the end of its line."""
    line = toks[start].line if start < end else -1
    j = start
    while j < end and toks[j].line == line:
        j += 1
    wrapped = [Token("punct", "(", line), *toks[start:j], Token("punct", ")", line)]
    args, _ = _args(wrapped, 0)
    return args, j


def _call_args(body: list[Token], j: int, end: int) -> tuple[list[list[Token]], int]:
    return _args(body, j) if j < end and body[j].text == "(" else _bare_args(body, j, end)


def _statements(body: list[Token]) -> Iterator[tuple[int, str]]:
    """(line, SQL) of each statement one ``up``/``change`` body runs."""
    j = 0
    while j < len(body):
        tok = body[j]
        nxt = body[j + 1] if j + 1 < len(body) else None
        if tok.kind == "name" and tok.text in _RUN and nxt is not None:
            args, after = _call_args(body, j + 1, len(body))
            if args and args[0][0].kind == "string":
                yield args[0][0].line, args[0][0].text
            j = max(after, j + 1)
            continue
        if tok.kind == "name" and tok.text in _CREATE | _DROP | {"alter", "rename"} and nxt is not None:
            found, after = _schema_call(body, j)
            yield from found
            j = max(after, j + 1)
            continue
        j += 1


def _schema_call(body: list[Token], j: int) -> tuple[list[tuple[int, str]], int]:
    """The statements of ``create``/``drop``/``alter``/``rename`` at ``body[j]``, and where reading goes on."""
    verb, line = body[j].text, body[j].line
    k = j + 2 if body[j + 1].text == "(" else j + 1  # create(index(...)) or create index(...)
    if k >= len(body) or body[k].kind != "name":
        return [], j + 1
    what = body[k].text
    args, after = _args(body, k + 1) if k + 1 < len(body) and body[k + 1].text == "(" else ([], k + 1)
    table = args[0][0].text if args and args[0] and args[0][0].kind in ("atom", "string") else ""
    if what in ("index", "unique_index") and verb in _CREATE | _DROP:
        return [(line, _index(verb, args, what == "unique_index"))], after
    if what == "table" and verb in _CREATE:
        if after < len(body) and body[after].text == "do":
            after = _block_end(body, after) + 1
        return [(line, f"CREATE TABLE {'IF NOT EXISTS ' if verb.endswith('exists') else ''}{table} (id bigint)")], after
    if what == "table" and verb in _DROP:
        return [(line, f"DROP TABLE {'IF EXISTS ' if verb.endswith('exists') else ''}{table}")], after
    if what == "table" and verb == "alter" and after < len(body) and body[after].text == "do":
        return list(_alter_block(body, after, table)), _block_end(body, after) + 1
    if what == "table" and verb == "rename":
        return _rename(body, after, line, table)
    if what == "constraint" and verb in _CREATE:
        return [(line, _constraint(args, table))], after
    return [], after


def _rename(body: list[Token], after: int, line: int, table: str) -> tuple[list[tuple[int, str]], int]:
    """``rename table(:a), to: table(:b)`` or ``rename table(:t), :a, to: :b``."""
    rest, end = _bare_args(body, after + 1, len(body)) if after < len(body) and body[after].text == "," else ([], after)
    options = _options(rest)
    target = options.get("to", [])
    if rest and rest[0][0].kind == "atom" and target:
        return [(line, f"ALTER TABLE {table} RENAME COLUMN {rest[0][0].text} TO {target[0].text}")], end
    if len(target) > 2 and target[0].text == "table":
        return [(line, f"ALTER TABLE {table} RENAME TO {target[2].text}")], end
    return [], end


def _constraint(args: list[list[Token]], table: str) -> str:
    name = args[1][0].text if len(args) > 1 and args[1] else "unknown"
    options = _options(args)
    check = options.get("check", [])
    body = check[0].text if check and check[0].kind == "string" else "true"
    not_valid = " NOT VALID" if options.get("validate") and options["validate"][0].text == "false" else ""
    return f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({body}){not_valid}"


def ecto_sql(text: str) -> list[tuple[int, str]] | None:
    """(line, SQL) of each statement the migration's ``up``/``change`` runs; None past ``MAX_TOKENS``."""
    toks: list[Token] = []
    for tok in tokens(text):
        toks.append(tok)
        if len(toks) >= MAX_TOKENS:
            return None
    return [found for body in _run_bodies(toks) for found in _statements(body)]
