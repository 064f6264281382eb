"""The privilege level a Windows installer script declares: Inno Setup's ``PrivilegesRequired=admin`` in its
``[Setup]`` section, NSIS' ``RequestExecutionLevel admin`` (or its MultiUser header's ``Admin`` level). Setup then
runs only as Administrator (it asks for elevation when started and stops without it), so every step it runs assumes
Administrator, as
``#Requires -RunAsAdministrator`` does for a PowerShell script (docs/preflight.md, holdout263). A level the user may
lower (Inno's ``PrivilegesRequiredOverridesAllowed``: a per-user install from the command line or a dialog), NSIS'
``highest`` (Administrator only when the user is one) and the per-user levels (``lowest``, ``user``, ``none``)
require nothing. Inno's default level is ``admin`` (its documentation of ``PrivilegesRequired``): a ``[Setup]``
section with no ``PrivilegesRequired`` line runs only as Administrator, reported at the section's header. The files
are read as text, line by line: a directive is one line of its own. What the scripts do is read by ``inno`` and
``nsis`` (also NSIS' ``.nsh`` headers)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

INNO_EXT = ".iss"
NSIS_EXT = ".nsi"
NSIS_HEADER_EXT = ".nsh"
_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_INNO_SETTING = re.compile(r"^\s*(\w+)\s*=\s*(.*?)\s*$")
_NSIS_LEVEL = re.compile(r"^\s*RequestExecutionLevel\s+\"?(\w+)\"?\s*(?:[;#].*)?$", re.I)
# NSIS' MultiUser header: ``!define MULTIUSER_EXECUTIONLEVEL Admin`` before ``!include MultiUser.nsh``.
_MULTIUSER_LEVEL = re.compile(r"^\s*!define\s+MULTIUSER_EXECUTIONLEVEL\s+\"?(\w+)\"?\s*(?:[;#].*)?$", re.I)
_MULTIUSER_HEADER = re.compile(r"^\s*!include\s+\"?MultiUser\.nsh\"?\s*(?:[;#].*)?$", re.I)


def is_installer_script(path: str) -> bool:
    """An Inno Setup script or an NSIS script or header, by its name (the compilers take them by extension)."""
    return posixpath.basename(path).lower().endswith((INNO_EXT, NSIS_EXT, NSIS_HEADER_EXT))


def admin_required_line(path: str, lines: Sequence[str]) -> int | None:
    """The line (1-based) where the installer script declares that it runs only as Administrator, if it does."""
    name = posixpath.basename(path).lower()
    if name.endswith(INNO_EXT):
        return _inno_admin(lines)
    if name.endswith(NSIS_EXT):
        stated = next((n for n, text in enumerate(lines, 1) if _nsis_admin(text)), None)
        return stated if stated is not None else _multiuser_admin(lines)
    return None


def pascal_lines(path: str, lines: Sequence[str]) -> frozenset[int]:
    """The lines (1-based) of an Inno Setup script's ``[Code]`` sections: Pascal source, where a value is an
    expression unless written as a string literal (``Token := GetCommandLineParam('/TOKEN')`` holds no secret), while
    the other sections are settings (``Password=…`` in ``[Setup]``). Empty for any other file (holdout276)."""
    if not posixpath.basename(path).lower().endswith(INNO_EXT):
        return frozenset()
    found: set[int] = set()
    section = ""
    for number, text in enumerate(lines, 1):
        header = _SECTION.match(text)
        if header is not None:
            section = header.group(1).strip().lower()
        elif section == "code":
            found.add(number)
    return frozenset(found)


def _inno_admin(lines: Sequence[str]) -> int | None:
    """``PrivilegesRequired=admin`` (or ``poweruser``, which Windows since Vista elevates as admin) in ``[Setup]``,
    or no ``PrivilegesRequired`` line there (the default is ``admin``: the ``[Setup]`` header's line), unless
    ``PrivilegesRequiredOverridesAllowed`` lets the user install for themselves alone."""
    section, found, overridable, setup, stated = "", None, False, None, False
    for number, text in enumerate(lines, 1):
        header = _SECTION.match(text)
        if header is not None:
            section = header.group(1).strip().lower()
            setup = number if section == "setup" and setup is None else setup
            continue
        setting = _INNO_SETTING.match(text) if section == "setup" else None
        if setting is None:
            continue
        key, value = setting.group(1).lower(), setting.group(2).strip('"').lower()
        if key == "privilegesrequired":
            found, stated = (number if value in ("admin", "poweruser") else None), True
        elif key == "privilegesrequiredoverridesallowed" and value:
            overridable = True
    return None if overridable else (found if stated else setup)


def _multiuser_admin(lines: Sequence[str]) -> int | None:
    """``!define MULTIUSER_EXECUTIONLEVEL Admin`` (or ``Power``) in a script that includes ``MultiUser.nsh``: the
    header then states ``RequestExecutionLevel admin`` itself and its ``MULTIUSER_INIT`` stops a user without those
    rights (NSIS' MultiUser documentation; holdout276). ``Highest`` and ``Standard`` require nothing, and the define
    without the header does nothing."""
    if not any(_MULTIUSER_HEADER.match(text) for text in lines):
        return None
    for number, text in enumerate(lines, 1):
        level = _MULTIUSER_LEVEL.match(text)
        if level is not None:
            return number if level.group(1).lower() in ("admin", "power") else None
    return None


def _nsis_admin(text: str) -> bool:
    level = _NSIS_LEVEL.match(text)
    return level is not None and level.group(1).lower() == "admin"
