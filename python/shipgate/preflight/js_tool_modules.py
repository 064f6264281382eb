"""A fetching tool's own JavaScript module called by an install script instead of its command, written as that command
(docs/preflight.md, "Language package managers' install-time hooks").

An install script that copies a tool's ``bin.js`` calls the tool's download function directly
(``const prebuildDL = require('prebuild-install/download')``, then ``prebuildDL(url, opts, cb)``): the call fetches
what the command would (prebuild-install: the prebuilt addon from the package's GitHub releases), so it is written
as the command at the call's line and read by the egress table as the command is (holdout189's iltorb). Only a
module of :data:`TOOL_MODULES` that does the fetch counts: the tool's configuration and helper modules
(``prebuild-install/rc``, ``prebuild-install/util``) fetch nothing, and a module bound but never called runs nothing."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

# the module path ``require`` is given -> the command whose fetch its call makes
TOOL_MODULES = {"prebuild-install/download": "prebuild-install"}


def _required(value: Node) -> str | None:
    """The tool command a ``require('MODULE')`` call stands for, if MODULE is one of :data:`TOOL_MODULES`."""
    if value.type != "call_expression" or _text(value.child_by_field_name("function")) != "require":
        return None
    args = value.child_by_field_name("arguments")
    named = [a for a in (args.named_children if args is not None else []) if a.type != "comment"]
    return TOOL_MODULES.get(_text(named[0]).strip("'\"`")) if len(named) == 1 else None


def pieces(root: Node) -> list[Piece]:
    """(line, shell) of each call of a name the script under ``root`` binds to a fetching tool's module."""
    nodes = named_nodes(root)
    tools: dict[str, str] = {}
    for node in nodes:
        value = node.child_by_field_name("value") if node.type == "variable_declarator" else None
        command = _required(value) if value is not None else None
        if command is not None:
            tools[_text(node.child_by_field_name("name"))] = command
    if not tools:
        return []
    out: list[Piece] = []
    for call in (n for n in nodes if n.type == "call_expression"):
        command = tools.get(_text(call.child_by_field_name("function")))
        if command is not None:
            out.append((call.start_point[0] + 1, command))
    return out
