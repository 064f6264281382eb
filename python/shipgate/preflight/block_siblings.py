"""The settings beside one in the same YAML block: the lines at its column, from its own line upward and downward
to the first shallower line (the block's parent or the next block: the search ends there) or to the edge of a
window of lines. Blank lines and comments are passed over. Read for an ``enable: false`` beside a secret
(disabled_blocks) and a ``salt:`` beside a digest (salted_digests); each says where a line's column is."""

from __future__ import annotations

from collections.abc import Callable, Sequence

Column = Callable[[str], int]


def indentation(line: str) -> int:
    """The column a line's text starts at."""
    return len(line) - len(line.lstrip())


def key_column(line: str) -> int:
    """The column a setting's key starts at (after the indentation and a YAML list item's ``- ``)."""
    stripped = line.lstrip()
    column = len(line) - len(stripped)
    return column + 2 if stripped.startswith("- ") else column


def sibling_in_block(
    lines: Sequence[str], number: int, window: int, matches: Callable[[str], object], column: Column = indentation
) -> bool:
    """Whether a line that ``matches`` lies at the column of 1-based line ``number``, within ``window`` lines of it
    and in its block."""
    at = column(lines[number - 1])
    upward = range(number - 1, max(0, number - 1 - window), -1)
    downward = range(number + 1, min(len(lines), number + window) + 1)
    return _in_block(lines, upward, at, matches, column) or _in_block(lines, downward, at, matches, column)


def _in_block(lines: Sequence[str], numbers: range, at: int, matches: Callable[[str], object], column: Column) -> bool:
    """A line at column ``at`` that ``matches`` among ``numbers``, before a shallower line ends the search."""
    for other in numbers:
        line = lines[other - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if column(line) < at:
            return False
        if column(line) == at and matches(line):
            return True
    return False
