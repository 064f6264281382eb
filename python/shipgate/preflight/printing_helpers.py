"""Functions a Python package defines to show some of their arguments to a person, and the URLs its calls give them.

Datasette's ``def fail_if_publish_binary_not_installed(binary, publish_target, install_link)`` prints
``f"Follow the instructions at {install_link}"`` with ``click.echo`` and exits; ``publish/heroku.py`` calls it as
``fail_if_publish_binary_not_installed("heroku", "Heroku", "https://cli.heroku.com")``. A parameter of a module-level
function whose every use is inside the arguments of a call that shows them (``print``, a logger, ``click.echo``: the
callees :data:`distributed._SHOWING_CALLEE` knows) is text for a person, so a URL literal a call passes in that place
is a link shown, not a host requested.

The helper and its callers are often in different modules, so the helpers are read over the whole package
(:func:`printing_parameters`, kept on the run's context) and the calls in each file (:func:`printed_argument_lines`).
A name defined by more than one ``def`` in the package is not read (which one a call reaches is not known), nor a
parameter the body assigns or uses anywhere else (``requests.get(install_link)`` beside the ``print``).
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Mapping

from shipgate.preflight.distributed import MAX_PYTHON, showing_callee, url_literal_lines
from shipgate.preflight.python_tree import python_tree

# A parameter of a helper: its place among the positional arguments, and its name (for ``install_link=…``)
Parameter = tuple[int, str]

_DEF = re.compile(rb"^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(", re.M)
_SHOWING_CALL = re.compile(rb"\b(?:print|stderr|stdout|echo|secho|hint|warn|warning|info|debug|error|log)\s*\(")


def printing_parameters(files: Mapping[str, bytes | str]) -> dict[str, frozenset[Parameter]]:
    """For each module-level function of the package's Python files that only shows some of its parameters, those
    parameters; a function name defined more than once in the package is left out."""
    sources = {
        p: d.encode("utf-8", errors="replace") if isinstance(d, str) else d
        for p, d in files.items()
        if p.endswith(".py") and len(d) <= MAX_PYTHON
    }
    defined = Counter(m.group(1).decode() for data in sources.values() for m in _DEF.finditer(data))
    helpers: dict[str, frozenset[Parameter]] = {}
    for data in sources.values():
        if not _SHOWING_CALL.search(data):
            continue
        tree = python_tree(data.decode("utf-8", errors="replace"))
        for node in tree.body if tree is not None else ():
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and defined[node.name] == 1:
                shown = _shown_parameters(node)
                if shown:
                    helpers[node.name] = shown
    return helpers


def _shown_parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[Parameter]:
    """The positional parameters whose every use in ``function`` is inside a showing call's arguments."""
    shown_names: set[int] = set()  # the ``id`` of each Name node inside a showing call's arguments
    uses: dict[str, list[ast.Name]] = {}
    for sub in ast.walk(function):
        if isinstance(sub, ast.Call) and showing_callee(sub):
            for argument in (*sub.args, *(k.value for k in sub.keywords)):
                shown_names.update(id(n) for n in ast.walk(argument) if isinstance(n, ast.Name))
        elif isinstance(sub, ast.Name):
            uses.setdefault(sub.id, []).append(sub)
    positional = [*function.args.posonlyargs, *function.args.args]
    return frozenset(
        (place, arg.arg)
        for place, arg in enumerate(positional)
        if uses.get(arg.arg) and all(isinstance(n.ctx, ast.Load) and id(n) in shown_names for n in uses[arg.arg])
    )


def printed_argument_lines(path: str, text: str, helpers: Mapping[str, frozenset[Parameter]]) -> set[int]:
    """The lines of the URL literals a Python file passes to a helper in a place the helper only shows."""
    if not helpers or not path.endswith(".py") or len(text) > MAX_PYTHON or "://" not in text:
        return set()
    tree = python_tree(text)
    lines: set[int] = set()
    for node in ast.walk(tree) if tree is not None else ():
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        shown = helpers.get(name)
        if not shown:
            continue
        places = {place for place, _ in shown}
        names = {arg for _, arg in shown}
        for place, argument in enumerate(node.args):
            if place in places and not isinstance(argument, ast.Starred):
                lines |= url_literal_lines(argument)
        for keyword in node.keywords:
            if keyword.arg in names:
                lines |= url_literal_lines(keyword.value)
    return lines
