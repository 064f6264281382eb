"""Command lines a Go program runs through a client of the product's own, for ``go_script``: a value made by a
function of one of the product's internal packages (``client, err := remote.NewClient(host, …)``) or declared with
one of its types (``var client *remote.Client``), whose method named for running a command (``Run``, ``Exec``,
``RunCommand…``) is given one command line: ``client.Run("cd " + dir + " && docker compose pull")`` runs ``cd
${dir} && docker compose pull`` (on the host the client reaches, read as the program's, as Fabric's ``run`` is).

The line is a string literal, a ``+`` join of literals and names (a name is its shell variable), or a local name
bound once in the same function to such a join (``pullCmd := "cd " + p + " && docker compose pull"``); what ``+=``
appends later (a conditional option, a service name) is not read. Anything else is not read."""

from __future__ import annotations

import re
from collections.abc import Callable

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

MAX_PARTS = 64  # the operands of one ``+`` join read


def clients(nodes: list[Node], own: set[str], callee: Callable[[Node], tuple[str, str]]) -> set[str]:
    """The names bound to a value of the product's own packages: made by one of their functions, or declared with
    one of their types (``*remote.Client``)."""
    names: set[str] = set()
    for node in nodes:
        if node.type == "var_spec":
            kind = node.child_by_field_name("type")
            if kind is not None and kind.type == "pointer_type" and kind.named_children:
                kind = kind.named_children[0]
            package = kind.child_by_field_name("package") if kind is not None else None
            if kind is not None and kind.type == "qualified_type" and package is not None and _text(package) in own:
                names.update(_text(n) for n in node.children_by_field_name("name"))
        elif node.type in ("short_var_declaration", "assignment_statement"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            values = right.named_children if right is not None else []
            targets = left.named_children if left is not None else []
            made = len(values) == 1 and values[0].type == "call_expression" and callee(values[0])[0] in own
            if made and targets and targets[0].type == "identifier":
                names.add(_text(targets[0]))
    return names


def command_line(arg: Node) -> str | None:
    """The shell a client's run method is given: a join of literals and names, directly or through a local name
    bound once (by ``:=`` or ``=``) in the function around the call."""
    function = _enclosing(arg)
    if arg.type == "identifier" and function is not None:
        bound = _bound_once(_text(arg), function)
        return _joined(bound) if bound is not None else None
    return _joined(arg)


def _enclosing(node: Node) -> Node | None:
    """The function, method or function literal around ``node``."""
    current = node.parent
    for _ in range(256):
        if current is None or current.type in ("function_declaration", "method_declaration", "func_literal"):
            return current
        current = current.parent
    return None


def _bound_once(name: str, function: Node) -> Node | None:
    """The value ``name`` is bound to by the one plain assignment of it in ``function`` (``+=`` appends are not
    counted), or by its ``:=`` declaration when every other assignment is for another platform (``cmd := "go
    install …"`` then ``if runtime.GOOS == "windows" { cmd = "set … && go install …" }``: the line run on the
    Linux target); None when it is assigned more than once otherwise, or never."""
    found: list[Node] = []
    declared: list[Node] = []
    elsewhere = 0  # assignments for another platform
    stack = [function]
    for _ in range(100_000):
        if not stack:
            break
        node = stack.pop()
        if node.type in ("short_var_declaration", "assignment_statement"):
            operator = node.child_by_field_name("operator")
            if operator is None or _text(operator) in ("=", ":="):
                left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
                targets = [_text(t) for t in (left.named_children if left is not None else [])]
                values = right.named_children if right is not None else []
                if targets == [name] and len(values) == 1:
                    found.append(values[0])
                    declared += [values[0]] if node.type == "short_var_declaration" else []
                    elsewhere += node.type == "assignment_statement" and _other_platform(node, function)
        stack.extend(node.named_children)
    if len(found) == 1:
        return found[0]
    return declared[0] if len(declared) == 1 and elsewhere == len(found) - 1 else None


def _other_platform(node: Node, function: Node) -> bool:
    """``node`` lies in the body of an ``if runtime.GOOS == "windows"`` (another platform than the Linux target's)
    of ``function``: it never runs there."""
    current: Node | None = node.parent
    child = node
    while current is not None and current != function:
        if current.type == "if_statement" and child == current.child_by_field_name("consequence"):
            condition = current.child_by_field_name("condition")
            platform = _OTHER_PLATFORM.fullmatch(_text(condition).strip()) if condition is not None else None
            if platform is not None and platform.group(1) != "linux":
                return True
        child = current
        current = current.parent
    return False


_OTHER_PLATFORM = re.compile(r'runtime\.GOOS\s*==\s*"(\w+)"')


def _joined(node: Node) -> str | None:
    """A ``+`` join of string literals and names as shell text: literals as written, names as their variables."""
    parts: list[str] = []
    stack = [node]
    for _ in range(MAX_PARTS):
        if not stack:
            break
        current = stack.pop()
        if current.type == "binary_expression" and _operator(current) == "+":
            left, right = current.child_by_field_name("left"), current.child_by_field_name("right")
            if left is None or right is None:
                return None
            stack.extend([right, left])
        elif current.type == "interpreted_string_literal":
            parts.append("".join(_text(c) for c in current.named_children if c.type != "escape_sequence"))
        elif current.type == "raw_string_literal":
            parts.append(_text(current)[1:-1])
        elif current.type == "identifier":
            parts.append("${" + _text(current) + "}")
        else:
            return None
    if stack or not any(p.strip() for p in parts if not p.startswith("${")):
        return None  # past the bound, or no literal text: no command is written here
    return "".join(parts)


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return _text(operator) if operator is not None else ""
