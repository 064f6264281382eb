"""A secrets file sourced while ``set -x`` traces (``#!/bin/bash -ex`` then ``source /run/secrets/environment``): bash
traces every command the sourced file runs, so each ``NAME=value`` or ``export NAME=value`` in it is printed with
its value to the log, whatever the names are. A secrets file is one in a folder named for secrets (Docker's and
Kubernetes' ``/run/secrets/…`` mounts, a project's ``secrets/`` folder) or one whose own name says it holds a secret
(secret_files), a shell script's name read without its ``.sh``/``.bash`` (``source /expand_secrets.sh``: the script
that loads the secrets, its assignments traced alike). Not a file whose path is only known at run time, nor a
sourced file that is not a secrets file (``source /app/config.env``: what it sets is judged where it is used)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator

from shipgate.preflight.secret_files import secret_file_name
from shipgate.preflight.shell.model import Command, Script

_SOURCE = ("source", ".")
_SECRET_FOLDERS = frozenset({"secrets", "secret", ".secrets"})
_SCRIPT_SUFFIXES = (".sh", ".bash")


def secrets_file(path: str) -> bool:
    """The path names a file of secrets: a folder on it is named for secrets, or its own name is."""
    folders = posixpath.dirname(path).split("/")
    if any(f.lower() in _SECRET_FOLDERS for f in folders) or secret_file_name(path):
        return True
    stem = next((path[: -len(s)] for s in _SCRIPT_SUFFIXES if path.lower().endswith(s)), None)
    return stem is not None and secret_file_name(stem)


def traced_secret_sources(script: Script, start: int, off_at: Callable[[str | None, int], bool]) -> Iterator[Command]:
    """``source FILE`` / ``. FILE`` of a secrets file after line ``start``, where tracing is on (not where the
    function switched it off, not in a group whose stderr is thrown away)."""
    for command in script.commands:
        if command.name not in _SOURCE or command.line <= start or not command.words:
            continue
        if off_at(command.function, command.line) or "untraced" in command.conditions:
            continue
        target = command.words[0].value
        if target is not None and secrets_file(target):
            yield command
