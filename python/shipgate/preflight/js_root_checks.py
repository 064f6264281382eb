"""Blocks of a JavaScript install script that run only as root, written as the shell test that says so, so that a
root-only command inside one (``chown -R`` of the user's files when npm itself runs under sudo) is read as checked,
as the same command under ``if [ "$(id -u)" -eq 0 ]`` is in a shell script.

A block runs only as root when it is the body of an ``if`` whose condition is a root test, alone or as one side of
an ``&&`` (``if (!isWindows() && isSudo()) { … }``): ``process.getuid() === 0``/``process.geteuid() == 0`` (also
through a variable bound to that call, ``const uid = process.getuid(); … uid === 0``), or a call of a function
named for that test (``isRoot()``, ``isSudo()``, ``isRunningAsRoot()``; the name is the whole claim, as Python's
``require_root()`` helper is in ``python_script``) or of a function of the file that returns a root test
(``function isGlobalInstallRoot() { return npmGlobal === "true" && uid === 0; }``). A negated test (``!isRoot()``),
an ``||``, or the ``else`` branch is not such a block. Only a braced body over several lines is written (``if …;
then :`` at the ``if``, ``fi`` at the closing brace), so the commands between keep their own lines.

An early leave is the same check written the other way round: ``if (!isRoot()) return;`` (or ``throw``, or
``process.exit(…)``), also as one side of an ``||`` (``if (!linux || !isRoot()) return``), leaves the enclosing block
unless the process is root, so the statements after it in that block run only as root: ``if …; then :`` at the
``if`` and ``fi`` at the block's end (docs/preflight.md, JavaScript install scripts)."""

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
_DIFFERS = frozenset({"!==", "!="})
_LEAVES = frozenset({"return_statement", "throw_statement"})
_EXITS = frozenset({"process.exit", "process.abort"})
_FUNCTIONS = frozenset({"function_declaration", "arrow_function", "function_expression", "function"})


def pieces(root: Node) -> list[Piece]:
    """``if [ "$(id -u)" -eq 0 ]; then :`` … ``fi`` around each block the script runs only as root."""
    checks = _RootChecks(root)
    out: list[Piece] = []
    for node in walk(root):
        condition = node.child_by_field_name("condition") if node.type == "if_statement" else None
        if condition is None:
            continue
        body = node.child_by_field_name("consequence")
        if _multi_line_block(node, body) and checks.root_only(condition):
            assert body is not None
            out += [(node.start_point[0] + 1, f"if {ROOT_TEST}; then :"), (body.end_point[0] + 1, "fi")]
        elif node.child_by_field_name("alternative") is None and _leaves(body) and checks.not_root(condition):
            end = _rest_end(node)
            out += [(node.start_point[0] + 1, f"if {ROOT_TEST}; then :"), (end, "fi")] if end else []
    return out


def _multi_line_block(node: Node, body: Node | None) -> bool:
    return body is not None and body.type == "statement_block" and body.end_point[0] > node.start_point[0]


def _leaves(body: Node | None) -> bool:
    """The ``if``'s body ends by leaving: ``return``, ``throw`` or ``process.exit(…)``, braced or not (a message
    printed before it is allowed)."""
    if body is not None and body.type == "statement_block" and body.named_children:
        body = body.named_children[-1]
    if body is None:
        return False
    if body.type in _LEAVES:
        return True
    call = body.named_children[0] if body.type == "expression_statement" and body.named_children else None
    return call is not None and call.type == "call_expression" and _text(call.child_by_field_name("function")) in _EXITS


def _rest_end(node: Node) -> int | None:
    """The last line of the block an early leave at ``node`` guards (None when nothing follows it there)."""
    parent = node.parent
    if parent is None or parent.type not in ("statement_block", "program") or node.next_named_sibling is None:
        return None
    last = parent if parent.type == "statement_block" else parent.named_children[-1]
    return last.end_point[0] + 1


class _RootChecks:
    """Root tests of one file: the uid comparisons, the helpers named for the test, and the file's functions that
    return one."""

    def __init__(self, root: Node) -> None:
        self.uid_names = {
            _text(name)
            for node in walk(root)
            if node.type == "variable_declarator"
            for name, value in [(node.child_by_field_name("name"), node.child_by_field_name("value"))]
            if name is not None and name.type == "identifier" and value is not None and _calls_uid(value)
        }
        self.helpers: set[str] = set()
        for name, function in _functions(root):
            if self._returns_root_test(function):
                self.helpers.add(name)

    def root_only(self, condition: Node) -> bool:
        """The condition holds only for root: a root test, or an ``&&`` with one on either side."""
        condition = _unwrapped(condition)
        if condition.type == "binary_expression" and _text(condition.child_by_field_name("operator")) == "&&":
            left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
            return any(side is not None and self.root_only(side) for side in (left, right))
        return self._root_test(condition)

    def not_root(self, condition: Node) -> bool:
        """The condition holds whenever the process is not root: a negated root test (``!isRoot()``,
        ``process.getuid() !== 0``), or an ``||`` with one on either side."""
        condition = _unwrapped(condition)
        operator = _text(condition.child_by_field_name("operator"))
        if condition.type == "unary_expression" and operator == "!":
            argument = condition.child_by_field_name("argument")
            return argument is not None and self.root_only(argument)
        if condition.type == "binary_expression" and operator == "||":
            left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
            return any(side is not None and self.not_root(side) for side in (left, right))
        return condition.type == "binary_expression" and operator in _DIFFERS and self._uid_against_zero(condition)

    def _root_test(self, node: Node) -> bool:
        """``isSudo()``/``isRoot()`` or a helper of the file returning a root test, or ``uid === 0`` (either side)."""
        if node.type == "call_expression":
            function = node.child_by_field_name("function")
            member = function is not None and function.type == "member_expression"
            name = _text(function.child_by_field_name("property")) if member and function else _text(function)
            return bool(_ROOT_HELPER.fullmatch(name)) or name in self.helpers
        if node.type != "binary_expression" or _text(node.child_by_field_name("operator")) not in _EQUALS:
            return False
        return self._uid_against_zero(node)

    def _uid_against_zero(self, node: Node) -> bool:
        sides = [node.child_by_field_name("left"), node.child_by_field_name("right")]
        uid = any(
            s is not None and (_text(s) in self.uid_names or (s.type == "call_expression" and _calls_uid(s)))
            for s in sides
        )
        return uid and "0" in {_text(s) for s in sides}

    def _returns_root_test(self, function: Node) -> bool:
        """Every ``return`` directly in the body gives ``false`` or a root test, and one gives a root test (an
        arrow function's expression body is its one return)."""
        body = function.child_by_field_name("body")
        if body is None:
            return False
        if body.type != "statement_block":
            return self.root_only(body)
        returns = [r for r in body.named_children if r.type == "return_statement" and r.named_children]
        returned = [r.named_children[0] for r in returns]
        tests = [value for value in returned if _text(value) != "false"]
        return bool(tests) and all(self.root_only(value) for value in tests)


def _functions(root: Node) -> list[tuple[str, Node]]:
    """(name, function) of the file's named functions: declarations and functions bound to a name."""
    out: list[tuple[str, Node]] = []
    for node in walk(root):
        if node.type == "function_declaration":
            name = node.child_by_field_name("name")
            out += [(_text(name), node)] if name is not None else []
        elif node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None and value.type in _FUNCTIONS:
                out.append((_text(name), value))
    return out


def _calls_uid(node: Node) -> bool:
    return any(
        n.type == "call_expression" and _text(n.child_by_field_name("function")) in _UID_CALLS for n in walk(node)
    )


def _unwrapped(node: Node) -> Node:
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node
