"""The arguments of a call in JavaScript/TypeScript or C# code, read from the tokens of ``orm.tokens`` into plain
values: a string literal (adjacent literals joined by ``+``), a list (``[…]``, C#'s ``new[] {…}``), an object
literal (``{key: value}``), a constructor call (``new TableIndex({…})``, ``new Guid("…")``) and, for anything else,
the raw text of its tokens (``Sequelize.DATE``, ``true``, ``100``, ``typeof(string)``). C#'s named arguments
(``table: "Invoices"``) are kept by name. Nothing is evaluated: a variable stays raw text, and a template literal
with ``${…}`` parts is raw too. Every walk is bounded by the bracket pairs found in one pass and by ``_MAX_DEPTH``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from shipgate.preflight.sql.orm import Token

_MAX_DEPTH = 8
_MAX_ITEMS = 256
_MAX_RAW = 64  # tokens kept of a value that is not a literal (a type name, ``typeof(string)``: a few tokens)


@dataclass(frozen=True)
class Raw:
    text: str  # the tokens' texts joined by spaces: not a literal preflight can read


@dataclass(frozen=True)
class New:
    name: str  # the class constructed: ``TableColumn``, ``Guid``
    args: list[Value] = field(default_factory=list)
    named: dict[str, Value] = field(default_factory=dict)


Value = str | list["Value"] | dict[str, "Value"] | New | Raw


class Lexeme(Protocol):
    """What :func:`pairs` reads of a token: every DSL reader's own ``Token`` has these."""

    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...


def pairs(toks: Sequence[Lexeme]) -> dict[int, int]:
    """Each ``(``/``{``/``[``'s index to its closer's, found in one pass (a hostile file stays linear)."""
    found: dict[int, int] = {}
    stack: list[int] = []
    for j, t in enumerate(toks):
        if t.kind == "punct" and t.text in "({[":
            stack.append(j)
        elif t.kind == "punct" and t.text in ")}]" and stack:
            found[stack.pop()] = j
    return found


def _split(toks: list[Token], start: int, stop: int, closers: dict[int, int]) -> list[tuple[int, int]]:
    """The comma-separated (start, stop) ranges of ``toks[start:stop]`` at the top level."""
    parts: list[tuple[int, int]] = []
    j, begin = start, start
    while j < stop and len(parts) < _MAX_ITEMS:
        t = toks[j]
        if t.kind == "punct" and t.text in "({[" and j in closers:
            j = closers[j] + 1
            continue
        if t.kind == "punct" and t.text == ",":
            parts.append((begin, j))
            begin = j + 1
        j += 1
    if begin < stop:
        parts.append((begin, stop))
    return [(a, b) for a, b in parts if a < b]


def call_args(toks: list[Token], open_at: int, closers: dict[int, int]) -> tuple[list[Value], dict[str, Value]]:
    """The positional and the named (``name: value``) arguments of the call whose ``(`` is ``toks[open_at]``."""
    close = closers.get(open_at)
    if close is None:
        return [], {}
    return _args(toks, open_at + 1, close, closers, 0)


def _args(
    toks: list[Token], start: int, stop: int, closers: dict[int, int], depth: int
) -> tuple[list[Value], dict[str, Value]]:
    positional: list[Value] = []
    named: dict[str, Value] = {}
    for a, b in _split(toks, start, stop, closers):
        if b - a >= 3 and toks[a].kind == "name" and toks[a + 1].text == ":" and toks[a + 2].text != ":":
            named[toks[a].text] = value(toks, a + 2, b, closers, depth + 1)
        else:
            positional.append(value(toks, a, b, closers, depth + 1))
    return positional, named


def value(toks: list[Token], start: int, stop: int, closers: dict[int, int], depth: int = 0) -> Value:
    """The value written by ``toks[start:stop]``."""
    raw = Raw(" ".join(t.text for t in toks[start : min(stop, start + _MAX_RAW)]))
    if depth > _MAX_DEPTH or start >= stop:
        return raw
    first = toks[start]
    if first.kind == "string":
        return _joined(toks, start, stop) or raw
    if first.kind == "punct" and first.text in "[{" and closers.get(start) == stop - 1:
        if first.text == "[":
            return [value(toks, a, b, closers, depth + 1) for a, b in _split(toks, start + 1, stop - 1, closers)]
        return _object(toks, start + 1, stop - 1, closers, depth)
    if first.kind == "name" and first.text == "new" and start + 1 < stop:
        array = _array(toks, start + 1, stop, closers, depth)
        if array is not None:
            return array
        if toks[start + 1].kind == "name":
            return _constructed(toks, start + 1, stop, closers, depth) or raw
    return raw


def _array(toks: list[Token], at: int, stop: int, closers: dict[int, int], depth: int) -> list[Value] | None:
    """C#'s array creation: ``new[] { "A", "B" }``, ``new string[] { … }``; None for anything else."""
    j = at + 1 if toks[at].kind == "name" else at
    if j + 2 >= stop or toks[j].text != "[" or toks[j + 1].text != "]" or toks[j + 2].text != "{":
        return None
    if closers.get(j + 2) != stop - 1:
        return None
    return [value(toks, a, b, closers, depth + 1) for a, b in _split(toks, j + 3, stop - 1, closers)]


def _joined(toks: list[Token], start: int, stop: int) -> str | None:
    """``"a" + "b"``: the literal they make, or None when anything else is in the range."""
    parts = [toks[j] for j in range(start, stop, 2)]
    plus = [toks[j] for j in range(start + 1, stop, 2)]
    if any(p.kind != "string" for p in parts) or any(p.text != "+" for p in plus):
        return None
    return "".join(p.text for p in parts)


def _object(toks: list[Token], start: int, stop: int, closers: dict[int, int], depth: int) -> dict[str, Value]:
    found: dict[str, Value] = {}
    for a, b in _split(toks, start, stop, closers):
        if b - a >= 3 and toks[a].kind in ("name", "string") and toks[a + 1].text == ":":
            found[toks[a].text] = value(toks, a + 2, b, closers, depth + 1)
    return found


def _constructed(toks: list[Token], at: int, stop: int, closers: dict[int, int], depth: int) -> New | None:
    """``new Name(…)``, ``new Name<T>(…)``, ``new Name { … }`` (C#'s object initialiser, read like an object)."""
    name = toks[at].text
    j = at + 1
    while j < stop and toks[j].text == ".":  # a qualified name: new TypeORM.TableColumn(…)
        if j + 1 < stop and toks[j + 1].kind == "name":
            name, j = toks[j + 1].text, j + 2
        else:
            break
    if j < stop and toks[j].text == "<":
        end = next((k for k in range(j, min(stop, j + 32)) if toks[k].text == ">"), None)
        if end is None:
            return None
        j = end + 1
    positional: list[Value] = []
    named: dict[str, Value] = {}
    if j < stop and toks[j].text == "(" and j in closers:
        positional, named = _args(toks, j + 1, closers[j], closers, depth + 1)
        j = closers[j] + 1
    if j < stop and toks[j].text == "{" and j in closers:
        named.update(_object(toks, j + 1, closers[j], closers, depth + 1))
        j = closers[j] + 1
    return New(name, positional, named) if j == stop else None


def text(v: Value | None) -> str | None:
    """A string literal's value; None for anything else."""
    return v if isinstance(v, str) else None


def names(v: Value | None) -> list[str] | None:
    """A list of string literals (or one literal) as names; None when any is not a literal."""
    if isinstance(v, str):
        return [v]
    if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
        return [x for x in v if isinstance(x, str)]
    return None


def flag(v: Value | None) -> bool | None:
    """``true``/``false`` written as such; None for anything else."""
    if isinstance(v, Raw) and v.text in ("true", "false"):
        return v.text == "true"
    return None


def options(v: Value | None) -> dict[str, Value]:
    """An object literal's or a constructor's named values (``{…}``, ``new X({…})``); empty for anything else."""
    if isinstance(v, dict):
        return v
    if isinstance(v, New):
        first = v.args[0] if v.args and isinstance(v.args[0], dict) else {}
        return {**first, **v.named}
    return {}
