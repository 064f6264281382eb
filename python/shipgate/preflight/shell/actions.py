"""The package-manager action a branch of a maintainer script runs under, from an ``if`` test of ``$1``.

dpkg and rpm call a maintainer script with the action as its first argument (``configure``, ``upgrade``,
``remove``, ``purge``…); debhelper's snippets and most hand-written scripts branch on it with ``case "$1" in``
(read by the reader as ``case:`` conditions) or with a test: ``if [ "$1" = "purge" ]``, ``if [ -z
"${DPKG_ROOT:-}" ] && [ "$1" = "purge" ]``, ``if [ "$1" = remove ] || [ "$1" = purge ]``, ``if test "$1" =
purge``. :func:`action_conditions` gives such a test's words as the same ``case:WORD`` conditions, so what runs
only on removal is known whichever way it is written."""

from __future__ import annotations

import re

from tree_sitter import Node

from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.words import text

_FIRST_ARGUMENT = re.compile(r"""^["']?\$(?:1|\{1\})["']?$""")
_ACTION = re.compile(r"""^["']?([a-z][\w-]*)["']?$""")
_MAX_DEPTH = 16


def _comparison(left: str, operator: str, right: str) -> frozenset[str] | None:
    if operator not in ("=", "=="):
        return None
    for subject, value in ((left, right), (right, left)):
        m = _ACTION.match(value)
        if _FIRST_ARGUMENT.match(subject) and m:
            return frozenset({m.group(1)})
    return None


def _words(node: Node, depth: int = 0) -> frozenset[str] | None:
    """The actions under which ``node`` (a condition) holds, or None when it does not constrain ``$1``."""
    if depth > _MAX_DEPTH:
        return None
    kind, named = node.type, node.named_children
    if kind == "list":
        operators = {c.type for c in node.children if not c.is_named}
        parts = [_words(c, depth + 1) for c in named]
        if operators == {"||"}:
            return frozenset().union(*parts) if all(p is not None for p in parts) else None  # type: ignore[arg-type]
        known = [p for p in parts if p is not None]
        return frozenset.intersection(*known) if operators == {"&&"} and known else None
    if kind in ("test_command", "redirected_statement") and named:
        return _words(named[0], depth + 1)
    if kind == "binary_expression" and len(node.children) == 3:
        left, operator, right = (text(c) for c in node.children)
        return _comparison(left, operator, right)
    if kind == "command" and len(named) == 4 and text(named[0]) in ("test", "["):
        return _comparison(text(named[1]), text(named[2]), text(named[3]))
    return None


def action_conditions(conds: list[Node]) -> tuple[str, ...]:
    """``case:ACTION`` for each action an ``if`` condition lets its branch run under (empty: not a test of $1)."""
    named = [c for c in conds if c.is_named]
    if len(named) != 1:
        return ()
    words = _words(named[0])
    return tuple(f"case:{w}" for w in sorted(words)[:8]) if words else ()


# The actions dpkg/rpm call a maintainer script with only when the package goes away, never on an upgrade.
_REMOVAL = frozenset({"remove", "purge", "disappear", "0"})  # rpm's %preun/%postun get 0 on erase


def on_removal_only(command: Command) -> bool:
    """Under ``case "$1" in purge)`` / ``if [ "$1" = "remove" ]``: it runs when the package is removed."""
    actions = {c[5:].strip("\"')") for c in command.conditions if c.startswith("case:")}
    return bool(actions) and actions <= _REMOVAL
