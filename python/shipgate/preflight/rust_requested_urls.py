"""Where a Cargo build script requests the URL literals it hands to a function of its own: the request's line for
each literal (the Rust form of ``shipgate.preflight.requested_urls``; docs/preflight.md, "Cargo build scripts").

intellij-rust's ``build.rs`` calls ``download_file("https://raw.githubusercontent.com/…/active.rs", "active.rs")``
four times, and ``download_file(url: &str, …)`` does ``get(url)`` (``reqwest::blocking::get``, imported by ``use``):
one network line, contacted once per host, not once per literal (holdout179). So a literal ``http(s)`` URL given to
a function of the file at the position of a parameter that the function hands, by its name, as the URL of an HTTP
GET (``rust_script.GETS``, called by its path or by the name a ``use`` brings in) is contacted at the GET's line.
A URL given to any other parameter, or to a function of another file, stays where it is written. Read through
tree-sitter's Rust grammar (the file is never built); bounded by the build script's size."""

from __future__ import annotations

import re

import tree_sitter
import tree_sitter_rust

from shipgate.preflight.rust_script import GETS, is_build_script
from shipgate.preflight.rust_values import arguments, literal, path_of
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_rust.language()))
_URL = re.compile(r"https?://")


def request_lines(path: str, text: str) -> dict[int, list[int]]:
    """URL literal line -> the lines of the GETs its function makes with it, for a Cargo build script."""
    if not is_build_script(path, text):
        return {}
    nodes = named_nodes(_PARSER.parse(text.encode("utf-8", "surrogateescape")).root_node)
    imported = _imported_gets(nodes)
    requests = {
        _text(f.child_by_field_name("name")): _requested_parameters(f, imported)
        for f in nodes
        if f.type == "function_item"
    }
    found: dict[int, list[int]] = {}
    for call in nodes:
        owner, name = path_of(call) if call.type == "call_expression" else ("", "")
        if owner or not requests.get(name):
            continue
        given = arguments(call)
        for position, line in requests[name]:
            for url in _given_urls(given[position]) if position < len(given) else ():
                found.setdefault(url.start_point[0] + 1, []).append(line)
    return found


def _given_urls(argument: Node) -> list[Node]:
    """The URL literals an argument stands for: the literal itself, or, when it is the variable of a ``for`` loop
    around the call over an array written in the file (``for remote_file in ["https://…", "https://…"] {
    download_file(remote_file, …) }``, mavlink2rest's build.rs, holdout215), each URL literal of the array."""
    value = literal(argument)
    if value is not None:
        return [argument] if _URL.match(value) else []
    if argument.type != "identifier":
        return []
    loop = argument.parent
    while loop is not None and not (
        loop.type == "for_expression" and _text(loop.child_by_field_name("pattern")) == _text(argument)
    ):
        loop = loop.parent
    items = loop.child_by_field_name("value") if loop is not None else None
    if items is not None and items.type == "reference_expression":  # ``for url in &[…]``
        items = items.child_by_field_name("value")
    if items is None or items.type != "array_expression":
        return []
    return [item for item in items.named_children if _URL.match(literal(item) or "")]


def _imported_gets(nodes: list[Node]) -> frozenset[str]:
    """The bare names a ``use`` brings a crate-level GET in as (``use reqwest::blocking::get;`` → ``get``)."""
    names = set()
    for node in nodes:
        if node.type == "use_declaration":
            used = node.child_by_field_name("argument")
            if used is not None and used.type == "scoped_identifier":
                owner = _text(used.child_by_field_name("path")).rsplit("::", 1)[-1]
                name = _text(used.child_by_field_name("name"))
                if (owner, name) in GETS:
                    names.add(name)
    return frozenset(names)


def _requested_parameters(function: Node, imported: frozenset[str]) -> list[tuple[int, int]]:
    """(parameter position, line) of each GET in ``function`` whose URL is one of its parameters by name."""
    parameters = function.child_by_field_name("parameters")
    names = [
        _text(p.child_by_field_name("pattern"))
        for p in (parameters.named_children if parameters is not None else ())
        if p.type == "parameter"
    ]
    found = []
    for call in named_nodes(function):
        if call.type != "call_expression":
            continue
        owner, name = path_of(call)
        if (owner, name) not in GETS and not (owner == "" and name in imported):
            continue
        given = arguments(call)
        url = _text(given[0]).lstrip("&") if given else ""
        if url in names:
            found.append((names.index(url), call.start_point[0] + 1))
    return found
