"""Chef recipes read with tree-sitter's Ruby grammar: each resource (a call with a ``do … end`` block, or a bare
``package 'x'``) with the attributes its block sets, and the local variables set to strings. String
interpolation (``#{name}``) is a reference to the local variable, anything else (``#{node['x']}``) an unknown
value; a heredoc argument (``code <<-EOH``) is its body, at the body's first line."""

from __future__ import annotations

import re

import tree_sitter
import tree_sitter_ruby

from shipgate.preflight.config_management.model import (
    Assignment,
    Declared,
    Part,
    Ref,
    Resource,
    Value,
    syntax_nodes,
)

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_ruby.language()))
# A recipe names resources as calls; these are the ones whose attributes matter to the checks (others are read
# too when they have a block, for their ``command``/``source``/``content``).
_BARE_RESOURCES = frozenset({"execute", "bash", "script", "package", "apt_package", "yum_package", "dnf_package"})
# Chef's recipe DSL: a file is a recipe when it declares one of these (Homebrew formulae and Rails code do not).
_RECIPE = re.compile(
    r"^\s*(?:execute|bash|remote_file|cookbook_file|template|apt_repository|yum_repository|apt_package|"
    r"selinux_state|archive_file|include_recipe|directory|service|systemd_unit)\b[^\n]*\bdo\s*(?:\|[^|]*\|)?\s*$"
    r"|^\s*include_recipe\s",
    re.M,
)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "#": "#", "$": "$"}


def is_recipe(path: str, text: str) -> bool:
    return path.endswith(".rb") and bool(_RECIPE.search(text))


def read_recipe(text: str) -> Declared:
    tree = _PARSER.parse(text.encode("utf-8", "surrogateescape"))
    declared = Declared()
    for node in syntax_nodes(tree.root_node):
        if node.type == "assignment":
            _assignment(node, declared)
        elif node.type == "call" and _is_resource(node):
            declared.resources.append(_resource(node))
    declared.resources.sort(key=lambda r: r.line)
    return declared


def _name(call: tree_sitter.Node) -> str | None:
    if call.child_count and call.children[0].type == "identifier":
        return _text(call.children[0])
    return None


def _is_resource(call: tree_sitter.Node) -> bool:
    name = _name(call)
    if name is None:
        return False
    block = next((c for c in call.children if c.type in ("do_block", "block")), None)
    return block is not None or name in _BARE_RESOURCES


def _resource(call: tree_sitter.Node) -> Resource:
    args = next((c for c in call.children if c.type == "argument_list"), None)
    title = _value(args.named_children[0]) if args is not None and args.named_children else None
    attributes: dict[str, Value] = {}
    block = next((c for c in call.children if c.type in ("do_block", "block")), None)
    body = next((c for c in block.children if c.type in ("body_statement", "block_body")), None) if block else None
    for statement in body.named_children if body is not None else ():
        inner = statement.named_children[0] if statement.type in ("if_modifier", "unless_modifier") else statement
        if inner.type == "call" and inner.child_count >= 2 and _name(inner) is not None:
            attr_args = next((c for c in inner.children if c.type == "argument_list"), None)
            if attr_args is not None and attr_args.named_children:
                value = _value(attr_args.named_children[0], statement)
                if value is not None:
                    attributes.setdefault(_name(inner) or "", value)
    return Resource(_name(call) or "", title, call.start_point[0] + 1, attributes)


def _assignment(node: tree_sitter.Node, declared: Declared) -> None:
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None or left.type != "identifier":
        return
    # A string is its text; anything else (a node attribute, a method's result) is a value the file does not show.
    value = _value(right) if right.type == "string" else Value((Ref(None),), right.start_point[0] + 1)
    if value is not None:
        declared.assignments.append(Assignment(_text(left), value))


def _value(node: tree_sitter.Node, holder: tree_sitter.Node | None = None) -> Value | None:
    """A string (with interpolation), symbol, number or heredoc as a Value; other expressions as an unknown."""
    line = node.start_point[0] + 1
    if node.type == "string":
        return Value(tuple(_parts(node)), line)
    if node.type == "heredoc_beginning":
        body = _heredoc_body(holder or node)
        if body is not None:
            parts = _parts(body)
            if parts and isinstance(parts[0], str):
                parts[0] = parts[0].removeprefix("\n")
            return Value(tuple(parts), line + 1)
    if node.type == "array":  # ``action [:stop, :disable]``: the elements' text, space-separated
        return Value((" ".join(_text(c) for c in node.named_children if c.type in ("simple_symbol", "string")),), line)
    if node.type in ("simple_symbol", "integer", "true", "false", "identifier", "constant"):
        return Value((_text(node),), line) if node.type != "identifier" else Value((Ref(_text(node)),), line)
    return Value((Ref(None),), line)


def _heredoc_body(holder: tree_sitter.Node) -> tree_sitter.Node | None:
    """The body of the heredoc a statement opens: the ``heredoc_body`` after it, at the same level."""
    sibling = holder.next_sibling
    while sibling is not None and sibling.type != "heredoc_body":
        if sibling.type not in ("\n", "comment"):
            break
        sibling = sibling.next_sibling
    if sibling is None:
        found = [c for c in holder.children if c.type == "heredoc_body"]
        return found[0] if found else None
    return sibling if sibling.type == "heredoc_body" else None


def _parts(node: tree_sitter.Node) -> list[Part]:
    parts: list[Part] = []
    single = _text(node).startswith("'")  # Ruby's single quotes know two escapes only: \' and \\
    for child in node.children:
        if child.type in ("string_content", "heredoc_content"):
            text = _text(child)
            parts.append(re.sub(r"\\([\\'])", r"\1", text) if single else text)
        elif child.type == "escape_sequence":
            text = _text(child)
            parts.append(_ESCAPES.get(text[1:2], text) if len(text) == 2 else text)
        elif child.type == "interpolation":
            inner = child.named_children
            parts.append(Ref(_text(inner[0])) if len(inner) == 1 and inner[0].type == "identifier" else Ref(None))
    return parts


def _text(node: tree_sitter.Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape")
