"""The continuation lines of a YAML value written for people: they belong to the key that began the value.

A YAML scalar may go on over more lines, each indented past its key: a plain scalar
(``description: The SecurityFocus ("Bugtraq") vulnerability database identifier`` then ``(http://www.securityfocus.
com/bid)`` on the next line, Prewikka's IDMEF reference) or a block scalar (``help: |``). A key whose own line would
make its URL a mention (``description``, ``help``, ``documentation``…: ``endpoints._MENTION_KEY``) makes the URLs of
those lines mentions too: the value is text a page shows, whichever line the URL falls on. The value ends at the
first line indented no deeper than its key (a blank line does not end it). A key of another name (``url:``,
``upstream:``) keeps its continuation lines read as before, and so does a text key with no value on its line
(``docs:`` then ``terms_of_service:``/``url: …``): it opens a mapping of settings, not a text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_SUFFIXES = (".yml", ".yaml", ".yml.example", ".yaml.example", ".yml.sample", ".yaml.sample")
# ``key: value`` or ``- key: value``, the key's column and its name; a value may be empty, plain, or ``|``/``>``
_KEY = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][\w.-]{0,63})\s*:(?:\s|$)")


def indented_values(lines: Sequence[tuple[int, str]], opens: Callable[[str], int | None]) -> tuple[set[int], set[int]]:
    """The lines that continue an open value (indented past the column of the key that opened it; a blank line does
    not end it), and the lines that opened one: ``opens`` gives a line's key column when the line opens a value."""
    continued: set[int] = set()
    opened: set[int] = set()
    column = -1  # the open value's key column; -1: none open
    for number, text in lines:
        stripped = text.lstrip()
        if not stripped:
            continue
        if column >= 0 and len(text) - len(stripped) > column:
            continued.add(number)
            continue
        found = opens(text)
        column = -1 if found is None else found
        if found is not None:
            opened.add(number)
    return continued, opened


def prose_continuation_lines(
    path: str, lines: Sequence[tuple[int, str]], is_text_key: Callable[[str], bool]
) -> set[int]:
    """The lines of ``path`` that continue the value of a key ``is_text_key`` names (see the module docstring)."""
    if not path.lower().endswith(_SUFFIXES):
        return set()

    def opens_text(text: str) -> int | None:
        key = _KEY.match(text)
        value = text[key.end() :].strip() if key is not None else ""
        # a key with no value opens a mapping or a list (``docs:`` then ``url: …``): its lines are settings
        if key is None or not value or value.startswith("#") or not is_text_key(key.group(2)):
            return None
        return len(key.group(1))

    return indented_values(lines, opens_text)[0]
