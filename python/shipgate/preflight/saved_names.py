"""Where a download given a directory as its destination saves the file.

Docker's ``ADD URL DEST`` and Ansible's ``get_url`` both take a directory for ``DEST`` and then name the file after
the URL's last path segment (``ADD https://…/s6-overlay-noarch.tar.xz /tmp`` saves ``/tmp/s6-overlay-noarch.tar.xz``;
``get_url: dest: /tmp`` likewise). Whether a path is a directory is known only on the target, so a destination is
taken for one when it is written with a trailing slash or is a directory every Linux system and image has
(the temporary directories, ``/opt``, ``/srv``, the ``bin`` directories, ``/``); any other path is the file itself.
"""

from __future__ import annotations

import posixpath
import re

# Directories that exist on every Linux system and base image (FHS): a download aimed at one lands inside it.
_TEMP_DIRS = frozenset({"/tmp", "/var/tmp"})  # noqa: S108 -- paths a file names, compared, never written here
_STANDARD_DIRS = _TEMP_DIRS | frozenset(
    {"/", "/opt", "/srv", "/root", "/usr/local", "/usr/src", "/usr/local/src"}
    | {"/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"}
)
_QUERY = re.compile(r"[?#].*$")


def saved_file(dest: str, url: str) -> str:
    """The path the download of ``url`` is saved at when given ``dest``: ``dest`` itself, or, when ``dest`` is a
    directory (a trailing slash, or a standard directory), the URL's last path segment inside it. A URL whose path
    has no last segment (``https://host/``) leaves ``dest`` as it is."""
    directory = dest.endswith("/") or dest.rstrip("/") in _STANDARD_DIRS or dest == "/"
    name = posixpath.basename(_QUERY.sub("", url).split("://", 1)[-1].partition("/")[2])
    if not directory or not name:
        return dest
    return f"{dest.rstrip('/')}/{name}"
