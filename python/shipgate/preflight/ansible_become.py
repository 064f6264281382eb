"""Ansible's privilege escalation written as the shell it amounts to, so the privilege checks read a task file as
they read a script (``shipgate.preflight.embedded`` places the pieces at the host file's lines).

An escalation is stated by ``become: true`` (``sudo: yes`` before Ansible 2.0 named it ``become``) on a play, a
block or a task. Ansible then runs every task under it through ``become_method``, sudo unless the file says
otherwise (docs/findings.md, ``preflight.sudo_unavailable``) — module tasks (``apt``, ``service``, ``copy``) and a
play's roles as much as ``shell``/``command`` tasks. So:

- the escalation is a ``sudo`` command at the line of the ``become:`` key, wherever the key stands (above the
  task's module, below it, on a block's last line), whether or not the tasks under it run a command;
- the commands placed under it run as root: they are wrapped in a root check (``if [ "$(id -u)" = 0 ]; then …
  fi``) spanning their lines, so no step under it is taken for one that needs a privilege it lacks.
"""

from __future__ import annotations

Piece = tuple[int, str]

ESCALATION = "sudo true"  # the escalation itself: Ansible's become wrapper runs the module under sudo
_ROOT_OPEN = 'if [ "$(id -u)" = 0 ]; then'
_ROOT_CLOSE = "fi"


def escalated(group: list[Piece], become: int) -> list[Piece]:
    """``group`` (the commands placed under a ``become:`` key at line ``become``) as run by root, with the
    escalation at ``become``: above the commands it opens their root check on its own line; below them it shares
    the line that closes it, or stands alone further down; between them it goes with the opener."""
    if not group:
        return [(become, ESCALATION)]
    group = sorted(group, key=lambda p: p[0])
    first, last = group[0][0], group[-1][0] + group[-1][1].count("\n")
    if become < first:
        return [(become, f"{ESCALATION}; {_ROOT_OPEN}"), *group, (last + 1, _ROOT_CLOSE)]
    opener = max(1, first - 1)
    if become == last + 1:
        return [(opener, _ROOT_OPEN), *group, (become, f"{_ROOT_CLOSE}; {ESCALATION}")]
    if become > last + 1:
        return [(opener, _ROOT_OPEN), *group, (last + 1, _ROOT_CLOSE), (become, ESCALATION)]
    return [(opener, f"{ESCALATION}; {_ROOT_OPEN}"), *group, (last + 1, _ROOT_CLOSE)]
