"""The directories a script runs programs from (``bash "${STEAMAPPDIR}/srcds_run"`` runs from ``$STEAMAPPDIR``): an
archive unpacked into one of them, or below one, becomes part of the program's tree (plugins, add-ons, libraries
it loads), so what the archive holds is run with it (docs/preflight.md, ``unverified_download_exec``)."""

from __future__ import annotations

import posixpath
import re

from shipgate.preflight.shell.commands import executed_file
from shipgate.preflight.shell.model import Command, Script

# Not a program's own tree: the root, the home directory, the working directory as such.
_TOO_WIDE = frozenset({"", "/", ".", "..", "~", "$HOME", "${HOME}"})
# An archive named as settings (``cfg.tar.gz``, ``config.zip``, ``default-settings.tgz``): what a program reads.
_SETTINGS_ARCHIVE = re.compile(r"(?:^|[-_.])(?:cfg|configs?|conf|settings)(?:\.[A-Za-z0-9]+)+$", re.IGNORECASE)
# Scratch places: an archive unpacked under one of them is read or moved on, not run from there.
_SCRATCH = re.compile(r"(?:^|/)\.?(?:tmp|temp|cache)(?:/|$)", re.IGNORECASE)


def program_directories(script: Script) -> frozenset[tuple[str, str]]:
    """The files, as spelled, the script runs by a path (absolute or from a variable), each with its directory:
    the working directory's ``./x`` is left out (where the script stands is not the program's tree)."""
    found: set[tuple[str, str]] = set()
    for command in script.commands:
        ran = executed_file(command)
        if ran is None or not ran.text.startswith(("/", "$", "~")):
            continue
        directory = posixpath.dirname(ran.text.rstrip("/"))
        if directory not in _TOO_WIDE and not _SCRATCH.search(directory):
            found.add((directory, ran.text))
    return frozenset(found)


def in_program_tree(path: str, programs: frozenset[tuple[str, str]]) -> bool:
    """``path`` (an unpack target) is the directory of a program the script runs, or below it, and is not a
    scratch place. When the script runs a program inside ``path`` itself, that run is reported where it runs."""
    path = path.rstrip("/")
    if not path or _SCRATCH.search(path) or any(ran.startswith(path + "/") for _, ran in programs):
        return False
    return any(path == d or path.startswith(d + "/") for d, _ in programs)


# A directory named only by a value an Ansible play gives (``unarchive: dest: "{{ jira_install_path }}"``, read as
# ``tar -xf … -C "${ANSIBLE_VALUE}"`` by shipgate.preflight.embedded), or a directory below one: a role unpacks into
# the directory its variables name to install what the archive holds (the role's service runs it from there).
_PLAY_DIRECTORY = re.compile(r"^\$\{?ANSIBLE_VALUE\}?(?:/[^/$]+)*/?$")


def role_directory(path: str) -> bool:
    """``path`` (an unpack target) is a directory a play's variable names, not a scratch place below it."""
    return _PLAY_DIRECTORY.match(path) is not None and not _SCRATCH.search(path)


def settings_archive(names: list[str]) -> bool:
    """One of the names the fetched archive goes by (its URL's last part, the file it was saved as) says it holds
    settings: unpacked into a program's tree it is configuration the program reads, not code it runs."""
    return any(_SETTINGS_ARCHIVE.search(posixpath.basename(n.split("?", 1)[0])) for n in names)


# A file named for updating the product in place (``updaterelease``, ``update.sh``, ``self-update``, ``upgrade.py``).
_UPDATER = re.compile(r"^(?:self[-_]?)?(?:update|upgrade)|[-_.](?:update|upgrade)(?:[-_.]|$)", re.IGNORECASE)
# The script's own directory, or a directory above it by ``..`` (``"$(dirname "$0")"``, ``"$(dirname "$0")/.."``, the
# working directory after ``cd "$(dirname "$0")"`` and ``cd ..``): the tree the script itself belongs to.
_ANCHORED = re.compile(r'^"?\$\(dirname "?\$0"?\)"?(?:/\.\.)*"?/?$')
# The directory the updater runs in, or its own: an unpack with no target, ``-C .``, ``-d "$(dirname "$0")"``.
_OWN_DIR = re.compile(r"^(?:\.|\./)$")
# tar's extract mode: a first cluster with ``x`` (``xvfz``, ``-xzf``), ``--extract``/``--get``.
_EXTRACTS = re.compile(r"^-?[A-Za-z]*x[A-Za-z]*$|^--(?:extract|get)$")


# A program file of another language read as shell: the files beside it are its own code.
_PROGRAM_SUFFIXES = (".py", ".php", ".rb", ".js", ".mjs", ".cjs", ".ts", ".go", ".pl")
_RESTARTERS = frozenset({"systemctl", "service", "rc-service", "supervisorctl", "pm2", "sv", "initctl"})


def replaces_own_code(script_path: str, target: str, cwd: str) -> bool:
    """An updater (named for updating in place) moves or copies a file onto a program file of its working directory
    (``mv "$file.new" "$file"`` over ``bot.py``, ``index.php``): the installation's own code, which the product runs
    next (its service restarted, the web server's next request; holdout238's botlinkmaster and webshare updaters).
    Not a path elsewhere, not a working directory that is a scratch place (``cd /tmp``)."""
    if not _UPDATER.search(posixpath.basename(script_path)) or _SCRATCH.search(cwd):
        return False
    if target.startswith(("/", "~", "$", "..")) or _SCRATCH.search(target):
        return False
    return target.endswith(_PROGRAM_SUFFIXES)


def restarts(command: Command) -> bool:
    """``service domoticz.sh restart``, ``systemctl restart x``, ``pm2 restart app``: the product started again."""
    return command.name in _RESTARTERS and any(
        w.text in ("restart", "reload", "start", "try-restart") for w in command.words
    )


def anchored_on_script(directory: str) -> bool:
    """``directory`` is the script's own directory or one above it by ``..``, as spelled from ``$0``: not the
    caller's working directory, which may be a staging place, but the installation the script is part of."""
    return _ANCHORED.match(directory) is not None


def own_code_runs_next(script_path: str, later: list[Command]) -> bool:
    """What an updater unpacked where it runs is run next: the updater is a program whose own code lies there, or
    the script restarts the product after it (an installation updated in place, then started)."""
    return script_path.endswith(_PROGRAM_SUFFIXES) or any(restarts(c) for c in later)


def updates_own_tree(script_path: str, command: Command, into: list[str]) -> bool:
    """An updater unpacks an archive into the directory it runs in (or its own): over the installation it updates,
    whose code runs next (holdout32's Domoticz ``updaterelease``, holdout96's bot ``update.py``). Not a listing
    (``tar -tzf``), not an installer or other script, not a directory it moved to first (``cd /tmp``)."""
    if not _UPDATER.search(posixpath.basename(script_path)):
        return False
    if not any(_OWN_DIR.match(d) or anchored_on_script(d) for d in into):
        return False
    if command.name == "unzip":
        return not any(w.text in ("-l", "-t", "-v", "-Z") for w in command.words)
    return any(_EXTRACTS.match(w.text) for w in command.words[:2])
