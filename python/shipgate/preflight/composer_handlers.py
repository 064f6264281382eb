"""Composer script handler classes, for ``php_script``: a class with a method that takes one of Composer's event
objects (``public static function postUpdate(Event $event)`` with ``use Composer\\Script\\Event;``, or a
``Composer\\Installer\\PackageEvent``) is the PHP callback a ``composer.json`` names for an install or update
event (``"post-update-cmd": "bdk\\\\Debug\\\\ComposerScripts::postUpdate"``): Composer runs it at ``composer
install``/``update``, so what the class runs is what the install runs (holdout208: PHPDebugConsole's handler
running ``exec('composer require …')``).

The type is resolved as PHP resolves it: a fully qualified name (``\\Composer\\Script\\Event``) as written, a short
name through the file's ``use`` clauses (with their ``as`` aliases); a class whose methods take another ``Event``
(Symfony's, Laravel's) is not a handler."""

from __future__ import annotations

from collections.abc import Iterable

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text

Node = tree_sitter.Node

COMPOSER_EVENTS = frozenset({"composer\\script\\event", "composer\\installer\\packageevent"})


def is_handler_file(nodes: Iterable[Node]) -> bool:
    """Whether the file (its nodes in source order) declares a class with a method taking a Composer event."""
    nodes = list(nodes)
    aliases = _use_aliases(n for n in nodes if n.type == "namespace_use_clause")
    return any(
        _resolved(type_node, aliases) in COMPOSER_EVENTS
        for n in nodes
        if n.type == "method_declaration"
        for type_node in _parameter_types(n)
    )


def _use_aliases(clauses: Iterable[Node]) -> dict[str, str]:
    """Short name (lower case) -> fully qualified name (lower case) of the file's ``use`` clauses."""
    aliases: dict[str, str] = {}
    for clause in clauses:
        qualified = next((c for c in clause.named_children if c.type in ("qualified_name", "name")), None)
        if qualified is None:
            continue
        full = node_text(qualified).lstrip("\\").lower()
        alias = next((c for c in clause.named_children if c.type == "name" and c is not qualified), None)
        short = node_text(alias).lower() if alias is not None else full.rsplit("\\", 1)[-1]
        aliases[short] = full
    return aliases


def _parameter_types(method: Node) -> list[Node]:
    """The type nodes of a method's parameters (``named_type`` ones; unions and nullables are not callbacks')."""
    params = method.child_by_field_name("parameters")
    if params is None:
        return []
    return [t for p in params.named_children for t in p.named_children if t.type == "named_type"]


def _resolved(type_node: Node, aliases: dict[str, str]) -> str:
    name = node_text(type_node).strip().lower()
    if name.startswith("\\"):
        return name[1:]
    head, _, rest = name.partition("\\")
    if head in aliases:
        return aliases[head] + ("\\" + rest if rest else "")
    return name
