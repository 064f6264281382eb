"""Where the download of a ``setup.py`` command goes, read from the command's code (Python's ``ast``):

- names bound once to a string literal in that code (``src = 'http://…'``, ``dest = 'bin/tool.zip'``) stand for
  the literal wherever they are used (a URL given to ``urlopen(src)``, an argument of ``check_call([...])``);
- a response saved into a file opened by a literal name (``with open(dest, 'wb') as f: shutil.copyfileobj(resp, f)``
  or ``f.write(resp.read())``) is the download written to that name;
- the ``run`` a class decorator of the file attaches to a command class (``def post(cls): …; cls.run = new_run``,
  ``@post class Install(install)``) is that command's ``run``;
- ``os.chmod(path, mode)`` whose mode has an execute bit makes a file executable.

These are the facts ``shipgate.preflight.setup_py`` needs to write the command as the shell that fetches, unpacks
and runs what it fetched."""

from __future__ import annotations

import ast
from collections.abc import Iterable

Function = ast.FunctionDef | ast.AsyncFunctionDef

_EXECUTE_BITS = 0o111


def bound_literals(functions: Iterable[ast.AST]) -> dict[str, ast.Constant]:
    """Names assigned exactly once, to a string literal, in ``functions`` (and the module-level assignments given
    with them; a name bound twice stands for nothing)."""
    seen: dict[str, int] = {}
    literals: dict[str, ast.Constant] = {}
    for function in functions:
        for node in ast.walk(function):
            if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        seen[target.id] = seen.get(target.id, 0) + 1
                        value = node.value
                        if isinstance(value, ast.Constant) and isinstance(value.value, str):
                            literals[target.id] = value
    return {name: constant for name, constant in literals.items() if seen[name] == 1}


def resolved(node: ast.expr, literals: dict[str, ast.Constant]) -> ast.expr:
    """The literal a name stands for, else the node itself."""
    if isinstance(node, ast.Name) and node.id in literals:
        return literals[node.id]
    return node


def saved_as(response: str, functions: Iterable[Function], literals: dict[str, ast.Constant]) -> str | None:
    """The literal file name a response bound to ``response`` is written into, if the code says so."""
    for function in functions:
        for node in ast.walk(function):
            if not isinstance(node, ast.With | ast.AsyncWith):
                continue
            for item in node.items:
                name = _opened_name(item, literals)
                handle = item.optional_vars
                if name is not None and isinstance(handle, ast.Name) and _writes(node, handle.id, response):
                    return name
    return None


def _opened_name(item: ast.withitem, literals: dict[str, ast.Constant]) -> str | None:
    call = item.context_expr
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "open" and call.args):
        return None
    mode = call.args[1] if len(call.args) > 1 else None
    if not (isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "w" in mode.value):
        return None
    path = resolved(call.args[0], literals)
    return path.value if isinstance(path, ast.Constant) and isinstance(path.value, str) else None


def _writes(block: ast.With | ast.AsyncWith, handle: str, response: str) -> bool:
    """``shutil.copyfileobj(response, handle)`` or ``handle.write(response.read())`` in the block."""
    for node in ast.walk(block):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        arguments = [a.id if isinstance(a, ast.Name) else None for a in node.args]
        if node.func.attr == "copyfileobj" and arguments[:2] == [response, handle]:
            return True
        receiver = node.func.value
        read = {a.id for arg in node.args for a in ast.walk(arg) if isinstance(a, ast.Name)}
        if node.func.attr == "write" and isinstance(receiver, ast.Name) and receiver.id == handle and response in read:
            return True
    return False


def decorated_runs(commands: list[ast.ClassDef], functions: dict[str, list[Function]]) -> list[Function]:
    """The functions the file's class decorators assign to ``<class>.run`` for the command classes they decorate."""
    found: list[Function] = []
    for command in commands:
        for decorator in command.decorator_list:
            name = decorator.id if isinstance(decorator, ast.Name) else None
            for function in functions.get(name or "", []):
                found.extend(_run_assignments(function, functions))
    return found


def _run_assignments(decorator: Function, functions: dict[str, list[Function]]) -> list[Function]:
    nested = {id(n) for n in ast.walk(decorator) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    found: list[Function] = []
    for node in ast.walk(decorator):
        attaches = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Attribute) and t.attr == "run" for t in node.targets
        )
        if attaches and isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
            found.extend(f for f in functions.get(node.value.id, []) if id(f) in nested)
    return found


def executable_mode(call: ast.Call) -> int | None:
    """The mode of ``os.chmod(path, mode)`` when it is a literal with an execute bit."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "chmod" and isinstance(func.value, ast.Name)):
        return None
    if func.value.id != "os" or len(call.args) < 2:
        return None
    mode = call.args[1]
    if isinstance(mode, ast.Constant) and isinstance(mode.value, int) and mode.value & _EXECUTE_BITS:
        return mode.value
    return None
