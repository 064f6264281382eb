"""The Startup folders: a program or shortcut a script writes into the user's (``shell:startup``) or every user's
(``shell:common startup``) Startup folder is started by Explorer at every logon, as a ``Run`` key's is. Read:
the folders as ``[Environment]::GetFolderPath('Startup')``/``'CommonStartup'`` (also
``[Environment+SpecialFolder]::Startup``) name them, and as paths (``…\\Start Menu\\Programs\\Startup``), and the
calls that write a file there: a build's output (``go build -o``), a copy, move or link, a download's ``-OutFile``
or ``DownloadFile`` target, ``Set-Content``/``Out-File``, and a shortcut's ``CreateShortcut`` (holdout196)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.windows.model import Call, WinScript

# What ``GetFolderPath`` returns for the two Startup folders, written as the script would spell the path.
_FOLDERS = {
    "startup": "$env:APPDATA\\Microsoft\\Windows\\Start Menu\\Programs\\Startup",
    "commonstartup": "$env:ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\Startup",
}
_GET_FOLDER = re.compile(
    r"\[(?:system\.)?environment\]::getfolderpath\(\s*"
    r"(?:['\"](\w+)['\"]|\[(?:system\.)?environment\+specialfolder\]::(\w+))\s*\)",
    re.I,
)
_STARTUP = re.compile(r"\\start menu\\programs\\startup(?:\\|$)|^shell:(?:common )?startup(?:\\|$)", re.I)
# What Explorer starts from the folder: programs, scripts Windows Script Host runs, shortcuts.
_STARTED = re.compile(r"\.(?:exe|com|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|scr|lnk|url)$", re.I)
_COPIES = frozenset({"copy-item", "cpi", "copy", "cp", "move-item", "mi", "move", "mv", "xcopy"})
_DOWNLOADS = frozenset({"invoke-webrequest", "iwr", "invoke-restmethod", "irm", "curl", "wget"})
_WRITES = frozenset({"set-content", "out-file", "add-content"})


def known_folder(text: str) -> str | None:
    """The Startup folder ``[Environment]::GetFolderPath(…)`` written as ``text`` returns, as a path; None for
    any other expression or folder."""
    m = _GET_FOLDER.fullmatch(text.strip())
    return _FOLDERS.get((m.group(1) or m.group(2)).lower()) if m else None


def _in_startup(path: str) -> bool:
    return _STARTUP.search(path.strip().strip("'\"").replace("/", "\\")) is not None


def written_file(call: Call) -> tuple[str, str] | None:
    """(where ``call`` writes a file, the name it has) for the writing calls above; None for any other call."""
    words = [w.text for w in call.words]
    if call.name == "go":  # ``go build -o OUT``: PowerShell reads ``-o`` as a parameter with its value
        given = call.option("o")
        glued = next((w[3:] for w in words if w.startswith("-o=")), None)
        after = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "-o"), None)
        out = given.text if given is not None else glued or after
        return (out, out) if out else None
    if call.name in _COPIES or call.name == "mklink":
        ends = [w for w in call.args if not w.text.startswith(("/", "-"))]
        destination = call.option("destination")
        source = call.option("path", "literalpath") or (ends[0] if ends else None)
        if call.name == "mklink":
            return (ends[0].text, ends[0].text) if ends else None
        destination = destination or (ends[1] if len(ends) > 1 else None)
        if destination is None or source is None:
            return None
        named = _STARTED.search(destination.text.strip("'\""))  # ``copy x.lnk "…\\Startup"``: the name is the source's
        return destination.text, destination.text if named else source.text
    target = None
    if call.name in _DOWNLOADS:
        target = call.option("outfile")
    elif call.name == ".downloadfile" and len(call.args) > 1:
        target = call.args[1]
    elif call.name == ".createshortcut" and call.args:
        target = call.args[0]
    elif call.name in _WRITES:
        target = call.option("path", "filepath", "literalpath") or (call.args[0] if call.args else None)
    return (target.text, target.text) if target is not None else None


def startup_programs(script: WinScript) -> Iterator[Call]:
    """The calls that put a program or shortcut into a Startup folder."""
    for call in script.calls:
        written = written_file(call)
        if written is None:
            continue
        place, name = written
        if _in_startup(place) and _STARTED.search(name.strip().strip("'\"")):
            yield call
