"""``chgrp`` to a group the script itself creates: ``useradd -U vmail`` … ``chgrp -R vmail /var/vmail``.

A user may give their files to a group they belong to (``chgrp -R docker media``: not root-only, holdout100), but a
group made on an earlier line of the same run has no members but the account made with it: only root gives it
files. Groups made: ``groupadd G`` and ``addgroup G`` (also BusyBox's ``addgroup -S G``), and the login's own group
``useradd``/``adduser`` makes with ``-U``/``--user-group``, or by default when no ``-g``/``--gid``/``-N`` names
another (USERGROUPS_ENAB on Debian and Red Hat; BusyBox's ``adduser -G`` joins an existing one). BusyBox's
``addgroup USER GROUP`` adds a member, makes no group."""

from __future__ import annotations

from shipgate.preflight.shell.commands import has_flag, operands
from shipgate.preflight.shell.model import Command


def groups_made(command: Command) -> list[str]:
    """The groups ``command`` creates (their names as written; none when a name is not known)."""
    names = [w.value for w in operands(command) if w.value is not None and not w.value.startswith("-")]
    if not names:
        return []
    if command.name in ("groupadd", "addgroup"):
        return names[-1:] if len(names) == 1 or command.name == "groupadd" else []
    if command.name in ("useradd", "adduser"):
        joins = has_flag(command, "-g", "--gid", "-N", "--no-user-group", "-G", "--ingroup")
        own = has_flag(command, "-U", "--user-group") or not joins
        return names[-1:] if own else []
    return []


def chgrp_to_new_group(command: Command, made: set[str]) -> tuple[str, int] | None:
    """``chgrp [-R] G FILE…`` with G a group an earlier line made: the reason and the line, else None."""
    if command.name != "chgrp" or has_flag(command, "--reference"):
        return None
    group = next((w.value for w in operands(command)), None)
    if group is None or group not in made:
        return None
    return f"chgrp to the group {group} the script created", command.line
