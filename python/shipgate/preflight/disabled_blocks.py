"""A secret inside a YAML block that the same block switches off: StreamPark's ``ldap:`` with ``enable: false`` above
``password: streampark``. The integration is not in effect as shipped, so its bind password is sent nowhere;
whoever switches it on writes their own. Read only for an indented key whose parent opens a block (``ldap:``), among
its siblings at the same indentation up to the next shallower line (at most 40 lines either way): a top-level file
(an env file's ``LDAP_ENABLED=false`` beside ``LDAP_PASSWORD=x``) pairs settings by name, not by block, and stays
read."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SWITCH_OFF = re.compile(
    r"""(?i)^\s*(?:-\s+)?["']?(?:enable|enabled)["']?\s*:\s*["']?(?:false|no|off)["']?\s*(?:#.*)?$"""
)
_WINDOW = 40


def switched_off_block(lines: Sequence[str], number: int) -> bool:
    """Whether 1-based line ``number`` is a setting of a nested YAML block whose sibling ``enable(d): false``."""
    column = _key_column(lines[number - 1])
    if column == 0:
        return False
    upward = range(number - 1, max(0, number - 1 - _WINDOW), -1)
    downward = range(number + 1, min(len(lines), number + _WINDOW) + 1)
    return _sibling_off(lines, upward, column) or _sibling_off(lines, downward, column)


def _sibling_off(lines: Sequence[str], numbers: range, column: int) -> bool:
    for other in numbers:
        line = lines[other - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if _key_column(line) < column:
            return False
        if _key_column(line) == column and _SWITCH_OFF.match(line):
            return True
    return False


def _key_column(line: str) -> int:
    stripped = line.lstrip()
    return len(line) - len(stripped)
