"""SysV init scripts named by what they say, wherever a package keeps them.

A package ships init scripts under ``etc/init.d/`` when installed (``runners.run_by_system`` knows them by path),
but a source tree keeps them anywhere: Buildbot's ``contrib/init-scripts/buildmaster.init.sh``, Kallithea's
``init.d/kallithea-daemon-redhat``. init runs such a script as root on boot and on ``service x start``; the
installer never does, so what the privilege checks ask of an installer (a ``su`` that needs a password, a
``chown`` that needs root) does not apply to it.

A script is one when its text says so: an LSB ``### BEGIN INIT INFO`` block or a ``# chkconfig:`` header (the
headers ``update-rc.d`` and ``chkconfig`` read), or a line that sources an init function library
(``/lib/lsb/init-functions``, Red Hat's ``/etc/init.d/functions``) in a script that dispatches on ``start``.
An install script that merely starts a service (``systemctl start x``) has none of these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADER = re.compile(r"^#{1,3}\s*(?:BEGIN INIT INFO\b|chkconfig:\s*[-\d]+\s+\d+\s+\d+)")
_LIBRARY = re.compile(
    r"^\s*(?:\.|source)\s+[\"']?(?:/lib/lsb/init-functions|/etc/(?:rc\.d/)?init\.d/functions|/etc/rc\.subr)[\"']?\s*$"
)
_START_ITEM = re.compile(r"^\s*[\"']?start[\"']?\s*(?:\|[^)]*)?\)")
_HEAD_LINES = 60


def sysv_init_script(lines: Sequence[str]) -> bool:
    """The script is a SysV init script by its own text (see the module docstring)."""
    if not lines or not lines[0].startswith("#!"):
        return False
    if any(_HEADER.match(line) for line in lines[:_HEAD_LINES]):
        return True
    return any(_LIBRARY.match(line) for line in lines) and any(_START_ITEM.match(line) for line in lines)
