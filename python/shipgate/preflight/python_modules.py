"""A Python interpreter that runs a module: ``python3 -m alembic upgrade head``, ``python -m django migrate``,
``python3 -m pretix migrate --noinput``.

``python -m NAME ARGS…`` runs the module's command line as the program ``NAME`` would run it given ``ARGS``; this
gives those words back, so the checks that know a CLI by its program name (the migration CLIs) can read them.
Interpreter options before ``-m`` are skipped (``-u``, ``-O``, ``-X dev``, ``-W ignore``); ``-c CODE`` runs a string,
not a module."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command

# ``python``, ``python3``, ``python3.12``; not ``python-config`` or ``pythonw.exe``.
_INTERPRETER = re.compile(r"python(?:\d+(?:\.\d+)?)?")
# interpreter options that take the next word as their value
_VALUE_OPTIONS = frozenset({"-X", "-W", "-Q"})


def module_cli(command: Command) -> list[str]:
    """``[module, arg, …]`` when the command is a Python interpreter running a module; empty otherwise."""
    if not _INTERPRETER.fullmatch(command.name or ""):
        return []
    args = [w.text for w in command.words]
    i = 0
    while i < len(args) and args[i].startswith("-"):
        option = args[i]
        if option == "-m":
            return args[i + 1 :] if i + 1 < len(args) else []
        if option.startswith("-m") and len(option) > 2:  # -mpretix
            return [option[2:], *args[i + 1 :]]
        if option in {"-c", "-"}:
            return []
        i += 2 if option in _VALUE_OPTIONS else 1
    return []  # the interpreter runs a script file (or nothing): not a module
