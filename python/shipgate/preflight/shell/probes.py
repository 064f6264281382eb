"""Tests of the machine's own programs: ``command -v sha256sum``, ``which shasum``, ``type gpg``, ``hash curl``
(alone, negated or joined with ``&&``/``||``, their output sent anywhere). A branch such a test chooses is chosen
by what is installed on the target, not by anything a server sends; shell.fail_open reads a check made in such a
branch as made (docs/preflight.md, ``unverified_download_exec``)."""

from __future__ import annotations

from tree_sitter import Node

from shipgate.preflight.shell.words import text

_PROBES = frozenset({"which", "type", "hash"})
_MAX_NODES = 64


def _probe(command: Node) -> bool:
    name = command.child_by_field_name("name")
    args = [text(a) for a in command.children_by_field_name("argument")]
    word = text(name) if name is not None else ""
    if word == "command":
        return bool(args) and args[0] in ("-v", "-V") and len(args) >= 2
    return word in _PROBES and bool(args)


def tool_probe(conditions: list[Node]) -> bool:
    """Whether every test in an ``if``'s or ``elif``'s conditions asks only whether a program is installed."""
    stack = [c for c in conditions if c.is_named]
    seen = 0
    found = False
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.type == "command":
            if not _probe(node):
                return False
            found = True
        elif node.type in ("list", "negated_command", "redirected_statement"):
            stack.extend(c for c in node.named_children if c.type not in ("file_redirect", "heredoc_redirect"))
        elif node.type not in ("comment",):
            return False
    return found and not stack
