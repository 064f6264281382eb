"""Scripts a package's own root jobs run: cron and systemd run them as root, never the installer account.

A package that ships a system crontab line (``10 0 * * * root /usr/bin/nightly.sh``) or a system service
(``ExecStart=/opt/vendor/bin/backup.sh``, no ``User=``) and the script that line names has the script run by cron
or systemd, as root, on their schedule. What the privilege checks ask of an installer step (escalation, a uid check,
sudo being available) does not apply to it, as it does not to an init script (``runners.run_by_system``): its
``sudo -u vendor …`` is root dropping to the product's account, its ``mkdir /var/lib/vendor/…`` root's own step.
What such a script does is still read.

Which script a line names: the program of a command in it, or the script an interpreter or ``.`` is given
(``runners.run_path``), as the package holds it at that path (``usr/lib/vendor/nightly.sh``) or, when the package
keeps it elsewhere in its source tree (``lib/bin/nightly.sh`` installed as ``/usr/bin/nightly.sh``), as the one
file of the package with that name. Only jobs that run as root: a crontab line's user field ``root`` (a crontab with
no user field runs as whoever installs it), a system unit with no ``User=``/``DynamicUser=`` or ``User=root`` (not
a user unit under ``systemd/user/``, not a drop-in, whose unit may set ``User=`` elsewhere), or an ``Exec*=`` line
with systemd's ``+`` prefix (full privileges whatever the user).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping

from shipgate.preflight.cron import looks_like_crontab, parse_crontab
from shipgate.preflight.runners import run_path
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.units import Unit, is_unit_path, looks_like_unit, parse_unit

_MAX_JOB_FILE = 1 << 20
_EXEC_KEYS = frozenset(
    {"ExecCondition", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost"}
)
_EXEC_PREFIX = re.compile(r"^[-@:+!]+")
_ROOT = frozenset({"root", "0"})


def root_job_scripts(files: Mapping[str, bytes]) -> frozenset[str]:
    """The package's paths that its root cron jobs and root system services run."""
    named: set[str] = set()
    for path, data in files.items():
        if len(data) > _MAX_JOB_FILE or not _job_file_name(path):
            continue
        text = data.decode("utf-8", errors="replace")
        if is_unit_path(path.lower()) and looks_like_unit(text):
            named.update(_unit_programs(parse_unit(text, path=path)))
        elif looks_like_crontab(text):
            named.update(_cron_programs(path, text))
    return frozenset(_package_paths(named, files)) if named else frozenset()


def _job_file_name(path: str) -> bool:
    """A unit or drop-in by name, or a crontab by name or place (``cron.d/x``, ``debian/cron.d``,
    ``debian/vendor.cron.d``, ``crontab``, ``x.cron``)."""
    lower = path.lower()
    name = posixpath.basename(lower)
    folders = lower.split("/")[:-1]
    cron_place = any(part in ("cron", "cron.d", "crontabs") for part in folders)
    cron_name = name in ("cron.d", "crontab") or name.endswith((".cron.d", ".cron"))
    return is_unit_path(lower) or cron_place or cron_name


def _cron_programs(path: str, text: str) -> Iterator[str]:
    system = True if "cron.d/" in path.lower() or path.lower().endswith("etc/crontab") else None
    for job in parse_crontab(text, path=path, system=system).jobs:
        if job.user == "root":
            yield from _programs(job.command.split("%", 1)[0])


def _unit_programs(unit: Unit) -> Iterator[str]:
    if unit.drop_in or "systemd/user/" in unit.path.lower():
        return
    users = [s.value for s in unit.settings if s.section == "Service" and s.key == "User"]
    dynamic = any(s.key == "DynamicUser" and s.value.lower() in ("yes", "true", "1", "on") for s in unit.settings)
    as_root = (not users or users[-1] in _ROOT) and not dynamic
    for setting in unit.settings:
        if setting.section != "Service" or setting.key not in _EXEC_KEYS or not setting.value:
            continue
        prefix = _EXEC_PREFIX.match(setting.value)
        if as_root or (prefix is not None and "+" in prefix.group()):
            yield from _programs(_EXEC_PREFIX.sub("", setting.value))


def _programs(command_line: str) -> Iterator[str]:
    for command in parse_script(command_line + "\n", path="job").commands:
        run = run_path(command)
        if run is not None:
            yield run


def _package_paths(named: Iterable[str], files: Mapping[str, bytes]) -> Iterator[str]:
    """Each named absolute path as the package holds it: at that path, else the one file with its name."""
    by_name: dict[str, list[str]] = {}
    for path in files:
        by_name.setdefault(posixpath.basename(path), []).append(path)
    for run in named:
        exact = run.lstrip("/")
        if exact in files:
            yield exact
            continue
        same_name = by_name.get(posixpath.basename(run), [])
        if len(same_name) == 1:
            yield same_name[0]
