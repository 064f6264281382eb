"""Constructs bash reads well and tree-sitter-bash does not, written so the rest of the file keeps its structure.

- a base-N constant in an arithmetic expansion (``$((16#$val))``, ``$((10#$n + 1))``): the ``N#`` is an ERROR;
- a shift inside a nested arithmetic expansion (``$((cap & $((1 << $1))))``): the ``<<`` is read as a
  here-document's start, and the ERROR that follows holds every later line of the file (the functions after it
  lose their bodies, their steps are read outside them, past the guards they sit behind);
- comments written as command substitutions between a command's continued lines (``sed \\`` then
  ``\\`# what the next -e does\\` \\``): two of them in a row and the grammar loses the pipeline and what follows.

Used only when the text did not parse (shell.reader). Each is written in place with the same length, so every
statement keeps its bytes, lines and columns: a base-N prefix becomes spaces, a nested expansion's ``<<``/``>>``
become `` *``/`` /`` (what the arithmetic computes is not read by the verifier; its structure is), and a
backquoted comment becomes ``:`` and spaces (bash runs it as nothing either way)."""

from __future__ import annotations

import re

_OPEN = b"$(("
_BASE = re.compile(rb"(?<![\w#])\d{1,2}#")  # 16#, 10#, 2#: a base bash reads before the digits
_SHIFT = re.compile(rb"<<|>>")
_BACKQUOTED_COMMENT = re.compile(rb"(?<=[ \t])`#[^`\n]*`(?=[ \t]*\\\n)")  # a word of its own before a continuation
_MAX_EXPANSIONS = 2_000


def _closing(source: bytes, start: int) -> int:
    """The end (exclusive) of the ``$((`` expansion at ``start``: its parentheses balanced; -1 when none is."""
    depth = 0
    for at in range(start + 1, len(source)):
        char = source[at]
        if char == 0x28:  # (
            depth += 1
        elif char == 0x29:  # )
            depth -= 1
            if depth == 0:
                return at + 1
    return -1


def _steadied(inside: bytes) -> bytes:
    steady = _BASE.sub(lambda m: b" " * len(m.group(0)), inside)
    if _OPEN in inside:
        steady = _SHIFT.sub(lambda m: b" *" if m.group(0) == b"<<" else b" /", steady)
    return steady


def _without_misparsed_arithmetic(source: bytes) -> bytes:
    """``source`` with the inside of each outermost ``$(( … ))`` written as the grammar reads it."""
    data = bytearray(source)
    start = source.find(_OPEN)
    for _ in range(_MAX_EXPANSIONS):
        if start == -1:
            break
        end = _closing(source, start)
        if end == -1:
            break
        data[start + 3 : end - 2] = _steadied(source[start + 3 : end - 2])
        start = source.find(_OPEN, end)
    return bytes(data)


def without_misparsed(source: bytes) -> bytes:
    """``source`` with each construct of the module docstring written as the grammar reads it."""
    if _OPEN in source:
        source = _without_misparsed_arithmetic(source)
    if b"`#" in source:
        source = _BACKQUOTED_COMMENT.sub(lambda m: b"`:" + b" " * (len(m.group(0)) - 3) + b"`", source)
    return source
