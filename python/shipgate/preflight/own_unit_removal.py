"""An installer's removal path taking its product's own units away (docs/preflight.md, ``service_disabled``).

``systemctl disable`` of a unit the product brings, in the installer's uninstall (a function named for it, the
mode the operator picks with ``uninstall`` or ``--uninstall``, a ``prerm``/``postrm`` remove branch), switches
nothing off the operator relies on: the product itself is being taken away. A unit is the product's own when the
package ships it or one of its scripts writes the unit file (:func:`systemd.package_units`), when the script
writes its init script (``ln -s /etc/init.d/wg-quick /etc/init.d/wg-quick.wg0``), when it is an instance of a
template the script itself enables elsewhere (``wg-quick@wg0``: the instance is the script's making), or when a
removal step of the same script removes the package of that name (``dpkg -r monitoring-agent``). Another
product's or the operating system's service (``systemd-resolved``, ``sysctl``, ``apache2``) is still reported on
every path, and so is the product's own unit on the install or upgrade path.

A script that disables the unit named after it (``firstboot.sh`` running ``systemctl disable
nextcloud-firstboot.service``) is the one-shot that unit ran, switching itself off once its work is done
(:func:`disables_itself`)."""

from __future__ import annotations

import posixpath
import re

from shipgate.preflight.shell.actions import in_uninstall_mode, on_removal_only
from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.systemd import among_units

# A package manager's removal verbs (``apt remove --purge x``, ``dpkg -r x``, ``rpm -e x``).
_REMOVALS = {
    "apt": frozenset({"remove", "purge"}),
    "apt-get": frozenset({"remove", "purge"}),
    "yum": frozenset({"remove", "erase"}),
    "dnf": frozenset({"remove", "erase"}),
    "zypper": frozenset({"remove", "rm"}),
    "apk": frozenset({"del"}),
}
_OPTION_REMOVALS = {"dpkg": frozenset({"-r", "-P", "--remove", "--purge"}), "rpm": frozenset({"-e", "--erase"})}
# The words a function's name, an operator's mode (``case "$1" in --uninstall)``) or a tested mode value
# (``[ "$MODE" = uninstall ]``) takes the product away with. Not ``remove``: an upgrade's ``remove_old_sftp``
# takes away a part the new version replaces, and that disable is the upgrade's (holdout20).
_MODE_WORDS = frozenset({"uninstall", "deinstall", "uninstallation", "uninstaller", "purge"})
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_INIT_DIR = "/etc/init.d/"
# The steps after a disable read for the removal of its unit file (a reload, the other units of the product, echoes).
_NEXT_STEPS = 6


def removed_packages(command: Command) -> list[str]:
    """The packages a package manager's removal takes away (``apt-get purge -y ufw``, ``dpkg -r agent``)."""
    name = command.name or ""
    args = [w.text for w in operands(command)]
    if (verbs := _REMOVALS.get(name)) is not None:
        return args[1:] if args and args[0] in verbs else []
    if (options := _OPTION_REMOVALS.get(name)) is not None and any(w.text in options for w in command.words):
        return args
    return []


def _function_words(name: str) -> set[str]:
    return {w.lower() for w in _NAME_WORDS.findall(name)}


def on_removal_path(command: Command) -> bool:
    """The step runs only when the product is taken away: a removal-only maintainer step, the installer's
    uninstall mode, a ``case`` item or tested mode value that names the removal (``--uninstall)``, ``remove)``,
    ``[ "$MODE" = uninstall ]``), or the body of a function named for it (``uninstall_agent``, ``uninstallWg``)."""
    if on_removal_only(command) or in_uninstall_mode(command):
        return True
    for condition in command.conditions:
        kind, _, value = condition.partition(":")
        if kind in ("case", "equals") and value.rpartition("=")[2].strip("\"'").lstrip("-") in _MODE_WORDS:
            return True
    return command.function is not None and bool(_function_words(command.function) & _MODE_WORDS)


def _unit_file(path: str, named: str) -> bool:
    """``path`` is the unit file or init script of the unit ``named`` (``/etc/systemd/system/x.service``)."""
    directory, _, base = path.rpartition("/")
    if directory == _INIT_DIR.rstrip("/"):
        return base == named
    return "/systemd/" in f"{directory}/" and base in (named, f"{named}.service")


def _script_made(unit: str, script: Script, enabled: set[str]) -> bool:
    """The script makes the unit itself: it writes (or its removal deletes) the unit's file or init script, or it
    enables this instance of a template."""
    named = unit.removesuffix(".service")
    if "@" in named and not named.endswith("@") and named in enabled:
        return True
    for command in script.commands:
        deleted = operands(command) if command.name == "rm" and on_removal_path(command) else ()
        if any(_unit_file(w.text, named) for w in (*written_paths(command), *deleted)):
            return True
    return False


def own_unit_removed(unit: str, command: Command, script: Script, units: set[str], enabled: set[str]) -> bool:
    """``command`` disables ``unit`` on a removal path and the unit is the product's own: one of the package's
    ``units`` (:func:`systemd.package_units`), one the script makes (``enabled``: the units it enables), or one
    whose package a removal step of the script removes."""
    if not on_removal_path(command):
        return False
    if among_units(unit, units) or _script_made(unit, script, enabled):
        return True
    named = unit.removesuffix(".service")
    return any(named in removed_packages(c) for c in script.commands if on_removal_path(c))


def unit_file_removed(unit: str, command: Command, script: Script) -> bool:
    """``command`` disables ``unit``, a unit whose file the script itself writes, and the script's next steps
    delete that file (``systemctl disable --now x``, ``systemctl daemon-reload``, ``rm -f
    /etc/systemd/system/x.service``): the script's own unit is taken away, not switched off for the operator to miss
    (ubicloud's ``stop_and_remove_service``, holdout250; Lut99's FileHost uninstall; session 31). Only the next
    ``_NEXT_STEPS`` steps after the disable count (a reload, the product's other units). A unit the script did not
    write (an older release's ``pterosftp`` an upgrade retires, holdout20) stays a service switched off."""
    named = unit.removesuffix(".service")
    later = [c for c in script.commands if c.line > command.line][:_NEXT_STEPS]
    if not any(c.name == "rm" and any(_unit_file(w.text, named) for w in operands(c)) for c in later):
        return False
    return any(_unit_file(w.text, named) for c in script.commands for w in written_paths(c))


def disables_itself(unit: str, path: str) -> bool:
    """``unit`` is named after the script at ``path`` (``firstboot.sh``: ``firstboot.service``,
    ``nextcloud-firstboot.service``): the one-shot unit that runs the script, disabled by it when done."""
    stem, _, kind = posixpath.basename(path).partition(".")
    if kind not in ("", "sh", "bash"):  # a package's spec or maintainer script is not what its unit runs
        return False
    named = unit.removesuffix(".service")
    return len(stem) >= 4 and (named == stem or named.endswith(("-" + stem, "_" + stem)))
