"""Node's request functions under the names a script gives them, for ``js_downloads``: ``import { get as httpsGet }
from "node:https"`` makes ``httpsGet(url, …)`` the request ``https.get(url, …)`` is, and a name bound to one of them
or to a choice between two (``const getter = url.startsWith("https") ? httpsGet : httpGet``) is one too (holdout208:
minmax-code's postinstall, which streams the response into the binary it then makes executable); so does CommonJS's
``const { get } = require("https")`` (holdout233's notion-cli). Names are the
file's, not scoped, as ``js_downloads`` reads them; a name imported from another module, or a choice with any other
branch, is not a request."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text, walk

Node = tree_sitter.Node

_HTTP_MODULE = re.compile(r"""['"](?:node:)?https?['"]""")
_REQUEST_FUNCTIONS = frozenset({"get", "request"})


def request_aliases(root: Node) -> frozenset[str]:
    """The names the file binds to ``http``/``https``'s ``get``/``request``, and to a choice between two such."""
    nodes = list(walk(root))
    aliases: set[str] = set()
    for node in nodes:
        if node.type == "import_statement":
            source = node.child_by_field_name("source")
            if source is not None and _HTTP_MODULE.fullmatch(node_text(source)):
                aliases.update(_imported(node))
        elif node.type == "variable_declarator":
            aliases.update(_required(node))
    for node in nodes:
        if node.type == "variable_declarator" and _chooses(node.child_by_field_name("value"), aliases):
            aliases.add(node_text(node.child_by_field_name("name")))
    return frozenset(aliases)


def _imported(statement: Node) -> list[str]:
    """Local names of the request functions an import statement takes (``get as httpsGet``, ``request``)."""
    names = []
    for node in walk(statement):
        if node.type == "import_specifier":
            imported = node_text(node.child_by_field_name("name"))
            alias = node.child_by_field_name("alias")
            if imported in _REQUEST_FUNCTIONS:
                names.append(node_text(alias) if alias is not None else imported)
    return names


def _required(declarator: Node) -> list[str]:
    """Local names CommonJS gives the request functions: ``const { get } = require("https")`` (also ``{ get:
    httpsGet }``) and ``const httpsGet = require("node:https").get`` (holdout233's notion-cli postinstall)."""
    name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
    if name is None or value is None:
        return []
    if value.type == "member_expression" and name.type == "identifier":
        taken = node_text(value.child_by_field_name("property"))
        module = value.child_by_field_name("object")
        return [node_text(name)] if taken in _REQUEST_FUNCTIONS and _requires_http(module) else []
    if name.type != "object_pattern" or not _requires_http(value):
        return []
    names = []
    for part in name.named_children:
        if part.type == "shorthand_property_identifier_pattern" and node_text(part) in _REQUEST_FUNCTIONS:
            names.append(node_text(part))
        elif part.type == "pair_pattern" and node_text(part.child_by_field_name("key")) in _REQUEST_FUNCTIONS:
            local = part.child_by_field_name("value")
            names += [node_text(local)] if local is not None and local.type == "identifier" else []
    return names


def _requires_http(call: Node | None) -> bool:
    """``require("https")`` (also ``"node:http"``)."""
    if call is None or call.type != "call_expression" or node_text(call.child_by_field_name("function")) != "require":
        return False
    args = call.child_by_field_name("arguments")
    first = args.named_children[0] if args is not None and args.named_children else None
    return first is not None and _HTTP_MODULE.fullmatch(node_text(first)) is not None


def _chooses(value: Node | None, aliases: set[str]) -> bool:
    while value is not None and value.type == "parenthesized_expression" and value.named_children:
        value = value.named_children[0]
    if value is not None and value.type == "identifier":
        return node_text(value) in aliases  # ``const getter = httpsGet``
    if value is None or value.type != "ternary_expression":
        return False
    branches = (value.child_by_field_name("consequence"), value.child_by_field_name("alternative"))
    return all(b is not None and b.type == "identifier" and node_text(b) in aliases for b in branches)
