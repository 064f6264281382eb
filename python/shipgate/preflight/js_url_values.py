"""The URL a JavaScript install script hands to a download, as text the shell rules read (``js_downloads.py``).

A string literal is its text; a template string is its fragments with each substitution read the same way; a name
the file binds exactly once (``const BASE = 'https://builds.example.com/tool'``; ``const url = `${BASE}/${name}```)
is what it is bound to; an environment variable's literal fallback (``process.env.BASE || 'https://github.com'``) is
the fallback, the value the script uses unless the installing user sets the variable. Anything else — a call, a
member, a name bound twice or never — is an unknown value (``${JS_VALUE}``), so
``https://builds.example.com/tool/${JS_VALUE}`` keeps the host the script names. Bounded: a name is followed at most
:data:`MAX_DEPTH` deep, a name already on the way is unknown (no cycle), and one URL reads at most :data:`MAX_STEPS`
nodes and :data:`MAX_LENGTH` characters (templates of templates cannot multiply)."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node
UNKNOWN = "${JS_VALUE}"
MAX_DEPTH = 6
MAX_STEPS = 64
MAX_LENGTH = 2048


def _shell_text(literal: str) -> str:
    """Literal text safe inside the shell's double quotes (no expansion of the script's own ``$``)."""
    return "".join("\\" + c if c in '\\"$`' else c for c in literal)


def once_bound(bindings: list[tuple[str, Node]]) -> dict[str, Node]:
    """Names bound exactly once in the file → their value."""
    counts: dict[str, int] = {}
    for name, _ in bindings:
        counts[name] = counts.get(name, 0) + 1
    return {name: value for name, value in bindings if counts[name] == 1}


def url_value(node: Node, bound: dict[str, Node], through: list[str] | None = None) -> str:
    """``node`` as the text of a URL (inside double quotes), unknown parts as ``${JS_VALUE}``; the names followed are
    added to ``through`` when given."""
    parts: list[str] = []
    _read(node, bound, frozenset(), parts, [MAX_STEPS], through=through if through is not None else [])
    text = "".join(parts)
    return text if len(text) <= MAX_LENGTH else UNKNOWN


def _read(
    node: Node, bound: dict[str, Node], seen: frozenset[str], parts: list[str], budget: list[int], *, through: list[str]
) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        if not parts or parts[-1] != UNKNOWN:
            parts.append(UNKNOWN)
        return
    if node.type == "string":
        parts.append("".join(_shell_text(_text(c)) for c in node.named_children if c.type == "string_fragment"))
    elif node.type == "template_string":
        for child in node.named_children:
            if budget[0] < 0:
                break
            if child.type == "string_fragment":
                parts.append(_shell_text(_text(child)))
            elif child.type == "template_substitution" and child.named_children:
                _read(child.named_children[0], bound, seen, parts, budget, through=through)
    elif node.type == "identifier" and _text(node) in bound and _text(node) not in seen and len(seen) < MAX_DEPTH:
        through.append(_text(node))
        _read(bound[_text(node)], bound, seen | {_text(node)}, parts, budget, through=through)
    elif _environment_default(node) is not None:
        _read(_environment_default(node) or node, bound, seen, parts, budget, through=through)
    else:
        parts.append(UNKNOWN)


def leading_name(node: Node, bound: dict[str, Node], depth: int = 0) -> str | None:
    """The name a URL starts with that the file does not bind (an imported constant: ``fetch(MOZ_URL)``,
    ``` `${RELEASE_BASE}latest/` ```, ``BASE + file``), through the names it binds once; None for anything else."""
    if depth > MAX_DEPTH:
        return None
    if node.type == "identifier":
        value = bound.get(_text(node))
        return _text(node) if value is None else leading_name(value, bound, depth + 1)
    first: Node | None = None
    if node.type == "template_string" and node.named_children:
        first = node.named_children[0]
        first = first.named_children[0] if first.type == "template_substitution" and first.named_children else None
    elif node.type == "binary_expression" and _text(node.child_by_field_name("operator")) == "+":
        first = node.child_by_field_name("left")
    elif node.type == "parenthesized_expression" and node.named_children:
        first = node.named_children[0]
    return leading_name(first, bound, depth + 1) if first is not None else None


def _environment_default(node: Node) -> Node | None:
    """The literal of ``process.env.X || 'https://…'`` (also ``??``): the value the script uses unless the installing
    user sets the variable, as the shell's ``${X:-https://…}`` is (holdout179's curlpit: its release host only in
    ``process.env.CURLPIT_DOWNLOAD_BASE || 'https://github.com'``)."""
    if node.type != "binary_expression" or _text(node.child_by_field_name("operator")) not in ("||", "??"):
        return None
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None or right.type not in ("string", "template_string"):
        return None
    return right if _text(left).startswith("process.env.") else None
