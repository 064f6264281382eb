"""A Go program's own function that saves a download at the path it is given, read at each call with the path the
call gives (docs/preflight.md, ``unverified_download_exec``).

``func download(dst string) error { … os.Create(dst) … io.Copy(f, resp.Body) … }`` is written by ``go_script`` as
``curl -o "${dst}"`` inside its body; a caller's ``download(tmp)`` then ``zip.OpenReader(tmp)`` spells the same file
``${tmp}``, so the shell rule, which compares spellings, would not see the unpack read the download. Each call of such
a function (by its name, with no package before it) is therefore also written as ``curl -o`` of the argument given
for that parameter, at the call's line."""

from __future__ import annotations

import re
from collections.abc import Callable

import tree_sitter

from shipgate.preflight.go_requested_urls import function_parameters
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

_SAVED = re.compile(r'^curl -fsSL -o "\$\{(\w+)\}"')


def _saving_functions(nodes: list[Node], pieces: list[Piece]) -> dict[str, int]:
    """Function name -> the index of the parameter its body saves a download at."""
    found: dict[str, int] = {}
    for function in (n for n in nodes if n.type == "function_declaration"):
        name = function.child_by_field_name("name")
        params = function_parameters(function)
        first, last = function.start_point[0] + 1, function.end_point[0] + 1
        for line, shell in pieces:
            saved = _SAVED.match(shell) if first <= line <= last else None
            if name is not None and saved is not None and saved.group(1) in params:
                found[_text(name)] = params.index(saved.group(1))
                break
    return found


def helper_downloads(
    nodes: list[Node], pieces: list[Piece], path: Callable[[Node], str | None]
) -> list[Piece]:
    """``curl -o ARG`` at each call of a function of the file that saves a download at its parameter."""
    savers = _saving_functions(nodes, pieces)
    out: list[Piece] = []
    for call in (n for n in nodes if n.type == "call_expression") if savers else ():
        function = call.child_by_field_name("function")
        index = savers.get(_text(function)) if function is not None and function.type == "identifier" else None
        args = call.child_by_field_name("arguments")
        given = [a for a in args.named_children if a.type != "comment"] if args is not None else []
        target = path(given[index]) if index is not None and index < len(given) else None
        if target is not None:
            out.append((call.start_point[0] + 1, f'curl -fsSL -o {target} "${{GO_VALUE}}"'))
    return out
