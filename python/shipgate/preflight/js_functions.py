"""The functions a JavaScript/TypeScript install script declares, written as shell functions over their lines, and
the calls of them as calls, so the shell rules follow the script in the order it runs rather than the order it is
written (docs/preflight.md, "Install programs in other languages"; ``shell.call_order``).

An npm install script often declares its steps below the code that starts them and calls them from callbacks:
ngrok's ``postinstall.js`` declares ``extract()`` (unzip into ``bin/``, ``chmod 0755``) above ``download()``, which
calls ``extract(cb)`` once the archive is saved. Read in file order the unpack comes before the download and the
fetched archive is never followed; written as ``js_extract() { :`` … ``}`` with ``js_extract`` at the call inside
the download's callback, the unpack runs after the fetch, as Python's ``def`` is read (``python_script``).

- A **function**: a ``function NAME(…) {…}`` declaration, or a name declared with a function or arrow function
  whose body is a block (``const download = async (url) => {…}``), that holds a piece of the script's shell (a
  function with nothing to run is left out), whose name is declared once in the file and is no removal function's
  (``removal_functions`` writes those).
- A **call**: a call of such a name on its own (``extract(cb)``, ``await download(u)``), not a method of an object.
  A function only handed on as a value (``.then(fixPermissions)``) is not called by name: as in the shell, a function
  no call reaches keeps its place in the file."""

from __future__ import annotations

import bisect
import re

import tree_sitter

from shipgate.preflight.removal_functions import REMOVAL_NAME
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

PREFIX = "js_"
_NAME = re.compile(r"[A-Za-z_]\w*")
_FUNCTION_VALUES = frozenset({"function_expression", "function", "arrow_function", "generator_function"})


def _declared(node: Node) -> tuple[str, Node] | None:
    """(name, body) of a function declaration or of a name declared with a function whose body is a block."""
    if node.type in ("function_declaration", "generator_function_declaration"):
        name, body = node.child_by_field_name("name"), node.child_by_field_name("body")
    elif node.type == "variable_declarator":
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is None or name.type != "identifier" or value is None or value.type not in _FUNCTION_VALUES:
            return None
        body = value.child_by_field_name("body")
    else:
        return None
    if name is None or body is None or body.type != "statement_block":
        return None
    return _text(name), body


def _functions(nodes: list[Node]) -> dict[str, tuple[int, int]]:
    """Name -> (first line, last line) of each function declared once under a plain shell name."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for node in nodes:
        declared = _declared(node)
        if declared is not None:
            name, body = declared
            spans.setdefault(name, []).append((node.start_point[0] + 1, body.end_point[0] + 1))
    return {
        name: found[0]
        for name, found in spans.items()
        if len(found) == 1 and _NAME.fullmatch(name) and not REMOVAL_NAME.match(name)
    }


def calls(root: Node) -> list[Piece]:
    """``js_NAME`` at the line of each call of a function the script declares (before it knows which hold pieces:
    :func:`bodies` keeps the calls of those that do)."""
    nodes = named_nodes(root)
    functions = _functions(nodes)
    out: list[Piece] = []
    for node in nodes:
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        if function is not None and function.type == "identifier" and _text(function) in functions:
            out.append((node.start_point[0] + 1, PREFIX + _text(function)))
    return out


def bodies(root: Node, pieces: list[Piece], called: list[Piece]) -> tuple[list[Piece], list[Piece], list[Piece]]:
    """(openings, the calls kept, closings) for the functions whose lines hold one of ``pieces``: ``js_NAME() { :``
    at the declaration's first line, ``}`` at its last; the openings go before a line's other pieces, the closings
    after them."""
    functions = _functions(named_nodes(root))
    holding = _holding(functions, [line for line, _ in pieces], called)
    # an outer function opens before and closes after one nested in it on the same line
    outer_first = sorted(holding, key=lambda name: (functions[name][0], -functions[name][1]))
    inner_first = sorted(holding, key=lambda name: (functions[name][1], -functions[name][0]))
    openings = [(functions[name][0], f"{PREFIX}{name}() {{ :") for name in outer_first]
    closings = [(functions[name][1], "}") for name in inner_first]
    return openings, [(line, shell) for line, shell in called if shell[len(PREFIX) :] in holding], closings


def _holding(functions: dict[str, tuple[int, int]], lines: list[int], called: list[Piece]) -> set[str]:
    """The functions whose lines hold a piece, or a call of such a function (``verifyChecksum()`` calling
    ``computeSha256()``, which hashes: the check runs where ``verifyChecksum`` is called). Each round adds the
    callers of the functions the last round found, at most one round per function."""
    holding: set[str] = set()
    found = sorted(lines)
    for _ in range(len(functions) + 1):
        added = {name for name, span in functions.items() if name not in holding and _holds(found, *span)}
        if not added:
            break
        holding |= added
        found = sorted(found + [line for line, shell in called if shell[len(PREFIX) :] in added])
    return holding


def _holds(lines: list[int], first: int, last: int) -> bool:
    """A piece's line lies between ``first`` and ``last`` (``lines`` sorted)."""
    at = bisect.bisect_left(lines, first)
    return at < len(lines) and lines[at] <= last
