"""Units a script's own package installs bring (docs/findings.md, ``systemd_unit_missing``).

``apt-get install -y nginx`` then ``systemctl restart nginx``: the unit is not on the target before the run and not
in the package, but the distribution package the script installs just above ships it. A unit counts as brought by
an install written before it when its name is a package's (``nginx`` → ``nginx.service``) or the first part of one
(``mariadb-server`` → ``mariadb.service``, ``docker-ce`` → ``docker.service``); packages read from the operands of
``apt-get``/``apt``/``aptitude``/``dnf``/``yum``/``zypper install``, ``apk add`` and ``pacman -S``. A unit whose name
no installed package says (``openssh-server`` ships ``ssh.service``) is still looked up."""

from __future__ import annotations

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Script

_INSTALL_VERBS = {
    "apt-get": "install", "apt": "install", "aptitude": "install", "dnf": "install", "yum": "install",
    "zypper": "install", "apk": "add",
}  # fmt: skip
# ``pacman -S`` options that ask instead of installing: search, info, clean, groups, list.
_PACMAN_QUERIES = frozenset("sicgl")


def installed_packages(script: Script) -> list[tuple[int, str]]:
    """(line, package name) of every package a system package manager of the script installs."""
    found: list[tuple[int, str]] = []
    for command in script.commands:
        name = command.name or ""
        words = [w.text for w in operands(command)]
        if name == "pacman" and any(w.startswith("-S") and not set(w[2:]) & _PACMAN_QUERIES for w in command.args):
            packages = words
        elif name in _INSTALL_VERBS and words[:1] == [_INSTALL_VERBS[name]]:
            packages = words[1:]
        else:
            continue
        found.extend((command.line, p.split("=", 1)[0]) for p in packages if p and "/" not in p and "$" not in p)
    return found


def brought_by_install(unit: str, packages: list[tuple[int, str]], line: int) -> bool:
    """Whether a package installed before ``line`` ships ``unit`` by its name (see the module's docstring)."""
    base = unit.rsplit(".", 1)[0].partition("@")[0]
    return any(at < line and (package == base or package.startswith(base + "-")) for at, package in packages)
