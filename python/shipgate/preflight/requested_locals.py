"""A function's local URL that the function itself requests: the base of a service it calls, not a setting.

A name such as ``base_url``/``base_uri`` reads as the product's own public address when it is a setting
(docs/preflight.md, ``external_endpoint``: ``SITE_URL``, ``BASE_URL`` at a settings module's top level), and a
function's local that builds a link the product shows stays so (``base_url = "https://chat…/rooms"; return
base_url``). A local that the same function hands to a request call is neither: ``base_uri =
'https://api.nsone.net'`` before ``requests.get(f"{base_uri}{path}")`` (round nine's lemur, its NS1 DNS provider).
Read with Python's own parser:

- a request call: ``urlopen(…)`` or a ``get``/``post``/``put``/``patch``/``delete``/``head``/``request`` method of an
  object named for a client (``requests``, ``httpx``, ``urllib``, ``session``, ``client``, ``http``: ``requests.get``,
  ``self.session.post``), given the local in its first argument or ``url=`` (alone, in an f-string, a ``+`` or a
  ``%``/``.format`` on it).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

from shipgate.preflight.python_tree import python_tree

_MAX_SOURCE = 2_000_000  # bytes of one Python file read by the parser here
_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "request", "urlopen"})
_CLIENT = re.compile(r"(?i)requests?|httpx|urllib|session|client|http")


def requested_local_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of URL literals assigned to a function's local name that the function passes to a request call."""
    if not path.endswith(".py") or sum(len(t) for _, t in lines) > _MAX_SOURCE:
        return set()
    text = dict(lines)
    tree = python_tree("\n".join(text.get(n, "") for n in range(1, max(text, default=0) + 1)))
    found: set[int] = set()
    for function in ast.walk(tree) if tree is not None else ():
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            found |= _requested_in(function)
    return found


def _requested_in(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[int]:
    """Lines of ``name = "…://…"`` in ``function`` whose name a request call of the same function is given."""
    literals: dict[str, list[int]] = {}
    requested: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and _url_literal(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    literals.setdefault(target.id, []).append(node.lineno)
        elif isinstance(node, ast.Call) and _is_request(node):
            target_url = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "url"), None)
            if target_url is not None:
                requested |= {n.id for n in ast.walk(target_url) if isinstance(n, ast.Name)}
    return {line for name, at in literals.items() if name in requested for line in at}


def _url_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and "://" in node.value


def _is_request(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "urlopen"
    if not isinstance(func, ast.Attribute) or func.attr not in _METHODS:
        return False
    return func.attr == "urlopen" or bool(_CLIENT.search(ast.unparse(func.value)))
