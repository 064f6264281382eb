"""Alternatives: the items of one ``case`` and the branches of one ``if`` (its ``then`` part, each ``elif``'s body,
its ``else`` part) are mutually exclusive. One run of the statement takes one of them, so what a command in one
arm does (a download, a ``git pull``) is not there when a command in a sibling arm runs: command dispatchers
(``case "$1" in upgrade) git pull …;; bootstrap) cp examples/x.yml /opt/…;; esac``) pull in one item and copy the
package's own files in another.

Each command carries the arms around it (``Command.arms``, gathered as the reader walks down the tree):
``(offset, statement start, arm start, function)`` for every enclosing ``case``/``if`` that no loop holds (a loop
runs the statement again, so its arms follow one another). A ``case`` with a fall-through item (``;&``, ``;;&``)
runs several items and gives none; an ``if``'s or ``elif``'s condition is in no arm (it runs before the branch is
chosen). A statement inside a function is exclusive only while that function is called at most once
(``once_arms``)."""

from __future__ import annotations

from tree_sitter import Node

from shipgate.preflight.shell.arguments import with_fields
from shipgate.preflight.shell.model import Command, Script

Arm = tuple[int, int, int, str | None]

# What the reader walks into with ``looped`` set: statements there may run again, their arms one after another.
LOOPS = frozenset({"do_group", "while_statement", "for_statement", "c_style_for_statement"})


def _falls_through(case: Node) -> bool:
    """A ``case`` one of whose items ends with ``;&`` or ``;;&``: the run goes on into the next items."""
    return any(
        item.type == "case_item" and item.child_by_field_name("fallthrough") is not None for item in case.children
    )


def case_arm(item: Node, offset: int, function: str | None, falling: dict[tuple[int, int], bool]) -> Arm | None:
    """The arm a ``case`` item opens; None when its ``case`` falls through (its items are not alternatives).
    ``falling``: the answer per ``case`` (offset, start) already read, so a ``case`` of many items is read once."""
    case = item.parent
    if case is None:
        return None
    key = (offset, case.start_byte)
    if key not in falling:
        falling[key] = _falls_through(case)
    return None if falling[key] else (offset, case.start_byte, item.start_byte, function)


def if_arm(statement: Node, branch: Node | None, offset: int, function: str | None) -> Arm:
    """The arm of one branch of the ``if`` ``statement``: its ``then`` part (``branch`` None), an ``elif``'s body
    or its ``else`` part (the clause's node)."""
    return (offset, statement.start_byte, statement.start_byte if branch is None else branch.start_byte, function)


def exclusive(first: tuple[Arm, ...], second: tuple[Arm, ...]) -> bool:
    """Whether commands with these arms are in different arms of one statement: one run never runs both."""
    if not first or not second:
        return False
    taken = {(a[0], a[1]): a[2] for a in first}
    return any(taken.get((b[0], b[1]), b[2]) != b[2] for b in second)


def once_arms(commands: list[Command], script: Script) -> list[Command]:
    """``commands`` with the arms of statements in functions the script calls more than once dropped: each call
    may take another arm, so a download in one item may be there when a later call runs another."""
    calls: dict[str, int] = {}
    for c in script.commands:
        if c.name in script.functions:
            calls[c.name or ""] = calls.get(c.name or "", 0) + 1
    repeated = {name for name, n in calls.items() if n > 1}
    if not repeated:
        return commands
    kept = [tuple(a for a in c.arms if a[3] not in repeated) for c in commands]
    return [
        c if len(arms) == len(c.arms) else with_fields(c, arms=arms) for c, arms in zip(commands, kept, strict=True)
    ]
