"""Archives a JavaScript install script fetches and unpacks through the npm ``download`` module, written as the shell
that does the same (docs/preflight.md, ``unverified_download_exec``).

``download(url, dest, options)`` of the name the file binds to ``require('download')`` (or imports from
``'download'``) fetches ``url`` and, with ``extract: true`` in its options, unpacks the archive into ``dest``. With
an execute ``mode`` among the options (``mode: '755'``) the files it unpacks are made executable: written as
``curl -o DEST`` and ``chmod 755 -- DEST`` at the call, so the shell rule reads a build unpacked executable with no
check between. The options are read through an object literal, a variable bound once to one, a spread
(``{...opts}``) and a merge of such values (``merge(a, b)``, ``Object.assign``, ``extend``, ``defaults``). Other
HTTP clients (``got``, ``axios``) are not download modules: what they fetch is saved by the script itself, read by
``js_downloads``."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.js_downloads import path_word
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

_MODULE = "download"
_MERGES = frozenset({"merge", "assign", "extend", "defaults", "defaultsDeep"})
_MAX_DEPTH = 6


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def _module_names(nodes: list[Node]) -> set[str]:
    """Names the file binds to the ``download`` module."""
    names: set[str] = set()
    for node in nodes:
        if node.type == "variable_declarator":
            value = node.child_by_field_name("value")
            if value is not None and value.type == "call_expression" and _requires(value):
                names.add(_text(node.child_by_field_name("name")))
        elif node.type == "import_statement" and _text(node.child_by_field_name("source")).strip("'\"") == _MODULE:
            clause = next((c for c in node.named_children if c.type == "import_clause"), None)
            names |= {_text(c) for c in (clause.named_children if clause else []) if c.type == "identifier"}
    return names


def _requires(call: Node) -> bool:
    args = _arguments(call)
    function = call.child_by_field_name("function")
    return _text(function) == "require" and len(args) == 1 and _text(args[0]).strip("'\"`") == _MODULE


def _options(node: Node, objects: dict[str, Node | None], depth: int = 0) -> dict[str, Node]:
    """The options an expression gives: object literals, a variable bound to one, spreads and merges of them."""
    if depth > _MAX_DEPTH:
        return {}
    if node.type == "identifier":
        bound = objects.get(_text(node))
        return _options(bound, objects, depth + 1) if bound is not None else {}
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        name = _text(
            function.child_by_field_name("property") if function and function.type == "member_expression" else function
        )
        found: dict[str, Node] = {}
        for arg in _arguments(node) if name in _MERGES else []:
            found |= _options(arg, objects, depth + 1)
        return found
    if node.type != "object":
        return {}
    out: dict[str, Node] = {}
    for child in node.named_children:
        if child.type == "pair" and child.child_by_field_name("value") is not None:
            key = _text(child.child_by_field_name("key")).strip("'\"")
            value = child.child_by_field_name("value")
            assert value is not None
            out[key] = value
        elif child.type == "spread_element" and child.named_children:
            out |= _options(child.named_children[0], objects, depth + 1)
    return out


def _objects(nodes: list[Node]) -> dict[str, Node | None]:
    """Variables bound once to a value (None when bound more than once)."""
    out: dict[str, Node | None] = {}
    for node in nodes:
        if node.type == "variable_declarator" and node.child_by_field_name("value") is not None:
            name = _text(node.child_by_field_name("name"))
            out[name] = None if name in out else node.child_by_field_name("value")
    return out


def _executable(value: Node) -> bool:
    """A mode with an execute bit: ``'755'``, ``0o755``, a legacy ``0755``, a decimal ``493``."""
    text = _text(value).strip("'\"")
    if value.type == "string" and re.fullmatch(r"0?[0-7]{3,4}", text):
        return bool(int(text, 8) & 0o111)
    if value.type == "number" and re.fullmatch(r"0[oO]?[0-7]+", text):
        return bool(int(text.lstrip("0oO") or "0", 8) & 0o111)
    return value.type == "number" and text.isdigit() and bool(int(text) & 0o111)


def pieces(root: Node) -> list[Piece]:
    """(line, shell) of the ``download(url, dest, {extract: true, mode})`` calls of the script under ``root``."""
    nodes = named_nodes(root)
    names = _module_names(nodes)
    if not names:
        return []
    objects = _objects(nodes)
    out: list[Piece] = []
    for call in (n for n in nodes if n.type == "call_expression"):
        if _text(call.child_by_field_name("function")) not in names:
            continue
        args = _arguments(call)
        options = _options(args[2], objects) if len(args) > 2 else {}
        extract, mode = options.get("extract"), options.get("mode")
        if extract is None or extract.type != "true" or mode is None or not _executable(mode):
            continue
        dest = path_word(args[1]) or '"${JS_VALUE}"'
        line = call.start_point[0] + 1
        out += [(line, f'curl -fsSL -o {dest} "${{JS_VALUE}}"'), (line, f"chmod 755 -- {dest}")]
    return out
