"""Puppet manifests read with tree-sitter's Puppet grammar: each resource declaration (every title and body of
it) with its attributes, and the variables the manifest sets (class parameters' defaults, ``$x = …``). In a
double-quoted string ``$name``/``${name}`` is a reference to the variable; a qualified one (``$::fact``,
``${module::var}``) is a value the manifest does not show. What the grammar cannot read (it marks an error) is
an unknown value."""

from __future__ import annotations

import tree_sitter
import tree_sitter_puppet

from shipgate.preflight.config_management.model import (
    Assignment,
    Declared,
    Part,
    Ref,
    Resource,
    Value,
    syntax_nodes,
)

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_puppet.language()))


def read_manifest(text: str) -> Declared:
    tree = _PARSER.parse(text.encode("utf-8", "surrogateescape"))
    declared = Declared()
    for node in syntax_nodes(tree.root_node):
        if node.type in ("assignment", "parameter"):
            _assignment(node, declared)
        elif node.type == "resource_declaration":
            declared.resources.extend(_resources(node))
    declared.resources.sort(key=lambda r: r.line)
    return declared


def _assignment(node: tree_sitter.Node, declared: Declared) -> None:
    """``$x = value``, or a class parameter's default (``String $x = value``: the type comes first)."""
    children = node.named_children
    variable = next((c for c in children if c.type == "variable"), None)
    if variable is None or children[-1] is variable or not any(c.type == "=" for c in node.children):
        return
    name = _variable_name(variable)
    if name is not None:
        declared.assignments.append(Assignment(name, _value(children[-1])))


def _resources(node: tree_sitter.Node) -> list[Resource]:
    """A declaration's bodies: ``type { 'a': attr => v; 'b': attr => w }``."""
    kind = node.named_children[0] if node.named_children else None
    if kind is None or kind.type != "identifier":
        return []
    found: list[Resource] = []
    title: Value | None = None
    start = node.start_point[0] + 1
    attributes: dict[str, Value] = {}
    pending: tree_sitter.Node | None = None
    for child in node.children[1:]:
        if child.type == ":" and pending is not None:
            title, start, attributes = _value(pending), pending.start_point[0] + 1, {}
            found.append(Resource(_text(kind), title, start, attributes))
        elif child.type == "attribute" and child.named_children:
            key = child.named_children[0]
            attributes.setdefault(_text(key), _value(child.named_children[-1]))
        pending = child if child.is_named and child.type != "attribute" else None
    return found


def _value(node: tree_sitter.Node) -> Value:
    line = node.start_point[0] + 1
    if node.type == "string":
        return Value(tuple(_parts(node)), line)
    if node.type == "variable":
        return Value((Ref(_variable_name(node)),), line)
    if node.type in ("number", "identifier", "boolean"):
        return Value((_text(node),), line)
    if node.type == "array":
        values = [_value(c) for c in node.named_children]
        parts: list[Part] = []
        for i, v in enumerate(values):
            parts.extend((" ",) * (i > 0) + v.parts)
        return Value(tuple(parts), line)
    return Value((Ref(None),), line)


def _parts(node: tree_sitter.Node) -> list[Part]:
    parts: list[Part] = []
    for child in node.children:
        if child.type == "string_content":
            parts.append(_text(child))
        elif child.type == "escape_sequence":
            parts.append(_text(child)[1:])
        elif child.type == "interpolation":
            inner = child.named_children
            parts.append(Ref(_text(inner[0])) if len(inner) == 1 and inner[0].type == "identifier" else Ref(None))
        elif child.type == "variable":
            parts.append(Ref(_variable_name(child)))
    return parts


def _variable_name(node: tree_sitter.Node) -> str | None:
    """``$name`` → name; a qualified or damaged variable (``$::fact``, ``$a::b``) → None."""
    names = node.named_children
    if len(names) == 1 and names[0].type == "identifier":
        return _text(names[0])
    return None


def _text(node: tree_sitter.Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape")
