"""Python 2's ``print`` statement written as Python 3's call, line for line, so ``ast`` reads a Python 2 program.

``print 'x'``, ``print "a", b,`` and a bare ``print`` that begin a logical line become ``print('x')``, ``print("a",
b,)`` and ``print()``: the parenthesis opens after the word and closes after the statement's last token (before a
comment), on the lines the statement already spans, so no line moves. A ``print >>f, x`` (a file target) has no
such spelling and leaves the text unread, as does text ``tokenize`` refuses."""

from __future__ import annotations

import io
import tokenize

MAX_CHARS = 2_000_000
_STARTS = frozenset({tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING})
_QUIET = frozenset({tokenize.COMMENT, tokenize.NL})


def print_calls(text: str) -> str | None:
    """``text`` with its ``print`` statements written as calls; None when it holds none, or one with a file target,
    or when it does not tokenize."""
    if len(text) > MAX_CHARS or "print" not in text:
        return None
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    edits: list[tuple[tuple[int, int], str]] = []
    previous = tokenize.NEWLINE
    opened: tuple[int, int] | None = None  # where the statement being rewritten ends so far
    for index, token in enumerate(tokens):
        if opened is not None and token.type == tokenize.NEWLINE:
            edits.append((opened, ")"))
            opened = None
        elif opened is not None and token.type not in _QUIET:
            opened = token.end
        if token.type == tokenize.NAME and token.string == "print" and previous in _STARTS:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is None or following.string == "(" or following.string in ("=", "."):
                pass  # already a call (``print(x)``), or a name assigned or used as one
            elif following.string == ">>":
                return None
            else:
                edits.append((token.end, "("))
                opened = token.end
        if token.type not in _QUIET:
            previous = token.type
    return _applied(text, edits) if edits else None


def _applied(text: str, edits: list[tuple[tuple[int, int], str]]) -> str:
    """``text`` with each insertion made at its (row, column), from the last one back so none moves another."""
    lines = text.splitlines(keepends=True)
    for (row, column), insert in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:column] + insert + line[column:]
    return "".join(lines)
