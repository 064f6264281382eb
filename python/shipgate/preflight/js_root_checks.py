"""Blocks of a JavaScript install script that run only as root, written as the shell test that says so, so that a
root-only command inside one (``chown -R`` of the user's files when npm itself runs under sudo) is read as checked,
as the same command under ``if [ "$(id -u)" -eq 0 ]`` is in a shell script.

A block runs only as root when it is the body of an ``if`` whose condition is a root test, alone or as one side of
an ``&&`` (``if (!isWindows() && isSudo()) { … }``): ``process.getuid() === 0``/``process.geteuid() == 0``, or a
call of a function named for that test (``isRoot()``, ``isSudo()``, ``isRunningAsRoot()``; the name is the whole
claim, as Python's ``require_root()`` helper is in ``python_script``). A negated test (``!isRoot()``), an ``||``, or
the ``else`` branch is not such a block. Only a braced body over several lines is written (``if …; then :`` at the
``if``, ``fi`` at the closing brace), so the commands between keep their own lines."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import walk

Piece = tuple[int, str]
Node = tree_sitter.Node

ROOT_TEST = '[ "$(id -u)" -eq 0 ]'
_ROOT_HELPER = re.compile(r"(?:(?:is|am)_?(?:running_?)?|running_?)(?:as_?)?(?:root|sudo|super_?user)", re.IGNORECASE)
_UID_CALLS = frozenset({"process.getuid", "process.geteuid"})
_EQUALS = frozenset({"===", "=="})


def pieces(root: Node) -> list[Piece]:
    """``if [ "$(id -u)" -eq 0 ]; then :`` … ``fi`` around each block the script runs only as root."""
    out: list[Piece] = []
    for node in walk(root):
        if node.type != "if_statement":
            continue
        body = node.child_by_field_name("consequence")
        condition = node.child_by_field_name("condition")
        if body is None or body.type != "statement_block" or body.end_point[0] <= node.start_point[0]:
            continue
        if condition is not None and _root_only(condition):
            out += [(node.start_point[0] + 1, f"if {ROOT_TEST}; then :"), (body.end_point[0] + 1, "fi")]
    return out


def _root_only(condition: Node) -> bool:
    """The condition holds only for root: a root test, or an ``&&`` with one on either side."""
    while condition.type == "parenthesized_expression" and condition.named_children:
        condition = condition.named_children[0]
    if condition.type == "binary_expression" and _text(condition.child_by_field_name("operator")) == "&&":
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        return any(side is not None and _root_only(side) for side in (left, right))
    return _root_test(condition)


def _root_test(node: Node) -> bool:
    """``isSudo()``/``isRoot()``, or ``process.getuid() === 0`` (either side)."""
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        member = function is not None and function.type == "member_expression"
        name = _text(function.child_by_field_name("property")) if member and function else _text(function)
        return bool(_ROOT_HELPER.fullmatch(name))
    if node.type != "binary_expression" or _text(node.child_by_field_name("operator")) not in _EQUALS:
        return False
    sides = [node.child_by_field_name("left"), node.child_by_field_name("right")]
    texts = {_text(s) for s in sides}
    calls = [s for s in sides if s is not None and s.type == "call_expression"]
    return any(_text(s.child_by_field_name("function")) in _UID_CALLS for s in calls) and "0" in texts
