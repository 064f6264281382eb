"""Scripts an init system or a process supervisor runs, known by what they say, wherever a package keeps them.

A package ships init scripts under ``etc/init.d/`` when installed (``runners.run_by_system`` knows them by path),
but a source tree keeps them anywhere: Buildbot's ``contrib/init-scripts/buildmaster.init.sh``, Kallithea's
``init.d/kallithea-daemon-redhat``, a FreeBSD ``rc.d`` script under ``scripts/init/freebsd/``, a runit service's
``run`` under a distribution's ``files/<service>/``. init, rc and the supervisor run such a script as root on boot and
on ``service x start``; the installer never does, so what the privilege checks ask of an installer (a ``su`` that
needs a password, a ``chown`` that needs root) does not apply to it.

A script is one when its text says so:

- a SysV init script: an LSB ``### BEGIN INIT INFO`` block or a ``# chkconfig:`` header (the headers
  ``update-rc.d`` and ``chkconfig`` read), or a line that sources an init function library
  (``/lib/lsb/init-functions``, Red Hat's ``/etc/init.d/functions``) in a script that dispatches on ``start``;
- an rc script: OpenRC's interpreter line (``#!/sbin/openrc-run``, the older ``#!/sbin/runscript``: openrc-run
  sources the script and calls its ``start``), or a BSD rc.d script that sources ``rc.subr`` and hands its argument
  to ``run_rc_command`` (FreeBSD, NetBSD) or ``rc_cmd`` (OpenBSD);
- a supervised service's ``run`` or ``finish`` script (runit, s6, daemontools) that ``exec``s its process through the
  supervision suite's privilege tool (``exec chpst -u postgres …``, ``exec s6-setuidgid mosquitto …``,
  ``exec setuidgid …``): the supervisor runs it as root, and it drops to the service's account itself.

An install script that merely starts a service (``systemctl start x``) has none of these, nor has a script named
``run`` that ends in a plain ``exec``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from shipgate.preflight.shell.model import Script

_HEADER = re.compile(r"^#{1,3}\s*(?:BEGIN INIT INFO\b|chkconfig:\s*[-\d]+\s+\d+\s+\d+)")
_LIBRARY = re.compile(
    r"^\s*(?:\.|source)\s+[\"']?(?:/lib/lsb/init-functions|/etc/(?:rc\.d/)?init\.d/functions|/etc/rc\.subr)[\"']?\s*$"
)
_START_ITEM = re.compile(r"^\s*[\"']?start[\"']?\s*(?:\|[^)]*)?\)")
_HEAD_LINES = 60
# openrc-run (``runscript`` before OpenRC 0.13) as the script's interpreter, wherever it is installed.
_OPENRC = re.compile(r"^#![ \t]*/\S*/(?:openrc-run|runscript)(?:[ \t]|$)")
# The BSD rc.d library and the call that dispatches on the script's argument through it.
_RC_SUBR = re.compile(r"^\s*(?:\.|source)\s+[\"']?/etc/(?:rc\.d/)?rc\.subr[\"']?\s*$")
_RC_DISPATCH = re.compile(r"^\s*(?:run_rc_command|rc_cmd)\s+[\"']?\$")
# What a supervisor runs in a service directory, and the tools of runit, s6 and daemontools that run a process as
# another account.
_SERVICE_SCRIPTS = frozenset({"run", "finish"})
_SUPERVISION_DROPS = frozenset({"chpst", "s6-setuidgid", "s6-applyuidgid", "s6-envuidgid", "setuidgid", "envuidgid"})


def sysv_init_script(lines: Sequence[str]) -> bool:
    """The script is a SysV init script by its own text (see the module docstring)."""
    if not lines or not lines[0].startswith("#!"):
        return False
    if any(_HEADER.match(line) for line in lines[:_HEAD_LINES]):
        return True
    return any(_LIBRARY.match(line) for line in lines) and any(_START_ITEM.match(line) for line in lines)


def rc_script(lines: Sequence[str]) -> bool:
    """An OpenRC service script or a BSD rc.d script, by its interpreter line or its rc.subr dispatch."""
    if not lines or not lines[0].startswith("#!"):
        return False
    if _OPENRC.match(lines[0]):
        return True
    return any(_RC_SUBR.match(line) for line in lines) and any(_RC_DISPATCH.match(line) for line in lines)


def supervised_run_script(path: str, script: Script) -> bool:
    """A runit/s6/daemontools ``run`` or ``finish`` script that execs its process through the suite's privilege
    tool at its top level (see the module docstring)."""
    if posixpath.basename(path) not in _SERVICE_SCRIPTS:
        return False
    return any(
        "exec" in c.wrappers and _SUPERVISION_DROPS & {*c.wrappers, c.name or ""}
        for c in script.commands
        if c.function is None
    )


def service_script(path: str, lines: Sequence[str], script: Script) -> bool:
    """An init system, rc or a process supervisor runs the script as root, never the installer."""
    return sysv_init_script(lines) or rc_script(lines) or supervised_run_script(path, script)
