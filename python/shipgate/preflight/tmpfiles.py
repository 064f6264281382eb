"""tmpfiles.d entries a package ships: ``systemd-tmpfiles`` creates or adjusts each path as root at every boot and
when the package is installed (tmpfiles.d(5): ``Type Path Mode User Group Age Argument``, one entry a line, ``#``
comments).

A file is read as tmpfiles.d configuration by its place: a ``*.conf`` in a ``tmpfiles.d`` directory (the only files
systemd reads there), or a Debian packaging file debhelper installs into ``/usr/lib/tmpfiles.d`` (``debian/tmpfiles``,
``debian/<package>.tmpfiles``, the older ``debian/<package>.tmpfile``, ``debian/<package>.<name>.tmpfile``).

An entry whose mode gives every local account write access is ``preflight.world_writable`` at its line, as a
``chmod 777`` in a script is: a file, fifo or device node with the write bit for others, a directory with it and
without the sticky bit (``1777`` is ``/tmp``'s shared mode, where each account removes only its own files). Only
the types whose mode field applies are read (``d D e v q Q`` directories, ``z Z`` adjusted paths, ``f F`` files,
``p`` fifos, ``c b`` device nodes); ``-`` is the default mode, and a ``~``/``:`` prefix still sets the bits it
names."""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, TextFile

_DIRECTORY_TYPES = frozenset("dDevqQ")
_MODE_TYPES = _DIRECTORY_TYPES | frozenset("zZfFpcb")
_OTHERS_WRITE = 0o002
_STICKY = 0o1000


def is_tmpfiles_config(path: str) -> bool:
    """A tmpfiles.d configuration file by its place (the module's docstring)."""
    lower = path.lower()
    parts = lower.split("/")
    name = parts[-1]
    if "tmpfiles.d" in parts[:-1]:
        return name.endswith(".conf")
    if parts[-2:-1] != ["debian"]:
        return False
    return name in ("tmpfiles", "tmpfile") or name.endswith((".tmpfiles", ".tmpfile"))


def _mode(field: str) -> int | None:
    """The mode an entry's field sets, or None (``-``, a specifier, anything not octal)."""
    digits = field.lstrip("~:")
    if not digits or any(c not in "01234567" for c in digits):
        return None
    return int(digits, 8)


def world_writable_entry(text: str) -> tuple[str, str] | None:
    """(path, mode) of an entry that makes its path writable by every local account, or None."""
    fields = text.split()
    if len(fields) < 3 or fields[0].startswith("#"):
        return None
    kind = fields[0][0]
    mode = _mode(fields[2])
    if kind not in _MODE_TYPES or mode is None or not mode & _OTHERS_WRITE:
        return None
    if kind in _DIRECTORY_TYPES and mode & _STICKY:
        return None
    return fields[1], fields[2]


def _entries(text: TextFile) -> Iterator[tuple[Line, str, str]]:
    for line in text.lines:
        entry = world_writable_entry(line.text.strip())
        if entry is not None:
            yield line, *entry


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if not is_tmpfiles_config(text.path):
            continue
        for line, path, mode in _entries(text):
            yield text.finding(
                line,
                "preflight.world_writable",
                Severity.MEDIUM,
                message=f"a tmpfiles.d entry makes {path} writable by every local account (mode {mode}); "
                f"systemd-tmpfiles applies it as root at every boot",
                remedy="Give the path the service's account or group and mode 0750/0640 (0770/0660 for a group); "
                "a directory every account must write to needs the sticky bit (1777).",
                mechanism="tmpfiles.d",
            )
