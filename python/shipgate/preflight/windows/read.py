"""Which files are Windows scripts, and their reading into a ``WinScript``."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from shipgate.preflight.windows.batch import read_batch
from shipgate.preflight.windows.model import Call, WinScript
from shipgate.preflight.windows.powershell import read_powershell

POWERSHELL_EXT = (".ps1", ".psm1")
BATCH_EXT = (".bat", ".cmd")
MAX_CALL_DEPTH = 5


def is_windows_script(path: str) -> bool:
    """A PowerShell script or module, or a batch file, by its name (Windows picks the interpreter by extension)."""
    return posixpath.basename(path).lower().endswith(POWERSHELL_EXT + BATCH_EXT)


def _run_order(calls: list[Call]) -> tuple[Call, ...]:
    """The calls in the order they run: the top level in file order, each call of a function the file defines
    followed by that function's body (5 levels; a function calling itself is not followed); then each function no
    such run reaches, in file order, as its caller would start it (a module's exported entry point, ``New-Module {
    function Install-Agent {…} }``, or a library of functions the user calls after loading it)."""
    bodies: dict[str, list[Call]] = {}
    for call in calls:
        if call.function is not None:
            bodies.setdefault(call.function, []).append(call)
    reached: set[str] = set()

    def run(sequence: list[Call], stack: tuple[str, ...]) -> Iterator[Call]:
        for call in sequence:
            yield call
            if call.name in bodies and call.name not in stack and len(stack) < MAX_CALL_DEPTH:
                reached.add(call.name)
                yield from run(bodies[call.name], (*stack, call.name))

    order = list(run([c for c in calls if c.function is None], ()))
    for name in list(bodies):
        if name not in reached:
            reached.add(name)
            order += run(bodies[name], (name,))
    return tuple(order)


def parse_windows(path: str, source: str) -> WinScript:
    """The calls a PowerShell or batch file makes, in file order and in run order."""
    batch = posixpath.basename(path).lower().endswith(BATCH_EXT)
    found = read_batch(source) if batch else read_powershell(source)
    return WinScript(
        path=path,
        language="batch" if batch else "powershell",
        calls=tuple(found.calls),
        order=_run_order(found.calls),
        settings=tuple(found.settings),
        hash_entries=tuple(found.entries),
        admin_checks=tuple(sorted(set(found.admin))),
        incomplete=found.incomplete,
        functions=dict(found.functions),
        defaults=tuple(found.defaults),
    )
