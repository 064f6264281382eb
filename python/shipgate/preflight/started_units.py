"""The commands of a service unit a script writes and starts at once.

systemd runs a service's ``ExecStartPre=``, ``ExecStart=`` and ``ExecStartPost=`` command lines when it starts it
(systemd.service(5)). A script that writes the unit with a here-document (``cat > /etc/systemd/system/app.service <<
EOF`` … ``ExecStart=/usr/bin/docker compose up -d`` … ``EOF``) and then starts it itself (``systemctl start
app.service``, ``restart``, ``enable --now``) runs those commands in its own run (hold-out set 206's NetBird
installer: the compose stack's images are pulled at that start). They are read as shell at the line of the start,
where the run reaches them. Not a unit only enabled for the next boot, nor its stop and reload commands."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.commands import has_flag, operands, written_paths
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.reader import parse_script

_START_VERBS = frozenset({"start", "restart", "reload-or-restart", "try-restart"})
# the settings systemd runs when the service starts, and the prefixes a command may carry (``-``, ``@``, ``+``…)
_RUN_AT_START = re.compile(r"^\s*ExecStart(?:Pre|Post)?\s*=\s*[-@:+!]*(\S.*)$")
_MAX_UNITS = 16  # units read per script
_MAX_BODY_LINES = 200  # lines of one here-document searched for commands


def _unit_name(text: str) -> str:
    return text.strip("\"'").rpartition("/")[2].removesuffix(".service")


def _started(command: Command) -> list[str]:
    """The units ``systemctl start|restart … UNIT`` (or ``enable --now``) starts now."""
    if command.name != "systemctl":
        return []
    names = [w.text for w in operands(command)]
    now = bool(names) and (names[0] in _START_VERBS or (names[0] == "enable" and has_flag(command, "--now")))
    return [_unit_name(n) for n in names[1:]] if now else []


def _written_units(script: Script) -> dict[str, list[str]]:
    """Unit name -> the start commands of each ``.service`` file a here-document writes."""
    units: dict[str, list[str]] = {}
    for command in script.commands:
        target = next((w.text for w in written_paths(command) if w.text.strip("\"'").endswith(".service")), None)
        if target is None or len(units) >= _MAX_UNITS:
            continue
        for redirect in command.redirects:
            if not redirect.op.startswith("<<") or redirect.op == "<<<" or not redirect.body:
                continue
            lines = redirect.body.splitlines()[:_MAX_BODY_LINES]
            units[_unit_name(target)] = [m.group(1) for m in map(_RUN_AT_START.match, lines) if m is not None]
    return units


def started_unit_commands(script: Script) -> Iterator[Script]:
    """For each unit the script writes and then starts, its start commands parsed as one line of shell at the
    line of the start (once per unit)."""
    units = _written_units(script)
    if not units:
        return
    for command in script.commands:
        for name in _started(command):
            run = units.pop(name, None)
            if run:
                yield parse_script("\n" * (command.line - 1) + " ; ".join(run) + "\n", path=script.path)
