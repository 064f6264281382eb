"""Install, upgrade and maintenance scripts vendors write in Python, Perl, Ruby, JavaScript, PHP or Go, read as the
shell that does the same (``shipgate.preflight.python_script`` through Python's ``ast``;
``shipgate.preflight.perl_script``, a bounded reader of the commands a Perl script runs with literal arguments;
``shipgate.preflight.ruby_script``, ``shipgate.preflight.js_script`` and ``shipgate.preflight.php_script`` through
tree-sitter's Ruby, JavaScript and PHP grammars; ``shipgate.preflight.go_script``, a Go program's install or
upgrade command through tree-sitter's Go grammar; ``shipgate.preflight.rust_script``, a Cargo build script through
tree-sitter's Rust grammar). ``shipgate.preflight.embedded`` parses what they return as one
script run by the installing account, at the file's lines."""

from __future__ import annotations

from shipgate.preflight import go_script, js_script, perl_script, php_script, python_script, ruby_script, rust_script

Piece = tuple[int, str]


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the Python, Perl, Ruby, JavaScript, PHP or Go script or the Cargo build script at
    ``path`` runs; None when it is none of them (or a library)."""
    readers = (python_script.commands, perl_script.commands, ruby_script.commands, js_script.commands)
    for reader in (*readers, php_script.commands, go_script.commands, rust_script.commands):
        found = reader(path, text)
        if found is not None:
            return found
    return None
