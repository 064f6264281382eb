"""Calls of a download helper a JavaScript install script imports from the product's own code (docs/preflight.md,
``implicit_egress``; ``module_downloads``).

A name bound to ``require('./download')`` (or imported from a relative path), a name destructured from such a
``require`` or member of it (``helpers.downloadBinary(…)``), called when its name says it downloads, fetches from the
host that module names: written as the download of :data:`module_downloads.MODULE_URL` at the call. A package's own
scoped module (``import { download } from '@prisma/fetch-engine'``) counts when its path says it fetches or downloads
and the call gives options only (``download({engines, version})``): a URL handed first is an HTTP client's
(``download(url, dest)`` of the npm ``download`` module, read by ``js_download_module``). A call that writes a URL
itself (``://`` in an argument) names its host, read elsewhere."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight import js_downloads
from shipgate.preflight.module_downloads import Piece, piece, says_download, words
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def _source(value: Node | None) -> str | None:
    """The module path of ``require('PATH')`` (also ``require('PATH').name``)."""
    if value is not None and value.type == "member_expression":
        value = value.child_by_field_name("object")
    if value is None or value.type != "call_expression" or _text(value.child_by_field_name("function")) != "require":
        return None
    args = _arguments(value)
    return _text(args[0]).strip("'\"`") if len(args) == 1 and args[0].type == "string" else None


def _helper_module(source: str) -> bool:
    """A module of the product: a relative path, or a package path that says it fetches or downloads."""
    if source.startswith("."):
        return True
    return source.startswith("@") and bool({"fetch", "download"} & set(words(source)))


def _bound_names(node: Node) -> list[str]:
    """Names a declarator's or import clause's pattern binds (``x``, ``{a, b: c}``, ``{ a as b }``)."""
    if node.type in ("identifier", "shorthand_property_identifier_pattern"):
        return [_text(node)]
    if node.type == "pair_pattern":
        value = node.child_by_field_name("value")
        return _bound_names(value) if value is not None else []
    if node.type == "import_specifier":
        alias = node.child_by_field_name("alias") or node.child_by_field_name("name")
        return [_text(alias)] if alias is not None else []
    return [name for child in node.named_children for name in _bound_names(child)]


def imported(nodes: list[Node]) -> dict[str, str]:
    """Names the file binds to the product's own modules -> the module path."""
    out: dict[str, str] = {}
    for node in nodes:
        if node.type == "variable_declarator":
            source = _source(node.child_by_field_name("value"))
            pattern = node.child_by_field_name("name")
            if source is not None and _helper_module(source) and pattern is not None:
                out |= dict.fromkeys(_bound_names(pattern), source)
        elif node.type == "import_statement":
            source = _text(node.child_by_field_name("source")).strip("'\"`")
            clause = next((c for c in node.named_children if c.type == "import_clause"), None)
            if clause is not None and _helper_module(source):
                out |= dict.fromkeys(_bound_names(clause), source)
    return out


def _called(function: Node | None, names: dict[str, str]) -> tuple[str, str] | None:
    """(function name, module path) of a call of an imported name or of a member of one."""
    if function is not None and function.type == "identifier" and _text(function) in names:
        return _text(function), names[_text(function)]
    if function is not None and function.type == "member_expression":
        owner, prop = function.child_by_field_name("object"), function.child_by_field_name("property")
        if owner is not None and prop is not None and owner.type == "identifier" and _text(owner) in names:
            return _text(prop), names[_text(owner)]
    return None


def _module_value(node: Node, names: dict[str, str], depth: int = 0) -> str | None:
    """The module path of a value of the product's own module: an imported name, a member of one, a call of either
    (``YOUTUBE_DL_HOST``, ``config.baseUrl``, ``sass.getBinaryUrl()``)."""
    if depth > 4:
        return None
    if node.type == "identifier":
        return names.get(_text(node))
    field = {"member_expression": "object", "call_expression": "function"}.get(node.type)
    inner = node.child_by_field_name(field) if field else None
    return _module_value(inner, names, depth + 1) if inner is not None else None


def pieces(root: Node, language: tree_sitter.Language) -> list[Piece]:
    """(line, shell) of the calls of the product's own download helpers in the script under ``root``, and of the
    requests whose URL is a value of the product's own module."""
    nodes = named_nodes(root)
    names = imported(nodes)
    out: list[Piece] = []
    for call, url in js_downloads.requested_urls(root, language) if names else []:
        module = _module_value(url, names)
        if module is not None:
            out.append(piece(call.start_point[0] + 1, module))
    for call in (n for n in nodes if n.type == "call_expression") if names else []:
        found = _called(call.child_by_field_name("function"), names)
        if found is None or not says_download(found[0]):
            continue
        args = _arguments(call)
        if any("://" in _text(a) for a in args):
            continue  # the URL is written here: its host is read where the request is
        if not found[1].startswith(".") and args and args[0].type != "object":
            continue  # a URL handed to a package's function: an HTTP client, not the product's helper
        out.append(piece(call.start_point[0] + 1, found[1]))
    return out
