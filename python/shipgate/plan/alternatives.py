"""The other commands one line runs when its command word comes from a variable the script sets to a different
command in each branch (``update_cmd='apt update'`` on Debian, ``update_cmd='yum update'`` on CentOS, then
``${update_cmd}``). Preflight reads the line with the value the script assigned last; the plan reads it once more
with each other literal value, so a branch's ``yum update`` (which asks to confirm) is not hidden behind Arch's
``pacman -Sy``."""

from __future__ import annotations

import dataclasses
import posixpath
import shlex
from collections.abc import Iterator

from shipgate.preflight.shell.model import Command, Script, Word

MAX_ALTERNATIVES = 16


def _split(value: str) -> list[str]:
    try:
        return shlex.split(value)
    except ValueError:
        return []


def alternatives(c: Command, script: Script) -> Iterator[Command]:
    """The command as each other literal value of its command word's variable makes it."""
    if c.name_assigned_at is None or c.program is None or len(c.program.expands) != 1:
        return
    bindings = script.bindings(c.program.expands[0])
    chosen = next((a for a in bindings if a.line == c.name_assigned_at and a.value is not None), None)
    if chosen is None:
        return
    own = c.words[max(len(_split(chosen.value or "")) - 1, 0):]  # the words written on the line itself
    seen = {chosen.value}
    for a in bindings[:MAX_ALTERNATIVES]:
        if a.value is None or a.value in seen or not (parts := _split(a.value)):
            continue
        seen.add(a.value)
        words = tuple(Word(raw=p, value=p, line=c.line) for p in parts[1:])
        yield dataclasses.replace(c, name=posixpath.basename(parts[0]), program=Word(raw=parts[0], value=parts[0],
                                  line=c.line), words=(*words, *own))
