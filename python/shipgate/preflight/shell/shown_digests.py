"""Digests a script computes only to show: ``sum=$(sha256sum "$FILE" | cut -d' ' -f1)`` then ``echo "Computed
checksum: $sum"`` and a prompt asking the operator whether they compared it. Nothing in the script compares the
value (no test, ``case`` or other command reads the variable), so no bad download stops the run: the digest is no
check between the fetch and its use (docs/preflight.md, ``unverified_download_exec``; hold-out set 272)."""

from __future__ import annotations

import re
from collections.abc import Collection

from shipgate.preflight.shell.model import Command, Script

_PRINTERS = frozenset({"echo", "printf"})


def _mentions(raw: str, name: str) -> bool:
    return re.search(rf"\$(?:{re.escape(name)}\b|\{{{re.escape(name)}\b)", raw) is not None


def _captured_names(script: Script, digest: Command) -> list[str]:
    """The variables the digest's output is assigned to on its line, in its function (``sum=$(sha256sum …)``)."""
    return [
        a.name
        for a in script.assignments
        if a.line == digest.line and a.function == digest.function and digest.name and digest.name in a.raw
    ]


def _only_printed(script: Script, name: str, line: int) -> bool:
    """The variable is printed somewhere and read nowhere else: no test, ``case``, assignment or other command."""
    if name in script.case_subjects or any(name in t.expands for t in script.tests):
        return False
    if any(a.line != line and _mentions(a.raw, name) for a in script.assignments):
        return False
    readers = [c for c in script.commands if any(_mentions(w.raw, name) for w in (c.program, *c.words) if w)]
    return bool(readers) and all(c.name in _PRINTERS for c in readers)


def shown_digests(script: Script, digests: Collection[str]) -> frozenset[tuple[int, str]]:
    """(line, text) of each digest command (``digests``: the programs that print one) whose output is captured
    into variables that the script only prints."""
    found = set()
    for command in script.commands:
        if command.name not in digests or "captured" not in command.conditions:
            continue
        names = _captured_names(script, command)
        if names and all(_only_printed(script, n, command.line) for n in names):
            found.add((command.line, command.text))
    return frozenset(found)
