"""NSIS scripts (``.nsi``, and the ``.nsh`` headers an installer includes, electron-builder's ``installer.nsh``)
read as programs: ``Exec``/``ExecWait``/``nsExec::Exec``/``nsExec::ExecToLog``/``nsExec::ExecToStack`` run a
command line, ``ExecShell``/``ExecShellWait`` a file with parameters; ``inetc::get``, ``NSISdl::download`` and
``NScurl::http`` download each URL they are given into the file named after it; ``WriteRegStr``/
``WriteRegExpandStr`` write a registry value; ``SimpleSC::InstallService`` registers a service. A line is split
into words as NSIS does (``"…"``, ``'…'`` and backquoted strings, ``;``/``#`` comments, ``/* … */`` blocks, a
trailing ``\\`` joining the next line); ``!define NAME value`` is put in for ``${NAME}``, ``StrCpy $VAR "text"``
for ``$VAR`` (the last literal copy before the use), ``$SYSDIR``/``$WINDIR``/``$PROGRAMFILES`` as their folders.
``Function``/``!macro`` bodies are functions of the file; ``Call NAME`` and ``!insertmacro NAME`` run their body
there. Each action is handed to the Windows checks through ``installer_runs`` at its own line.
docs/preflight.md ("Windows scripts")."""

from __future__ import annotations

import re
from dataclasses import replace

from shipgate.preflight.windows.installer_runs import (
    MAX_CALLS,
    MAX_VALUE,
    download,
    joined_lines,
    program_run,
    registry_write,
    service_install,
)
from shipgate.preflight.windows.model import Call, Reading, Word

MAX_LINES = 100_000
_WORD = re.compile(r'"(?:[^"$]|\$.)*"?|\'[^\']*\'?|`[^`]*`?|[^\s"\'`]+')
_DEFINED = re.compile(r"\$\{(\w+)\}")
_VARIABLE = re.compile(r"\$(\w+)")
_FOLDERS = {
    "sysdir": "C:\\Windows\\System32",
    "windir": "C:\\Windows",
    "programfiles": "C:\\Program Files",
    "programfiles32": "C:\\Program Files (x86)",
    "programfiles64": "C:\\Program Files",
}
_ESCAPES = {'$\\"': '"', "$\\'": "'", "$\\`": "`", "$\\n": " ", "$\\r": " ", "$\\t": " ", "$$": "\x00"}
_EXECS = frozenset({"exec", "execwait", "nsexec::exec", "nsexec::exectolog", "nsexec::exectostack"})
_SHELL_EXECS = frozenset({"execshell", "execshellwait"})
_DOWNLOADS = frozenset({"inetc::get", "nsisdl::download", "nsisdl::download_quiet", "nscurl::http"})
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_CMD_LINE = re.compile(r'^\s*("[^"]*"?|\S+)\s*(.*)$', re.S)


def _logical_lines(source: str) -> list[tuple[int, str]]:
    """(line, text) with block comments blanked and trailing-backslash continuations joined."""
    kept: list[str] = []
    in_comment = False
    for raw in source.splitlines()[:MAX_LINES]:
        text = raw
        if in_comment or "/*" in text:
            text, in_comment = _without_block_comments(text, in_comment)
        kept.append(text)
    return joined_lines("\n".join(kept), MAX_LINES)


def _without_block_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    kept: list[str] = []
    while text:
        if in_comment:
            end = text.find("*/")
            if end < 0:
                return "".join(kept), True
            text, in_comment = text[end + 2 :], False
        else:
            start = text.find("/*")
            if start < 0:
                kept.append(text)
                break
            kept.append(text[:start])
            text, in_comment = text[start + 2 :], True
    return "".join(kept), in_comment


def _words(text: str) -> list[str]:
    """The words of a line as NSIS splits it, quotes removed, up to a comment."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word[0] in ";#" and not word.startswith("#["):
            break
        if word[0] in "\"'`":
            word = word[1:-1] if len(word) > 1 and word[-1] == word[0] else word[1:]
        out.append(word)
    return out


class _Nsis:
    def __init__(self) -> None:
        self.defines: dict[str, str] = {}
        self.variables: dict[str, Word] = {}
        self.found = Reading()
        self.function: str | None = None

    def expand(self, text: str, line: int) -> Word:
        known, assigned = True, None
        for escape, plain in _ESCAPES.items():
            text = text.replace(escape, plain)
        text = _DEFINED.sub(lambda m: self.defines.get(m.group(1).lower(), m.group(0)), text)

        def put(m: re.Match[str]) -> str:
            nonlocal known, assigned
            name = m.group(1).lower()
            if name in _FOLDERS:
                return _FOLDERS[name]
            variable = self.variables.get(name)
            if variable is None:
                known = False
                return m.group(0)
            assigned = assigned or variable.assigned_line
            return variable.text

        out = _VARIABLE.sub(put, text).replace("\x00", "$")
        return Word(out, out if known and "${" not in out else None, line, assigned)

    def line(self, number: int, text: str) -> None:
        words = _words(text)
        if not words:
            return
        command, rest = words[0].lower(), words[1:]
        if command == "!define" and rest:
            rest = [w for w in rest if not w.startswith("/")] or rest
            defined = self.expand(rest[1], number).text if len(rest) > 1 else ""
            self.defines[rest[0].lower()] = defined if len(defined) <= MAX_VALUE else f"${{{rest[0]}}}"
        elif command == "strcpy" and len(rest) >= 2 and rest[0].startswith("$"):
            value = self.expand(rest[1], number)
            name = rest[0][1:].lower()
            if value.value is not None and len(value.value) <= MAX_VALUE:
                self.variables[name] = Word(value.text, value.value, number, number)
            else:
                self.variables.pop(name, None)
        elif command in ("function", "!macro") and rest:
            self.function = ("!macro " if command == "!macro" else "") + rest[0].lower()
        elif command in ("functionend", "!macroend"):
            self.function = None
        else:
            self.action(command, rest, number, text.strip())

    def action(self, command: str, rest: list[str], number: int, text: str) -> None:
        calls: list[Call] = []
        options = [w for w in rest if not w.startswith("/")]
        if command in _EXECS and options:
            program, parameters = _split(self.expand(options[0], number).text)
            calls = program_run(program, parameters, number).calls
        elif command in _SHELL_EXECS and len(options) >= 2:
            parameters = self.expand(options[2], number).text if len(options) > 2 else ""
            calls = program_run(self.expand(options[1], number).text, parameters, number).calls
        elif command in _DOWNLOADS:
            expanded = [self.expand(w, number) for w in rest]
            for i, word in enumerate(expanded[:-1]):
                if _URL.match(word.text) and not expanded[i + 1].text.startswith("/"):
                    calls.append(download(command, word, expanded[i + 1], number, text))
        elif command in ("writeregstr", "writeregexpandstr") and len(rest) >= 4:
            root, key, name, data = (self.expand(w, number).text for w in rest[:4])
            calls = [registry_write(root, key, name, data, line=number, text=text)]
        elif command == "simplesc::installservice" and len(rest) >= 5:
            calls = [
                service_install(self.expand(rest[0], number).text, self.expand(rest[4], number).text, number, text)
            ]
        elif command in ("call", "!insertmacro") and rest and not rest[0].startswith(":"):
            name = ("!macro " if command == "!insertmacro" else "") + rest[0].lower()
            calls = [Call(name, number, text)]
        for call in calls:
            self.found.calls.append(replace(call, function=self.function))


def _split(command_line: str) -> tuple[str, str]:
    """``"C:\\x\\setup.exe" /S`` -> the program and its parameters."""
    m = _CMD_LINE.match(command_line)
    if m is None:
        return command_line, ""
    return m.group(1).strip('"'), m.group(2)


def read_nsis(source: str) -> Reading:
    """The actions of an NSIS script, in file order (``function`` the Function or macro whose body holds them)."""
    reader = _Nsis()
    for number, text in _logical_lines(source):
        if len(reader.found.calls) >= MAX_CALLS:
            reader.found.incomplete = f"over {MAX_CALLS:,} actions"
            break
        reader.line(number, text)
    return reader.found
