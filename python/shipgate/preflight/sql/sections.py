"""The migrations an upgrade does not run: the down half of tools that keep both halves in one file (goose
``-- +goose Down``, sql-migrate ``-- +migrate Down``, dbmate ``-- migrate:down``), up to the next up marker or
the end of the file; and files of their own that undo a migration (diesel/sqlx ``down.sql``, golang-migrate
``0042_x.down.sql``, Flyway undo ``U42__x.sql``). And the changesets of a Liquibase formatted-SQL file written for
another database (``--changeset app:1 dbms:mysql``): they run there, not on PostgreSQL."""

from __future__ import annotations

import posixpath
import re

from shipgate.preflight.sql.names import DIALECTS

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


_CHANGESET = re.compile(r"^[ \t]*--[ \t]*changeset[ \t]+\S+([^\n]*)", re.I | re.M)
_DBMS = re.compile(r"\bdbms:[ \t]*(\S+)", re.I)


def dbms_sections(text: str) -> list[tuple[int, int, str]]:
    """Offsets ``[start, end)`` and database of each formatted-SQL changeset whose ``dbms:`` leaves PostgreSQL out."""
    if "changeset" not in text.lower():
        return []
    heads = list(_CHANGESET.finditer(text))
    sections: list[tuple[int, int, str]] = []
    for k, m in enumerate(heads):
        dbms = _DBMS.search(m.group(1))
        names = [n.strip().lower() for n in dbms.group(1).split(",")] if dbms else []
        if not names or any(n in ("postgresql", "all") or (n.startswith("!") and n != "!postgresql") for n in names):
            continue
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        other = next((DIALECTS[n] for n in names if n in DIALECTS), names[0].lstrip("!") or "unknown")
        sections.append((m.start(), end, "other" if other == "postgresql" else other))
    return sections


def section_dialect(sections: list[tuple[int, int, str]], offset: int) -> str | None:
    return next((d for start, end, d in sections if start <= offset < end), None)
