"""The straight-line block a command or an assignment is written in: the innermost branch of the script around it
(a ``case`` item, an ``if``'s ``then`` part, an ``elif`` or ``else`` part, a loop body, a ``{ … }`` group, a
subshell, a function body).

Two statements of the same block run together and in order: when the latest assignment of a variable above a
command is in the command's own block, that assignment is the value the command sees (openstack-pkg-tools writes
``SQL_CONNECTION="sqlite:///…"`` then echoes it in its ``*)`` case item, where the PostgreSQL item's password is
not in the value). An assignment in another block (an earlier ``case`` item, the ``then`` part of an ``if`` the
command follows) may or may not be the one that ran, so readers that need certainty take every assignment."""

from __future__ import annotations

from tree_sitter import Node

# Node types of tree-sitter-bash that open a block; ``if_statement`` holds its condition and ``then`` part.
_BLOCKS = frozenset(
    {
        "case_item",
        "if_statement",
        "elif_clause",
        "else_clause",
        "do_group",
        "compound_statement",
        "subshell",
        "function_definition",
        "program",
    }
)
_MAX_HOPS = 64


def enclosing_block(node: Node, offset: int) -> tuple[int, int, int] | None:
    """``(offset, start byte, end byte)`` of the innermost block around ``node`` (``offset``: the lines before a
    text read as a script of its own, so blocks of two heredocs differ); None when it is not found within the
    bound. The end says which blocks hold which (``within``)."""
    current = node.parent
    hops = 0
    while current is not None and hops < _MAX_HOPS:
        if current.type in _BLOCKS:
            return (offset, current.start_byte, current.end_byte)
        current = current.parent
        hops += 1
    return None


def within(inner: tuple[int, int, int] | None, outer: tuple[int, int, int] | None) -> bool:
    """Whether the block ``inner`` is ``outer`` or nested in it (of the same text); False when either is unknown."""
    if inner is None or outer is None:
        return False
    return inner[0] == outer[0] and outer[1] <= inner[1] and inner[2] <= outer[2]
