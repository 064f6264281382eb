"""Programs a Perl script names through variables: ``my $cpanm = 'cpanm'; … system $cpanm, @args, 'Module'`` and
``my @cmd = ($cpanm, @args); push @cmd, …; system @cmd`` run ``cpanm``. Read from the tokens of
``shipgate.preflight.perl_script``'s bounded lexer (docs/preflight.md, "Program source").

A scalar names a program when every string literal assigned to it (``$x = 'word'``, ``my $x = 'word'``) is one
and the same single word: a script that tries several paths first and falls back to the bare name
(``$cpanm = $found_path … $cpanm = 'cpanm'``) runs that program either way. Assignments of other values are not
read (a path found on disk ends in the same program). An array names the program of its first element when it is
assigned a list that starts with such a scalar or a literal word (``@cmd = ($cpanm, …)``); what is pushed later
is an unknown argument."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol


class Token(Protocol):
    """A token of ``perl_script``'s lexer: its kind (``var``, ``str``, ``op``, ``word``…) and text."""

    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...


_PROGRAM = re.compile(r"[\w./+-]+")


def program_variables(tokens: Sequence[Token]) -> dict[str, str]:
    """Variable (``$cpanm``, ``@cmd``) → the program word it names, for the variables that name one."""
    literals: dict[str, set[str]] = {}
    for i, token in enumerate(tokens[:-2]):
        if token.kind != "var" or not token.text.startswith("$") or tokens[i + 1].text != "=":
            continue
        value = tokens[i + 2]
        after = tokens[i + 3].text if i + 3 < len(tokens) else ";"
        if value.kind == "str" and after in (";", "if", "unless"):
            literals.setdefault(token.text, set()).add(value.text)
    scalars = {
        name: next(iter(values))
        for name, values in literals.items()
        if len(values) == 1 and _PROGRAM.fullmatch(next(iter(values)))
    }
    arrays: dict[str, set[str | None]] = {}
    for i, token in enumerate(tokens[:-3]):
        if token.kind != "var" or not token.text.startswith("@") or tokens[i + 1].text != "=":
            continue
        first = tokens[i + 3] if tokens[i + 2].text == "(" else None
        word = None
        if first is not None:
            word = scalars.get(first.text) if first.kind == "var" else first.text if first.kind == "str" else None
        arrays.setdefault(token.text, set()).add(word if word and _PROGRAM.fullmatch(word) else None)
    named = {name: next(iter(words)) for name, words in arrays.items() if len(words) == 1}
    return scalars | {name: word for name, word in named.items() if word}
