"""Which assignments of a variable a command may see.

The model keeps every assignment of a name, in source order, without the flow between them (``Script.bindings``).
When the latest assignment above a command is written in the command's own straight-line block
(``shell.blocks``), on an earlier line, and nothing between the two could assign the name again (a call of one of
the script's functions, a sourced file, an ``eval``), the command sees that assignment alone; otherwise any of
them. openstack-pkg-tools assigns ``SQL_CONNECTION`` a URL with the password in its PostgreSQL ``case`` item and
``sqlite:///$path`` in its ``*)`` item, and echoes each right after: the ``*)`` echo prints no password."""

from __future__ import annotations

import bisect
import re
from typing import Protocol

from shipgate.preflight.shell.blocks import within
from shipgate.preflight.shell.model import Assignment, Command, Script

# Commands that may assign any variable of the shell that runs them.
_ASSIGNING = frozenset({".", "source", "eval", "read", "mapfile", "readarray", "declare", "typeset", "export"})


def reaching_assignments(script: Script, name: str, command: Command) -> tuple[Assignment, ...]:
    """The assignments of ``name`` whose value ``command`` may see (all of them when the flow is not certain)."""
    every = script.bindings(name)
    above = [a for a in every if a.line < command.line]
    if command.block is None or not above:
        return every
    latest_line = max(a.line for a in above)
    latest = [a for a in above if a.line == latest_line]
    if len(latest) != 1 or latest[0].block != command.block or latest[0].function != command.function:
        return every
    if _assigning_between(script, latest_line, command.line):
        return every
    return (latest[0],)


_ALTERNATIVES = 64  # assignments above a command compared for alternatives


class Placed(Protocol):
    """Where a command or an assignment is written: its line, its function, its straight-line block."""

    @property
    def line(self) -> int: ...

    @property
    def function(self) -> str | None: ...

    @property
    def block(self) -> tuple[int, int, int] | None: ...


def alternatives(script: Script, name: str, command: Placed) -> list[Assignment]:
    """The assignments of ``name`` above ``command`` that may each be its value, in source order: those of the
    command's function and, in a function, the script's top-level ones (set before the function is called), less
    those a later one overwrites on every path (written in the same block or in a block around theirs: ``U=a; U=b``
    leaves only ``b``). What is left are alternatives the run picks among (``case`` items, ``if``/``else``
    branches): ``case $CHANNEL in stable) URL=…;; nightly) URL=…;; esac`` may contact either host."""
    above = [a for a in script.bindings_in(name, command.function, None) if a.line < command.line]
    above = above[-_ALTERNATIVES:]  # bounded: the kill test below compares every pair
    if command.function is not None and any(
        a.function == command.function and within(command.block, a.block) for a in above
    ):
        above = [a for a in above if a.function == command.function]  # set in the function before the command
    return [
        a
        for a in above
        if not any(b.line > a.line and b.function == a.function and within(a.block, b.block) for b in above)
    ]


_EXPANSION = re.compile(r"\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_]\w*|\$[0-9@*#?$!-]")


def never_empty(script: Script, name: str, line: int) -> bool:
    """Whether ``name`` holds a non-empty value other than ``/`` at ``line``: a fallback above gave it one when it
    was unset or empty (``if [ -z "$X" ]; then X="$HOME/.x"; fi``, ``[ -z "$X" ] && X=…``, ``: ${X:=$HOME/.x}``)
    and no assignment between the fallback and the line may empty it again."""
    every = script.bindings(name)
    for fallback in script.fallbacks:
        if fallback.name != name or fallback.last_line >= line:
            continue
        inside = [a for a in every if fallback.first_line <= a.line <= fallback.last_line]
        after = [a for a in every if fallback.last_line < a.line < line]
        if all(_holds_something(a) for a in inside) and all(_holds_something(a) for a in after):
            return True
    return False


def _holds_something(assignment: Assignment) -> bool:
    """The value is never empty nor ``/``: a literal, a known beginning, or literal text around what it expands
    (``$HOME/.x``); not a command's output."""
    if assignment.generated_by is not None:
        return False
    if assignment.value is not None or assignment.prefix:
        return bool((assignment.value or assignment.prefix or "").strip().strip("/"))
    return bool(_EXPANSION.sub("", assignment.shape or "").strip().strip("/"))


_last: list[tuple[Script, list[int]]] = []  # the last script asked about and its assigning commands' lines


def _assigning_between(script: Script, first: int, end: int) -> bool:
    """Whether a command that may assign any variable is written on a line from ``first`` up to ``end`` (from the
    sorted lines of such commands, made once per script: a scan per question made a long script quadratic)."""
    if not _last or _last[0][0] is not script:
        _last[:] = [(script, sorted(c.line for c in script.commands if _may_assign(c, script)))]
    lines = _last[0][1]
    i = bisect.bisect_left(lines, first)
    return i < len(lines) and lines[i] < end


def _may_assign(command: Command, script: Script) -> bool:
    return command.name is None or command.name in _ASSIGNING or command.name in script.functions
