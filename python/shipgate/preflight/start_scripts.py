"""A service's start script: the script a container's command or a unit's ``ExecStart=`` runs, known by its last
step, which runs the product's application server in the foreground (``gunicorn --config … app.wsgi:application``,
``exec uwsgi …``, ``celery -A app worker``).

Whoever starts the service runs such a script, as the account the image or the unit names, never the installer. Its
writes under the service's own state folders (``/var/lib/<name>``, ``/var/log/<name>``, ``/var/cache/<name>``,
``/run/<name>``, ``/var/spool/<name>``: the volume a container mounts there, the ``StateDirectory=`` a unit creates)
are to folders that account owns, so they ask no root of the installer (docs/preflight.md, "Whole packages, round
eleven"). What it writes elsewhere (``/etc``, ``/usr``) and what it installs stay root's.

A script that gives a state folder to an account only when it runs as root (``if [ "$(id -u)" = "0" ]; then chown
-R act_runner:act_runner /var/lib/act_runner; fi``, a CI runner image's entrypoint) says it runs either as root or as
that account: the folder is the account's either way, so what the script writes inside it asks no root, on any line
(``state_folders_given_when_root``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command, Script

# Application servers and task runners a start script ends by running in the foreground.
_SERVERS = frozenset(
    {"gunicorn", "uwsgi", "uvicorn", "daphne", "hypercorn", "waitress-serve", "celery", "granian", "puma", "unicorn"}
)
# A service's own state folders; a path one level below them names the service's folder.
_STATE_ROOTS = ("/var/lib/", "/var/log/", "/var/cache/", "/run/", "/var/run/", "/var/spool/")


def starts_app_server(script: Script) -> bool:
    """The script's last top-level step runs an application server (see the module docstring)."""
    top = [c for c in script.commands if c.function is None and c.name]
    return bool(top) and max(top, key=lambda c: c.line).name in _SERVERS


def state_path(path: str) -> bool:
    """``path`` is inside a service's own state folder (``/var/lib/x/…``, not ``/var/lib`` itself)."""
    return any(path.startswith(root) and path[len(root) :].strip("/") for root in _STATE_ROOTS)


def writes_only_state(command: Command) -> bool:
    """Every path the command writes or makes is inside a service's own state folder."""
    paths = _changed_paths(command)
    return bool(paths) and all(state_path(p) for p in paths)


def writes_only_inside(command: Command, folders: tuple[str, ...]) -> bool:
    """Every path the command writes or makes is inside one of ``folders`` (each ending in ``/``)."""
    paths = _changed_paths(command)
    return bool(paths) and all(p.startswith(folders) for p in paths)


def _changed_paths(command: Command) -> list[str]:
    """The paths the command writes, else its absolute operands (``rm -rf /var/lib/x/old``, ``mkdir -p …``)."""
    return [w.text for w in written_paths(command)] or [w.text for w in operands(command) if w.text.startswith("/")]


def state_folders_given_when_root(script: Script) -> tuple[str, ...]:
    """The state folders (``/var/lib/x``…) a ``chown`` under a root check gives an account, each ending in ``/``."""
    found: list[str] = []
    for command in script.commands:
        if command.name != "chown" or "root" not in command.conditions:
            continue
        places = operands(command)[1:]
        found.extend(p.text.rstrip("/") + "/" for p in places if p.value is not None and state_path(p.text))
    return tuple(found)


_ROOT_OWNERS = frozenset({"root", "0", ""})


def state_folders_given_to_accounts(script: Script) -> list[tuple[int, str]]:
    """``(line, folder)`` for each state folder a ``chown`` with neither escalation nor a root check gives a named
    account (``chown -R postgres:postgres /var/lib/postgresql``, an appliance's migration script). That ``chown`` is
    the root-only step; from its line on the folder is the account's, so what the script writes inside it is no
    root-owned system directory's (the corpus rule: ``/var/lib/<product>/`` counts unless the product's own account
    owns it). A folder given to root, or to an owner not known before the run, stays root's."""
    found: list[tuple[int, str]] = []
    for command in script.commands:
        if command.name != "chown" or command.escalation or "root" in command.conditions:
            continue
        places = operands(command)
        if len(places) < 2 or places[0].value is None:
            continue
        owner = places[0].value.replace(".", ":").split(":")[0]
        if owner in _ROOT_OWNERS:
            continue
        found.extend(
            (command.line, p.text.rstrip("/") + "/") for p in places[1:] if p.value is not None and state_path(p.text)
        )
    return found


def inside_folders(why: str, folders: tuple[str, ...]) -> bool:
    """The path a root-only reason names (``writes /var/lib/x/.runner``) is inside one of ``folders``."""
    path = next((w for w in why.split() if w.startswith("/")), None)
    return path is not None and path.startswith(folders)


# How many folders a sourced path's tail must share with a package path to name it (``scripts/include.d/x.sh``).
_MIN_TAIL_PARTS = 2


def start_script_libraries(scripts: Mapping[str, Script]) -> frozenset[str]:
    """Shell libraries of the package that a start script sources (``. /usr/src/app/scripts/include.d/functions.sh``:
    where the image keeps the project, so the path's tail names the package's ``scripts/include.d/functions.sh``): their
    functions run in the start script, as the service's account."""
    found: set[str] = set()
    for path, script in scripts.items():
        if not starts_app_server(script):
            continue
        for command in script.commands:
            if command.name in (".", "source") and (targets := operands(command)):
                found |= _named_by(targets[0].text, path, scripts)
    return frozenset(found)


def _named_by(target: str, sourcing: str, scripts: Mapping[str, Script]) -> set[str]:
    """The package's scripts a sourced path names: relative to the sourcing script's folder, or by its tail."""
    relative = posixpath.normpath(posixpath.join(posixpath.dirname(sourcing), target))
    return {
        p
        for p in scripts
        if p != sourcing and (p == relative or (target.endswith("/" + p) and p.count("/") + 1 >= _MIN_TAIL_PARTS))
    }
