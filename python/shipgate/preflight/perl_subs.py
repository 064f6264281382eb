"""Subs of a Perl script that run a command built from their parameters, and the calls that give them values: read
from the tokens of ``shipgate.preflight.perl_script``'s bounded lexer (docs/preflight.md, "Program source").

A sub's parameters are the scalars its body binds from ``@_``: ``my $x = $_[N];``, ``my $x = shift;`` (in order),
``my ($a, $b) = @_;``. A command in the body that names a parameter (``system("cpanm --notest $package")``) runs
what each call gives it, so it is read at each call of the sub (``install_package("Some::Module", $opt)``) with the
call's arguments in place of the parameters, as the Python reader reads a runner function. A call's argument is a
string literal, a variable (an unknown word) or literals and variables joined with ``.``; anything else is an
unknown word too."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic

from shipgate.preflight.perl_programs import T, Token, call_arguments


@dataclass
class Sub:
    """A sub of the script: its name, the token span of its body and its parameters by position."""

    name: str
    start: int  # index of the body's ``{``
    end: int  # index of the body's ``}``
    params: list[str] = field(default_factory=list)

    def holds(self, index: int) -> bool:
        return self.start < index < self.end


@dataclass(frozen=True)
class SubCall(Generic[T]):
    """A call of a sub of the script: its line and the argument groups (tokens joined with ``.``)."""

    line: int
    at: int  # index of the sub's name
    args: list[list[T]]


def definitions(tokens: Sequence[Token]) -> Iterator[tuple[str, int, int]]:
    """(name, body start, body end) of each named sub of the script."""
    for i, token in enumerate(tokens[:-2]):
        if token.kind != "word" or token.text != "sub" or tokens[i + 1].kind != "word":
            continue
        start = i + 2
        while start < len(tokens) and start - i < 8 and tokens[start].text != "{":
            start += 1  # a prototype (``sub runOrDie(@){``) or attributes before the body
        end = _body_end(tokens, start)
        if end is not None:
            yield tokens[i + 1].text, start, end


def subs(tokens: Sequence[Token]) -> list[Sub]:
    """The named subs of the script that take parameters."""
    found = [Sub(name, start, end, _params(tokens, start, end)) for name, start, end in definitions(tokens)]
    return [sub for sub in found if sub.params]


def calls(tokens: Sequence[T], subs: Sequence[Sub]) -> dict[str, list[SubCall[T]]]:
    """Sub name → its calls outside its own body: ``name(…)``, ``&name(…)``."""
    by_name = {sub.name: sub for sub in subs}
    found: dict[str, list[SubCall[T]]] = {}
    for i, token in enumerate(tokens[:-1]):
        sub = by_name.get(token.text) if token.kind == "word" else None
        if sub is None or sub.holds(i) or tokens[i + 1].text != "(":
            continue
        if i and tokens[i - 1].text in ("sub", "->", "::"):
            continue
        found.setdefault(sub.name, []).append(SubCall(token.line, i, _arguments(tokens, i + 1)))
    return found


def runners(tokens: Sequence[Token]) -> list[Sub]:
    """Subs whose body hands its whole argument list to the shell: ``system @_``, ``system(@_)``, ``exec @_`` (a
    ``runOrDie`` wrapper that prints the command, runs it and dies when it fails). Each call runs what it is given."""
    return [
        Sub(name, start, end)
        for name, start, end in definitions(tokens)
        if any(_runs_arguments(tokens, j) for j in range(start + 1, end))
    ]


def runner_calls(tokens: Sequence[Token], runners: Sequence[Sub]) -> list[int]:
    """Indexes of the calls of ``runners`` outside their own bodies (``runOrDie "git", "fetch";``,
    ``runOrDie("make")``, ``&runOrDie(…)``); the call's arguments start at the next token."""
    by_name = {sub.name: sub for sub in runners}
    found: list[int] = []
    for i, token in enumerate(tokens[:-1]):
        sub = by_name.get(token.text) if token.kind == "word" else None
        if sub is None or sub.holds(i) or tokens[i + 1].text in ("=>", "}", "::", ","):
            continue
        if i and tokens[i - 1].text in ("sub", "->", "::"):
            continue  # its declaration, a method, a package's name
        found.append(i)
    return found


def _runs_arguments(tokens: Sequence[Token], j: int) -> bool:
    """``system @_`` / ``exec(@_)`` at ``j``: the sub's own arguments as the command's argv."""
    if tokens[j].kind != "word" or tokens[j].text not in ("system", "exec"):
        return False
    k = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text == "(" else j + 1
    after = tokens[k + 1].text if k + 1 < len(tokens) else ";"
    return k < len(tokens) and tokens[k].text == "@_" and after in (";", ")", "}", "or", "and", "||", "&&")


def holders(count: int, subs: Sequence[Sub]) -> list[Sub | None]:
    """For each token index, the sub whose body holds it (the innermost, when a sub is declared in another)."""
    out: list[Sub | None] = [None] * count
    for sub in sorted(subs, key=lambda s: s.start):
        out[sub.start + 1 : sub.end] = [sub] * max(0, sub.end - sub.start - 1)
    return out


def _body_end(tokens: Sequence[Token], start: int) -> int | None:
    if start >= len(tokens) or tokens[start].text != "{":
        return None
    depth = 0
    for j in range(start, len(tokens)):
        if tokens[j].text == "{":
            depth += 1
        elif tokens[j].text == "}":
            depth -= 1
            if depth == 0:
                return j
    return None


def _params(tokens: Sequence[Token], start: int, end: int) -> list[str]:
    """The parameters a body binds from ``@_``, by position."""
    params: dict[int, str] = {}
    shifted = 0
    for j in range(start + 1, end - 2):
        if tokens[j].text != "=" or (j >= 1 and tokens[j - 1].kind != "var" and tokens[j - 1].text != ")"):
            continue
        value = tokens[j + 1].text
        following = tokens[j + 2].text
        if tokens[j - 1].kind == "var" and value.startswith("$_[") and following == ";":
            index = value[3:-1]
            if index.isdigit():
                params[int(index)] = tokens[j - 1].text
        elif tokens[j - 1].kind == "var" and value == "shift" and following in (";", "(", "@_"):
            params[shifted] = tokens[j - 1].text
            shifted += 1
        elif tokens[j - 1].text == ")" and value == "@_":
            names = _list_before(tokens, j - 1)
            params.update(enumerate(names))
    return [params[n] for n in range(len(params)) if n in params]


def _list_before(tokens: Sequence[Token], close: int) -> list[str]:
    """The scalars of ``my ($a, $b)`` ending at ``close``."""
    names: list[str] = []
    j = close - 1
    while j > 0 and tokens[j].text != "(":
        if tokens[j].kind == "var":
            names.insert(0, tokens[j].text)
        j -= 1
    return names if all(n.startswith("$") for n in names) else []


def _arguments(tokens: Sequence[T], open_at: int) -> list[list[T]]:
    """The argument groups of a call from its ``(``: each a list of literal and variable tokens joined by ``.``,
    or empty when it is anything else."""
    groups = call_arguments(tokens, open_at)
    return [[t for t in g if t.kind in ("str", "var")] if all(_joinable(t) for t in g) else [] for g in groups]


def _joinable(token: Token) -> bool:
    return token.kind in ("str", "var") or token.text == "."
