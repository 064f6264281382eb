"""Migrations written as JavaScript/TypeScript code (TypeORM, Knex, Sequelize, MikroORM, node-pg-migrate): the SQL
strings their ``up`` step hands to the database, placed at their own lines so that ``parse_sql`` checks them as
it checks a ``.sql`` file.

A file is such a migration when it sits in a ``migration(s)`` directory, is ``.ts``/``.js``/``.mjs``/``.cjs``,
defines ``up`` and makes one of the calls below (other files there, and schema-builder migrations, stay
configuration). The code is read by a small lexer (strings, template literals, comments, brackets; JavaScript's
regular-expression literals after an operator), not by pattern over lines: only a string literal that is the first
argument of a call named ``query``, ``raw``, ``sql``, ``addSql``, ``runSql``, ``execute`` or ``executeSql`` inside
``up``'s body is read (adjacent literals joined by ``+`` are one string). ``down`` is not run on upgrade and is not
read. A template literal with ``${…}`` parts is SQL built at run time: it is not guessed at. Schema-builder calls
(``knex.schema.alterTable(…)``, ``queryRunner.addColumn(…)``) are not SQL and are not read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_EXTENSIONS = (".ts", ".js", ".mjs", ".cjs", ".mts", ".cts")
_UP = re.compile(r"\bup\b")
_UPGRADE_STEP = re.compile(r"\bmethod\s*[:(]")  # ``method: function (callback) {…}``, ``async method() {…}``
_CALL = re.compile(r"\b(?:query|raw|sql|addSql|runSql|execute|executeSql)\s*\(")
_SQL_CALLS = frozenset({"query", "raw", "sql", "addSql", "runSql", "execute", "executeSql"})
# After these a ``/`` starts a regular expression, not a division.
_REGEX_BEFORE = frozenset("(,=:[!&|?{};+-*%<>~^")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v"}
MAX_TOKENS = 200_000  # a migration is a few hundred tokens; past this the file is not read
_MAX_UP_CANDIDATES = 16


@dataclass(frozen=True)
class Token:
    kind: str  # 'name', 'string', 'template' (a literal with ${…}: not literal), 'punct'
    text: str
    line: int


def is_code_migration(path: str, text: str) -> bool:
    """A JS/TS file in a ``migration(s)`` directory that defines ``up``, or in an ``upgrades`` directory that
    defines an upgrade step's ``method`` (NodeBB's ``src/upgrades/<version>/*.js``, which its ``upgrade`` command
    runs), and calls one of the SQL calls."""
    lower = path.lower()
    if not lower.endswith(_EXTENSIONS) or lower.endswith(".d.ts") or not _CALL.search(text):
        return False
    folders = lower.split("/")[:-1]
    if any("migration" in f for f in folders) and _UP.search(text):
        return True
    return "upgrades" in folders and bool(_UPGRADE_STEP.search(text))


def _string(text: str, i: int, quote: str) -> tuple[str, int, bool]:
    """The literal starting at ``text[i]`` (a quote): its value, the index after it, and whether it has
    ``${…}`` parts (a template literal built at run time)."""
    out: list[str] = []
    j = i + 1
    dynamic = False
    while j < len(text):
        c = text[j]
        if c == "\\" and j + 1 < len(text):
            out.append(_ESCAPES.get(text[j + 1], text[j + 1]))
            j += 2
            continue
        if c == quote:
            return "".join(out), j + 1, dynamic
        if quote == "`" and c == "$" and text.startswith("${", j):
            dynamic = True
            depth, j = 1, j + 2
            while j < len(text) and depth:
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
            continue
        if c == "\n" and quote != "`":
            break  # an unterminated string ends at the line
        out.append(c)
        j += 1
    return "".join(out), j, dynamic


def _regex_end(text: str, i: int) -> int:
    """The index after a regular-expression literal starting at ``text[i]`` (``/``)."""
    j, in_class = i + 1, False
    while j < len(text) and text[j] != "\n":
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            return j + 1
        j += 1
    return j


def tokens(text: str) -> Iterator[Token]:
    """Names, string literals and punctuation, with their lines; comments and whitespace dropped."""
    i, line, last = 0, 1, ""
    count = 0
    while i < len(text) and count < MAX_TOKENS:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
        elif c in "'\"`":
            value, end, dynamic = _string(text, i, c)
            yield Token("template" if dynamic else "string", value, line)
            line += text.count("\n", i, end)
            i, last, count = end, "s", count + 1
        elif c == "/" and (last in _REGEX_BEFORE or last == ""):
            i, last = _regex_end(text, i), "r"
        elif c.isalnum() or c in "_$":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] in "_$"):
                j += 1
            yield Token("name", text[i:j], line)
            i, last, count = j, "n", count + 1
        else:
            yield Token("punct", c, line)
            i, last, count = i + 1, c, count + 1


def up_body(toks: list[Token]) -> list[Token]:
    """The tokens of ``up``'s body: ``up(…) {…}``, ``up: (…) => {…}``, ``exports.up = function (…) {…}``; with no
    ``up``, an upgrade step's ``method`` (``is_code_migration``)."""
    candidates = _step_names(toks, "up") or _step_names(toks, "method")
    for k in candidates[:_MAX_UP_CANDIDATES]:  # each is followed to its body: a bounded number of them
        depth, j = 0, k + 1
        while j < len(toks):
            t = toks[j].text if toks[j].kind == "punct" else ""
            if t in ("(", "["):
                depth += 1
            elif t in (")", "]"):
                depth -= 1
            elif t == "{" and depth == 0:
                return _block(toks, j)
            elif t in (",", ";") and depth == 0:
                return toks[k + 1 : j]  # an arrow function whose body is one expression
            j += 1
    return []


def _step_names(toks: list[Token], name: str) -> list[int]:
    return [
        k
        for k, tok in enumerate(toks)
        if tok.kind == "name" and tok.text == name and k + 1 < len(toks) and toks[k + 1].text in ("(", ":", "=")
    ]


def _block(toks: list[Token], start: int) -> list[Token]:
    depth = 0
    for j in range(start, len(toks)):
        if toks[j].kind == "punct" and toks[j].text in "{}":
            depth += 1 if toks[j].text == "{" else -1
            if depth == 0:
                return toks[start : j + 1]
    return toks[start:]


def sql_strings(body: list[Token]) -> Iterator[tuple[int, str]]:
    """(line, SQL) of each literal first argument of an SQL call."""
    for k, tok in enumerate(body[:-2]):
        if tok.kind != "name" or tok.text not in _SQL_CALLS or body[k + 1].text != "(":
            continue
        parts: list[Token] = []
        j = k + 2
        while j < len(body) and body[j].kind in ("string", "template"):
            parts.append(body[j])
            if j + 1 < len(body) and body[j + 1].text == "+" and j + 2 < len(body):
                j += 2
                continue
            break
        if parts and all(p.kind == "string" for p in parts):
            yield parts[0].line, "".join(p.text for p in parts)


def orm_sql(text: str) -> list[tuple[int, str]] | None:
    """(line, SQL) of each statement string ``up`` hands to the database; None past ``MAX_TOKENS``."""
    toks = list(tokens(text))
    return None if len(toks) >= MAX_TOKENS else list(sql_strings(up_body(toks)))
