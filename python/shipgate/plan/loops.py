"""Two facts about a shell script that preflight's parsed commands do not carry, read here by the same parser
(tree-sitter-bash): the lines of loops and groups whose standard input is a file, heredoc, here-string or pipe
(``while read l; do …; done < list`` — the ``read`` there reads the list, not the terminal; preflight gives an
input redirection only to the command it is written on), and the lines of ``select`` menus (a compound statement
preflight walks through without recording it). Bounded: at most ``MAX_NODES`` syntax nodes per script.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import tree_sitter_bash
from tree_sitter import Language, Node, Parser

MAX_NODES = 1_000_000
_LANGUAGE = Language(tree_sitter_bash.language())
_COMPOUND = frozenset({"while_statement", "until_statement", "for_statement", "compound_statement", "subshell",
                       "if_statement", "case_statement"})
_INPUT_OPS = frozenset({"<", "<<", "<<-", "<<<", "<&"})


@functools.cache
def _parser() -> Parser:
    return Parser(_LANGUAGE)


@dataclass(frozen=True)
class StdinFacts:
    fed: frozenset[int] = frozenset()
    """Lines inside a loop or group whose standard input is not the terminal."""
    menus: tuple[int, ...] = ()
    """Lines of ``select`` menus whose input is the terminal."""


def _lines(node: Node) -> range:
    return range(node.start_point[0] + 1, node.end_point[0] + 2)


def _input_redirect(node: Node) -> bool:
    for r in node.children_by_field_name("redirect") or [c for c in node.named_children if c.type.endswith("redirect")]:
        op = next(((c.text or b"").decode(errors="replace") for c in r.children if not c.is_named), "")
        target = r.child_by_field_name("destination") or next((c for c in r.named_children), None)
        to_tty = target is not None and (target.text or b"").strip(b"\"'") == b"/dev/tty"
        if (r.type in ("heredoc_redirect", "herestring_redirect") or op in _INPUT_OPS) and not to_tty:
            return True
    return False


def _fed(node: Node) -> bool:
    """Whether a compound statement reads something else than the terminal."""
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "redirected_statement" and parent.child_by_field_name("body") == node:
        return _input_redirect(parent)
    return parent.type == "pipeline" and parent.named_children[0] != node


def stdin_facts(source: bytes) -> StdinFacts:
    tree = _parser().parse(source)
    fed: set[int] = set()
    menus: list[int] = []
    stack, seen = [tree.root_node], 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.type in _COMPOUND and _fed(node):
            fed.update(_lines(node))
        elif node.type == "for_statement" and node.children and node.children[0].type == "select" and (
            node.start_point[0] + 1 not in fed
        ):
            menus.append(node.start_point[0] + 1)
        stack.extend(reversed(node.named_children))
    return StdinFacts(fed=frozenset(fed), menus=tuple(menus))
