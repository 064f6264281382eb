"""Windows installers and upgrade scripts: PowerShell (``.ps1``, ``.psm1``) read through tree-sitter-powershell,
batch (``.bat``, ``.cmd``) by a bounded reader of its own that hands ``powershell -Command …`` text to the
PowerShell reader. Both give the same model (``WinScript``: the calls a script makes, in file order and in the
order they run), which ``shipgate.preflight.windows.checks`` maps onto the existing ``preflight.`` codes.
See docs/preflight.md ("Windows scripts")."""

from __future__ import annotations

from shipgate.preflight.windows.model import Call, WinScript, Word
from shipgate.preflight.windows.read import is_windows_script, parse_windows

__all__ = ["Call", "WinScript", "Word", "is_windows_script", "parse_windows"]
