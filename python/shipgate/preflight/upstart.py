"""Upstart job files (init(5) of Upstart): the shell their stanzas run.

A job (``debian/x.upstart``, ``init/x.conf``) runs its main process from ``exec COMMAND`` or a ``script`` … ``end
script`` block, and the same forms after ``pre-start``, ``post-start``, ``pre-stop`` and ``post-stop``; Upstart hands
each to ``/bin/sh`` (``-e`` for blocks). ``env NAME=VALUE`` sets a variable those commands see. Every other stanza
(``start on``, ``respawn``, ``setuid``, ``description``…) is configuration. Upstart runs the job as root (or as the
``setuid`` account), never as the installer: the commands are read as the host's own (``Embedded.root``).

A file is a job when its name says Upstart (``*.upstart``) or it is a ``*.conf`` under an ``init``/``upstart``
directory, and its text has a ``start on``/``stop on``/``exec``/``script`` stanza.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

Piece = tuple[int, str]

_PHASE = r"(?:(?:pre|post)-(?:start|stop)\s+)?"
_EXEC = re.compile(rf"^\s*{_PHASE}exec\s+(\S.*)$")
_SCRIPT = re.compile(rf"^\s*{_PHASE}script\s*(?:#.*)?$")
_END = re.compile(r"^\s*end\s+script\s*(?:#.*)?$")
_ENV = re.compile(r"^\s*env\s+([A-Za-z_][A-Za-z0-9_]*=.*)$")
_JOB_STANZA = re.compile(rf"^\s*(?:start\s+on|stop\s+on|{_PHASE}exec\s|{_PHASE}script\s*$)", re.M)
_JOB_DIRS = frozenset({"init", "upstart"})


def is_job(path: str, text: str) -> bool:
    """An Upstart job file by its name and stanzas (see the module docstring)."""
    lower = path.lower()
    name = posixpath.basename(lower)
    named = name.endswith(".upstart") or (name.endswith(".conf") and bool(_JOB_DIRS & set(lower.split("/")[:-1])))
    return named and bool(_JOB_STANZA.search(text))


def commands(text: str) -> Iterator[Piece]:
    """Each ``exec`` command and ``script`` block at its line, and each ``env`` as an assignment."""
    body: list[str] | None = None
    first = 0
    for number, raw in enumerate(text.split("\n"), 1):
        if body is not None:
            if _END.match(raw):
                yield first, "\n".join(body)
                body = None
            else:
                body.append(raw)
            continue
        if _SCRIPT.match(raw):
            body, first = [], number + 1
        elif m := _EXEC.match(raw):
            yield number, m.group(1)
        elif m := _ENV.match(raw):
            yield number, f"export {m.group(1)}"
