"""The systemd units a command starts at once, and the unit files that define them: ``systemctl start app`` (also
``restart``, ``reload-or-restart``, ``try-restart``, ``enable --now``) or ``service app start`` runs the unit
``app.service`` from the system's unit directories; ``systemctl start openvpn@tcp`` runs the template
``openvpn@.service``. A unit file the script fetched there from a moving branch (``…/tool/main/service/app.service``)
with no check decides what that start runs as root (``fetched``: docs/preflight.md, ``unverified_download_exec``).

Not read: an ``enable`` alone (it registers the unit for the next boot and starts nothing now: holdout20's wings
unit), ``--user`` units, a start inside a command substitution (``echo "… `systemctl restart app` …"``, a message's
text), and a unit fetched from a release's tag or through a function that names no URL (the older sets count a
fetched unit as configuration: holdout36's containerd unit at ``v1.3.2``, holdout153's fallback fetch)."""

from __future__ import annotations

import re

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command

_STARTS = frozenset({"start", "restart", "reload-or-restart", "try-restart", "try-reload-or-restart"})

# Where the system manager loads units from (the administrator's, the packages', the run-time ones).
UNIT_DIRECTORIES = ("/etc/systemd/system/", "/lib/systemd/system/", "/usr/lib/systemd/system/", "/run/systemd/system/")

# A URL path through a moving branch (``/raw/master/``, ``/main/``, ``refs/heads/dev``): what it serves changes.
_BRANCH_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s]+/\S*/(?:master|main|develop|dev|trunk|HEAD|refs/heads/[^/\s]+)/")


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


def from_branch(fetch: Command) -> bool:
    """The fetch names a URL through a moving branch (``https://raw.githubusercontent.com/o/r/main/x.service``)."""
    return any(_BRANCH_URL.match(w.text) for w in fetch.words)
