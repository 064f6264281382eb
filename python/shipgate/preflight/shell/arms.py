"""Alternatives: the items of one ``case`` and the branches of one ``if`` (its ``then`` part, each ``elif``'s body,
its ``else`` part) are mutually exclusive. One run of the statement takes one of them, so what a command in one
arm does (a download, a ``git pull``) is not there when a command in a sibling arm runs: Postal-style command
dispatchers (``case "$1" in upgrade) git pull …;; bootstrap) cp examples/x.yml /opt/…;; esac``) pull in one
item and copy the package's own files in another.

Each command carries the arms around it (``Command.arms``): ``(offset, statement start, arm start, function)`` for
every enclosing ``case``/``if`` up to the nearest loop (a loop runs the statement again, so its arms follow one
another) and no further. A ``case`` with a fall-through item (``;&``, ``;;&``) runs several items and gives none;
an ``if``'s or ``elif``'s condition is in no arm (it runs before the branch is chosen). A statement inside a
function is exclusive only while that function is called at most once (``once_arms``)."""

from __future__ import annotations

from dataclasses import replace

from tree_sitter import Node

from shipgate.preflight.shell.model import Command, Script

Arm = tuple[int, int, int, str | None]

_LOOPS = frozenset({"do_group", "while_statement", "for_statement", "c_style_for_statement"})
_MAX_HOPS = 64


def _falls_through(case: Node) -> bool:
    """A ``case`` one of whose items ends with ``;&`` or ``;;&``: the run goes on into the next items."""
    return any(
        item.type == "case_item" and item.child_by_field_name("fallthrough") is not None for item in case.children
    )


def _after_then(clause: Node, child: Node) -> bool:
    """``child`` of an ``if``/``elif`` node is in its body: written after the ``then`` keyword, not its condition."""
    then = next((c for c in clause.children if c.type == "then"), None)
    return then is not None and child.start_byte > then.start_byte


def branch_arms(node: Node, offset: int, function: str | None) -> tuple[Arm, ...]:
    """The arms around ``node`` (see the module's docstring), innermost first; () when there are none."""
    arms: list[Arm] = []
    child, current = node, node.parent
    in_elif_body = False
    hops = 0
    while current is not None and hops < _MAX_HOPS:
        kind = current.type
        if kind in _LOOPS:
            arms.clear()
        elif kind == "case_item" and current.parent is not None and not _falls_through(current.parent):
            arms.append((offset, current.parent.start_byte, current.start_byte, function))
        elif kind == "elif_clause":
            in_elif_body = _after_then(current, child)
        elif kind == "if_statement":
            if child.type == "else_clause" or (child.type == "elif_clause" and in_elif_body):
                arms.append((offset, current.start_byte, child.start_byte, function))
            elif child.type != "elif_clause" and _after_then(current, child):
                arms.append((offset, current.start_byte, current.start_byte, function))
        child, current = current, current.parent
        hops += 1
    return tuple(arms)


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
    return [c if len(arms) == len(c.arms) else replace(c, arms=arms) for c, arms in zip(commands, kept, strict=True)]
