"""The names a JavaScript/TypeScript file takes from Node's ``path`` module, so a bare ``join(dir, name)`` after
``import { join } from 'path'`` (or ``const { join } = require("node:path")``) is read as ``path.join`` by the readers
that spell built paths (``js_unpacks``' built paths, holdout233; ``js_downloads.path_word``, hold-out set 262's
trojan-go-cmd writing ``join(trojanPath.nginxConf, `${domain}.conf`)``)."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import walk

Node = tree_sitter.Node

_PATH_MODULE = re.compile(r"""['"](?:node:)?path['"]""")
_LOCAL_NAMES = frozenset({"shorthand_property_identifier_pattern", "identifier"})


def path_module_names(node: Node) -> set[str]:
    """The names the file's top-level statements take from Node's ``path`` module by destructuring its
    ``require`` (``const { join, resolve: r } = require("node:path")`` gives ``join`` and ``r``) or importing
    (``import { join } from "path"``); ``node`` is any node of the file."""
    root = node
    while root.parent is not None:
        root = root.parent
    names: set[str] = set()
    for statement in root.named_children:
        if statement.type == "import_statement":
            source = statement.child_by_field_name("source")
            if source is not None and _PATH_MODULE.fullmatch(_text(source)):
                names |= {_text(n) for n in walk(statement) if n.type == "identifier"}
            continue
        for declarator in statement.named_children if statement.type.endswith("declaration") else ():
            pattern, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if pattern is not None and pattern.type == "object_pattern" and _requires_path(value):
                names |= {_text(n) for n in walk(pattern) if n.type in _LOCAL_NAMES}
    return names


def _requires_path(value: Node | None) -> bool:
    """``require("path")`` (also ``"node:path"``)."""
    if value is None or value.type != "call_expression" or _text(value.child_by_field_name("function")) != "require":
        return False
    arguments = value.child_by_field_name("arguments")
    args = [a for a in (arguments.named_children if arguments is not None else []) if a.type != "comment"]
    return bool(args) and _PATH_MODULE.fullmatch(_text(args[0])) is not None
