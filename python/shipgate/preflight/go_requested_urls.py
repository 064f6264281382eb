"""Where a Go program requests a URL it writes: the request call's line for each URL literal two or more request
calls build their URLs from, through names (the Go form of ``shipgate.preflight.requested_urls``; docs/preflight.md,
"Install programs in other languages").

A Go file that is not an install step (coolname's ``go generate`` helper, holdout128) is program source, read as
text: its URL literal is a host at the literal's line, and one that looks like a repository's page
(``baseUrl = "https://github.com/owner/repo"``) is taken as a link. When requests are built from it —
``gitUrl = baseUrl + ".git"``, ``refsUrl = gitUrl + "/info/refs?…"``, ``http.Get(refsUrl)``;
``url := strings.ReplaceAll(dataUrl, "$REF", ref) + name``, ``http.Get(url)`` — the host is contacted where each
call runs: one endpoint at each call line, the literal's line then only where the value is written. As in Python,
only a literal that several request calls build on moves so (a single request keeps the host where it is written).
The other way round, a request inside a function of the file whose URL is its parameter (``func
downloadWithProgress(url, dest string) { http.Get(url) … }``), called with URLs built from two or more literals
(``downloadWithProgress(checksumURL, …)``, ``downloadWithProgress(downloadURL, …)``), contacts each literal's host at
its one request line: one contact per request line and host, as the shell sets count a wrapper's curl line
(holdout175's wings updater).

Names: package-level ``const``/``var`` and a function's own ``:=``/``var``/``=`` bindings, each bound once in its
scope (a name bound twice leads nowhere). Built from: ``+`` (its left operand), ``strings.Replace``/``ReplaceAll``/
``TrimSuffix``/``TrimPrefix``, ``fmt.Sprintf`` (the first argument), ``url.JoinPath``/``path.Join`` (the first
argument), parentheses. A request: ``http.Get``/``Post``/``Head``/``PostForm`` (the URL first),
``http.NewRequest(method, URL, …)``, ``http.NewRequestWithContext(ctx, method, URL, …)``. Read through tree-sitter's
Go grammar (the file is never built); bounded by the file's size and the depth names are followed to."""

from __future__ import annotations

import tree_sitter
import tree_sitter_go

from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

MAX_CHARS = 1_000_000
_MAX_DEPTH = 8
_MAX_CALLS = 64
_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_go.language()))
_STRINGS = frozenset({"interpreted_string_literal", "raw_string_literal"})
# The request functions of net/http and which argument holds the URL.
_REQUESTS = {"Get": 0, "Post": 0, "Head": 0, "PostForm": 0, "NewRequest": 1, "NewRequestWithContext": 2}
# Calls whose result is built from their first argument (a template, a base the rest is joined to).
_BUILDERS = frozenset(
    {
        "strings.Replace",
        "strings.ReplaceAll",
        "strings.TrimSuffix",
        "strings.TrimPrefix",
        "fmt.Sprintf",
        "url.JoinPath",
        "path.Join",
    }
)
_BINDINGS = frozenset({"const_spec", "var_spec", "short_var_declaration", "assignment_statement"})
_FUNCTIONS = frozenset({"function_declaration", "method_declaration"})


def request_lines(path: str, text: str) -> dict[int, list[int]]:
    """URL literal line -> the lines of the two or more request calls whose URLs are built from it, for a Go file."""
    if not path.endswith(".go") or len(text) > MAX_CHARS:
        return {}
    root = _PARSER.parse(text.encode("utf-8", "surrogateescape")).root_node
    functions = [c for c in root.named_children if c.type in _FUNCTIONS]
    outside = [n for c in root.named_children if c.type not in _FUNCTIONS for n in named_nodes(c)]
    package = _bound([n for n in outside if n.type in _BINDINGS])
    scopes: list[tuple[list[Node], dict[str, Node], Node | None]] = [(outside, package, None)]
    for function in functions:
        inside = named_nodes(function)
        scopes.append((inside, {**package, **_bound([n for n in inside if n.type in _BINDINGS])}, function))
    given = _given_arguments(scopes)
    found: dict[int, list[int]] = {}
    shared: dict[int, set[int]] = {}  # a request line -> the literals its helper's callers give it
    for nodes, names, owner in scopes:
        params = given.get(_name(owner), {}) if owner is not None else {}
        for call in nodes:
            url = _requested(call)
            line = call.start_point[0] + 1
            for literal, built in _literal_lines(url, names, 0) if url is not None else ():
                if built and literal != line and line not in found.setdefault(literal, []):
                    found[literal].append(line)
            param = _parameter(url, names, params) if url is not None else None
            for argument, caller in params.get(param or "", []):
                shared.setdefault(line, set()).update(n for n, _ in _literal_lines(argument, caller, 1))
    lines = {literal: calls for literal, calls in found.items() if len(calls) > 1}
    for line, literals in shared.items():  # ``download(checksumURL)``, ``download(binaryURL)``: one request line
        for literal in literals if len(literals) > 1 else ():
            lines[literal] = sorted({*lines.get(literal, []), line})
    return lines


def _name(function: Node) -> str:
    name = function.child_by_field_name("name")
    return _text(name) if name is not None else ""


def _given_arguments(
    scopes: list[tuple[list[Node], dict[str, Node], Node | None]],
) -> dict[str, dict[str, list[tuple[Node, dict[str, Node]]]]]:
    """A function of the file -> its parameter -> what each call of it (by its bare name) gives that parameter, with
    the caller's names: ``downloadWithProgress(checksumURL, path)`` gives ``url`` the caller's ``checksumURL``."""
    declared = [f for _, _, f in scopes if f is not None and f.type == "function_declaration"]
    params = {_name(f): function_parameters(f) for f in declared}
    given: dict[str, dict[str, list[tuple[Node, dict[str, Node]]]]] = {}
    for nodes, names, _ in scopes:
        for call in nodes:
            function = call.child_by_field_name("function") if call.type == "call_expression" else None
            if function is None or function.type != "identifier" or _text(function) not in params:
                continue
            arguments = call.child_by_field_name("arguments")
            values = [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []
            for param, value in zip(params[_text(function)], values, strict=False):
                calls = given.setdefault(_text(function), {}).setdefault(param, [])
                if len(calls) < _MAX_CALLS:  # a bound on the calls read per helper (each request reads them all)
                    calls.append((value, names))
    return given


def function_parameters(function: Node) -> list[str]:
    """The names a Go function declares as its parameters, in order."""
    params = function.child_by_field_name("parameters")
    names: list[str] = []
    for declaration in params.named_children if params is not None else []:
        names.extend(_text(n) for n in declaration.named_children if n.type == "identifier")
    return names


def _parameter(node: Node, names: dict[str, Node], params: dict[str, list[tuple[Node, dict[str, Node]]]]) -> str | None:
    """The parameter a request's URL is (``http.Get(url)`` in ``func download(url, dest string)``), not a name the
    function binds itself."""
    text = _text(node)
    return text if node.type == "identifier" and text in params and text not in names else None


def _bound(bindings: list[Node]) -> dict[str, Node]:
    """Each name bound once among ``bindings`` -> its value (``a, b := x, y`` pairs them; a name bound twice leads
    nowhere)."""
    values: dict[str, Node] = {}
    twice: set[str] = set()
    for binding in bindings:
        if binding.type in ("const_spec", "var_spec"):
            names = list(binding.children_by_field_name("name"))
        else:
            left = binding.child_by_field_name("left")
            names = list(left.named_children) if left is not None else []
        value = binding.child_by_field_name("value") or binding.child_by_field_name("right")
        values_list = list(value.named_children) if value is not None and value.type == "expression_list" else []
        for index, name in enumerate(names):
            key = _text(name)
            if key in values or key in twice:
                twice.add(key)
            elif index < len(values_list):
                values[key] = values_list[index]
    return {name: value for name, value in values.items() if name not in twice}


def _requested(call: Node) -> Node | None:
    """The URL argument of a net/http request call, else None."""
    if call.type != "call_expression":
        return None
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if function is None or arguments is None or function.type != "selector_expression":
        return None
    operand, field = function.child_by_field_name("operand"), function.child_by_field_name("field")
    if operand is None or field is None or _text(operand) != "http" or _text(field) not in _REQUESTS:
        return None
    values = [a for a in arguments.named_children if a.type != "comment"]
    position = _REQUESTS[_text(field)]
    return values[position] if position < len(values) else None


def _literal_lines(node: Node, names: dict[str, Node], depth: int) -> list[tuple[int, bool]]:
    """The lines of the URL literals ``node`` is built from (its first part), each with whether the URL requested is
    built from it rather than being the literal itself."""
    if depth > _MAX_DEPTH:
        return []
    if node.type in _STRINGS:
        return [(node.start_point[0] + 1, False)] if "://" in _text(node) else []
    if node.type == "identifier":
        value = names.get(_text(node))
        return _literal_lines(value, names, depth + 1) if value is not None else []
    if node.type == "parenthesized_expression" and node.named_children:
        return _literal_lines(node.named_children[0], names, depth + 1)
    inner: Node | None = None
    if node.type == "binary_expression" and _operator(node) == "+":
        inner = node.child_by_field_name("left")
    elif node.type == "call_expression":
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is not None and arguments is not None and _text(function) in _BUILDERS:
            first = [a for a in arguments.named_children if a.type != "comment"]
            inner = first[0] if first else None
    return [(line, True) for line, _ in _literal_lines(inner, names, depth + 1)] if inner is not None else []


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return _text(operator) if operator is not None else ""
