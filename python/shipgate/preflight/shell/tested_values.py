"""The value a branch's test gives a variable: ``if [ "$package_manager" = "yum" ]; then sudo "$package_manager"
-y update`` runs ``yum -y update``, whatever the script assigned the variable from (``$(get_package_manager_name)``,
a value the reader cannot know). The reader marks the commands of an ``if``'s or ``elif``'s branch whose test is
one equality of a variable with a literal (``[ "$V" = lit ]``, ``[[ $V == lit ]]``) with ``equals:V=lit``
(``Command.conditions``); :func:`value_tested` gives it back. Not for ``!=``, a test of several comparisons, or the
``else`` branch (the variable is then anything but the literal)."""

from __future__ import annotations

import re

from tree_sitter import Node

from shipgate.preflight.shell.model import Command
from shipgate.preflight.syntax_nodes import node_text

_PREFIX = "equals:"
_EQUALITY = re.compile(r"""\[\[?\s+"?\$\{?([A-Za-z_]\w*)\}?"?\s+==?\s+("[^"$`]*"|'[^']*'|[\w./-]+)\s+\]\]?;?""")


def tested_value(conds: list[Node]) -> tuple[str, ...]:
    """``(equals:V=lit,)`` when the branch's test is ``[ "$V" = lit ]``; empty otherwise."""
    named = [c for c in conds if c.is_named]
    m = _EQUALITY.fullmatch(node_text(named[0]).strip()) if len(named) == 1 else None
    return (f"{_PREFIX}{m.group(1)}={m.group(2).strip(chr(34) + chr(39))}",) if m else ()


def value_tested(command: Command, name: str) -> str | None:
    """The literal the innermost enclosing test compared ``name`` with, when the command runs only if it is equal."""
    marker = f"{_PREFIX}{name}="
    return next((c[len(marker) :] for c in reversed(command.conditions) if c.startswith(marker)), None)
