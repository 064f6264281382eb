"""Commands a Perl script runs through ``open`` with a pipe, read from the tokens of
``shipgate.preflight.perl_script``'s bounded lexer (docs/preflight.md, "Program source").

Perl starts a command when it opens a pipe from or to it: the two-argument ``open(FH, "$cmd |")`` (read its output)
and ``open(FH, "| $cmd")`` (write to its input) run the literal's text without the bar as a shell command line; the
three-argument ``open(my $fh, '-|', LIST)`` and ``'|-'`` run LIST as ``system`` does (one string: a command line;
several: the argv). A setup script's runner sub is often just that (holdout214's ``sub cmd { my ($cmd) = @_;
open(FH, "$cmd |") … }``), so each call gives the sub the command it runs.

The arguments are read as ``shipgate.preflight.perl_opens`` reads a write's: string literals and variables joined
with ``.``; a mode that is not a literal, or an argument that is a call or an expression, is not read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeVar

from shipgate.preflight.perl_opens import open_arguments
from shipgate.preflight.perl_programs import Token

T = TypeVar("T", bound=Token)

Form = Literal["line", "argv"]
Bar = Literal["head", "tail"]

_PIPE_MODES = frozenset({"-|", "|-"})


def piped_command(tokens: Sequence[T], i: int) -> tuple[Form, list[list[T]]] | None:
    """What an ``open`` at ``tokens[i]`` runs: ``("line", [group])`` for a two-argument open whose literal starts or
    ends with a bar (the literal keeps its bar: ``pipe_bar`` tells which end), ``("argv", groups)`` for a
    three-argument open with a pipe mode; None for any other token or open."""
    args = open_arguments(tokens, i)
    if not args:
        return None
    if len(args) == 1:
        return ("line", args) if pipe_bar(args[0]) is not None else None
    mode = args[0]
    if len(mode) == 1 and mode[0].kind == "str" and mode[0].text.strip() in _PIPE_MODES:
        return ("argv", args[1:])
    return None


def pipe_bar(group: Sequence[Token]) -> Bar | None:
    """Which end of a two-argument open's text holds the bar: ``"| cmd"`` (head), ``"cmd |"`` (tail); a bare
    ``"-|"``/``"|-"`` forks the script itself and runs nothing."""
    if len(group) == 1 and group[0].text.strip() in _PIPE_MODES:
        return None
    if group and group[0].kind == "str" and group[0].text.lstrip().startswith("|"):
        return "head"
    if group and group[-1].kind == "str" and group[-1].text.rstrip().endswith("|"):
        return "tail"
    return None


def without_bar(text: str, bar: Bar) -> str:
    """A two-argument open's command line: its text without the bar at ``bar``'s end."""
    text = text.strip()
    return (text[1:] if bar == "head" else text[:-1]).strip()
