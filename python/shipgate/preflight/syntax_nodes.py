"""The nodes of a program read through tree-sitter, in source order and bounded.

The install-program readers (PHP, Ruby) walk every node of a file once; a generated or hostile file can hold
millions, so the walk stops one node past the bound and the reader gives up on the file (it is then read as
text only, like any file no reader takes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import tree_sitter

MAX_NODES = 300_000


def node_text(node: tree_sitter.Node | None) -> str:
    """A node's source text (bytes the file could not decode kept as surrogates); empty for no node."""
    return (node.text or b"").decode("utf-8", "surrogateescape") if node is not None else ""


def quoted_text(node: tree_sitter.Node) -> str | None:
    """A string literal's value from its parts: its text pieces, and the escapes ``\\"`` and ``\\\\`` as the
    character they stand for; any other escape makes the value unknown (None). For the Go and Rust readers."""
    parts = []
    for child in node.named_children:
        if child.type == "escape_sequence":
            if node_text(child) not in ('\\"', "\\\\"):
                return None
            parts.append(node_text(child)[1])
        else:
            parts.append(node_text(child))
    return "".join(parts)


def walk(root: tree_sitter.Node, limit: int = MAX_NODES) -> Iterator[tree_sitter.Node]:
    """``root`` and the nodes under it, depth first in source order, at most ``limit + 1`` of them."""
    stack = [root]
    count = 0
    while stack and count <= limit:
        node = stack.pop()
        count += 1
        yield node
        stack.extend(reversed(node.children))


def named_nodes(root: tree_sitter.Node) -> list[tree_sitter.Node]:
    """``root`` and every named node under it, in source order (for readers that bound the file's size instead)."""
    out: list[tree_sitter.Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.named_children))
    return out


def identifiers(node: tree_sitter.Node) -> set[str]:
    """The identifiers written in ``node`` (its ``identifier`` nodes, at any depth)."""
    found: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            found.add(node_text(current))
        stack.extend(current.named_children)
    return found


def parsed_nodes(parser: tree_sitter.Parser, text: str, limit: int = MAX_NODES) -> list[tree_sitter.Node] | None:
    """Every node of ``text`` as ``parser`` reads it (the root first), or None when there are more than ``limit``."""
    root = parser.parse(text.encode("utf-8", "surrogateescape")).root_node
    nodes = list(walk(root, limit))
    return None if len(nodes) > limit else nodes


def only_shown_lines(strings: Iterable[tree_sitter.Node], shown: Callable[[tree_sitter.Node], bool]) -> set[int]:
    """Lines (1-based) whose URL strings are all ``shown``: each string of ``strings`` that holds ``://`` marks the
    lines it spans as shown or as a contact, and a line with a contact anywhere stays one (a request beside a
    message)."""
    shown_at: set[int] = set()
    contact: set[int] = set()
    for node in strings:
        if b"://" not in (node.text or b""):
            continue
        lines = set(range(node.start_point[0] + 1, node.end_point[0] + 2))
        (shown_at if shown(node) else contact).update(lines)
    return shown_at - contact


def parsed_shown_lines(
    parser: tree_sitter.Parser, text: str, strings: frozenset[str], shown: Callable[[tree_sitter.Node], bool]
) -> set[int]:
    """``only_shown_lines`` of the string nodes (of the types in ``strings``) of ``text`` as ``parser`` reads it; no
    lines when the file holds more nodes than the bound."""
    nodes = parsed_nodes(parser, text)
    if nodes is None:
        return set()
    return only_shown_lines((n for n in nodes if n.type in strings), shown)
