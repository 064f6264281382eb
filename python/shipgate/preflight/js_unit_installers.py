"""A JavaScript program that writes a systemd unit into one of systemd's system unit directories installs a service
on the host, whatever the file is named: log-translation's ``index.js`` writes
``/etc/systemd/system/log-translation.service`` and enables it when it first starts (hold-out set 229), as a Makefile
recipe that copies a unit there is an install step whatever its target is called (``unit_recipes``). Such a file
is read as an install script (docs/preflight.md, "Install programs in other languages").

Read from the file's ``fs.writeFile*``/``fs.appendFile*`` calls (``js_file_acts.written_path``: a literal, a name
declared with one in the function around the call, ``path.join`` of known parts); a write into a user's unit
directory (``~/.config/systemd/user``) is the user manager's, and a unit path only mentioned (printed, compared) is
not a write. A command string handed to a call (``execSync(`cp /tmp/x/x.service /etc/systemd/system/`)``, a template's
substitutions standing for one word each) that copies a file into such a directory is the same install, as a
Makefile recipe's is (``unit_recipes.installs_unit``; hold-out set 262: trojan-go-cmd's ``src/utils/trojan.ts``
copies the server's unit there through its own ``execSync`` wrapper); a string given to ``console.*`` is printed
advice, not a command. The file's text must name a unit directory before it is parsed, so most files cost no parse."""

from __future__ import annotations

from collections.abc import Callable

import tree_sitter

from shipgate.preflight.js_file_acts import written_path
from shipgate.preflight.js_fs_names import fs_functions
from shipgate.preflight.syntax_nodes import node_text
from shipgate.preflight.unit_recipes import in_unit_dir, installs_unit

Node = tree_sitter.Node

_HINT = "/systemd/system"


def writes_unit(text: str, root_of: Callable[[], Node]) -> bool:
    """The program writes a file into a systemd system unit directory (``root_of`` parses the text)."""
    if _HINT not in text:
        return False
    root = root_of()
    fs_names = fs_functions(root)  # ``import { writeFileSync } from "node:fs"`` (holdout250's tadaima)
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type != "call_expression":
            continue
        target = written_path(node, fs_names)
        if target is not None and in_unit_dir(target.strip('"')):
            return True
        if _copies_unit(node):
            return True
    return False


def _copies_unit(call: Node) -> bool:
    """The call's first argument is a command string that copies a file into a system unit directory."""
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if function is None or arguments is None or node_text(function).startswith("console."):
        return False
    first = arguments.named_children[0] if arguments.named_children else None
    if first is None or first.type not in ("string", "template_string") or _HINT not in node_text(first):
        return False
    command = "".join(
        "word" if part.type == "template_substitution" else node_text(part) for part in first.named_children
    )
    return any(installs_unit(piece) for piece in command.replace("&&", ";").split(";"))
