"""Recursive deletes of data in Windows scripts (``preflight.destructive_delete``, docs/preflight.md "Windows
scripts"), read as the shell's data deletes are: cmd's ``rd``/``rmdir /s`` and ``del``/``erase /s`` (also run
through ``cmd /c``) and PowerShell's ``Remove-Item -Recurse`` (and its aliases) of a data folder: a user's profile
(``C:\\Users\\<name>`` and what is under it, as ``/home/`` is) or a product's folder under ``ProgramData`` (the
Windows place of ``/var/lib/<product>``), not a temporary, cache or build tree under them.

Not reported, as in the shell: in a script the operator runs to take the product away (``uninstall.ps1``), in a
function named for removal the script never calls (``Remove-Agent``, a module's entry point), in developer or CI
tooling, or when the script copies or moves the folder (or one that holds it) elsewhere (``Copy-Item -Recurse
"$data" "$stage"`` … ``Remove-Item "$data\\*" -Recurse``: the data is kept). Program folders (``Program Files``, an
install directory of the script's own choosing) are not data. A folder is reported once (``del /s X`` then ``rmdir
/s X`` is one delete)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import at_line
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.shell.phases import removal_script
from shipgate.preflight.shell_risk import scratch_tree
from shipgate.preflight.volume_prune import chosen_removal
from shipgate.preflight.windows.model import Call, WinScript, Word

# PowerShell's Remove-Item and its built-in aliases; cmd's own deletes take ``/s`` to recurse.
_REMOVE_ITEM = frozenset({"remove-item", "ri", "rm", "rmdir", "rd", "del", "erase"})
_CMD_DELETES = frozenset({"rd", "rmdir", "del", "erase"})
_COPIES = frozenset(
    {"copy-item", "cpi", "copy", "cp", "move-item", "mi", "move", "mv", "xcopy", "robocopy", "compress-archive"}
)
# The machine's data folder spelt through its environment variables (``%ProgramData%``, ``$env:ProgramData``, and the
# ``ALLUSERSPROFILE`` that names the same folder).
_PROGRAM_DATA = re.compile(r"^(?:%(?:programdata|allusersprofile)%|\$\{?env:(?:programdata|allusersprofile)\}?)", re.I)
# A user's profile or a product's folder under ProgramData (after the drive); not a program folder a user-level
# installer keeps in the profile (``AppData\\Local\\Programs``).
_DATA_FOLDER = re.compile(r"^\\(?:users\\[^\\]+|programdata\\[^\\]+)(?:\\|$)")
_USER_PROGRAMS = re.compile(r"^\\users\\[^\\]+\\appdata\\local\\programs(?:\\|$)")


def _folder(word: Word) -> str:
    """The path a word names, lower case with ``\\`` separators, without the drive and a last ``\\*`` (a folder
    emptied is a folder deleted)."""
    text = (word.value if word.value is not None else word.text).strip("'\"").replace("/", "\\")
    text = _PROGRAM_DATA.sub(r"\\programdata", text).lower()
    text = re.sub(r"^[a-z]:", "", text)
    return re.sub(r"\\\*?$", "", text)


def _data_folder(folder: str) -> bool:
    return (
        bool(_DATA_FOLDER.match(folder))
        and not _USER_PROGRAMS.match(folder)
        and not scratch_tree(folder.replace("\\", "/"))
    )


def _deleted(call: Call) -> list[Word]:
    """The folders a recursive delete removes: ``rd /s /q X`` (also ``cmd /c rd /s X``), ``del /s X``,
    ``Remove-Item X -Recurse``; none for any other call."""
    name, words = call.name, list(call.words)
    if name in ("cmd", "cmd.exe") and words and words[0].text.lower() in ("/c", "/k"):
        name, words = words[1].text.lower() if len(words) > 1 else "", words[2:]
    if name in _CMD_DELETES and any(w.text.lower() == "/s" for w in words):
        return [w for w in words if not w.text.startswith("/")]
    if call.name in _REMOVE_ITEM and any("recurse".startswith(o) and len(o) >= 2 for o in call.options):
        given = call.option("path", "literalpath")
        return [given] if given is not None else list(call.args)
    return []


def _set_aside(script: WinScript, folder: str) -> bool:
    """The script copies, moves or archives ``folder`` (or a folder holding it) elsewhere."""
    for call in script.calls:
        if call.name not in _COPIES:
            continue
        source = call.option("path", "literalpath") or next((w for w in call.args if not w.text.startswith("/")), None)
        kept = _folder(source) if source is not None else ""
        if kept and _within(folder, kept):
            return True
    return False


def _within(folder: str, other: str) -> bool:
    return folder == other or folder.startswith(other + "\\")


def data_deletes(script: WinScript) -> Iterator[Finding]:
    if removal_script(script.path) or is_development_file(script.path):
        return
    reported: list[str] = []
    called = {c.name for c in script.calls}
    for call in script.calls:
        if chosen_removal(call.function and call.function.lower(), called.__contains__):
            continue
        folder = next((f for f in map(_folder, _deleted(call)) if _data_folder(f)), None)
        if folder is None or _set_aside(script, folder) or any(_within(folder, r) for r in reported):
            continue
        reported.append(folder)
        yield at_line(
            "preflight.destructive_delete",
            Severity.HIGH,
            path=script.path,
            line=call.line,
            text=call.text,
            target=folder,
            message=f"deletes {folder} recursively, and the script keeps no copy of it first",
            remedy="Back the data up (or move it aside) before deleting it, and make the delete the last step "
            "after the new version is verified.",
        )
