"""Node's ``spawn``/``spawnSync``/``execFile``/``execFileSync`` given the ``shell`` option: the command is not a
program's name but a command line ``/bin/sh -c`` runs (Node joins the argument array onto it with blanks), as
``execSync`` takes one. ``spawnSync(`git pull origin master\\n npm install`, { shell: true })`` runs two commands, not
a program named by the whole text (holdout224's game-of-generals ``update.js``). The option is read from an object
literal among the call's arguments or from a name the file declares once with one (``const options = { stdio:
"inherit", shell: true }``); ``shell: false`` (Node's default), ``null`` and ``undefined`` leave the call as it was.

Also where a command line is read: a multi-line string or template that opens on a later line than its call
(``spawnSync(\\n  `\\n  git stash\\n…`)``) is placed at its own first line, so each of its commands keeps its line.
Read by ``shipgate.preflight.js_script``."""

from __future__ import annotations

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

_OFF = frozenset({"false", "null", "undefined"})
_LITERALS = frozenset({"string", "template_string"})


def runs_in_shell(rest: list[Node], declared: dict[str, Node]) -> bool:
    """Whether the options among a call's later arguments (``rest``) give ``shell`` a value that turns it on
    (``true``, a shell's path)."""
    for argument in rest:
        options = declared.get(_text(argument)) if argument.type == "identifier" else argument
        if options is None or options.type != "object":
            continue
        for prop in options.named_children:
            key = prop.child_by_field_name("key") if prop.type == "pair" else None
            value = prop.child_by_field_name("value") if prop.type == "pair" else None
            if key is not None and value is not None and _text(key).strip("'\"") == "shell":
                return value.type not in _OFF and _text(value) not in _OFF
    return False


def command_line_line(call: Node) -> int:
    """The line a call's command line is read at: its first argument's own first line when that is a string or
    template literal spanning lines (its commands then keep their lines), else the call's line."""
    args = call.child_by_field_name("arguments")
    first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
    if first is not None and first.type in _LITERALS and first.start_point[0] != first.end_point[0]:
        return first.start_point[0] + 1
    return call.start_point[0] + 1
