"""Accounts a Windows script adds to a group whose members hold the machine: Administrators, Hyper-V
Administrators, and ``docker-users`` (Docker's group: its members reach the daemon's pipe, and the daemon runs as
LocalSystem). The membership outlives the install, as ``usermod -aG docker`` does in a shell script, which the shell
reader reports as ``persistence`` (``persistence.py``'s admin groups; holdout231). Read: ``net localgroup GROUP
MEMBER… /add`` (the members come before the switches, a ``/comment:"…"``'s words after them; a group with no member
named is the group created, not a membership) and ``Add-LocalGroupMember
-Group GROUP -Member …`` (also the group by position)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from shipgate.preflight.windows.model import Call, WinScript

_ADMIN_GROUPS = frozenset({"administrators", "hyper-v administrators", "docker-users"})


def _net_group(call: Call) -> str | None:
    """``net localgroup GROUP MEMBER /add``: GROUP when at least one member is named."""
    words = [w.text.strip("'\"") for w in call.words]
    if call.name != "net" or not words or words[0].lower() != "localgroup" or "/add" not in map(str.lower, words):
        return None
    operands = list(itertools.takewhile(lambda w: not w.startswith("/"), words[1:]))  # members before /add
    return operands[0] if len(operands) >= 2 else None


def _cmdlet_group(call: Call) -> str | None:
    if call.name != "add-localgroupmember":
        return None
    group = call.option("group", "name") or (call.args[0] if call.args else None)
    return group.text.strip("'\"") if group is not None else None


def admin_memberships(script: WinScript) -> Iterator[tuple[Call, str]]:
    """Each call that adds an account to one of the groups above, with the group's name as written."""
    for call in script.calls:
        group = _net_group(call) or _cmdlet_group(call)
        if group is not None and group.lower() in _ADMIN_GROUPS:
            yield call, group
