"""Fabric 2's ``Connection`` objects, for ``python_fabric``: a fabfile that makes its own connections
(``Connection(host="root@49.13.174.94")``, ``Connection("web1", user="deploy")``) says in each call which host its
operations run on and as whom. Fabric 2 reads the user from the host string's ``user@`` part or the ``user=`` keyword
(otherwise the local login, unknown here), and the host from the first argument or ``host=``; a module-level name
bound to a string literal (``server = "root@…"`` then ``Connection(host=server)``) is that literal (holdout193's
service-gudauri-bot fabfile). A host or user built at run time is not known."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from shipgate.preflight.python_tree import module_strings


@dataclass(frozen=True)
class Connection:
    """One ``Connection(…)`` call: its host literal (the node, for its line) and its user (None: not known)."""

    host: ast.Constant | None
    user: str | None


def connections(tree: ast.Module, nodes: list[ast.AST]) -> list[Connection]:
    """Every ``Connection(…)`` call of the module, with what its arguments say of host and user."""
    strings = module_strings(tree)
    found: list[Connection] = []
    for node in nodes:
        if not (isinstance(node, ast.Call) and _called(node.func) == "Connection"):
            continue
        given = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "host"), None)
        host = strings.get(given.id) if isinstance(given, ast.Name) else _string(given) if given else None
        user = next((k.value for k in node.keywords if k.arg == "user"), None)
        written = str(host.value) if host is not None else ""
        if user is not None:
            named = _string(user)
            found.append(Connection(host, str(named.value) if named is not None else None))
            continue
        found.append(Connection(host, written.partition("@")[0] if "@" in written else None))
    return found


def _string(node: ast.expr) -> ast.Constant | None:
    return node if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _called(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None
