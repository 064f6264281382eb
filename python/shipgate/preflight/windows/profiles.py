"""PowerShell profiles: Windows PowerShell and PowerShell run the profile scripts (``profile.ps1``,
``Microsoft.PowerShell_profile.ps1`` and the other hosts' ``*_profile.ps1``) of the user's ``Documents\\
WindowsPowerShell``/``Documents\\PowerShell`` folder and of ``$PSHOME`` (``System32\\WindowsPowerShell\\v1.0``: every
user's) at every start, so a line a script writes there runs in every later session, as a line appended to
``~/.bashrc`` does in a shell (``persistence``; holdout231). Read: the calls that write a file (``written_file``, the
Startup folder's reading: ``Add-Content``/``Set-Content``/``Out-File``, a copy, a download's ``-OutFile``) whose
path is such a profile or ``$PROFILE`` (also its ``.AllUsersAllHosts``… members); one finding per profile, at its
first write (an ``if``/``else`` that appends or creates it is one change), not in an ``Uninstall-`` function (a line
taken out: ``windows/removal.py``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.windows.model import Call, WinScript
from shipgate.preflight.windows.removal import in_uninstall_function
from shipgate.preflight.windows.startup_folder import written_file

_PROFILE_FILE = re.compile(
    r"(?:^|[\\/])(?:windows)?powershell(?:[\\/]v1\.0)?[\\/](?:[\w.]+_)?profile\.ps1$"
    r"|^\$pshome[\\/](?:[\w.]+_)?profile\.ps1$"
    r"|^\$profile(?:\.(?:all|current)users(?:all|current)hosts)?$",
    re.I,
)


def _profile(path: str) -> str | None:
    text = path.strip().strip("'\"").replace("/", "\\")
    return text.lower() if _PROFILE_FILE.search(text) else None


def profile_writes(script: WinScript) -> Iterator[Call]:
    """The first call that writes each PowerShell profile the script changes."""
    seen: set[str] = set()
    for call in script.calls:
        written = written_file(call)
        profile = _profile(written[0]) if written is not None else None
        if profile is not None and profile not in seen and not in_uninstall_function(call):
            seen.add(profile)
            yield call
