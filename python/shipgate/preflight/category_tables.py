"""A table that files names under a category: the value beside a password-like name is the category's name, not a
password (Torrus' ``%admInfoParamCategories``: ``'snmp-authpassword' => 'SNMP',`` among twenty ``'snmp-…' => 'SNMP'``
entries). Program source only: a ``'key' => 'value'`` or ``'key': 'value'`` entry whose quoted value is also the value
of at least four other entries within eight lines either side is read as such a table's. A login's password equal to
its user (``'user' => 'torrus', 'password' => 'torrus'``), one sibling, stays a password."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ENTRY = re.compile(r"""^\s*["']?[\w.-]+["']?\s*(?:=>|:)\s*(["'])([^"'\n]*)\1\s*,?\s*$""")
_WINDOW = 8
_SIBLINGS = 4
_MAX_LINE = 400


def category_value(lines: Sequence[str], number: int, value: str) -> bool:
    """Whether ``value``, found on 1-based line ``number`` of ``lines``, is one category of a table that gives
    the same value to at least four other names nearby."""
    own = _ENTRY.match(lines[number - 1][:_MAX_LINE]) if 0 < number <= len(lines) else None
    if own is None or own.group(2) != value:
        return False
    same = 0
    for other in range(max(1, number - _WINDOW), min(len(lines), number + _WINDOW) + 1):
        entry = _ENTRY.match(lines[other - 1][:_MAX_LINE]) if other != number else None
        same += bool(entry and entry.group(2) == value)
    return same >= _SIBLINGS
