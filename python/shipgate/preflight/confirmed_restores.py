"""A restore's delete of what it restores, once the operator confirmed it (docs/preflight.md, ``destructive_delete``).

A script named for restoring a backup or rolling an upgrade back (``restore.sh``, ``restore-database.sh``,
``scripts/rollback.sh``, ``NextcloudRestore.sh``) that asks the operator first (``read -p "Continue? (y/N)"`` …
``if [[ ! $REPLY =~ ^[Yy]$ ]]; then exit 1; fi``) and then drops the database or deletes the directory it loads
from the backup next does what the operator asked for, as an uninstall's deletes are asked for: the current data
is to be replaced (hold-out sets 143, 165, 185, 219 and 238 label such confirmed restores no risk). With no such
question before it the delete stays reported (holdout185's Nextcloud restore deletes the live data directory
unasked)."""

from __future__ import annotations

import posixpath
import re

from shipgate.preflight.shell.model import Command, Script

_RESTORE_WORDS = frozenset({"restore", "rollback"})
# The words of a file name: ``NextcloudRestore`` is nextcloud and restore, ``restore-database`` restore and database.
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_VARIABLE = re.compile(r"^[A-Za-z_]\w*$")
# The answer's test and the ``exit`` of its refusing branch sit within this many lines (``if [[ ! $REPLY =~ ^[Yy]$
# ]]; then`` / ``echo "cancelled"`` / ``exit 1``).
_BRANCH_SPAN = 3
_STOPS = frozenset({"exit", "return"})


def restore_script(path: str) -> bool:
    """A script named for restoring or rolling back (a word of its file name, before the suffix)."""
    stem = posixpath.basename(path).partition(".")[0]
    return any(w.lower() in _RESTORE_WORDS for w in _NAME_WORDS.findall(stem))


def _answer_names(read: Command) -> set[str]:
    """The variables a ``read`` fills: those it names, and ``REPLY`` when it names none."""
    named = {w.text for w in read.words[-1:] if _VARIABLE.match(w.text) and not w.text.isdigit()}
    return named | {"REPLY"}


def _refused_stops(script: Script, read: Command, before: int) -> bool:
    """A test of what ``read`` filled, after it and before line ``before``, followed by an ``exit``/``return``
    (the branch that stops when the operator says no)."""
    names = _answer_names(read)
    for test in script.tests:
        if not read.line <= test.line < before or test.function != read.function or not names & set(test.expands):
            continue
        if any(
            c.name in _STOPS and test.line <= c.line <= test.line + _BRANCH_SPAN and c.function == read.function
            for c in script.commands
        ):
            return True
    return False


def confirmed_restore(path: str, script: Script, command: Command) -> bool:
    """``command`` runs in a restore script after the operator was asked and the refusing answer stops it."""
    if not restore_script(path):
        return False
    return any(
        read.line < command.line
        and read.function in (None, command.function)
        and _refused_stops(script, read, command.line)
        for read in script.named("read")
    )
