"""A function's local URL that the function itself requests, or a module's constant URL that the module requests:
the base of a service it calls, not a setting.

A name such as ``base_url``/``base_uri`` reads as the product's own public address when it is a setting
(docs/preflight.md, ``external_endpoint``: ``SITE_URL``, ``BASE_URL`` at a settings module's top level), and a
function's local that builds a link the product shows stays so (``base_url = "https://chat…/rooms"; return
base_url``). A local that the same function hands to a request call is neither: ``base_uri =
'https://api.nsone.net'`` before ``requests.get(f"{base_uri}{path}")`` (round nine's lemur, its NS1 DNS provider).
Nor is a module's top-level constant that a request call in the same module is given: ``API_BASE_URL =
"https://smsc…/sms/v4/mt"`` and, in a method, ``self.http_client.post_json_get_nothing(API_BASE_URL, body)`` (round
ten's matrix-sydent, its SMS provider). Read with Python's own parser:

- a request call: ``urlopen(…)`` or a ``get``/``post``/``put``/``patch``/``delete``/``head``/``request`` method
  (or one named from it: ``post_json``, ``get_json_maybe``) of an object named for a client (``requests``,
  ``httpx``, ``urllib``, ``session``, ``client``, ``http``: ``requests.get``, ``self.session.post``), given the
  name in its first argument or ``url=`` (alone, in an f-string, a ``+`` or a ``%``/``.format`` on it).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

from shipgate.preflight.python_tree import python_tree

_MAX_SOURCE = 2_000_000  # bytes of one Python file read by the parser here
_METHOD = re.compile(r"^(?:get|post|put|patch|delete|head|request)(?:_[a-z_]+)?$|^urlopen$")
_CLIENT = re.compile(r"(?i)requests?|httpx|urllib|session|client|http")
# a function named for fetching what a URL holds, on any object: ``urlretrieve``, ``fetch_url``, Limnoria's
# ``utils.web.getUrlContent``/``getUrlFd`` (whole packages round forty); not ``get_url``, which often builds one
_FETCHER = re.compile(r"^(?:urlretrieve|fetch_?url|(?:get|fetch|read)_?url_?(?:content|fd|data|bytes|text))$", re.I)


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
    return found | (_module_requested(tree) if isinstance(tree, ast.Module) else set())


def _module_requested(module: ast.Module) -> set[int]:
    """Lines of a top-level ``NAME = "…://…"`` whose name a request call anywhere in the module is given."""
    literals: dict[str, list[int]] = {}
    for node in module.body:
        if isinstance(node, ast.Assign) and _url_literal(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    literals.setdefault(target.id, []).append(node.lineno)
    if not literals:
        return set()
    requested = {name for node in ast.walk(module) if isinstance(node, ast.Call) for name in _requested_names(node)}
    return {line for name, at in literals.items() if name in requested for line in at}


def _requested_names(call: ast.Call) -> set[str]:
    """The names in the URL a request call is given (its first argument or ``url=``); none for another call."""
    if not is_request(call):
        return set()
    target_url = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "url"), None)
    return {n.id for n in ast.walk(target_url) if isinstance(n, ast.Name)} if target_url is not None else set()


def _requested_in(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[int]:
    """Lines of ``name = "…://…"`` in ``function`` whose name a request call of the same function is given."""
    literals: dict[str, list[int]] = {}
    requested: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and _url_literal(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    literals.setdefault(target.id, []).append(node.lineno)
        elif isinstance(node, ast.Call):
            requested |= _requested_names(node)
    return {line for name, at in literals.items() if name in requested for line in at}


def _url_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and "://" in node.value


def is_request(call: ast.Call, imported: frozenset[str] = frozenset()) -> bool:
    """A request call; ``imported``: the names the module imports request functions under (``imported_requests``)."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "urlopen" or func.id in imported or bool(_FETCHER.match(func.id))
    if isinstance(func, ast.Attribute) and _FETCHER.match(func.attr):
        return True
    if not isinstance(func, ast.Attribute) or not _METHOD.match(func.attr):
        return False
    return func.attr == "urlopen" or bool(_CLIENT.search(ast.unparse(func.value)))


# HTTP client libraries whose module-level request functions a module may import by name (``from requests import get``)
_LIBRARIES = frozenset({"requests", "httpx"})


def imported_requests(module: ast.Module) -> frozenset[str]:
    """The names ``module`` binds to a client library's request functions at its top level: ``from requests import
    get`` makes a bare ``get(url)`` the same call as ``requests.get(url)`` (``get as fetch``: ``fetch``)."""
    names: set[str] = set()
    for node in module.body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in _LIBRARIES:
            names |= {a.asname or a.name for a in node.names if a.name != "urlopen" and _METHOD.match(a.name)}
    return frozenset(names)
