"""A Python module that updates the product from its own checkout: it pulls the checkout (``git pull``) and installs
it with pip (``pip install -e .``, ``python3 -m pip install -r requirements.txt``), both as argument lists handed to
a call (``subprocess.run([...])``). Whatever the module is named (code-indexer's
``server/auto_update/deployment_executor.py``, hold-out set 271), it is the product's update step — the code the
pull brings is what the install runs — as a Go file that replaces the running executable is (docs/preflight.md,
Python install scripts). Either half alone is not enough: a tool that pulls the repositories it works on, or installs
plug-ins, is not updating itself."""

from __future__ import annotations

import ast
from collections.abc import Iterable

_MAX_WORDS = 8  # the leading words of a list looked at


def _words(node: ast.AST) -> list[str]:
    """The leading string literals of a list or tuple literal (``["git", "pull", "origin", "master"]``)."""
    if not isinstance(node, ast.List | ast.Tuple):
        return []
    out: list[str] = []
    for element in node.elts[:_MAX_WORDS]:
        if not (isinstance(element, ast.Constant) and isinstance(element.value, str)):
            break
        out.append(element.value)
    return out


def _pulls(words: list[str]) -> bool:
    return words[:2] == ["git", "pull"]


def _pip_installs(words: list[str]) -> bool:
    """``pip install …``, ``pip3 install …``, ``python3 -m pip install …``."""
    if words[:1] and words[0] in ("pip", "pip3"):
        return words[1:2] == ["install"]
    return len(words) >= 4 and words[0].startswith("python") and words[1:4] == ["-m", "pip", "install"]


def updates_checkout(nodes: Iterable[ast.AST]) -> bool:
    """The module hands one call a ``git pull`` list and one a ``pip install`` list (module docstring)."""
    pulled = installed = False
    for node in nodes:
        if not isinstance(node, ast.Call) or not node.args:
            continue
        words = _words(node.args[0])
        pulled = pulled or _pulls(words)
        installed = installed or _pip_installs(words)
    return pulled and installed
