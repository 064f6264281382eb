"""A Ruby script's check that it runs as root, written as the shell check that does the same.

A top-level ``if``/``unless`` (or its modifier form) whose condition is false for root and whose branch exits
(``exit``, ``exit!``, ``abort``) ends the script unless it runs as root: ``abort "run as root" unless
Process.euid.zero?``, ``unless Process.uid == 0 … exit 1 end``, ``if not (Process.uid == 0 or
File.stat(base).owned?) … exit end``, ``if Process.uid != 0 … exit (false) end`` (the uid compared unequal to 0 as
the whole condition: holdout187). The one before last lets the installation's owner through as well; an updater
that checks so states who it must run as, and its root-only commands are not run unawares (``implicit_privilege``).
Read by ``shipgate.preflight.ruby_script`` as ``[ "$(id -u)" -ne 0 ] && exit 1`` at the check's line. A check
that exits for root (``exit if Process.uid == 0``), a uid test with no exit, or ``!= 0`` as one operand of a longer
condition is not one (docs/preflight.md, "Install programs in other languages")."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

ROOT_CHECK = '[ "$(id -u)" -ne 0 ] && exit 1'
_UID = r"\bProcess(?:\.|::)(?:e?uid|UID\.eid)"
_IS_ROOT = re.compile(_UID + r"\s*(?:==\s*0\b|\.zero\?)")
# The comparison alone that is true for every account but root (``if Process.uid != 0``: holdout187's pamela)
_NOT_ROOT = re.compile(_UID + r"\s*(?:!=\s*0|>\s*0|\.nonzero\?)")
_EXITS = frozenset({"exit", "exit!", "abort"})
_NEGATED = frozenset({"unless", "unless_modifier"})


def _bare(node: Node) -> Node:
    while node.type == "parenthesized_statements" and node.named_child_count == 1:
        node = node.named_children[0]
    return node


def _not(condition: Node) -> Node | None:
    """The operand of ``not x`` / ``!x`` (parentheses taken off), else None."""
    if condition.type != "unary" or condition.child_count < 2 or _text(condition.children[0]) not in ("not", "!"):
        return None
    return _bare(condition.children[-1])


def _false_for_root(node: Node, condition: Node) -> bool:
    """The condition holds for every account but root: a root test under ``unless`` or ``not``, or under ``if`` the
    uid compared unequal to (or above) 0 as the whole condition."""
    if node.type in _NEGATED:
        return bool(_IS_ROOT.search(_text(condition)))
    tested = _not(condition)
    if tested is not None:
        return bool(_IS_ROOT.search(_text(tested)))
    return bool(_NOT_ROOT.fullmatch(_text(_bare(condition)).strip()))


def _exits(body: Node | None) -> bool:
    stack = [body] if body is not None else []
    while stack:
        node = stack.pop()
        if node.type in ("call", "identifier") and _text(node.child_by_field_name("method") or node) in _EXITS:
            return True
        stack.extend(node.named_children)
    return False


def root_check_lines(nodes: list[Node]) -> list[int]:
    """The lines of the top-level statements that exit unless the script runs as root."""
    found = []
    for node in nodes:
        if node.type not in ("if", "unless", "if_modifier", "unless_modifier") or node.parent is None:
            continue
        if node.parent.type != "program":
            continue
        condition = node.child_by_field_name("condition")
        if condition is None or not _false_for_root(node, condition):
            continue
        body = node.child_by_field_name("body" if node.type.endswith("_modifier") else "consequence")
        if _exits(body):
            found.append(node.start_point[0] + 1)
    return found
