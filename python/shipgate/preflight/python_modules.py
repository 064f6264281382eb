"""A Python interpreter that runs a module: ``python3 -m alembic upgrade head``, ``python -m django migrate``,
``python3 -m pretix migrate --noinput``.

``python -m NAME ARGS…`` runs the module's command line as the program ``NAME`` would run it given ``ARGS``; this
gives those words back, so the checks that know a CLI by its program name (the migration CLIs) can read them.
Interpreter options before ``-m`` are skipped (``-u``, ``-O``, ``-X dev``, ``-W ignore``). ``-c CODE`` runs a string,
not a module, unless the string only imports a module's ``main`` and calls it with no arguments (``python -c 'from
setuptools.command.easy_install import main; main()' -d eggs zc.buildout``, zc.buildout's bootstrap.py): ``main()``
then reads the words after the string from ``sys.argv``, so the module's command line runs as ``-m`` would run it."""

from __future__ import annotations

import ast
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
        if option == "-c" and i + 1 < len(args):
            entry = _entry_module(args[i + 1])
            return [entry, *args[i + 2 :]] if entry else []
        if option in {"-c", "-"}:
            return []
        i += 2 if option in _VALUE_OPTIONS else 1
    return []  # the interpreter runs a script file (or nothing): not a module


def _entry_module(code: str) -> str | None:
    """The module whose ``main`` the code only imports and calls with no arguments (``from M import main; main()``,
    ``import M; M.main()``), or None for any other code (a call given arguments reads none of ``sys.argv``)."""
    try:
        body = ast.parse(code).body
    except (SyntaxError, ValueError):
        return None
    if len(body) != 2 or not isinstance(body[1], ast.Expr) or not isinstance(call := body[1].value, ast.Call):
        return None
    if call.args or call.keywords:
        return None
    first, called = body[0], ast.unparse(call.func)
    if isinstance(first, ast.ImportFrom) and first.level == 0 and len(first.names) == 1:
        alias = first.names[0]
        return first.module if alias.name == "main" and called == (alias.asname or "main") else None
    if isinstance(first, ast.Import) and len(first.names) == 1:
        alias = first.names[0]
        return alias.name if called == f"{alias.asname or alias.name}.main" else None
    return None
