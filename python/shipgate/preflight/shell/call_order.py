"""The order a script runs its commands in, for readers that follow data from one command to a later one: the
top-level commands in file order, and a call of a function the script defines followed by that function's body
(``main() { download; unpack "$FILE"; install_bin; }`` runs the three bodies in that order, wherever they are
written), the body read with the call's arguments (``tar -xzf "$1"``, ``local archive=$1``: shell.arguments).
Calls inside a body are followed too, to a bounded depth and never into a function already being run (recursion).
A function no call reaches (a library's, one called through a variable) keeps its place in the file, and so does one
whose calls the walk's budget left unread (a long menu-driven script: docs/preflight.md, fetched code). One the
reader treats as a tool of its own (``opaque``: a download wrapper is a fetch) is not read with a call's arguments:
its body runs as written, once, just before its first call (``sync() { git pull "$1" "$branch"; }`` called after
``./merge.py`` pulls after it, not where it is written). One only a ``trap`` names runs when the trap fires, so it
comes after the main flow."""

from __future__ import annotations

import re

from shipgate.preflight.shell.arguments import bind, callees
from shipgate.preflight.shell.model import Command, Script

MAX_DEPTH = 8
# The expanded order holds at most this many times the script's commands (plus a little), whatever it calls.
_GROWTH = 4
_SLACK = 256


def _bodies(script: Script) -> dict[str, list[Command]]:
    bodies: dict[str, list[Command]] = {}
    for command in script.commands:
        if command.function is not None:
            bodies.setdefault(command.function, []).append(command)
    return bodies


def _reached(script: Script, bodies: dict[str, list[Command]]) -> set[str]:
    """Functions a top-level command calls, directly or through other functions (of ``bodies``)."""
    todo = [c.name for c in script.commands if c.function is None and c.name in bodies]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name is None or name in seen:
            continue
        seen.add(name)
        todo.extend(c.name for c in bodies[name] if c.name in bodies)
    return seen


def in_call_order(script: Script, opaque: frozenset[str] = frozenset()) -> list[Command]:
    """The script's commands in the order they run (see the module's docstring); each call is kept, before its
    body."""
    every = _bodies(script)
    if not every:
        return list(script.commands)
    bodies = {name: body for name, body in every.items() if name not in opaque}
    tools = {name: body for name, body in every.items() if name in opaque}
    reached = _reached(script, bodies)
    table = callees(script)
    budget = _GROWTH * len(script.commands) + _SLACK
    out: list[Command] = []
    placed: set[str] = set()  # opaque functions whose body has its place (before the first call)
    entered: set[str] = set()  # functions the walk read a body of

    def walk(command: Command, stack: tuple[str, ...]) -> None:
        name = command.name or ""
        if name in tools and name not in placed:
            placed.add(name)  # the body as written, once, just before the call, which stands for the tool's result
            out.extend(tools[name])  # (``fetch "$URL" | tar x``: tar reads what the call fetched)
        out.append(command)
        if name not in bodies or name in stack or len(stack) >= MAX_DEPTH:
            return
        for inner in bodies[name]:
            if len(out) >= budget:
                return
            entered.add(name)
            walk(bind(inner, command, table.get(name)), (*stack, name))

    handlers = _trap_handlers(script, bodies) - reached
    deferred: list[Command] = []
    in_file: list[tuple[int, Command]] = []  # an opaque function's body: its place in the file, unless a call placed it
    # a reached function's body: its place in the file, when the walk's budget ran out before any call of it was
    # walked into (a long menu-driven script), so that what it does is still read, once, as written
    cut_off: list[tuple[int, Command]] = []
    for command in script.commands:
        if command.function is None:
            walk(command, ())
        elif command.function in handlers:
            deferred.append(command)
        elif command.function in tools:
            in_file.append((len(out), command))
        elif command.function not in reached:
            out.append(command)
        else:
            cut_off.append((len(out), command))
    slots = [(at, c) for at, c in in_file if c.function not in placed]
    slots += [(at, c) for at, c in cut_off if c.function not in entered]
    return _merged(out, sorted(slots, key=lambda slot: slot[0])) + deferred


def bound_single_calls(order: list[Command], script: Script) -> list[Command]:
    """``order`` with each body command the walk left as written (an opaque tool's, or one of a function only such a
    body calls) read with the arguments of its function's one call in the script, when it has exactly one: that
    call is the only way the body runs, so ``$2`` there is what the call passes (``install_app "$v" "$dir"`` then
    ``run_upgrade "$dir"``: both bodies name one directory). A function called twice or more keeps its words."""
    written = {id(c) for c in script.commands}
    calls: dict[str, list[Command]] = {}
    for command in script.commands:
        if command.name in script.functions and command.function != command.name:
            calls.setdefault(command.name or "", []).append(command)
    table = callees(script)
    return [
        bind(c, calls[c.function][0], table.get(c.function))
        if c.function is not None and id(c) in written and len(calls.get(c.function, ())) == 1
        else c
        for c in order
    ]


def _merged(out: list[Command], slots: list[tuple[int, Command]]) -> list[Command]:
    """``out`` with each slot's command put back before the command at its index (indices ascending): one pass."""
    if not slots:
        return out
    merged: list[Command] = []
    j = 0
    for index, command in enumerate(out):
        while j < len(slots) and slots[j][0] <= index:
            merged.append(slots[j][1])
            j += 1
        merged.append(command)
    merged.extend(c for _, c in slots[j:])
    return merged


_NAME_CUT = re.compile(r"[^A-Za-z0-9_]+")


def _trap_handlers(script: Script, bodies: dict[str, list[Command]]) -> set[str]:
    """Functions a ``trap`` names as its action (``trap 'error_cleanup' ERR INT``, ``trap cleanup EXIT``): they run
    when the trap fires, after the step that failed or at the script's end, so they come after the main flow (a
    rollback's ``docker compose up`` does not start the stack before the upgrade's own ``up``)."""
    named: set[str] = set()
    for command in script.commands:
        if command.name == "trap" and command.words and not command.words[0].text.startswith("-"):
            named |= {part for part in _NAME_CUT.split(command.words[0].text) if part in bodies}
    return named


def trap_handler_names(script: Script) -> set[str]:
    """The functions of ``script`` a ``trap`` runs (``trap clean_up EXIT``, ``trap 'rollback' ERR``)."""
    return _trap_handlers(script, {name: [] for name in script.functions})
