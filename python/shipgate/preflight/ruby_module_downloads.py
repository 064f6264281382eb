"""Calls of a download helper a Ruby install step requires from the product's own library (docs/preflight.md,
``implicit_egress``; ``module_downloads``).

A gem's ``extconf.rb`` often leaves the fetch to a class of its own ``lib``: ``require
"skylight/native_ext_fetcher"`` then ``Skylight::NativeExtFetcher.fetch(source: …, …)``, or
``PhusionPassenger::Utils::Download.download(url, …)`` after ``require 'phusion_passenger/utils/download'``. A
method of a namespaced constant (``A::B``) whose file the script requires by its path (the constant's name in
snake case is the required path's last part) is the product's own code; called when its name says it downloads
(``download``, a ``fetch`` of a ``…Fetcher``), it contacts the host that file names: written as the download of
:data:`module_downloads.MODULE_URL` at the call. A call that writes a URL itself names its host, read elsewhere."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.module_downloads import Piece, piece, says_download
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

_REQUIRES = frozenset({"require", "require_relative"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _snake(constant: str) -> str:
    """``NativeExtFetcher`` -> ``native_ext_fetcher``."""
    return _CAMEL.sub("_", constant).lower()


def _required(nodes: list[Node]) -> dict[str, str]:
    """The last parts of the paths the script requires -> the path (``native_ext_fetcher`` ->
    ``skylight/native_ext_fetcher``; a ``require_relative`` path from the script's folder, ``./lib/x``)."""
    out: dict[str, str] = {}
    for node in nodes:
        method = node.child_by_field_name("method") if node.type == "call" else None
        args = node.child_by_field_name("arguments") if method is not None else None
        if method is None or _text(method) not in _REQUIRES or args is None or len(args.named_children) != 1:
            continue
        path = args.named_children[0]
        if path.type == "string" and all(c.type == "string_content" for c in path.named_children):
            required = _text(path).strip("'\"").removesuffix(".rb")
            relative = _text(method) == "require_relative" and not required.startswith(".")
            out[required.rpartition("/")[2]] = f"./{required}" if relative else required
    return out


def pieces(nodes: list[Node]) -> list[Piece]:
    """(line, shell) of the calls of the product's own download helpers among a Ruby script's ``nodes``."""
    required = _required(nodes)
    out: list[Piece] = []
    for node in (n for n in nodes if n.type == "call") if required else []:
        receiver, method = node.child_by_field_name("receiver"), node.child_by_field_name("method")
        if receiver is None or method is None or receiver.type != "scope_resolution":
            continue
        owner = receiver.child_by_field_name("name")
        if owner is None or _snake(_text(owner)) not in required or not says_download(_text(method), _text(owner)):
            continue
        args = node.child_by_field_name("arguments")
        if args is not None and "://" in _text(args):
            continue  # the URL is written here: its host is read where the request is
        out.append(piece(node.start_point[0] + 1, required[_snake(_text(owner))]))
    return out
