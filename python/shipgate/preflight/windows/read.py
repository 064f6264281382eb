"""Which files are Windows scripts, and their reading into a ``WinScript``."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from shipgate.preflight.windows.batch import read_batch
from shipgate.preflight.windows.inno import read_inno
from shipgate.preflight.windows.installer_scripts import INNO_EXT, is_installer_script
from shipgate.preflight.windows.model import Call, Reading, WinScript
from shipgate.preflight.windows.nsis import read_nsis
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


def _read(path: str, source: str) -> tuple[str, Reading, tuple[Call, ...]]:
    """The file's language, what its reader found, and its calls in run order. An Inno Setup script runs its
    ``[Code]`` wizard steps before its ``[Run]`` entries (``inno``)."""
    name = posixpath.basename(path).lower()
    if name.endswith(INNO_EXT):
        found = read_inno(source)
        code = [c for c in found.calls if c.function is not None]
        return "inno", found, _run_order(code) + tuple(c for c in found.calls if c.function is None)
    if is_installer_script(path):
        found = read_nsis(source)
        return "nsis", found, _run_order(found.calls)
    batch = name.endswith(BATCH_EXT)
    found = read_batch(source) if batch else read_powershell(source)
    return ("batch" if batch else "powershell"), found, _run_order(found.calls)


def parse_windows(path: str, source: str) -> WinScript:
    """The calls a PowerShell or batch file, or an Inno Setup or NSIS script, makes, in file order and in run
    order."""
    language, found, order = _read(path, source)
    return WinScript(
        path=path,
        language=language,
        calls=tuple(found.calls),
        order=order,
        settings=tuple(found.settings),
        hash_entries=tuple(found.entries),
        admin_checks=tuple(sorted(set(found.admin))),
        incomplete=found.incomplete,
        functions=dict(found.functions),
        defaults=tuple(found.defaults),
    )
