"""The files a script writes, as the script writes them: every line its heredocs, ``echo``/``printf`` redirections
and literal ``sed -i`` replacements put into one file (written_config), gathered per file in the script's order and
numbered by the script's lines. A reader of a shipped file's format (an apt or yum source, ``pg_hba.conf``) judges
such a file as it judges a shipped one, and reports what it finds at the script's line."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from shipgate.preflight.contents import Kind, Line, TextFile
from shipgate.preflight.shell.model import Script
from shipgate.preflight.written_config import sed_replaced_lines, written_lines


def written_texts(script: Script, *, literal_only: bool = False) -> Iterator[TextFile]:
    """Each file the script writes, named as the script names it, holding the lines the script writes into it
    (``literal_only``: not an echo's line that expands a variable, as written_config reads it)."""
    by_file: dict[str, list[Line]] = {}
    for written in itertools.chain(written_lines(script, literal_only=literal_only), sed_replaced_lines(script)):
        by_file.setdefault(written.target, []).append(Line(written.line, written.text))
    for target, lines in by_file.items():
        yield TextFile(target, Kind.CONFIG, tuple(sorted(lines, key=lambda line: line.number)))
