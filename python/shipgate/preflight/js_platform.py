"""A JavaScript install script's names bound to a choice on the platform: ``const pip = IS_WIN ?
path.join(VENV_DIR, "Scripts", "pip") : path.join(VENV_DIR, "bin", "pip")`` with ``const IS_WIN = process.platform
=== "win32"`` (holdout199's adelie ``postinstall.js``). The step runs on the target, a Linux host, where the test
is false: the name holds the other branch, so ``execSync(`"${pip}" install -r …`)`` runs the venv's ``bin/pip``.

A Windows test is ``process.platform`` or ``os.platform()`` compared with ``"win32"`` by ``===``/``==`` (the
branch after ``:``), or by ``!==``/``!=`` (the branch after ``?``), written in the condition or through a name
declared once as that comparison; also a name or member compared with ``"windows"``, the script's own name for the
platform. Any other condition (a feature test, an option) chooses nothing. The same tests choose the branch of an
``if`` the target runs (``windows_lines``: the lines of the other are not read)."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

_PLATFORM = frozenset({"process.platform", "os.platform()", "require('os').platform()", 'require("os").platform()'})
_WINDOWS = frozenset({'"win32"', "'win32'"})
# The name a script's own platform map gives Windows (Go's and Rust's name for it, never Node's ``process.platform``):
# a name compared with it holds the platform the script runs on (``const { os } = getPlatform()`` over
# ``{ win32: "windows" }``, holdout233's notion-cli).
_WINDOWS_NAMES = frozenset({'"windows"', "'windows'"})
_EQUALITY = {"===": True, "==": True, "!==": False, "!=": False}  # whether the test holds on Windows


def _windows_test(node: Node, declared: dict[str, Node]) -> bool | None:
    """True for a test that holds on Windows only, False for its negation, None for any other condition."""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node.type == "identifier":
        bound = declared.get(_text(node))
        return _windows_test(bound, {}) if bound is not None and bound.type != "identifier" else None
    if node.type != "binary_expression":
        return None
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    operator = node.child_by_field_name("operator")
    if left is None or right is None or operator is None:
        return None
    sides = {_text(left).replace(" ", ""), _text(right).replace(" ", "")}
    named = bool(sides & _WINDOWS_NAMES) and any(s.type in ("identifier", "member_expression") for s in (left, right))
    if not (sides & _PLATFORM and sides & _WINDOWS) and not named:
        return None
    return _EQUALITY.get(_text(operator))


def windows_lines(root: Node, declared: dict[str, Node]) -> set[int]:
    """Lines of the blocks an ``if`` runs only on Windows: its consequence on a Windows test, its ``else`` on the
    test's negation (``if (os === "windows") { …unzip… } else { …tar… }``: the target runs the ``else``)."""
    lines: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        condition = node.child_by_field_name("condition") if node.type == "if_statement" else None
        windows = _windows_test(condition, declared) if condition is not None else None
        branch = node.child_by_field_name("consequence" if windows else "alternative") if windows is not None else None
        if branch is not None:
            lines.update(range(branch.start_point[0] + 1, branch.end_point[0] + 2))
    return lines


def posix_branches(declared: dict[str, Node]) -> dict[str, Node]:
    """Names declared once as a ternary on a Windows test -> the branch a Linux target takes."""
    chosen: dict[str, Node] = {}
    for name, value in declared.items():
        if value.type != "ternary_expression":
            continue
        condition = value.child_by_field_name("condition")
        windows = _windows_test(condition, declared) if condition is not None else None
        if windows is None:
            continue
        branch = value.child_by_field_name("alternative" if windows else "consequence")
        if branch is not None:
            chosen[name] = branch
    return chosen
