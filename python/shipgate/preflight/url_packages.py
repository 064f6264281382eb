"""A system package installed straight from a URL: ``rpm -Uvh https://repo.example.com/x-release.noarch.rpm``. rpm
fetches the file and installs it in one step; by default it checks the package's digests, not its signature (a
package signed by a key not imported, or not signed at all, installs with a warning), so nothing the package's
publisher signed is checked before its scriptlets run as root. A query (``rpm -qip URL``), a signature check
(``rpm -K URL``) or a dry run (``--test``) installs nothing.

yum and dnf given a package file's URL (``dnf -y install https://rpms.remirepo.net/…/remi-release-9.rpm``) fetch it
and install it as a local package, which they check against no key unless ``localpkg_gpgcheck`` is switched on
(it is off by default); a package name, or a URL that is no ``.rpm`` file, is resolved from the repositories, whose
``gpgcheck`` applies."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.model import Command, Script

# rpm's install, upgrade and freshen modes, alone or with their display options: -i, -Uvh, -Fvh, -ivh --force.
_INSTALL_MODE = re.compile(r"-[iUF][hvV]*|--(?:install|upgrade|freshen|reinstall)")
_NOTHING_INSTALLED = frozenset({"--test", "-K", "--checksig", "-q", "--query", "-V", "--verify"})
_URL = re.compile(r"(?:https?|ftp)://\S+")


# yum's and dnf's verbs that install the packages named (``localinstall`` is yum's for files, ``upgrade``/``update``
# install a newer file given so).
_YUM_LIKE = frozenset({"yum", "dnf", "dnf-3", "tdnf", "microdnf"})
_YUM_INSTALLS = frozenset({"install", "localinstall", "reinstall", "upgrade", "update", "localupdate"})
_LOCAL_CHECK_ON = re.compile(r"localpkg_gpgcheck=(?:1|true|yes|on)", re.IGNORECASE)


def url_package_installs(script: Script) -> Iterator[tuple[Command, str]]:
    """(command, URL) of each rpm install, upgrade or freshen of a package given by URL, and of each yum/dnf install
    of a package file given by URL with the local-package signature check not switched on."""
    for command in script.commands:
        words = [w.text for w in command.words]
        if command.name == "rpm":
            if not any(_INSTALL_MODE.fullmatch(w) for w in words) or _NOTHING_INSTALLED.intersection(words):
                continue
            url = next((w for w in words if _URL.match(w)), None)
        elif command.name in _YUM_LIKE:
            url = _yum_package_url(words)
        else:
            continue
        if url is not None:
            yield command, url


def _yum_package_url(words: list[str]) -> str | None:
    """The ``.rpm`` URL a yum/dnf install verb is given, unless ``--setopt=localpkg_gpgcheck=1`` checks it."""
    verb = next((w for w in words if not w.startswith("-")), None)
    if verb not in _YUM_INSTALLS or any(_LOCAL_CHECK_ON.search(w) for w in words):
        return None
    return next((w for w in words if _URL.match(w) and w.split("?", 1)[0].endswith(".rpm")), None)
