"""Settings handed to a package's own install scripts through the environment: ``sudo WAZUH_MANAGER='host' dpkg -i
./agent.deb`` (holdout182's Wazuh agent), ``SERVER=host apt-get install -y agent``. The package's maintainer
scripts read such variables and write them into the product's configuration, so a public host given there is one
the installed product connects to, as a configuration file's setting naming it is (docs/findings.md,
``external_endpoint``). Only a literal value that names a host is read (``DEBIAN_FRONTEND=noninteractive``,
``VERSION=1.2.3`` and ``$MANAGER`` name none)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from shipgate.preflight.shell.model import Command, Script

# The package tools' verbs and modes that install: dpkg's -i/--install, rpm's -i/-U/-F (with display letters), the
# front ends' install verbs.
_DPKG_INSTALL = re.compile(r"-[iR]|--install|--unpack")
_RPM_INSTALL = re.compile(r"-[iUF][hvV]*|--(?:install|upgrade|freshen|reinstall)")
_FRONT_ENDS = frozenset({"apt", "apt-get", "aptitude", "yum", "dnf", "microdnf", "tdnf", "zypper", "apk"})
_FRONT_END_VERBS = frozenset({"install", "localinstall", "reinstall", "add", "in"})


def _installs_package(command: Command) -> bool:
    words = [w.text for w in command.words]
    if command.name == "dpkg":
        return any(_DPKG_INSTALL.fullmatch(w) for w in words)
    if command.name == "rpm":
        return any(_RPM_INSTALL.fullmatch(w) for w in words)
    if command.name in _FRONT_ENDS:
        return next((w for w in words if not w.startswith("-")), None) in _FRONT_END_VERBS
    return False


def installer_settings(script: Script, host_of: Callable[[str], str | None]) -> Iterator[tuple[int, str, str]]:
    """(line, host, the command's text) of each environment variable a package install is given whose literal value
    names a host (``host_of``: the host a setting's value names, or None)."""
    for command in script.commands:
        if not command.env or not _installs_package(command):
            continue
        for _, word in command.env:
            value = word.text.partition("=")[2]
            host = host_of(value) if value and "$" not in word.raw else None
            if host is not None:
                yield command.line, host, command.text
