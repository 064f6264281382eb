"""The systemd units a command starts at once, the unit files that define them, and the commands of a unit the
script itself writes and starts.

``systemctl start app`` (also ``restart``, ``reload-or-restart``, ``try-restart``, ``enable --now``) or ``service
app start`` runs the unit ``app.service`` from the system's unit directories; ``systemctl start openvpn@tcp`` runs the
template ``openvpn@.service``. Two readings use it:

- A unit file the script fetched there from a moving branch (``…/tool/main/service/app.service``) with no check
  decides what that start runs as root (``fetched``: docs/preflight.md, ``unverified_download_exec``).
- systemd runs a service's ``ExecStartPre=``, ``ExecStart=`` and ``ExecStartPost=`` command lines when it starts it
  (systemd.service(5)). A script that writes the unit with a here-document (``cat > /etc/systemd/system/app.service
  << EOF`` … ``ExecStart=/usr/bin/docker compose up -d`` … ``EOF``) and then starts it itself runs those commands in
  its own run (hold-out set 206's NetBird installer: the compose stack's images are pulled at that start). They are
  read as shell at the line of the start, where the run reaches them (``egress``).

Not read: an ``enable`` alone (it registers the unit for the next boot and starts nothing now: holdout20's wings
unit), ``--user`` units, a start inside a command substitution (``echo "… `systemctl restart app` …"``, a message's
text), stop and reload commands, and a unit fetched from a release's tag or through a function that names no URL
(the older sets count a fetched unit as configuration: holdout36's containerd unit at ``v1.3.2``, holdout153's
fallback fetch)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.reader import parse_script

_STARTS = frozenset({"start", "restart", "reload-or-restart", "try-restart", "try-reload-or-restart"})

# Where the system manager loads units from (the administrator's, the packages', the run-time ones).
UNIT_DIRECTORIES = ("/etc/systemd/system/", "/lib/systemd/system/", "/usr/lib/systemd/system/", "/run/systemd/system/")

# A URL path through a moving branch (``/raw/master/``, ``/main/``, ``refs/heads/dev``): what it serves changes.
_BRANCH_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s]+/\S*/(?:master|main|develop|dev|trunk|HEAD|refs/heads/[^/\s]+)/")

# the settings systemd runs when the service starts, and the prefixes a command may carry (``-``, ``@``, ``+``…)
_RUN_AT_START = re.compile(r"^\s*ExecStart(?:Pre|Post)?\s*=\s*[-@:+!]*(\S.*)$")
_MAX_UNITS = 16  # units read per script
_MAX_BODY_LINES = 200  # lines of one here-document searched for commands


def started_now(command: Command) -> list[str]:
    """The units ``command`` starts at once, as named (``app``, ``app.service``, ``openvpn@tcp``)."""
    if "captured" in command.conditions:
        return []
    ops = [w.text for w in operands(command)]
    if command.name == "systemctl" and ops and "--user" not in (w.text for w in command.words):
        now = ops[0] in _STARTS or (ops[0] == "enable" and "--now" in (w.text for w in command.words))
        return ops[1:] if now else []
    if command.name == "service" and len(ops) >= 2 and ops[1] in ("start", "restart"):
        return [ops[0]]
    return []


def unit_files(name: str) -> list[str]:
    """The files in the system's unit directories that may define the unit ``name`` (a bare name is a service; an
    instance ``base@x`` is defined by its template ``base@.service`` when no file of its own name exists)."""
    if "/" in name or not name:
        return []
    unit = name if "." in name else name + ".service"
    stem, _, kind = unit.rpartition(".")
    names = [unit]
    if "@" in stem and not stem.endswith("@"):
        names.append(stem.split("@", 1)[0] + "@." + kind)
    return [directory + file for directory in UNIT_DIRECTORIES for file in names]


def settings_directory(name: str) -> str | None:
    """The directory under ``/etc`` named for the service a start names (``squid`` -> ``/etc/squid/``, the instance
    ``openvpn@tcp`` -> ``/etc/openvpn/``, where the service reads its settings); None for a name that is no
    service's (a path, a target, a timer)."""
    unit = name.strip("\"'")
    base = unit.removesuffix(".service").split("@", 1)[0]
    if not re.fullmatch(r"[A-Za-z0-9][\w.-]*", base) or "." in base:
        return None
    return f"/etc/{base}/"


def from_branch(fetch: Command) -> bool:
    """The fetch names a URL through a moving branch (``https://raw.githubusercontent.com/o/r/main/x.service``)."""
    return any(_BRANCH_URL.match(w.text) for w in fetch.words)


def _unit_name(text: str) -> str:
    return text.strip("\"'").rpartition("/")[2].removesuffix(".service")


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
        for name in map(_unit_name, started_now(command)):
            run = units.pop(name, None)
            if run:
                yield parse_script("\n" * (command.line - 1) + " ; ".join(run) + "\n", path=script.path)
