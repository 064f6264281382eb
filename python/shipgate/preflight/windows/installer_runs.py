"""What an installer script's actions are as the Windows checks read them: a program run (Inno Setup's ``[Run]``
entry or Pascal ``Exec``, NSIS' ``ExecWait``/``nsExec::Exec``) is the command line cmd.exe would read
(``batch.read_command_line``: ``sc.exe create …``, ``schtasks /Create …``, ``powershell -Command …`` handed on to
the PowerShell reader; ``cmd /c TEXT`` is TEXT); a registry value written is the ``reg add`` that writes it (a
``…\\CurrentVersion\\Run`` value, the machine's ``Path``); a service an NSIS plug-in installs is the ``sc create``
that registers it; a download is a call named for it whose arguments are the URL and the file it saves (read by
``network.fetch`` like any command named for downloading). docs/preflight.md ("Windows scripts")."""

from __future__ import annotations

import re

from shipgate.preflight.windows.batch import read_command_line
from shipgate.preflight.windows.model import Call, Reading, Word
from shipgate.preflight.windows.powershell import command_name

MAX_CALLS = 500  # calls read of one installer script (real ones make tens; a generated file stops there)
MAX_JOINED = 8_192  # characters of one line and the lines a trailing backslash joins to it
MAX_COMMAND = 8_191  # characters of a command line read (cmd.exe's limit; a longer one is not read)
MAX_VALUE = 8_192  # characters of a variable's or constant's value kept (one that doubles at each line stops there)
_CMD_SWITCH = re.compile(r"^\s*/[ck]\s+", re.I)
_ROOTS = {
    "hkey_local_machine": "HKLM",
    "hkey_local_machine_32": "HKLM",
    "hkey_local_machine_64": "HKLM",
    "hklm": "HKLM",
    "hklm32": "HKLM",
    "hklm64": "HKLM",
    "hkey_current_user": "HKCU",
    "hkcu": "HKCU",
    "hkcu32": "HKCU",
    "hkcu64": "HKCU",
    "hka": "HKLM",  # Inno's HKA: HKLM in administrative install mode (docs/preflight.md)
    "shctx": "HKLM",  # NSIS' SHCTX: HKLM once ``SetShellVarContext all``
}


def joined_lines(source: str, max_lines: int) -> list[tuple[int, str]]:
    """(line, text) with a trailing backslash joining the next line (Inno's preprocessor and NSIS both do), up to
    ``MAX_JOINED`` characters (a longer run goes on as a line of its own)."""
    out: list[tuple[int, str]] = []
    start, parts, size = 0, list[str](), 0
    for number, raw in enumerate(source.splitlines()[:max_lines], 1):
        text = raw.strip() if parts else raw
        if not parts:
            start = number
        parts.append(text)
        size += len(text) + 1
        stripped = text.rstrip()
        if stripped.endswith("\\") and not stripped.endswith("\\\\") and size < MAX_JOINED:
            parts[-1] = stripped[:-1]
            continue
        out.append((start, " ".join(parts)))
        parts, size = [], 0
    if parts:
        out.append((start, " ".join(parts)))
    return out


def program_run(program: str, parameters: str, line: int) -> Reading:
    """The calls running ``program`` with ``parameters`` makes, at ``line``."""
    if len(program) + len(parameters) > MAX_COMMAND:
        return Reading()
    name = command_name(program)
    switch = _CMD_SWITCH.match(parameters) if name == "cmd" else None
    if switch is not None:  # ``{cmd} /c schtasks /Create …``: cmd runs the rest as a command line
        return read_command_line(parameters[switch.end() :], line)
    quoted = f'"{program.strip().strip(chr(34))}"'
    return read_command_line(f"{quoted} {parameters}".strip(), line)


def registry_write(root: str, key: str, name: str, data: str, *, line: int, text: str) -> Call:
    """``reg add ROOT\\KEY /v NAME /d DATA``: the value an installer script writes."""
    hive = _ROOTS.get(root.strip().lower(), root.strip())
    full = f"{hive}\\{key.strip().strip(chr(92))}"
    words = tuple(Word(w, w, line) for w in ("add", full, "/v", name, "/d", data))
    return Call("reg", line, text, words=words, args=words, program="reg")


def service_install(name: str, program: str, line: int, text: str) -> Call:
    """``sc create NAME binPath= PROGRAM``: the service an installer script registers."""
    words = tuple(Word(w, w, line) for w in ("create", name, "binPath=", program))
    return Call("sc", line, text, words=words, args=words, program="sc")


def download(name: str, url: Word, saved: Word, line: int, text: str) -> Call:
    """A download an installer script makes (``DownloadTemporaryFile``, ``inetc::get``): URL, then saved file."""
    words = (url, saved)
    return Call(name, line, text, words=words, args=words)
