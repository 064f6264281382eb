"""Functions of a Python script that do a file operation on a path they are given, for ``python_script``
(docs/preflight.md, "Program source").

An installer often wraps ``os.makedirs`` in a helper that logs its failure (holdout214's vast-stats: ``def
mkdir(path): try: os.makedirs(path, exist_ok=True) except OSError: …``, called ``mkdir(INSTALL_DIR)``). What the
helper creates is what each call gives it, so the operation is read at each call with the call's values, as a
runner's command is: ``mkdir -p -- /var/lib/app`` at the call's line, a write the shell checks judge.

The operations are those ``python_script`` writes as file commands: ``os``'s ``makedirs``, ``mkdir``, ``chmod``,
``chown``, ``rename``, ``symlink`` and ``shutil``'s copies and moves, whose path (or, for a copy, its source or
target) is a parameter of the function named bare."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

from shipgate.preflight.python_helper_values import Function, params_of

_OPERATIONS = {
    "os": frozenset({"makedirs", "mkdir", "chmod", "chown", "rename", "symlink"}),
    "shutil": frozenset({"copy", "copy2", "copyfile", "copytree", "move"}),
}


@dataclass(frozen=True)
class FileHelper:
    """A function of the file and the file operations in its body that name its parameters."""

    params: list[str]
    operations: list[ast.Call]


def file_helpers(functions: Mapping[str, Function]) -> dict[str, FileHelper]:
    """Function name → the file operations of its body done on a path it is given."""
    found: dict[str, FileHelper] = {}
    for name, function in functions.items():
        params = params_of(function)
        operations = [n for n in ast.walk(function) if isinstance(n, ast.Call) and _on_parameter(n, params)]
        if operations:
            found[name] = FileHelper(params, operations)
    return found


def _on_parameter(call: ast.Call, params: list[str]) -> bool:
    """``os.makedirs(path, …)``, ``shutil.copy(src, dst)``…: a file operation whose path is a bare parameter."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return False
    if func.attr not in _OPERATIONS.get(func.value.id, frozenset()):
        return False
    return any(isinstance(a, ast.Name) and a.id in params for a in call.args[:2])
