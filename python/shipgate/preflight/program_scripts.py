"""Install, upgrade and maintenance scripts vendors write in Python or Perl, read as the shell that does the same
(``shipgate.preflight.python_script`` through Python's ``ast``; ``shipgate.preflight.perl_script``, a bounded
reader of the commands a Perl script runs with literal arguments). ``shipgate.preflight.embedded`` parses what
they return as one script run by the installing account, at the file's lines."""

from __future__ import annotations

from shipgate.preflight import perl_script, python_script

Piece = tuple[int, str]


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the Python or Perl script at ``path`` runs; None when it is neither (or a library)."""
    found = python_script.commands(path, text)
    return found if found is not None else perl_script.commands(path, text)
