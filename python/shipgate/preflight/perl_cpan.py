"""CPAN.pm's own install interface, called from a Perl script: what ``cpan MODULE`` does, written as methods.

A script that loads CPAN.pm (``use CPAN;``/``require CPAN;``) and calls ``->install`` on a module or distribution
object (``$m->install``, ``CPAN::Shell->install('DBD::Pg')``), or ``->force('install', …)``/``->notest('install',
…)``, fetches each module and its prerequisites from the CPAN mirror CPAN.pm is configured with and installs them,
as ``cpan MODULE`` does. The modules are the call's literal string arguments; an object's own module (``$m``) or a
computed argument is not known (None). In a script that does not load CPAN.pm, an ``->install`` method belongs to
something else and is not read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from shipgate.preflight.perl_programs import Token as ProgramToken
from shipgate.preflight.perl_programs import call_arguments


class Token(ProgramToken, Protocol):
    """A ``perl_programs`` token that also says whether its string interpolates (``"…"`` against ``'…'``)."""

    @property
    def interpolates(self) -> bool: ...


_VERBS = frozenset({"force", "notest"})  # ``->force('install', …)``: the verb given as the first argument


def loads_cpan(tokens: Sequence[Token]) -> bool:
    """``use CPAN`` or ``require CPAN`` (the module itself, not ``CPAN::Meta`` and its kin)."""
    for i in range(len(tokens) - 1):
        qualified = i + 2 < len(tokens) and tokens[i + 2].text == "::"
        if tokens[i].text in ("use", "require") and tokens[i + 1].text == "CPAN" and not qualified:
            return True
    return False


def installed_modules(tokens: Sequence[Token], i: int) -> list[str | None] | None:
    """The modules a CPAN.pm install method at ``tokens[i]`` installs (None for one it cannot know), or None when
    the token is no such call."""
    token = tokens[i]
    if token.kind != "word" or not _is_method(tokens, i):
        return None
    args = _arguments(tokens, i + 1)
    if token.text == "install":
        return args or [None]
    if token.text in _VERBS and args[:1] == ["install"]:
        return args[1:] or [None]
    return None


def _is_method(tokens: Sequence[Token], i: int) -> bool:
    """``$m->install`` (the lexer keeps ``->`` on the variable) or ``CPAN::Shell->install``."""
    before = tokens[i - 1] if i else None
    return before is not None and (before.text == "->" or (before.kind == "var" and before.text.endswith("->")))


def _arguments(tokens: Sequence[Token], i: int) -> list[str | None]:
    """A parenthesised argument list: each string literal's text, None for any other argument."""
    return [_literal(group) for group in call_arguments(tokens, i) if group]


def _literal(group: Sequence[Token]) -> str | None:
    if len(group) == 1 and group[0].kind == "str":
        token = group[0]
        return None if token.interpolates and any(c in token.text for c in "$@") else token.text
    return None
