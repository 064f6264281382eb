"""Calls of a download function another file of a Go install or upgrade program's package defines
(docs/preflight.md, ``implicit_egress``; ``module_downloads``).

A Go package's files share their functions: Caddy's ``cmd/upgradepackage.go`` calls ``downloadBuild(qs)``, which
``cmd/packagesfuncs.go`` defines with the build server's URL. A call of a bare name the file neither declares nor
binds (no ``func``, parameter, ``var``, ``const`` or ``:=`` of it), so a function of the package's other files, is
a contact with the host that file names when its name says it downloads: written as the download of
:data:`module_downloads.MODULE_URL` at the call. A function of the file itself (``go_download_helpers``) and a
package's qualified function (``pkg.Download``, an import read by its own rules) are not."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.module_downloads import Piece, piece, says_download
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

# the nodes that declare or bind names, and the field that holds them
_BINDERS = {
    "function_declaration": "name",
    "method_declaration": "name",
    "parameter_declaration": "name",
    "var_spec": "name",
    "const_spec": "name",
    "short_var_declaration": "left",
    "range_clause": "left",
    "type_spec": "name",
}


def _declared(nodes: list[Node]) -> set[str]:
    """The names the file declares or binds."""
    out: set[str] = set()
    for node in nodes:
        field = _BINDERS.get(node.type)
        for bound in node.children_by_field_name(field) if field else []:
            names = [bound] if bound.type == "identifier" else bound.named_children
            out |= {_text(n) for n in names if n.type == "identifier"}
    return out


def pieces(nodes: list[Node]) -> list[Piece]:
    """(line, shell) of the calls of the package's other files' download functions among a Go file's ``nodes``."""
    calls = [n for n in nodes if n.type == "call_expression"]
    callees = {id(c): c.child_by_field_name("function") for c in calls}
    named = [
        c for c in calls if (f := callees[id(c)]) is not None and f.type == "identifier" and says_download(_text(f))
    ]
    if not named:
        return []
    declared = _declared(nodes)
    out: list[Piece] = []
    for call in named:
        function = callees[id(call)]
        if function is None or _text(function) in declared:
            continue
        args = call.child_by_field_name("arguments")
        if args is not None and "://" in _text(args):
            continue  # the URL is written here: its host is read where the request is
        out.append(piece(call.start_point[0] + 1, "."))
    return out
