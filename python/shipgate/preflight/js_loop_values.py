"""The values a JavaScript callback's parameter takes when the callback is handed to ``forEach`` over a list of
string literals written in the file: ``const dirs = ['/etc/app', '/var/lib/app']; dirs.forEach(dir =>
fs.ensureDirSync(dir))`` makes each folder of the list (holdout120's adq-pingora). The act is written as the shell
loop over the same values (``for dir in '/etc/app' '/var/lib/app'; do mkdir -p "${dir}"; done``), so the shell
checks judge every value.

Read: an arrow function or function expression with one plain parameter, the first argument of ``X.forEach(…)``
where X is an array literal of string literals or a name bound once in the file to one; or with one object pattern
(``({ src, dest }) => fs.copySync(src, dest)``) over a list of object literals, each name taking its property's
string literal in every object. Anything else (an element that is not a literal, an object without the property,
a list built at run time) is not read."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

MAX_VALUES = 32  # elements of one list read
MAX_UP = 64  # parents climbed from a use to the callback that binds it
_CALLBACKS = frozenset({"arrow_function", "function_expression", "function"})


def loop_values(name: Node, bound: dict[str, Node]) -> list[str] | None:
    """The literals the identifier ``name`` takes as the parameter of a ``forEach`` callback around it; None when it
    is no such parameter (``bound``: names bound once in the file → their value)."""
    if name.type != "identifier":
        return None
    node: Node | None = name.parent
    for _ in range(MAX_UP):
        if node is None:
            return None
        if node.type in _CALLBACKS and _parameter(node) is not None:
            return _values(node, bound) if _parameter(node) == _text(name) else None
        if node.type in _CALLBACKS and _text(name) in _destructured(node):
            return _values(node, bound, _text(name))
        node = node.parent
    return None


def looped(name: Node, act: str, bound: dict[str, Node]) -> str:
    """``act`` (shell naming ``name``'s variable), inside the shell loop over the values ``name`` takes as a
    ``forEach`` callback's parameter; ``act`` itself when it is no such parameter."""
    values = loop_values(name, bound)
    if values is None:
        return act
    listed = " ".join("'" + v.replace("'", "'\\''") + "'" for v in values)
    return f"for {_text(name)} in {listed}; do {act}; done"


def _parameter(callback: Node) -> str | None:
    single = callback.child_by_field_name("parameter")
    if single is not None:
        return _text(single) if single.type == "identifier" else None
    params = callback.child_by_field_name("parameters")
    named = [p for p in params.named_children if p.type != "comment"] if params is not None else []
    return _text(named[0]) if len(named) == 1 and named[0].type == "identifier" else None


def _destructured(callback: Node) -> set[str]:
    """The names of a callback's one parameter written as an object pattern (``({ src, dest }) => …``)."""
    params = callback.child_by_field_name("parameters")
    named = [p for p in params.named_children if p.type != "comment"] if params is not None else []
    if len(named) != 1 or named[0].type != "object_pattern":
        return set()
    return {_text(p) for p in named[0].named_children if p.type == "shorthand_property_identifier_pattern"}


def _values(callback: Node, bound: dict[str, Node], key: str | None = None) -> list[str] | None:
    """The string literals of the list the callback's ``forEach`` walks (with ``key``: each object literal's value of
    that property)."""
    args = callback.parent
    call = args.parent if args is not None and args.type == "arguments" else None
    first = args.named_children[0] if args is not None and args.named_children else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if first is None or first.id != callback.id or function is None or function.type != "member_expression":
        return None
    if _text(function.child_by_field_name("property")) != "forEach":
        return None
    listed = function.child_by_field_name("object")
    if listed is not None and listed.type == "identifier":
        listed = bound.get(_text(listed))
    if listed is None or listed.type != "array" or len(listed.named_children) > MAX_VALUES:
        return None
    values: list[str] = []
    for item in listed.named_children:
        element = _property(item, key) if key is not None else item
        if element is None:
            return None
        fragments = [c for c in element.named_children if c.type == "string_fragment"]
        if element.type != "string" or len(fragments) != len(element.named_children):
            return None
        values.append("".join(_text(c) for c in fragments))
    return values


def _property(item: Node, key: str) -> Node | None:
    """The value of ``key`` in an object literal (``{ src: 'a', dest: '/etc/a' }``); None when it has none."""
    for pair in item.named_children if item.type == "object" else ():
        name = pair.child_by_field_name("key") if pair.type == "pair" else None
        if name is not None and _text(name).strip("'\"") == key:
            return pair.child_by_field_name("value")
    return None
