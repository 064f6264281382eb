"""Programs a Perl script names through variables: ``my $cpanm = 'cpanm'; … system $cpanm, @args, 'Module'`` and
``my @cmd = ($cpanm, @args); push @cmd, …; system @cmd`` run ``cpanm``. Read from the tokens of
``shipgate.preflight.perl_script``'s bounded lexer (docs/preflight.md, "Program source").

A scalar names a program when every string literal assigned to it (``$x = 'word'``, ``my $x = 'word'``) is one
and the same single word: a script that tries several paths first and falls back to the bare name
(``$cpanm = $found_path … $cpanm = 'cpanm'``) runs that program either way. Assignments of other values are not
read (a path found on disk ends in the same program). An array names the program of its first element when it is
assigned a list that starts with such a scalar or a literal word (``@cmd = ($cpanm, …)``); what is pushed later
is an unknown argument.

A scalar holds a command line (:func:`command_variables`) when every value assigned to it is a string literal or a
ternary of two (``$cmd = $legacy ? "npm install" : "npm ci"``) and all of them start with the same program word:
``system($cmd)`` runs one of them, whichever the condition picks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Token(Protocol):
    """A token of ``perl_script``'s lexer: its kind (``var``, ``str``, ``op``, ``word``…) and text."""

    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def line(self) -> int: ...

    @property
    def interpolates(self) -> bool: ...


T = TypeVar("T", bound=Token)


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


_MAX_ALTERNATIVES = 4


def command_variables(tokens: Sequence[T]) -> dict[str, list[T]]:
    """Scalar → the string literals it may hold, for the scalars whose every value is a literal (or a ternary of
    two) and whose values all name the same program."""
    values: dict[str, list[T] | None] = {}
    for i, token in enumerate(tokens[:-2]):
        if token.kind != "var" or not token.text.startswith("$") or tokens[i + 1].text != "=":
            continue
        found = values.setdefault(token.text, [])
        literals = _assigned_literals(tokens, i + 2)
        values[token.text] = None if found is None or literals is None else found + literals
    commands: dict[str, list[T]] = {}
    for name, literals in values.items():
        if not literals or len(literals) > _MAX_ALTERNATIVES:
            continue
        programs = {(lit.text.split() or [""])[0] for lit in literals}
        program = next(iter(programs))
        if len(programs) == 1 and _PROGRAM.fullmatch(program) and "$" not in program:
            commands[name] = literals
    return commands


def _assigned_literals(tokens: Sequence[T], at: int) -> list[T] | None:
    """The literals of ``= 'lit';`` or ``= COND ? 'lit' : 'lit';`` from the value's first token, else None."""
    end = at
    while end < len(tokens) and end - at < 30 and tokens[end].text != ";":
        end += 1
    value = tokens[at:end]
    if len(value) == 1 and value[0].kind == "str":
        return [value[0]]
    marks = [k for k, t in enumerate(value) if t.text in ("?", ":")]
    if len(marks) != 2 or value[marks[0]].text != "?" or marks[1] != marks[0] + 2 or marks[1] != len(value) - 2:
        return None
    chosen = [value[marks[0] + 1], value[-1]]
    return chosen if all(t.kind == "str" for t in chosen) else None


_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")


def call_arguments(tokens: Sequence[T], open_at: int, limit: int = 200) -> list[list[T]]:
    """The arguments of a call whose ``(`` is at ``open_at``, split at its top-level commas (``,`` and ``=>``): each
    argument's tokens, nested brackets included. Empty when ``tokens[open_at]`` is no ``(``; bounded to ``limit``
    tokens, so an unclosed list ends there."""
    if open_at >= len(tokens) or tokens[open_at].text != "(":
        return []
    groups: list[list[T]] = [[]]
    depth = 0
    for token in tokens[open_at + 1 : open_at + limit]:
        if token.text in _OPEN:
            depth += 1
        elif token.text in _CLOSE:
            if depth == 0:
                break
            depth -= 1
        if depth == 0 and token.text in (",", "=>"):
            groups.append([])
        else:
            groups[-1].append(token)
    return groups


# Operators that, written after a scalar and before ``=``, change it (``.=``, ``||=``, ``//=``, ``+=``…)
_UPDATES = frozenset({".", "||", "//", "&&", "+", "-", "*", "/", "x", "**", "|", "&", "^", "<<", ">>", "%"})
_CHANGERS = frozenset({"chomp", "chop", "undef", "local", "our"})


def literal_scalars(tokens: Sequence[Token]) -> dict[str, tuple[int, str]]:
    """Scalar → (line, text), for the scalars the script assigns exactly once, a plain string (``my $dir =
    '/tmp/acpi_call';``, no variable inside) and never changes (no ``.=``, ``=~``, list assignment,
    ``chomp``, loop variable): a command that names one uses that text."""
    assigned: dict[str, list[tuple[int, str] | None]] = {}
    for i, token in enumerate(tokens[:-1]):
        if token.kind != "var" or not token.text.startswith("$"):
            continue
        after = tokens[i + 1].text
        before = tokens[i - 1].text if i else ""
        if before == "(" and i > 1:
            before = tokens[i - 2].text  # ``chomp($x)``
        changes = after == "=" or (after in _UPDATES and i + 2 < len(tokens) and tokens[i + 2].text == "=")
        listed = after in (",", ")") and _in_list_assignment(tokens, i)
        if before in _CHANGERS or (before == "my" and after == "(") or listed:
            assigned.setdefault(token.text, []).append(None)
        elif changes:
            text = _plain_string(tokens, i) if after == "=" else None
            if text is None and after == "=":
                text = _scalars_string(tokens, i)
            assigned.setdefault(token.text, []).append(None if text is None else (token.line, text))
    once = {name: values[0] for name, values in assigned.items() if len(values) == 1 and values[0] is not None}
    return _resolved(once)


# ``"$path/bin/perl"``: a double-quoted string whose only interpolations are plain scalars (``$x``, ``${x}``).
_SCALAR_IN_STRING = re.compile(r"\$\{(\w+)\}|\$(\w+)(?![\w:\[{]|->)")
_INTERPOLATION = "\0"  # marks a value that names other scalars (never part of a Perl string token's text)


def _scalars_string(tokens: Sequence[Token], i: int) -> str | None:
    """The text of ``$x = "…$y…";`` at ``i`` when it interpolates nothing but plain scalars, marked for
    :func:`_resolved`; None otherwise."""
    if i + 3 >= len(tokens) or tokens[i + 2].kind != "str" or tokens[i + 3].text != ";":
        return None
    value = tokens[i + 2]
    if not value.interpolates or "@" in value.text or "\\" in value.text:
        return None
    if "$" in _SCALAR_IN_STRING.sub("", value.text):
        return None
    return _INTERPOLATION + value.text


def _resolved(once: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """The scalars assigned once, a string that interpolates only scalars assigned once on earlier lines written
    with shell references (``"$path/bin/perl"`` → ``${path}/bin/perl``); those naming anything else dropped."""
    out: dict[str, tuple[int, str]] = {}
    for name, (line, text) in sorted(once.items(), key=lambda item: item[1][0]):
        if not text.startswith(_INTERPOLATION):
            out[name] = (line, text)
            continue
        body = text[len(_INTERPOLATION) :]
        names = ["$" + (m.group(1) or m.group(2)) for m in _SCALAR_IN_STRING.finditer(body)]
        if all(n in out and out[n][0] < line and n[1:].isidentifier() for n in names):
            out[name] = (line, _SCALAR_IN_STRING.sub(lambda m: "${" + (m.group(1) or m.group(2)) + "}", body))
    return out


def _plain_string(tokens: Sequence[Token], i: int) -> str | None:
    """The text of ``$x = 'literal';`` at ``i``; None when the value is anything else (or interpolates a value)."""
    if i + 3 >= len(tokens) or tokens[i + 2].kind != "str" or tokens[i + 3].text != ";":
        return None
    value = tokens[i + 2]
    if value.interpolates and ("$" in value.text or "@" in value.text or "\\" in value.text):
        return None
    return value.text if value.interpolates else value.text.replace("\\'", "'").replace("\\\\", "\\")


def _in_list_assignment(tokens: Sequence[Token], i: int) -> bool:
    """``$x`` at ``i`` is one of the scalars of ``(…, $x, …) = …``."""
    for j in range(i + 1, min(len(tokens) - 1, i + 20)):
        if tokens[j].text == ")":
            return tokens[j + 1].text == "="
        if tokens[j].kind != "var" and tokens[j].text != ",":
            return False
    return False
