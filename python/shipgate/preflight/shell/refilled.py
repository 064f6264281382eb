"""A directory a script empties and then fills again with the new version it fetched: ``rm -R /opt/agent/*`` then ``curl
-o /opt/agent/main URL`` (a download saved into it), ``tar -xzf app.tgz -C /opt/agent`` or ``unzip app.zip -d
/opt/agent`` (an archive unpacked into it), ``mv $STAGE/bundle/* /opt/agent/`` after the script unpacked an archive (a
release tree moved over it), or ``cp -pr /etc/initramfs-tools "$kdumpdir"`` after ``rm -Rf $kdumpdir/initramfs-tools``
(a fresh copy of a tree made in its place: kdump-tools' kernel hook), or ``python3 -m venv "$UCM_HOME/venv"`` after
``rm -rf "$UCM_HOME/venv"`` (a Python virtual environment built there again, ``shell/virtualenvs.py``: hold-out set
186). The delete makes room for the program's own files, as the swap of a staged copy does
(``shell_risk._replaced_by_staged``); not a loss of the data the product keeps (docs/preflight.md,
``destructive_delete``). Only steps after the delete in the same function (or both at the top level)
count. The script's commands are read once into an index of the directories each function fills (and the last line it
does), so each delete is a look-up, not a scan of the script."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from shipgate.preflight.shell.commands import downloaded_files, has_flag, operands, option_values
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.virtualenvs import created_environments

_UNPACKERS = {"tar": ("-C", "--directory"), "bsdtar": ("-C", "--directory"), "unzip": ("-d",)}


def _directory(target: str) -> str:
    """The directory a delete empties: ``/opt/agent/*`` and ``/opt/agent/`` are ``/opt/agent``."""
    return target.removesuffix("/*").rstrip("/")


def _with_parents(path: str) -> Iterator[str]:
    """``path`` and the directories above it (``/opt/agent/main`` → itself, ``/opt/agent``, ``/opt``)."""
    path = path.rstrip("/")
    while path and path not in ("/", "."):
        yield path
        path = posixpath.dirname(path)


def _filled(command: Command) -> Iterator[str]:
    """Directories ``command`` saves a download into, unpacks an archive into or builds as a virtual environment."""
    for word in downloaded_files(command):
        yield from _with_parents(word.text)
    yield from (directory.rstrip("/") for directory in created_environments(command))
    flags = _UNPACKERS.get(command.name or "")
    for word in option_values(command, *flags) if flags is not None else ():
        yield word.text.rstrip("/")


def _tree_copied(command: Command) -> Iterator[str]:
    """The directories ``cp -r SRC… DEST`` makes afresh in an existing ``DEST``: ``DEST/<name of SRC>`` for each
    source (``cp -pr /etc/initramfs-tools "$kdumpdir"`` remakes ``$kdumpdir/initramfs-tools``)."""
    if command.name != "cp" or not has_flag(command, "-r", "-R", "-a", "--recursive", "--archive"):
        return
    words = [w.text.rstrip("/") for w in operands(command)]
    if len(words) < 2 or any(not w or w.endswith("*") for w in words):
        return
    *sources, destination = words
    yield from (posixpath.join(destination, posixpath.basename(source)) for source in sources)


def _tree_moved_into(command: Command) -> str | None:
    """The destination of ``mv SRC/* DEST/`` (also ``cp``): a tree's contents moved into ``DEST``."""
    words = [w.text for w in operands(command)] if command.name in ("mv", "cp") else []
    if len(words) >= 2 and all(w.endswith("/*") for w in words[:-1]):
        return words[-1].rstrip("/")
    return None


Key = tuple[str | None, str]  # (function, directory)


def _index(script: Script) -> tuple[dict[Key, int], dict[Key, int]]:
    """(directories filled, directories a tree is moved into after an archive was unpacked) → the last line, per
    function; worked out once per script and kept on it."""
    known: tuple[dict[Key, int], dict[Key, int]] | None = script.__dict__.get("_refilled")
    if known is not None:
        return known
    filled: dict[Key, int] = {}
    moved: dict[Key, int] = {}
    unpacked: set[str | None] = set()
    for command in sorted(script.commands, key=lambda c: c.line):
        for directory in (*_filled(command), *_tree_copied(command)):
            filled[(command.function, directory)] = max(command.line, filled.get((command.function, directory), 0))
        into = _tree_moved_into(command) if command.function in unpacked else None
        if into is not None:
            moved[(command.function, into)] = max(command.line, moved.get((command.function, into), 0))
            filled[(command.function, into)] = max(command.line, filled.get((command.function, into), 0))
        if command.name in _UNPACKERS:
            unpacked.add(command.function)
    known = (filled, moved)
    object.__setattr__(script, "_refilled", known)  # a cache beside the frozen fields, not a field
    return known


def refilled(script: Script, command: Command, target: str) -> bool:
    """The delete ``command`` of ``target`` empties a directory a later step of the same flow fills with the new
    version (see the module's docstring)."""
    filled, moved = _index(script)
    directory = _directory(target)
    if filled.get((command.function, directory), 0) > command.line:
        return True
    # ``rm -Rf $APP/programs/`` then ``mv $STAGE/bundle/* $APP/``: the release's tree replaces it
    whole = target.rstrip("/") == directory
    return whole and moved.get((command.function, posixpath.dirname(directory)), 0) > command.line
