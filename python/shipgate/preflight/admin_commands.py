"""Scripts a package documents as system administration commands: a section-8 manual page of their own.

Section 8 of the manual holds the commands an administrator runs and the daemons the system starts. A script whose
manual page the package carries beside it (Mopidy's ``extra/mopidyctl/mopidyctl`` with ``mopidyctl.8``: a helper
that, run as root, starts ``mopidy`` commands as the service's account) or in a ``man8/`` folder is such a command:
the operator runs it later, by hand, as the account they choose, as a command an sdist installs on ``PATH`` is
(``installed_commands``). Installing the package does not run it, so what the privilege checks ask of an installer
does not apply to its own root check; what it does is still read.

A manual page of another section (``tool.1``: a user's command) says nothing about privilege.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

# ``name.8``, ``name.8.gz``, ``name.8.in`` (a page filled at build time), also ``name.8m``-style suffixes
_SECTION_8 = re.compile(r"^(?P<name>[\w.+-]+?)\.8[a-z]?(?:\.in)?(?:\.gz)?$")
_MAX_FILES = 200_000


def admin_commands(paths: Iterable[str]) -> frozenset[str]:
    """The paths of files a section-8 manual page beside them (same folder) or in a ``man8/`` folder documents."""
    listed: list[str] = []
    beside: set[tuple[str, str]] = set()  # (folder, command name) of each section-8 page
    in_man8: set[str] = set()
    for count, path in enumerate(paths):
        if count >= _MAX_FILES:
            break
        listed.append(path)
        folder, name = posixpath.split(path)
        page = _SECTION_8.match(name)
        if page is None:
            continue
        if posixpath.basename(folder) == "man8":
            in_man8.add(page.group("name"))
        beside.add((folder, page.group("name")))
    if not beside:
        return frozenset()
    return frozenset(
        p
        for p in listed
        if not _SECTION_8.match(posixpath.basename(p))
        and (posixpath.split(p) in beside or posixpath.basename(p) in in_man8)
    )
