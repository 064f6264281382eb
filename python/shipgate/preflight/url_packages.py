"""A system package installed straight from a URL: ``rpm -Uvh https://repo.example.com/x-release.noarch.rpm``. rpm
fetches the file and installs it in one step; by default it checks the package's digests, not its signature (a
package signed by a key not imported, or not signed at all, installs with a warning), so nothing the package's
publisher signed is checked before its scriptlets run as root. A query (``rpm -qip URL``), a signature check
(``rpm -K URL``) or a dry run (``--test``) installs nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.model import Command, Script

# rpm's install, upgrade and freshen modes, alone or with their display options: -i, -Uvh, -Fvh, -ivh --force.
_INSTALL_MODE = re.compile(r"-[iUF][hvV]*|--(?:install|upgrade|freshen|reinstall)")
_NOTHING_INSTALLED = frozenset({"--test", "-K", "--checksig", "-q", "--query", "-V", "--verify"})
_URL = re.compile(r"(?:https?|ftp)://\S+")


def url_package_installs(script: Script) -> Iterator[tuple[Command, str]]:
    """(command, URL) of each rpm install, upgrade or freshen of a package given by URL."""
    for command in script.commands:
        if command.name != "rpm":
            continue
        words = [w.text for w in command.words]
        if not any(_INSTALL_MODE.fullmatch(w) for w in words) or _NOTHING_INSTALLED.intersection(words):
            continue
        url = next((w for w in words if _URL.match(w)), None)
        if url is not None:
            yield command, url
