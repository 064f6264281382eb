"""Python 2's ``ur''`` string prefix, written as Python 3 reads it.

Python 2 takes ``ur'…'`` (and ``Ur``, ``uR``, ``UR``) as a raw unicode literal; Python 3 refuses the prefix, so a
whole Python 2 file with one (Pootle's ``cleanhtml.py``: ``re.compile(ur'/xx/', re.IGNORECASE)``) is not read and its
docstrings are taken as code. Python 3's tokenizer reads such a prefix as a name glued to the string after it; each
such pair is written as the raw literal (``r'/xx/'``: every Python 3 string is unicode), on the same line, so every
line keeps its number."""

from __future__ import annotations

import io
import itertools
import tokenize

from shipgate.preflight.python2_prints import MAX_CHARS


def raw_literals(text: str) -> str | None:
    """``text`` with each ``ur''``-prefixed literal written ``r''``; None when it holds none or does not tokenize."""
    if len(text) > MAX_CHARS:
        return None
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    prefixes = [
        name.start
        for name, after in itertools.pairwise(tokens)
        if name.type == tokenize.NAME
        and name.string.lower() == "ur"
        and after.type == tokenize.STRING
        and after.start == name.end
    ]
    if not prefixes:
        return None
    lines = text.splitlines(keepends=True)
    for row, column in reversed(prefixes):  # right to left, so the earlier columns of a line stay where they are
        line = lines[row - 1]
        lines[row - 1] = line[:column] + line[column + 1 :]
    return "".join(lines)
