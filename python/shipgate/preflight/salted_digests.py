"""A password stored as its digest beside the salt it was made with: not the password, but what a login checks it
against (Sureness' ``credential: 1A67…`` with ``salt: 123`` under it). A hex digest of MD5, SHA-1, SHA-256 or
SHA-512 length, with a ``…salt`` setting at the same indentation within three lines either side and in the same
block (no shallower line between), is read as such a digest. A long hex value with no salt beside it stays a
password (``openssl rand -hex 16`` makes one of the same shape)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}")
_SALT_SETTING = re.compile(r"""(?i)^\s*(?:-\s+)?["']?[\w.-]*salt["']?\s*[:=]\s*\S""")
_WINDOW = 3


def digest_beside_salt(lines: Sequence[str], number: int, value: str) -> bool:
    """Whether ``value``, found on 1-based line ``number`` of ``lines``, is a hex digest next to its salt."""
    if not _HEX_DIGEST.fullmatch(value.strip().strip("\"'")):
        return False
    column = _key_column(lines[number - 1])
    upward = range(number - 1, max(0, number - 1 - _WINDOW), -1)
    downward = range(number + 1, min(len(lines), number + _WINDOW) + 1)
    return _salt_in_block(lines, upward, column) or _salt_in_block(lines, downward, column)


def _salt_in_block(lines: Sequence[str], numbers: range, column: int) -> bool:
    """A salt setting at ``column`` among ``numbers``, before a line of a shallower block ends the search."""
    for other in numbers:
        line = lines[other - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if _key_column(line) < column:
            return False
        if _key_column(line) == column and _SALT_SETTING.match(line):
            return True
    return False


def _key_column(line: str) -> int:
    """The column a setting's key starts at (after the indentation and a YAML list item's ``- ``)."""
    stripped = line.lstrip()
    column = len(line) - len(stripped)
    return column + 2 if stripped.startswith("- ") else column
