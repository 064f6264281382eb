"""Checks a run skips only when another one ran. An installer that verifies with whichever file the release
publishes (``if fetch SUMS; then have_sha=1; … [ "$expected" = "$actual" ] || die; else info "no sums"; fi``, ``if
fetch SIG; then have_sig=1; minisign -V … || die; fi``) and then refuses to go on when none did (``if [ "$have_sha"
-eq 0 ] && [ "$have_sig" -eq 0 ]; then die "refusing to install"; fi``: vix's installer, holdout182) skips each
check only in a run where another one was made. The reader records the branches that raise a flag
(``flags_raised``) and the tests that stop the run while every flag of theirs is down (``lowered_flags`` with
``runs``); shell.fail_open reads a check in such a branch, before such a stop, as one the run cannot go past
unchecked."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tree_sitter import Node

from shipgate.preflight.shell.words import text

# A flag raised: ``have_sha=1``, ``found=true``, ``ok=yes`` (a literal that is not a ``0``, ``false`` or empty).
_RAISED = re.compile(r"([A-Za-z_]\w*)=[\"']?(?:[1-9]\d*|true|yes)[\"']?")
# A test that the flag is down: ``[ "$have_sha" -eq 0 ]``, ``[ "$f" = "0" ]``, ``[[ $f == 0 ]]``, ``[ -z "$f" ]``,
# ``[ "$f" != 1 ]`` and ``[ "$f" = false ]``.
_DOWN = re.compile(
    r"""\[\[?\s+(?:-z\s+"?\$\{?(?P<empty>[A-Za-z_]\w*)\}?"?|"?\$\{?(?P<name>[A-Za-z_]\w*)\}?"?\s+"""
    r"""(?:(?:-eq|==?)\s+["']?(?:0|false|no)["']?|(?:-ne|!=)\s+["']?(?:1|true|yes)["']?))\s+\]\]?"""
)
_MAX_NODES = 64


def flags_raised(statements: Iterable[Node]) -> list[tuple[str, Node]]:
    """The flags a branch's own statements raise (not those of statements nested in it), with their nodes."""
    raised = []
    for node in statements:
        if node.type == "variable_assignment" and (m := _RAISED.fullmatch(text(node))):
            raised.append((m.group(1), node))
    return raised


def lowered_flags(conditions: list[Node]) -> frozenset[str]:
    """The flags an ``if``'s condition asks all to be down: one such test, or several joined by ``&&`` (the branch
    runs only when every one is down); empty for anything else (``||``, another test, a command)."""
    stack = [c for c in conditions if c.is_named]
    flags: set[str] = set()
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.type == "list":
            if any(c.type == "||" for c in node.children):
                return frozenset()
            stack.extend(c for c in node.named_children)
        elif node.type == "test_command" and (m := _DOWN.fullmatch(text(node))):
            flags.add(m.group("empty") or m.group("name"))
        elif node.type != "comment":
            return frozenset()
    return frozenset(flags) if not stack else frozenset()


def runs(statements: Iterable[Node]) -> tuple[str, ...]:
    """The names of the commands a branch's own statements run (``die``, ``exit``), also right of ``&&``/``||``."""
    names: list[str] = []
    stack = list(statements)
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.type == "command" and (name := node.child_by_field_name("name")) is not None:
            names.append(text(name))
        elif node.type in ("list", "redirected_statement", "compound_statement"):
            stack.extend(node.named_children)
    return tuple(names)
