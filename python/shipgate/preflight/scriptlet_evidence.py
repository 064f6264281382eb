"""What, beyond a maintainer script's standard name, shows that a package manager runs a script as root.

fpm, nfpm and electron-builder take scriptlets from files the vendor names as it likes and keeps where it likes
(``scripts/post-install.sh``, ``dist-assets/linux/before-remove.sh``, ``etc/hooks/rpm/foo.postup``). The same
names are used for a vendor's own hooks (an npm ``post-install.sh``, a CI ``before-install.sh``), so the name alone
decides only inside a packaging directory (:func:`shipgate.preflight.contents.is_maintainer_script`). Elsewhere the
file's own steps decide, read from the parsed script:

- a script named for a package phase (``before-remove``, ``post_install``, ``afterUpgrade``…) that tests ``$1``
  against what a package manager passes: dpkg's actions (``upgrade``, ``remove``, ``purge``, ``configure``,
  ``abort-…``) or rpm's count of installed versions (``[ "$1" -gt 0 ]``, ``[ $1 -eq 1 ]``);
- a script named for the after-install phase (``post-install.sh``, ``after-install.sh``, ``afterInstall.sh``)
  that registers a service to start at boot (``systemctl enable``, ``update-rc.d … defaults``, ``chkconfig
  --add``, ``rc-update add``, ``deb-systemd-helper enable``): the step a package's after-install runs for the
  unit it ships, which a build or CI hook never takes.

A file named for a phase by its last suffix (``<package>.postup``, ``.preun``, ``.postun``) in a packaging directory
is a scriptlet by name: :func:`phase_suffix`. In a whole package, a folder that holds scripts for both sides of a
package's life — an install or upgrade phase and a removal phase (``beforeInstall.sh`` beside ``afterRemoveDEB.sh``,
``post-install.sh`` beside ``post-uninstall.sh``) — is a set of scriptlets: :func:`phase_folder_scriptlets`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

from shipgate.preflight.shell.model import Command, Script

# A phase of a package's life as fpm and RPM spell it, with the separators vendors use (``before-remove``,
# ``post_install``, ``afterUpgrade`` lower-cased), at the end of the file's name.
_PHASE_NAME = re.compile(
    r"(?:^|[-_.])(?:pre|post|before|after)[-_]?(?:inst(?:all)?|rm|remove|uninstall|upgrade)(?:\.(?:sh|bash))?$"
)
_AFTER_INSTALL_NAME = re.compile(r"(?:^|[-_.])(?:post|after)[-_]?install(?:\.(?:sh|bash))?$")
# ``foo.postup`` (fpm --after-upgrade), ``foo.preun``/``foo.postun`` (RPM's %preun/%postun): a phase by suffix.
_PHASE_SUFFIX = re.compile(r"(?:pre|post)(?:inst(?:all)?|rm|remove|uninstall|upgrade|up|un|trans)")
# What dpkg passes a maintainer script as $1 (never ``install`` alone: vendors' hooks take that word too), or a
# number (rpm's count of the package's versions after the transaction).
_ACTION = r"(?:configure|upgrade|remove|purge|deconfigure|disappear|failed-upgrade|abort-[a-z]+|\d+)"
_ARGUMENT_TEST = re.compile(
    r"""\$\{?1\}?["']?\s*(?:==?|!=|-eq|-ne|-gt|-ge|-lt|-le)\s*["']?""" + _ACTION + r"""["']?(?=[\s\];)]|$)"""
)
_CASE_ACTIONS = frozenset(
    {"configure", "upgrade", "remove", "purge", "deconfigure", "disappear", "failed-upgrade", "0", "1", "2"}
)


def phase_suffix(name: str) -> bool:
    """``isc-stork-server.postup``, ``vendor.preun``: the name's last suffix is a package phase."""
    stem, dot, suffix = name.lower().rpartition(".")
    return bool(dot and stem) and bool(_PHASE_SUFFIX.fullmatch(suffix))


def run_by_package_manager(script: Script, lines: tuple[str, ...]) -> bool:
    """A script named for a package phase whose steps show the package manager runs it (module docstring)."""
    name = script.path.rsplit("/", 1)[-1].lower()
    if not _PHASE_NAME.search(name):
        return False
    if _tests_package_argument(script, lines):
        return True
    return bool(_AFTER_INSTALL_NAME.search(name)) and any(_registers_service(c) for c in script.commands)


def _tests_package_argument(script: Script, lines: tuple[str, ...]) -> bool:
    cases = {c[5:].strip("\"')") for cmd in script.commands for c in cmd.conditions if c.startswith("case:")}
    if cases & _CASE_ACTIONS or any(c.startswith("abort-") for c in cases):
        return True
    return any(_ARGUMENT_TEST.search(line) for line in lines if not line.lstrip().startswith("#"))


def _registers_service(command: Command) -> bool:
    """``systemctl enable x``, ``update-rc.d x defaults``, ``chkconfig --add x`` / ``chkconfig x on``,
    ``rc-update add x``, ``deb-systemd-helper enable x``: the service starts at boot from now on."""
    args = command.args
    if command.name in ("systemctl", "deb-systemd-helper"):
        return "enable" in args
    if command.name == "update-rc.d":
        return any(a in ("defaults", "enable") for a in args)
    if command.name == "chkconfig":
        return "--add" in args or args[-1:] == ("on",)
    return command.name == "rc-update" and args[:1] == ("add",)


# A phase anywhere in a name, at its start or after a separator (``afterRemoveDEB``, ``postinstall-freebsd``):
# group 1 says which side of the package's life it runs on.
_PHASE_IN_NAME = re.compile(
    r"(?:^|[-_.])(?:pre|post|before|after)[-_]?(?:(inst(?:all)?|upgrade|up(?![a-z]))|rm|remove|uninstall|un(?![a-z]))"
)
_SCRIPT_SUFFIXES = ("", ".sh", ".bash")


def phase_folder_scriptlets(paths: Iterable[str]) -> frozenset[str]:
    """The phase-named scripts of every folder that holds both an install-side phase (install, upgrade) and a
    removal-side one (remove, uninstall): fpm's set for one package, whatever each name says alone. A folder of
    install hooks only (a vendor installer's ``pre-install.sh``/``post-install.sh``, CI's ``before-install.sh``)
    is not such a set."""
    folders: dict[str, list[tuple[str, bool]]] = {}
    for path in paths:
        folder, name = posixpath.split(path)
        match = _PHASE_IN_NAME.search(name.lower())
        if match is not None and _script_name(path):
            folders.setdefault(folder, []).append((path, match.group(1) is not None))
    found: set[str] = set()
    for entries in folders.values():
        sides = {installing for _, installing in entries}
        if sides == {True, False}:
            found.update(p for p, _ in entries)
    return frozenset(found)


def _script_name(path: str) -> bool:
    name = posixpath.basename(path).lower()
    return "." not in name.lstrip(".") or name.endswith(_SCRIPT_SUFFIXES[1:]) or phase_suffix(name)
