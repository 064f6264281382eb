"""Literal fallbacks in JavaScript and TypeScript program source: ``password: getFileEnv(basicAuthPassword) ||
'pass'``, ``const dbPassword = process.env.DB_PASSWORD ?? 'secret'``, ``config.password = process.env.PW || 'x'``.
Read through tree-sitter (the file is never run).

The right operand of ``||`` or ``??`` is what the program uses whenever the left one (an environment variable, a
secret file, an option read at run time) gives nothing: a string literal there is a default every copy of the
package shares, the JavaScript spelling of the shell's ``${DB_PASSWORD:-secret}`` (``preflight.default_credential``,
docs/preflight.md). The name is the object property, variable or member the expression is given to; the caller
decides which names are secrets and which values are placeholders. A left operand that is itself a literal is no
run-time value, and an empty string is no default."""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from shipgate.preflight.js_script import syntax_tree
from shipgate.preflight.shell.model import ParameterDefault
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import walk

_FALLBACKS = frozenset({"||", "??"})
_LITERALS = frozenset({"string", "template_string", "number", "true", "false", "null", "undefined"})


def _string(node: Node | None) -> str | None:
    """The text of a plain string literal (no ``${…}`` in a template)."""
    if node is None or node.type not in ("string", "template_string"):
        return None
    if any(child.type == "template_substitution" for child in node.children):
        return None
    return _text(node)[1:-1]


def _named(node: Node) -> str | None:
    """The property, variable or member ``node``'s value is given to: ``password: …``, ``const pw = …``,
    ``config.password = …``."""
    parent = node.parent
    if parent is None:
        return None
    if parent.type == "pair" and parent.child_by_field_name("value") == node:
        key = parent.child_by_field_name("key")
        return _string(key) if key is not None and key.type == "string" else _text(key)
    if parent.type == "variable_declarator" and parent.child_by_field_name("value") == node:
        return _text(parent.child_by_field_name("name"))
    if parent.type == "assignment_expression" and parent.child_by_field_name("right") == node:
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "member_expression":
            return _text(left.child_by_field_name("property"))
        return _text(left)
    return None


def js_env_defaults(path: str, source: str) -> Iterator[ParameterDefault]:
    """Each ``name: <run-time value> || 'literal'`` of ``source`` as the default it gives ``name``."""
    if "||" not in source and "??" not in source:
        return
    root = syntax_tree(path, source)
    if root is None:
        return
    for node in walk(root):
        if node.type != "binary_expression" or _text(node.child_by_field_name("operator")) not in _FALLBACKS:
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        default = _string(right)
        name = _named(node)
        if default and name and left is not None and left.type not in _LITERALS:
            yield ParameterDefault(name, default, node.start_point[0] + 1, _text(node))
