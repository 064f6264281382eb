"""The rows a ``COPY … FROM stdin`` statement reads from the script itself, blanked before the script is split.

A psql script (a ``pg_dump`` in plain format, LedgerSMB's ``Pg-database.sql``) may follow ``COPY menu_node (…) FROM
stdin WITH DELIMITER '|';`` with the table's rows, one a line, up to a line ``\\.`` (psql(1), "COPY … FROM STDIN";
PostgreSQL's "COPY": "End of data can be represented by a single line containing just backslash-period"). The rows
are data, not SQL: read as SQL, they and the statement after them (up to its semicolon) became one refused piece, and
that statement was lost (a ``CREATE TABLE`` after the rows: the table's later ``ALTER TABLE`` was read as one on an
existing table). Each row is replaced by spaces of its length, so offsets and line numbers stay as written. A
``COPY`` with no end-of-data line leaves the text as it is.
"""

from __future__ import annotations

import re

# ``COPY name [(columns)] FROM stdin [options];`` (also psql's ``\copy … from stdin``), its rows from the next line
_COPY_FROM_STDIN = re.compile(r"^[ \t]*\\?copy\b[^;\n]*\bfrom[ \t]+stdin\b[^;\n]*;?[ \t]*\r?\n", re.I | re.M)
_END_OF_DATA = re.compile(r"^\\\.[ \t]*\r?$", re.M)


def without_copy_rows(text: str) -> str:
    """``text`` with the rows of each ``COPY … FROM stdin`` up to its ``\\.`` line blanked (newlines kept)."""
    if "\\." not in text:
        return text
    pieces: list[str] = []
    done = 0
    for head in _COPY_FROM_STDIN.finditer(text):
        if head.start() < done:
            continue  # a COPY line among rows already blanked
        end = _END_OF_DATA.search(text, head.end())
        if end is None:
            break  # no end-of-data line after this one: none after a later one either
        pieces.append(text[done : head.end()])
        pieces.append(re.sub(r"[^\n]", " ", text[head.end() : end.start()]))
        done = end.start()
    return "".join(pieces) + text[done:]
