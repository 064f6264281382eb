"""Install, upgrade and maintenance scripts vendors write in Python, Perl, Ruby or JavaScript, read as the shell
that does the same (``shipgate.preflight.python_script`` through Python's ``ast``;
``shipgate.preflight.perl_script``, a bounded reader of the commands a Perl script runs with literal arguments;
``shipgate.preflight.ruby_script`` and ``shipgate.preflight.js_script`` through tree-sitter's Ruby and JavaScript
grammars). ``shipgate.preflight.embedded`` parses what they return as one script run by the installing account, at
the file's lines."""

from __future__ import annotations

from shipgate.preflight import js_script, perl_script, python_script, ruby_script

Piece = tuple[int, str]


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the Python, Perl, Ruby or JavaScript script at ``path`` runs; None when it is none of
    them (or a library)."""
    for reader in (python_script.commands, perl_script.commands, ruby_script.commands, js_script.commands):
        found = reader(path, text)
        if found is not None:
            return found
    return None
