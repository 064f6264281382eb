"""The tests an ``&&`` list of tests makes all hold: ``[[ -n "$d" ]] && [[ -d "$d" ]]`` as an ``if`` condition.

Every test of a list joined only by ``&&`` holds when the list does, so what one of them guarantees (``$d`` names
an existing path) holds under the branch (hold-out set 198's backupd uninstall). A list with an ``||`` anywhere
guarantees none of its parts: it is returned whole, as one condition that matches no single-test pattern."""

from __future__ import annotations

from tree_sitter import Node

_MAX_TESTS = 16  # tests read of one list; a longer one is left whole


def conjuncts(node: Node) -> list[Node]:
    """The parts of ``a && b && c`` (tree-sitter nests it to the left), or ``[node]`` when it is no such list."""
    parts: list[Node] = []
    pending = [node]
    while pending and len(parts) <= _MAX_TESTS:
        current = pending.pop()
        if current.type != "list":
            parts.append(current)
            continue
        if any(not c.is_named and c.type != "&&" for c in current.children):
            return [node]
        pending.extend(reversed(current.named_children))
    return [node] if pending else parts
