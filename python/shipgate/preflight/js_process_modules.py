"""Names a JavaScript install script binds to a module whose ``exec`` runs a command line (docs/preflight.md,
"Install and setup scripts in Ruby and JavaScript").

Node's ``child_process`` and shelljs (``const shell = require("shelljs")``, then ``shell.exec("npx node-pre-gyp
install")``: the command runner of many npm install scripts, holdout201's lisk-db) both give ``exec(COMMAND[,
options][, callback])`` a shell command line. A method called ``exec`` on any other object (``regex.exec(s)``,
``db.exec(sql)``) runs no command, so only an owner the file binds to one of these modules counts: a name declared
with ``require('MODULE')`` or imported from it (``import shell from 'shelljs'``, ``import * as shell from
'shelljs'``), or the ``require('MODULE')`` call itself (``require('shelljs').exec(…)``)."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

PROCESS_MODULES = frozenset({"child_process", "node:child_process", "shelljs"})
# the names scripts commonly give ``child_process`` without the reader seeing the ``require`` (kept from before)
CONVENTIONAL = frozenset({"cp", "child_process", "childProcess"})


def required_module(node: Node | None) -> str | None:
    """MODULE of a ``require('MODULE')`` call, else None."""
    if node is None or node.type != "call_expression" or _text(node.child_by_field_name("function")) != "require":
        return None
    args = node.child_by_field_name("arguments")
    named = [a for a in (args.named_children if args is not None else []) if a.type != "comment"]
    if len(named) != 1 or named[0].type != "string":
        return None
    return _text(named[0]).strip("'\"")


def owners(root: Node) -> frozenset[str]:
    """The names the script under ``root`` binds to a process module (with :data:`CONVENTIONAL`)."""
    names = set(CONVENTIONAL)
    for node in named_nodes(root):
        if node.type == "variable_declarator":
            name = node.child_by_field_name("name")
            module = required_module(node.child_by_field_name("value"))
            if name is not None and name.type == "identifier" and module in PROCESS_MODULES:
                names.add(_text(name))
        elif node.type == "import_statement":
            source = node.child_by_field_name("source")
            if source is not None and _text(source).strip("'\"") in PROCESS_MODULES:
                names |= _imported_objects(node)
    return frozenset(names)


def _imported_objects(statement: Node) -> set[str]:
    """The default and namespace names of an import (``import shell from …``, ``import * as shell from …``)."""
    names: set[str] = set()
    for clause in (c for c in statement.named_children if c.type == "import_clause"):
        for part in clause.named_children:
            if part.type == "identifier":
                names.add(_text(part))
            elif part.type == "namespace_import":
                names |= {_text(c) for c in part.named_children if c.type == "identifier"}
    return names


def runs_commands(owner: Node, names: frozenset[str]) -> bool:
    """Whether ``owner.exec(…)`` is a process module's ``exec``: ``owner`` is a name bound to one, or the
    ``require`` of one."""
    if owner.type == "identifier":
        return _text(owner) in names
    return required_module(owner) in PROCESS_MODULES
