"""Hatchling build hooks: the methods a Python build backend calls when it builds the package.

A module that defines a class based on Hatchling's ``BuildHookInterface`` (``hatch_build.py``, or the file a
``[tool.hatch.build.hooks.custom] path`` names) is a hook: Hatchling imports it and calls the class's
``initialize`` before and ``finalize`` after every build of a target (``pip install`` of the sdist, ``hatch
build``, ``python -m build``), so those methods run at install time as a ``setup.py`` command's ``run`` does
(holdout135's HardPy: ``os.system("yarn")`` in ``initialize``). ``clean`` runs only at ``hatch clean``, and the
class's other methods only when those call them. Nothing in the file calls the methods, so the Python reader
reads them as called after the class (:func:`hook_calls`)."""

from __future__ import annotations

import ast

# The methods the backend calls at a build (``clean`` only at ``hatch clean``).
_BUILD_METHODS = ("initialize", "finalize")
_HOOK_BASE = "BuildHookInterface"


def hook_calls(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, name) of each build method of the module's build hook classes, at the class's last line, in the
    order the backend calls them; empty when the module defines no hook."""
    calls: list[tuple[int, str]] = []
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and any(_names_hook(base) for base in node.bases)):
            continue
        defined = {
            stmt.name for stmt in node.body if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        end = node.end_lineno or node.lineno
        calls.extend((end, name) for name in _BUILD_METHODS if name in defined)
    return calls


def _names_hook(base: ast.expr) -> bool:
    """``BuildHookInterface`` by name or as an attribute (``interface.BuildHookInterface``)."""
    if isinstance(base, ast.Name):
        return base.id == _HOOK_BASE
    return isinstance(base, ast.Attribute) and base.attr == _HOOK_BASE
