"""psql's own syntax in a SQL file, rewritten before the file is split so that its statements read as PostgreSQL's.

A migration applied with ``psql -f`` may use psql's meta-commands and variables (psql(1), "Meta-Commands" and
"SQL Interpolation"), as OpenReplay's upgrade files do::

    SELECT openreplay_version() = :'previous_version' AS valid_previous
    \\gset
    \\if :valid_previous
    ALTER TABLE public.dashboards ADD COLUMN …;

A meta-command (a line whose first character past blanks is a backslash) is run by psql, not sent to the server,
and ``\\g``, ``\\gset`` and ``\\gexec`` send the query typed so far as ``;`` does. Read as SQL, the query ran into the
meta-commands after it and up to the next semicolon, the parser refused the whole piece, and the statement after the
meta-commands was lost. Each meta-command line becomes ``;`` and blanks (a statement boundary, as psql treats the
sending ones; the others only ever stand between statements), and an interpolated variable ``:'name'``/``:"name"``
becomes the literal or identifier it renders (``'name'``/``"name"``). Lengths and newlines are kept, so offsets and
line numbers stay as written. Quoted strings, dollar-quoted bodies and comments are passed over (psql reads no
meta-command or variable there). A text with no meta-command line is returned as it is, so a MySQL file's
backslash-escaped strings are never scanned.
"""

from __future__ import annotations

import re

_META_LINE = re.compile(r"^[ \t]*\\[A-Za-z.!?]", re.M)
# One left-to-right pass: what psql skips (strings, dollar quotes, comments), a meta-command line, a variable.
_TOKEN = re.compile(
    r"(?P<skip>(?<!\w)[eE]'(?:[^'\\]|\\.|'')*'?|'(?:[^']|'')*'?|(?<![\w$])\$\$.*?(?:\$\$|\Z)"
    r"|(?<![\w$])\$(?P<tag>[A-Za-z_]\w{0,62})\$.*?(?:\$(?P=tag)\$|\Z)|--[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<meta>^[ \t]*\\[^\n]*)"
    r"|(?P<var>(?<!:):['\"][A-Za-z_]\w*['\"])",
    re.S | re.M,
)


def _rewritten(match: re.Match[str]) -> str:
    text = match.group()
    if match.group("meta") is not None:
        return ";" + " " * (len(text) - 1)
    if match.group("var") is not None:
        return " " + text[1:]
    return text


def without_psql_syntax(text: str) -> str:
    """``text`` with psql's meta-command lines as statement ends and its ``:'var'``/``:"var"`` interpolations as the
    literal or identifier they render; unchanged when no line is a meta-command."""
    if not _META_LINE.search(text):
        return text
    return _TOKEN.sub(_rewritten, text)
