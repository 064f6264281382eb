"""Files a Perl script opens for writing, read from the tokens of ``shipgate.preflight.perl_script``'s bounded lexer:
``open(my $fh, '>', PATH)`` writes PATH (``: > PATH``), ``'>>'`` appends to it (``: >> PATH``), so a repository
file written into ``/etc/yum.repos.d`` is judged as the shell's write there (holdout120's plexrpmrepo).

The forms read: three arguments, a handle (``my $fh``, ``$fh``, a bareword ``FH``), a literal mode that writes
(``>``, ``>>``, ``+>``, ``+<``, with a layer such as ``>:encoding(UTF-8)``) and a path of literals and variables
joined with ``.``; two arguments, a handle and one literal naming the mode and the path (``">/etc/x.conf"``). A
read (``<``), a pipe (``|-``, ``-|``) or a mode that is not a literal is not a write; a path that is a call or an
expression is not read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from shipgate.preflight.perl_programs import Token

T = TypeVar("T", bound=Token)

MAX_TOKENS = 40  # tokens of one open call read
_DECLARATIONS = frozenset({"my", "our", "local"})
_WRITE_MODE = re.compile(r"^\s*(\+?>>?|\+<)(?::\S*)?\s*$")
_TWO_ARGUMENT = re.compile(r"^\s*(\+?>>?)\s*(\S.*?)\s*$")
_ENDS = frozenset({";", ")", "or", "||", "and", "&&", "unless", "if"})


def opened_for_writing(tokens: Sequence[T], i: int) -> tuple[str, list[T] | str] | None:
    """The mode (``>`` or ``>>``) and the path of an ``open`` at ``tokens[i]`` that writes a file (the path's
    tokens, or for a two-argument open its literal text); None for any other token or open."""
    args = open_arguments(tokens, i)
    if args is None:
        return None
    if len(args) == 1 and len(args[0]) == 1 and args[0][0].kind == "str":
        two = _TWO_ARGUMENT.match(args[0][0].text)
        return (">>" if two.group(1).endswith(">>") else ">", two.group(2)) if two else None
    if len(args) != 2 or len(args[0]) != 1 or args[0][0].kind != "str":
        return None
    mode = _WRITE_MODE.match(args[0][0].text)
    if mode is None:
        return None
    return (">>" if mode.group(1).endswith(">>") else ">", args[1])


def open_arguments(tokens: Sequence[T], i: int) -> list[list[T]] | None:
    """The arguments after the handle of an ``open`` at ``tokens[i]`` (``open(my $fh, …)``, ``open FH, …``), each
    literals and variables joined with ``.``; None for any other token, or when an argument is a call or an
    expression (also read by ``perl_piped_opens``)."""
    if tokens[i].kind != "word" or tokens[i].text != "open" or (i and tokens[i - 1].text in ("->", "sub", "::")):
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].text == "(":
        j += 1
    if j < len(tokens) and tokens[j].text in _DECLARATIONS:
        j += 1
    if j >= len(tokens) or tokens[j].kind not in ("var", "word"):
        return None
    return _arguments(tokens, j + 1)


def _arguments(tokens: Sequence[T], j: int) -> list[list[T]] | None:
    """The arguments after the handle (from its comma), each literals and variables joined with ``.``; None when one
    is a call or an expression."""
    if j >= len(tokens) or tokens[j].text != ",":
        return None
    args: list[list[T]] = [[]]
    for t in tokens[j + 1 : j + MAX_TOKENS]:
        if t.text in _ENDS:
            return [a for a in args if a] or None
        if t.text == ",":
            args.append([])
        elif t.kind in ("str", "var"):
            args[-1].append(t)
        elif t.text != ".":
            return None
    return None
