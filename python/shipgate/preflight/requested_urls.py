"""Where a Python module requests a URL it writes: the request call's line for each URL literal the call is given,
directly or through names (docs/preflight.md, "Install programs in other languages").

A module of functions (a self-updater's ``update_self`` that ``youtube-dl -U`` calls) is program source, read as
text: its URL literal is a host at the literal's line. When the literal is bound to a name that a request call is
given — ``JSON_URL = UPDATE_URL + 'versions.json'`` then ``urlopen(JSON_URL)``, in the same function or at the
module's top level, also through ``+``, an f-string or ``.format`` on such a name — the host is contacted where the
call runs: one endpoint at each call line (two requests of one host, two contacts), the literal's line then only
where the value is written. Only a literal that several request calls build their URLs from moves so: a constant
handed to the request as it is (``API_BASE_URL`` given to ``post_json``, round ten's packages) and a base URL one
request builds on (``base_uri`` then ``requests.get(f'{base_uri}{path}')``, round nine's) are one contact, reported
where the host is written. A
request call: ``urlopen`` and the client methods ``requested_locals`` knows (``requests.get``, ``session.post``…),
also a request function the module imports by name (``from requests import get``, then ``get(url)``).
Names bound to something else (a call's result, a parameter) lead nowhere."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence, Set

from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.requested_locals import imported_requests, is_request

_MAX_SOURCE = 2_000_000
_MAX_DEPTH = 6
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def request_lines(path: str, lines: Sequence[tuple[int, str]]) -> dict[int, list[int]]:
    """URL literal line -> the lines of the two or more request calls whose URLs are built from it (through names),
    for a Python file."""
    found: dict[int, list[int]] = {}
    for line, built, call_line in _request_sources(path, lines):
        if built and line != call_line and call_line not in found.setdefault(line, []):
            found[line].append(call_line)
    return {line: calls for line, calls in found.items() if len(calls) > 1}


def requested_literal_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a Python file's URL literals that a request call's URL is, or is built from, through names in
    the same function or at the module's top level (``NOMINATIM_BASE_URL = "https://…"``, then in a function ``url
    = NOMINATIM_BASE_URL + path + "?" + query`` and ``getUrlContent(url)``): a host the module requests, whatever
    the literal's name says (a ``…_BASE_URL`` is otherwise read as the product's own address)."""
    return {line for line, _, _ in _request_sources(path, lines)}


def _request_sources(path: str, lines: Sequence[tuple[int, str]]) -> Iterator[tuple[int, bool, int]]:
    """(literal line, whether the URL is built from it, request call line) for each URL literal a request call of a
    Python file is given, directly or through names."""
    if not path.endswith(".py") or sum(len(t) for _, t in lines) > _MAX_SOURCE:
        return
    text = dict(lines)
    tree = python_tree("\n".join(text.get(n, "") for n in range(1, max(text, default=0) + 1)))
    if not isinstance(tree, ast.Module):
        return
    for url, names, call in _request_urls(tree):
        for line, built in _literal_lines(url, names, 0):
            yield line, built, call.lineno


def requested_names(tree: ast.Module, outside: Set[str]) -> list[tuple[str, bool, int]]:
    """(name, whether the URL is built from it, request call line) for each request call of a parsed Python module
    whose URL is, or starts with, one of the ``outside`` names (names it imports), directly or through the module's
    names; a name the module binds anywhere itself is its own, not the import's."""
    own = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    own |= {a.arg for n in ast.walk(tree) if isinstance(n, ast.arguments) for a in (*n.args, *n.kwonlyargs)}
    wanted = set(outside) - own
    found: list[tuple[str, bool, int]] = []
    for url, names, call in _request_urls(tree) if wanted else ():
        roots = _url_roots(url, names, 0)
        found += [(r.id, built, call.lineno) for r, built in roots if isinstance(r, ast.Name) and r.id in wanted]
    return found


def _request_urls(tree: ast.Module) -> Iterator[tuple[ast.expr, dict[str, ast.expr], ast.Call]]:
    """(URL argument, the names bound once where the call is, call) of each request call of a parsed module."""
    module = _bound(tree.body)
    imported = imported_requests(tree)  # ``from requests import get``: a bare ``get(url)`` requests too
    scopes: list[tuple[ast.AST, dict[str, ast.expr]]] = [(tree, {})]
    scopes += [(f, _bound(list(ast.walk(f)))) for f in ast.walk(tree) if isinstance(f, _FUNCTIONS)]
    for scope, local in scopes:
        calls = ast.walk(scope) if scope is not tree else (n for s in tree.body for n in _top_walk(s))
        for call in calls:
            if not isinstance(call, ast.Call) or not is_request(call, imported):
                continue
            url = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "url"), None)
            if url is not None:
                yield url, {**module, **local}, call


def literals_behind(path: str, lines: Sequence[tuple[int, str]], assigned: set[int]) -> set[int]:
    """The lines of the URL literals a Python file's names assigned at ``assigned`` build their URLs on, through other
    names (``BASE = f"https://…/{V}"``, then ``url = f"{BASE}/{asset}"`` at an assigned line): a request a step reader
    reports with the URL assigned there contacts that host at the request, so the base's literal is not a second
    contact (holdout189's logscale-tools). The assignment's own line is not among them."""
    if not path.endswith(".py") or not assigned or sum(len(t) for _, t in lines) > _MAX_SOURCE:
        return set()
    text = dict(lines)
    tree = python_tree("\n".join(text.get(n, "") for n in range(1, max(text, default=0) + 1)))
    if not isinstance(tree, ast.Module):
        return set()
    module = _bound(tree.body)
    behind: set[int] = set()
    scopes: list[tuple[ast.AST, dict[str, ast.expr]]] = [(tree, {})]
    scopes += [(f, _bound(list(ast.walk(f)))) for f in ast.walk(tree) if isinstance(f, _FUNCTIONS)]
    for scope, local in scopes:
        nodes = ast.walk(scope) if scope is not tree else (n for s in tree.body for n in _top_walk(s))
        for node in nodes:
            if not isinstance(node, ast.Assign) or node.lineno not in assigned or len(node.targets) != 1:
                continue
            if isinstance(node.targets[0], ast.Name):
                found = _literal_lines(node.value, {**module, **local}, 0)
                behind |= {line for line, built in found if built and line != node.lineno}
    return behind


def _top_walk(node: ast.AST) -> list[ast.AST]:
    """The nodes of a top-level statement outside the functions and classes it defines."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return []
    return list(ast.walk(node))


def _bound(nodes: list[ast.AST] | list[ast.stmt]) -> dict[str, ast.expr]:
    """Each name assigned once among ``nodes`` -> its value (a name assigned twice leads nowhere)."""
    values: dict[str, ast.expr] = {}
    twice: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            (twice.add(name) if name in values else values.__setitem__(name, node.value))
    return {k: v for k, v in values.items() if k not in twice}


def _literal_lines(node: ast.expr, names: dict[str, ast.expr], depth: int) -> list[tuple[int, bool]]:
    """The lines of the URL literals ``node`` is built from (its first part: the scheme and host), each with whether
    the URL requested is built from it (a ``+``, an f-string, a template) rather than the literal itself."""
    roots = _url_roots(node, names, depth)
    return [(r.lineno, built) for r, built in roots if isinstance(r, ast.Constant) and _is_url(r.value)]


def _is_url(value: object) -> bool:
    return isinstance(value, str) and "://" in value


def _url_roots(node: ast.expr, names: dict[str, ast.expr], depth: int) -> list[tuple[ast.expr, bool]]:
    """The expressions a URL ``node`` starts from, through ``names`` and the first part of a ``+``, an f-string or a
    template (a literal, or a name the file does not bind: an imported one), each with whether the URL is built
    from it rather than it itself."""
    if depth > _MAX_DEPTH:
        return []
    if isinstance(node, ast.Name) and node.id in names:
        return _url_roots(names[node.id], names, depth + 1)
    if isinstance(node, ast.Constant | ast.Name):
        return [(node, False)]
    inner: ast.expr | None = None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        inner = node.left
    elif isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        inner = first.value if isinstance(first, ast.FormattedValue) else first
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        inner = node.func.value
    return [(root, True) for root, _ in _url_roots(inner, names, depth + 1)] if inner is not None else []
