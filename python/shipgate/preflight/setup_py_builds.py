"""The compile a ``setup.py`` build command starts after it has fetched and unpacked a source tree.

A ``build_ext`` (or ``build_clib``) command whose ``run`` downloads an archive, unpacks it and then hands over to
the base command (``build_ext.run(self)``, ``super().run()``, ``super(QPBOInstall, self).run()``) fetched that tree
to build it: the base command compiles the extensions (or C libraries) the file declares, which is what the unpacked
sources are there for (holdout135's pyqpbo: QPBO's ``.cpp`` files, fetched over http, compiled into the installed
extension). Read from Python's ``ast``; ``shipgate.preflight.setup_py`` writes such a call as a build run in the
unpacked tree when the command's code unpacks its download."""

from __future__ import annotations

import ast

from shipgate.preflight.python_tree import simple_name as _name

# Command classes whose base ``run`` compiles sources the file names (extensions, C libraries).
_COMPILING = frozenset({"build_ext", "build_clib"})


def base_builds(classes: list[ast.ClassDef]) -> frozenset[int]:
    """The ids of the calls, in the ``run`` of a compiling command class, that run its base class's ``run``."""
    found: set[int] = set()
    for cls in classes:
        bases = {_name(b) for b in cls.bases} & _COMPILING
        if not bases:
            continue
        for item in cls.body:
            if isinstance(item, ast.FunctionDef) and item.name == "run":
                found.update(id(n) for n in ast.walk(item) if isinstance(n, ast.Call) and _runs_base(n, bases))
    return frozenset(found)


def _runs_base(call: ast.Call, bases: set[str | None]) -> bool:
    """``build_ext.run(self)`` (the base by name, given ``self``) or ``super().run()``/``super(C, self).run()``."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "run"):
        return False
    owner = func.value
    if isinstance(owner, ast.Name):
        return owner.id in bases and bool(call.args) and _name(call.args[0]) == "self"
    return isinstance(owner, ast.Call) and _name(owner.func) == "super"


