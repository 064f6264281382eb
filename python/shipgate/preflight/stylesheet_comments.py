"""Comments in stylesheets that open after code on a line.

``markup.block_comment_lines`` reads a ``/* … */`` that opens a line. A stylesheet also opens one after a rule
(highlight.js's themes: ``code.hljs{padding:3px 5px}/*!`` then the theme's credits, ``Based on …: https://…``) and
LESS and SCSS have line comments after a declaration (``-ms-transform: skewX(@x); // See https://github.com/…``).
A URL there is a credit or a reference, not a resource the stylesheet loads (``url(…)`` is read as before).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_STYLESHEETS = (".css", ".less", ".scss", ".sass")
_LINE_COMMENTS = (".less", ".scss", ".sass")
# a ``//`` that begins a comment: at the start or after a blank or a ``;``/``{``/``}`` (not ``http://``)
_LINE_COMMENT = re.compile(r"(?:^|(?<=[\s;{}]))//")


def stylesheet_comment_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a stylesheet whose every URL is inside a comment (``/* … */`` anywhere, ``//`` in LESS/SCSS)."""
    lower = path.lower()
    if not lower.endswith(_STYLESHEETS):
        return set()
    line_comments = lower.endswith(_LINE_COMMENTS)
    found: set[int] = set()
    inside = False
    for number, text in lines:
        code, inside = _code_of(text, inside, line_comments)
        if "://" in text and "://" not in code:
            found.add(number)
    return found


def _code_of(text: str, inside: bool, line_comments: bool) -> tuple[str, bool]:
    """The text of a line outside comments, and whether a block comment is still open at its end."""
    kept: list[str] = []
    at = 0
    while at < len(text):
        if inside:
            end = text.find("*/", at)
            if end < 0:
                return "".join(kept), True
            at, inside = end + 2, False
            continue
        start = text.find("/*", at)
        line = _LINE_COMMENT.search(text, at) if line_comments else None
        if line is not None and (start < 0 or line.start() < start):
            kept.append(text[at : line.start()])
            return "".join(kept), False
        if start < 0:
            kept.append(text[at:])
            break
        kept.append(text[at:start])
        at, inside = start + 2, True
    return "".join(kept), inside
