"""Package files a package manager installs from a path (``dpkg -i x.deb``, ``apt-get install ./x.deb``, ``rpm -Uvh
x.rpm``, ``dnf install /tmp/x.rpm``, ``apk add --allow-untrusted x.apk``): installing one runs its maintainer
scripts as root and puts its programs in place, and a local file is taken as it is, with no repository's signed
index behind it (docs/preflight.md, ``unverified_download_exec``)."""

from __future__ import annotations

from shipgate.preflight.shell.commands import has_flag, operands
from shipgate.preflight.shell.model import Command, Word

_PACKAGE_SUFFIXES = (".deb", ".rpm", ".apk", ".pkg.tar.zst", ".pkg.tar.xz")
# Managers whose install verb also takes repository package names: only a path or a package file is a file.
_VERB_MANAGERS = {
    "apt": frozenset({"install", "reinstall"}),
    "apt-get": frozenset({"install", "reinstall"}),
    "dnf": frozenset({"install", "localinstall", "upgrade", "reinstall"}),
    "yum": frozenset({"install", "localinstall", "upgrade", "reinstall"}),
    "zypper": frozenset({"install", "in"}),
    "apk": frozenset({"add"}),
}


def _a_file(word: Word) -> bool:
    return "/" in word.text or word.text.endswith(_PACKAGE_SUFFIXES)


def installed_package_files(command: Command) -> list[Word]:
    """The package files ``command`` installs: ``dpkg -i``/``--install`` and ``gdebi`` operands, ``rpm`` ``-i``/
    ``-U``/``-F`` operands, and the paths or package files an install verb of apt, dnf, yum, zypper or apk is
    given."""
    name = command.name or ""
    ops = operands(command)
    if name == "dpkg" and has_flag(command, "-i", "--install"):
        return ops
    if name == "gdebi":
        return ops
    if name == "rpm" and has_flag(command, "-i", "-U", "-F", "--install", "--upgrade", "--freshen"):
        return [w for w in ops if _a_file(w)]
    verbs = _VERB_MANAGERS.get(name)
    if verbs is None or not ops or ops[0].text not in verbs:
        return []
    return [w for w in ops[1:] if _a_file(w)]
