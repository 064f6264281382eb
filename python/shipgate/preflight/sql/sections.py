"""The migrations an upgrade does not run: the down half of tools that keep both halves in one file (goose
``-- +goose Down``, sql-migrate ``-- +migrate Down``, dbmate ``-- migrate:down``), up to the next up marker or
the end of the file; and files of their own that undo a migration (diesel/sqlx ``down.sql``, golang-migrate
``0042_x.down.sql``, Flyway undo ``U42__x.sql``)."""

from __future__ import annotations

import posixpath
import re

_DOWN_FILE = re.compile(r"(?:^|\.)down\.sql$|^u\d+(?:[._]\d+)*__", re.I)
_MARKER = re.compile(r"^[ \t]*--[ \t]*(?:\+goose[ \t]+|\+migrate[ \t]+|migrate:)(up|down)\b", re.I | re.M)


def down_sections(text: str) -> list[tuple[int, int]]:
    """Offsets ``[start, end)`` of the text under a down marker."""
    if "+goose" not in text and "+migrate" not in text and "migrate:" not in text:
        return []
    sections: list[tuple[int, int]] = []
    start: int | None = None
    for m in _MARKER.finditer(text):
        down = m.group(1).lower() == "down"
        if down and start is None:
            start = m.start()
        elif not down and start is not None:
            sections.append((start, m.start()))
            start = None
    if start is not None:
        sections.append((start, len(text)))
    return sections


def within(sections: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in sections)


def down_file(path: str) -> bool:
    """Whether the file's name marks it as the undo of a migration."""
    return bool(_DOWN_FILE.search(posixpath.basename(path)))
