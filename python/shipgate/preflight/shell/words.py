"""Shell words to values: quote removal and literal variable substitution, as the shell would do it when the
value does not depend on run time. Bounded: a value is cut at ``MAX_VALUE`` characters (``a=$a$a`` doubles)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tree_sitter import Node

from shipgate.preflight.shell.model import Assignment, ParameterDefault, Word

MAX_VALUE = 4096
# Nesting of quotes/expansions inside one word that is evaluated; deeper parts are "not known".
MAX_WORD_DEPTH = 32

_EXPANSION = re.compile(r"^\$\{(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(.*)\}$", re.S)
_DEFAULT_OPS = (":-", "-", ":=", "=")
_GUARD_OPS = (":?", "?")
_BACKSLASH = re.compile(r"\\(.)", re.S)
_DQ_ESCAPE = re.compile(r"\\([$`\"\\\n])")
# Variables the shell sets itself: never literal.
_DYNAMIC = frozenset({"HOME", "USER", "LOGNAME", "PWD", "OLDPWD", "PATH", "UID", "EUID", "HOSTNAME", "RANDOM"})


@dataclass(frozen=True)
class Bindings:
    """Every assignment of the file, by name, in source order; a use sees the latest one above it, else the
    only value the name ever gets (a function defined above the assignment it reads)."""

    by_name: Mapping[str, Sequence[Assignment]]

    def lookup(self, name: str, line: int) -> Assignment | None:
        found = self.by_name.get(name)
        if not found:
            return None
        lines = [a.line for a in found]
        i = bisect_right(lines, line)
        if i:
            return found[i - 1]
        values = {a.value for a in found}
        return found[0] if len(values) == 1 else None


def text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


@dataclass
class _Acc:
    parts: list[str | None]
    expands: list[str]
    assigned_at: int | None = None
    guarded: bool = False
    generated: bool = False


class WordReader:
    """Evaluates word nodes against the file's bindings; collects ``${X:-literal}`` defaults on the way."""

    def __init__(self, bindings: Bindings) -> None:
        self.bindings = bindings
        self.defaults: dict[tuple[str, int], ParameterDefault] = {}

    def word(self, node: Node, *, line: int | None = None) -> Word:
        use = line if line is not None else node.start_point[0] + 1
        acc = _Acc([], [])
        self._add(node, acc, use, 0)
        value: str | None = None
        if all(p is not None for p in acc.parts):
            value = "".join(p for p in acc.parts if p is not None)[:MAX_VALUE]
        raw = text(node)
        return Word(
            raw=raw[:MAX_VALUE],
            value=value,
            line=node.start_point[0] + 1,
            expands=tuple(acc.expands),
            assigned_at=acc.assigned_at,
            guarded=acc.guarded,
            generated=acc.generated,
        )

    def _add(self, node: Node, acc: _Acc, use: int, depth: int) -> None:
        kind = node.type
        if depth > MAX_WORD_DEPTH:
            acc.parts.append(None)
        elif kind in ("word", "number", "extglob_pattern", "special_variable_name", "variable_name"):
            acc.parts.append(_BACKSLASH.sub(r"\1", text(node)))
        elif kind == "raw_string":
            acc.parts.append(text(node)[1:-1])
        elif kind == "ansi_c_string":
            acc.parts.append(_ansi_c(text(node)[2:-1]))
        elif kind in ("string", "translated_string"):
            self._string(node, acc, use, depth)
        elif kind == "concatenation":
            for child in node.children:
                self._add(child, acc, use, depth + 1)
        elif kind == "simple_expansion":
            self._variable(text(node)[1:], acc, use)
        elif kind == "expansion":
            self._expansion(node, acc, use)
        elif kind in ("command_substitution", "process_substitution"):
            acc.generated = True
            acc.parts.append(None)
        else:
            acc.parts.append(None)

    def _string(self, node: Node, acc: _Acc, use: int, depth: int) -> None:
        source = node.text or b""
        base = node.start_byte
        start = base + (2 if source.startswith(b"$") else 1)
        end = node.end_byte - 1
        cursor = start
        for child in node.named_children:
            if child.start_byte > cursor:
                acc.parts.append(
                    _DQ_ESCAPE.sub(r"\1", source[cursor - base : child.start_byte - base].decode("utf-8", "replace"))
                )
            if child.type == "string_content":
                acc.parts.append(_DQ_ESCAPE.sub(r"\1", text(child)))
            else:
                self._add(child, acc, use, depth + 1)
            cursor = max(cursor, child.end_byte)
        if end > cursor:
            acc.parts.append(_DQ_ESCAPE.sub(r"\1", source[cursor - base : end - base].decode("utf-8", "replace")))

    def _variable(self, name: str, acc: _Acc, use: int) -> None:
        acc.expands.append(name)
        binding = None if name in _DYNAMIC else self.bindings.lookup(name, use)
        if binding is not None and acc.assigned_at is None:
            acc.assigned_at = binding.line
        acc.parts.append(binding.value if binding is not None else None)

    def _expansion(self, node: Node, acc: _Acc, use: int) -> None:
        m = _EXPANSION.match(text(node))
        if m is None or m.group(1):  # ${#X} is a length; ${!X} and arrays are not followed
            acc.parts.append(None)
            return
        name, rest = m.group(2), m.group(3)
        op = next((o for o in (*_GUARD_OPS, *_DEFAULT_OPS, ":+", "+") if rest.startswith(o)), None)
        if op is None:
            if rest:  # ${X#pat}, ${X/a/b}, ${X:0:3}: a transformation
                acc.expands.append(name)
                acc.parts.append(None)
            else:
                self._variable(name, acc, use)
            return
        acc.expands.append(name)
        binding = None if name in _DYNAMIC else self.bindings.lookup(name, use)
        if binding is not None and acc.assigned_at is None:
            acc.assigned_at = binding.line
        if op in _GUARD_OPS:
            acc.guarded = True
            acc.parts.append(binding.value if binding is not None else None)
            return
        default = _literal_default(rest[len(op) :])
        if op in _DEFAULT_OPS:
            if default is not None:
                line = node.start_point[0] + 1
                self.defaults.setdefault((name, line), ParameterDefault(name, default, line, text(node)[:200]))
            known = binding.value if binding is not None else None
            acc.parts.append(known if known else default)
            return
        acc.parts.append(None)  # ${X:+alt}: depends on whether X is set


def _literal_default(text_: str) -> str | None:
    """The default of ``${X:-…}`` when it is a literal: quotes removed; None when it expands anything."""
    if "$" in text_ or "`" in text_:
        return None
    if len(text_) >= 2 and text_[0] == text_[-1] and text_[0] in "\"'":
        return text_[1:-1]
    return _BACKSLASH.sub(r"\1", text_)


def _ansi_c(body: str) -> str:
    try:
        return body.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return body
