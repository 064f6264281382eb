"""The privilege level a Windows installer script declares: Inno Setup's ``PrivilegesRequired=admin`` in its
``[Setup]`` section, NSIS' ``RequestExecutionLevel admin``. Setup then runs only as Administrator (it asks for
elevation when started and stops without it), so every step it runs assumes Administrator, as
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


def is_installer_script(path: str) -> bool:
    """An Inno Setup script or an NSIS script or header, by its name (the compilers take them by extension)."""
    return posixpath.basename(path).lower().endswith((INNO_EXT, NSIS_EXT, NSIS_HEADER_EXT))


def admin_required_line(path: str, lines: Sequence[str]) -> int | None:
    """The line (1-based) where the installer script declares that it runs only as Administrator, if it does."""
    name = posixpath.basename(path).lower()
    if name.endswith(INNO_EXT):
        return _inno_admin(lines)
    if name.endswith(NSIS_EXT):
        return next((n for n, text in enumerate(lines, 1) if _nsis_admin(text)), None)
    return None


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


def _nsis_admin(text: str) -> bool:
    level = _NSIS_LEVEL.match(text)
    return level is not None and level.group(1).lower() == "admin"
