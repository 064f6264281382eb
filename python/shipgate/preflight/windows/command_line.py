"""The command text a ``powershell``/``pwsh`` command line runs: what follows ``-Command`` (or a prefix PowerShell
accepts, ``-c``), or, for Windows PowerShell, whose default parameter is ``-Command``, the first argument that is
none of its options and everything after it (``powershell Start -File update.bat -Verb RunAs``). PowerShell 7
(``pwsh``) takes a bare first argument as a script file; ``-File`` and ``-EncodedCommand`` give no command text."""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"[^"]*"?|\'[^\']*\'?|\S+')
# Options of powershell.exe/pwsh that take a value (also written as a prefix: ``-Exec Bypass``, ``-w hidden``).
_WITH_VALUE = (
    "executionpolicy",
    "windowstyle",
    "inputformat",
    "outputformat",
    "version",
    "psconsolefile",
    "configurationname",
    "workingdirectory",
    "settingsfile",
    "custompipename",
)
_SHORT_WITH_VALUE = frozenset({"ep", "ex", "w", "wd", "if", "of", "v"})
MAX_OPTIONS = 20  # options looked at before the command (a longer run of options names no command)


def _starts(name: str, full: str, least: int) -> bool:
    return len(name) >= least and full.startswith(name)


def cmd_program(words: list[str]) -> str | None:
    """The program ``cmd /c TEXT`` (or ``/k``) runs, given cmd's arguments: TEXT's first word with its quotes
    removed (``cmd /c '"C:/x/tool.exe" register > log'`` runs ``C:/x/tool.exe``; holdout254); None when the
    arguments do not start with ``/c``/``/k``."""
    if not words or words[0].lower() not in ("/c", "/k"):
        return None
    for token in _TOKEN.finditer(" ".join(words[1:])):
        word = token.group(0).strip("\"'")
        if word:
            return word
    return None


def script_file(program: str, line: str) -> str | None:
    """The script file ``program`` (``powershell`` or ``pwsh``) runs given the arguments ``line``: the value of
    ``-File`` (or a prefix PowerShell accepts, ``-f``), or ``pwsh``'s bare first argument, its quotes removed; None
    when it runs a command or nothing (holdout276: an installer's ``PowerShell.exe -File $INSTDIR\\x.ps1``)."""
    tokens = _TOKEN.finditer(line)
    for _ in range(MAX_OPTIONS):
        token = next(tokens, None)
        if token is None:
            return None
        word = token.group(0)
        if word[:1] not in "-/" or len(word) < 2:
            return word.strip("\"'") if program == "pwsh" else None
        name = word[1:].lower()
        if _starts(name, "file", 1):
            value = next(tokens, None)
            return value.group(0).strip("\"'") if value is not None else None
        if _starts(name, "command", 1) or _starts(name, "encodedcommand", 1) or name in ("ec", "enc"):
            return None
        if name in _SHORT_WITH_VALUE or any(_starts(name, full, 3) for full in _WITH_VALUE):
            next(tokens, None)  # the option's value
    return None


def command_text(program: str, line: str) -> str | None:
    """The command ``program`` (``powershell`` or ``pwsh``) runs given the arguments ``line``; None when it runs
    a file, an encoded command or nothing."""
    default_command = program == "powershell"
    tokens = _TOKEN.finditer(line)
    for _ in range(MAX_OPTIONS):
        token = next(tokens, None)
        if token is None:
            return None
        word = token.group(0)
        if word[:1] not in "-/" or len(word) < 2:
            return line[token.start() :].strip() if default_command else None
        name = word[1:].lower()
        if _starts(name, "command", 1):
            return line[token.end() :].strip() or None
        if _starts(name, "file", 1) or _starts(name, "encodedcommand", 1) or name in ("ec", "enc"):
            return None
        if name in _SHORT_WITH_VALUE or any(_starts(name, full, 3) for full in _WITH_VALUE):
            next(tokens, None)  # the option's value
    return None
