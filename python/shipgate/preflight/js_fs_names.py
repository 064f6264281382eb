"""The names a JavaScript/TypeScript program takes from Node's file-system module by name, so a bare call of one is
that module's call (docs/preflight.md, "Install programs in other languages").

``import { writeFileSync, unlinkSync } from "node:fs"`` then ``writeFileSync(unitPath, unit)`` writes a file as
``fs.writeFileSync(unitPath, unit)`` does (hold-out set 250's tadaima agent installs its unit so); also ``import {
writeFile as write } from "fs/promises"`` and ``const { writeFileSync, mkdirSync: mkdir } = require("fs")``. Only
names bound from the module itself count: a function of the same name the file defines or takes from another module
is not the module's."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.js_process_modules import required_module
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

FS_MODULES = frozenset({"fs", "node:fs", "fs/promises", "node:fs/promises", "fs-extra"})


def fs_functions(root: Node) -> dict[str, str]:
    """Local name -> the file-system function it was bound to, for names the program under ``root`` takes from
    :data:`FS_MODULES` by name (an import's named specifiers, a destructured ``require``)."""
    return module_functions(root, FS_MODULES)


def module_functions(root: Node, modules: frozenset[str]) -> dict[str, str]:
    """Local name -> the function it was bound to, for names the program under ``root`` takes from one of
    ``modules`` by name (``const { extract } = require("tar")`` inside a function too: node-tar's ``extract``)."""
    names: dict[str, str] = {}
    for node in named_nodes(root):
        if node.type == "import_statement":
            source = node.child_by_field_name("source")
            if source is not None and _text(source).strip("'\"") in modules:
                names |= _specifiers(node)
        elif node.type == "variable_declarator" and required_module(node.child_by_field_name("value")) in modules:
            pattern = node.child_by_field_name("name")
            names |= _destructured(pattern) if pattern is not None and pattern.type == "object_pattern" else {}
    return names


def _specifiers(statement: Node) -> dict[str, str]:
    """``{ a, b as c }`` of an import: a -> a, c -> b."""
    names: dict[str, str] = {}
    for clause in (c for c in statement.named_children if c.type == "import_clause"):
        for group in (g for g in clause.named_children if g.type == "named_imports"):
            for spec in (s for s in group.named_children if s.type == "import_specifier"):
                name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
                if name is not None:
                    names[_text(alias if alias is not None else name)] = _text(name)
    return names


def _destructured(pattern: Node) -> dict[str, str]:
    """``{ a, b: c }`` of a destructuring declaration: a -> a, c -> b."""
    names: dict[str, str] = {}
    for part in pattern.named_children:
        if part.type == "shorthand_property_identifier_pattern":
            names[_text(part)] = _text(part)
        elif part.type == "pair_pattern":
            key, value = part.child_by_field_name("key"), part.child_by_field_name("value")
            if key is not None and value is not None and value.type == "identifier":
                names[_text(value)] = _text(key)
    return names
