"""Commands an Ansible ``shell``/``command`` task takes from its loop.

A task whose whole command is the loop's item — ``cmd: "{{ item }}"``, ``cmd: "{{ item.cmd }}"``,
``"{{ item['cmd'] }}"`` — runs each item of its ``loop:`` (``with_items:``, ``with_list:``) as a command, one after
the other: the items are the commands, each at the line where its text stands (OpenNebula's upgrade role backs up
``/etc/one`` and upgrades the database so). Not so:

- a loop over a variable (``loop: "{{ steps }}"``): its items are not in the file;
- an item used inside a command (``rm -f {{ item }}``): an argument, read as a value known when the play runs.
"""

from __future__ import annotations

import re

import yaml

Piece = tuple[int, str]

_WHOLE_ITEM = re.compile(r"""^\s*\{\{\s*item(?:\.(\w+)|\[\s*['"](\w+)['"]\s*\])?\s*\}\}\s*$""")
_LOOP_KEYS = ("loop", "with_items", "with_list")


def item_commands(command: str, task: dict[str, yaml.Node]) -> list[Piece] | None:
    """The commands a task whose ``command`` text is its loop item runs (line, text), one per literal item that
    holds one; None when the command is not the whole item or the loop is not a list in the file."""
    whole = _WHOLE_ITEM.match(command)
    loop = next((task[k] for k in _LOOP_KEYS if k in task), None)
    if whole is None or not isinstance(loop, yaml.SequenceNode):
        return None
    key = whole.group(1) or whole.group(2)
    pieces: list[Piece] = []
    for item in loop.value:
        node = item if key is None else _field(item, key)
        if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value.strip():
            line = node.start_mark.line + 1 + (1 if node.style in ("|", ">") else 0)
            pieces.append((line, node.value.rstrip("\n")))
    return pieces


def _field(item: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(item, yaml.MappingNode):
        return None
    return next((v for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
