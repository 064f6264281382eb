"""URLs a Python function keeps in a local name only to match text against: a pattern, not an address.

``prefix = "https://teams.microsoft.com/l/channel/"``, then ``if channel_id.startswith(prefix): return
unquote(channel_id.replace(prefix, "")…)``: the start of a link a user pastes, compared and cut off; nothing
requests it. The literal given to the method itself (``.startswith("https://…")``) is read by
``distributed.shown_or_named``; this is the same argument through a local name. A name assigned anything else, or
with one other use (``requests.get(prefix + path)``, ``return prefix``, ``replace(old, prefix)``), stays an address.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable

# string methods whose first argument is the text matched, cut off or replaced
_MATCHING = frozenset(
    {
        "startswith",
        "endswith",
        "removeprefix",
        "removesuffix",
        "replace",
        "find",
        "rfind",
        "index",
        "rindex",
        "count",
        "split",
        "rsplit",
        "partition",
        "rpartition",
    }
)


def matched_pattern_lines(nodes: Iterable[ast.AST]) -> set[int]:
    """The lines of URL literals bound to a function's local name whose every use is a string method's pattern."""
    lines: set[int] = set()
    for node in nodes:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines |= _function_patterns(node)
    return lines


def _function_patterns(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[int]:
    urls: dict[str, list[int]] = {}
    other: set[str] = set()  # names also given another value
    loads: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and _url_literal(node.value):
                    urls.setdefault(target.id, []).append(node.value.lineno)
                elif isinstance(target, ast.Name):
                    other.add(target.id)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign) and isinstance(node.target, ast.Name):
            other.add(node.target.id)
        elif isinstance(node, ast.Call) and _matches(node):
            matched[node.args[0].id] += 1  # type: ignore[attr-defined]  # checked by _matches
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            loads[node.id] += 1
    return {
        line
        for name, found in urls.items()
        if name not in other and loads[name] and matched[name] == loads[name]
        for line in found
    }


def _url_literal(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and isinstance(value.value, str) and "://" in value.value


def _matches(call: ast.Call) -> bool:
    """``text.startswith(name)``: a string method given a local name as the pattern."""
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in _MATCHING
        and bool(call.args)
        and isinstance(call.args[0], ast.Name)
    )
