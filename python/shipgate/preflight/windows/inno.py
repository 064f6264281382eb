"""Inno Setup scripts (``.iss``) read as programs: the ``[Run]`` and ``[UninstallRun]`` entries (``Filename:`` run
with ``Parameters:``, Inno's constants put in: ``{sys}``, ``{cmd}``, ``{pf}``…; ``{app}`` and ``{tmp}`` kept), the
``[Registry]`` values written, and the ``[Code]`` section's Pascal calls that run programs (``Exec``,
``ShellExec`` and their ``AsOriginalUser`` forms), download (``DownloadTemporaryFile`` and a download page's
``Add``, saved under ``{tmp}``; one given a non-empty SHA-256 is checked by Setup before it returns, so it is not
read as an unchecked download), check a file's hash (``GetSHA256OfFile``) or write a registry value
(``RegWriteStringValue``). Inno Setup Preprocessor ``#define NAME "value"`` is put in for ``{#NAME}`` and a
trailing ``\\`` joins a line to the next. Pascal is read by a bounded tokenizer: string literals, ``+``
concatenation, ``#13`` character codes, ``ExpandConstant``/``AddBackslash``/``AddQuotes``, ``const`` values and
``:=`` assignments of literal text (the last one written before the call); any other value is unknown
(``{Name}``). Each action is handed to the Windows checks through ``installer_runs`` at its own line; Setup runs
the ``[Code]`` wizard steps before the ``[Run]`` entries, which is the order the flow checks read them in.
docs/preflight.md ("Windows scripts")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from shipgate.preflight.windows.installer_runs import (
    MAX_CALLS,
    MAX_VALUE,
    download,
    joined_lines,
    program_run,
    registry_write,
)
from shipgate.preflight.windows.model import Call, Reading, Word

MAX_LINES = 100_000
MAX_ARGUMENT_TOKENS = 2_000  # tokens of one call's arguments read (a longer run is not one call)
MAX_WORK = 2_000_000  # argument tokens read in one file (calls nested in calls read their tokens again)
MAX_NESTING = 8  # calls nested in an argument whose value is read
_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_DEFINE = re.compile(r'^\s*#\s*define\s+(\w+)\s+(?:"([^"]*)"|(\S+))\s*$', re.I)
_ISPP = re.compile(r"\{#\s*(\w+)\s*\}")
_ENTRY_PART = re.compile(r'\s*(\w+)\s*:\s*("(?:[^"]|"")*"?|[^;]*)\s*(?:;|$)')
_CONSTANT = re.compile(r"\{(\w+)\}")
_CONSTANTS = {
    "sys": "C:\\Windows\\System32",
    "syswow64": "C:\\Windows\\SysWOW64",
    "sysnative": "C:\\Windows\\System32",
    "win": "C:\\Windows",
    "cmd": "C:\\Windows\\System32\\cmd.exe",
    "pf": "C:\\Program Files",
    "pf32": "C:\\Program Files (x86)",
    "pf64": "C:\\Program Files",
    "commonpf": "C:\\Program Files",
    "commonpf32": "C:\\Program Files (x86)",
    "commonpf64": "C:\\Program Files",
    "autopf": "C:\\Program Files",
    "commonappdata": "C:\\ProgramData",
}
_RUN_SECTIONS = frozenset({"run", "uninstallrun"})
_TOKEN = re.compile(
    r"(?P<str>'(?:[^'\n]|'')*'?)"
    r"|(?P<chr>#\$?[0-9A-Fa-f]+)"
    r"|(?P<comment>//[^\n]*|\{[^}]*\}?|\(\*(?:[^*]|\*(?!\)))*(?:\*\))?)"
    r"|(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)"
    r"|(?P<assign>:=)"
    r"|(?P<nl>\n)"
    r"|(?P<other>[^\s])"
)
_EXEC = {"exec": 0, "execasoriginaluser": 0, "shellexec": 1, "shellexecasoriginaluser": 1}
_REG_WRITES = frozenset({"regwritestringvalue", "regwriteexpandstringvalue"})
_ACTIONS = frozenset({*_EXEC, *_REG_WRITES, "downloadtemporaryfile", "getsha256offile"})
_DECLARES = frozenset({"procedure", "function"})
_ENDS_CONST = frozenset({"var", "begin", "procedure", "function", "type"})


def expand_constants(text: str) -> str:
    """Inno's constants where their value is fixed (``{sys}``), ``{{`` as ``{``; others kept (``{app}``)."""
    out = _CONSTANT.sub(lambda m: _CONSTANTS.get(m.group(1).lower(), m.group(0)), text)
    return out.replace("{{", "{")


def _wrapped(function: str, text: str) -> str | None:
    """What Inno's string functions a value is read through make of ``text``; None for any other function."""
    if function == "expandconstant":
        return expand_constants(text)
    if function == "addbackslash":
        return text.rstrip("\\") + "\\"
    if function == "addquotes":
        return f'"{text}"'
    return None


def _logical_lines(source: str) -> list[tuple[int, str]]:
    """(line, text) with ``{#NAME}`` put in and the preprocessor's trailing-backslash continuations joined."""
    defines: dict[str, str] = {}
    expanded: list[str] = []
    for raw in source.splitlines()[:MAX_LINES]:
        define = _DEFINE.match(raw)
        if define is not None:
            value = define.group(2) if define.group(2) is not None else define.group(3)
            defines[define.group(1).lower()] = value[:MAX_VALUE]
        expanded.append(_ISPP.sub(lambda m: defines.get(m.group(1).lower(), m.group(0)), raw) if "{#" in raw else raw)
    return joined_lines("\n".join(expanded), MAX_LINES)


def _entry(text: str) -> dict[str, str]:
    """``Filename: "{sys}\\sc.exe"; Parameters: "create …"`` -> its parameters by lower-case name, unquoted."""
    found: dict[str, str] = {}
    for part in _ENTRY_PART.finditer(text):
        value = part.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1] if value.endswith('"') and len(value) > 1 else value[1:]
            value = value.replace('""', '"')
        found[part.group(1).lower()] = value
        if part.end() >= len(text):
            break
    return found


def _section_calls(section: str, number: int, text: str) -> list[Call]:
    entry = _entry(text)
    if section in _RUN_SECTIONS and entry.get("filename"):
        program = expand_constants(entry["filename"])
        return program_run(program, expand_constants(entry.get("parameters", "")), number).calls
    if section == "registry" and entry.get("root") and entry.get("subkey") and "valuename" in entry:
        data = expand_constants(entry.get("valuedata", ""))
        return [
            registry_write(entry["root"], entry["subkey"], entry["valuename"], data, line=number, text=text.strip())
        ]
    return []


def read_inno(source: str) -> Reading:
    """The actions of an Inno Setup script: section entries (``function`` None) and ``[Code]`` calls (``function``
    the procedure whose body holds them), in file order."""
    found = Reading()
    section, code = "", []
    for number, text in _logical_lines(source):
        header = _SECTION.match(text)
        if header is not None:
            section = header.group(1).strip().lower()
            continue
        if section == "code":
            code.append((number, text))
        elif not text.lstrip().startswith(";") and len(found.calls) < MAX_CALLS:
            found.calls += _section_calls(section, number, text)
    if code:
        found.calls += _Pascal(code).calls()
    if len(found.calls) >= MAX_CALLS:
        found.incomplete = f"over {MAX_CALLS:,} actions"
        del found.calls[2 * MAX_CALLS :]
    found.calls.sort(key=lambda c: c.line)
    return found


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    line: int


@dataclass
class _Pascal:
    """The ``[Code]`` section's tokens and what the reading knows of its names."""

    lines: list[tuple[int, str]]
    symbols: dict[str, Word] = field(default_factory=dict)
    found: list[Call] = field(default_factory=list)
    work: int = 0

    def tokens(self) -> list[_Token]:
        first = self.lines[0][0]
        text = "\n".join(t for _, t in self.lines)
        numbers = [n for n, _ in self.lines]
        out: list[_Token] = []
        row = 0
        for m in _TOKEN.finditer(text):
            kind = m.lastgroup or "other"
            if kind == "nl":
                row += 1
                continue
            line = numbers[row] if row < len(numbers) else first
            if kind == "comment":
                row += m.group(0).count("\n")
                continue
            out.append(_Token(kind, m.group(0), line))
        return out

    def calls(self) -> list[Call]:
        tokens = self.tokens()
        own = {tokens[i + 1].text.lower() for i, t in enumerate(tokens[:-1]) if t.text.lower() in _DECLARES}
        function, in_const = "[code]", False
        for i, token in enumerate(tokens):
            low = token.text.lower()
            if token.kind != "name" or len(self.found) >= MAX_CALLS:
                continue
            if low in _DECLARES and i + 1 < len(tokens):
                function, in_const = tokens[i + 1].text.lower(), False
                continue
            if low == "const":
                in_const = True
                continue
            if low in _ENDS_CONST:
                in_const = False
            after = tokens[i + 1].text if i + 1 < len(tokens) else ""
            declared = in_const and after == "=" and (i == 0 or tokens[i - 1].text in (";", "const"))
            if after == ":=" or declared:
                self._assign(low, tokens, i + 2, token.line)
            elif after == "(" and (low in _ACTIONS or low in own or low.endswith(".add")):
                self._call(low, tokens, i + 1, token, function=function, own=own)
        return self.found

    def _assign(self, name: str, tokens: list[_Token], start: int, line: int) -> None:
        end = start
        while end < len(tokens) and tokens[end].text != ";" and end - start < MAX_ARGUMENT_TOKENS:
            end += 1
        word = self._value(tokens[start:end], line)
        if word.value is not None and len(word.value) <= MAX_VALUE:
            self.symbols[name] = replace(word, assigned_line=line)
        else:
            self.symbols.pop(name, None)

    def _arguments(self, tokens: list[_Token], start: int) -> tuple[list[list[_Token]], int]:
        """The comma-separated arguments of the call whose ``(`` is at ``start``, and where they end."""
        args: list[list[_Token]] = [[]]
        depth, i = 0, start
        while i < len(tokens) and i - start < MAX_ARGUMENT_TOKENS and self.work < MAX_WORK:
            self.work += 1
            text = tokens[i].text
            depth += (text == "(") - (text == ")")
            if depth == 0:
                return (args if args != [[]] else []), i
            if text == "," and depth == 1:
                args.append([])
            elif i > start:
                args[-1].append(tokens[i])
            i += 1
        return (args if args != [[]] else []), i

    def _call(self, name: str, tokens: list[_Token], start: int, at: _Token, *, function: str, own: set[str]) -> None:
        args, _ = self._arguments(tokens, start)
        words = [self._value(a, at.line) for a in args]
        text = f"{at.text}({', '.join(w.text for w in words)})"
        calls: list[Call] = []
        if name in _EXEC and len(words) > _EXEC[name] + 1:
            program, parameters = words[_EXEC[name]], words[_EXEC[name] + 1]
            calls = program_run(program.text, parameters.text, at.line).calls
        elif name == "downloadtemporaryfile" or (name.endswith(".add") and len(words) >= 3):
            checked = len(words) > 2 and (words[2].value is None or words[2].value.strip() != "")
            if len(words) >= 2 and not checked:
                saved = replace(words[1], text=f"{{tmp}}\\{words[1].text}", value=None)
                calls = [download("downloadtemporaryfile", words[0], saved, at.line, text)]
        elif name == "getsha256offile" and words:
            calls = [Call(name, at.line, text, words=(words[0],), args=(words[0],))]
        elif name in _REG_WRITES and len(words) >= 4:
            root, key, value_name, data = (w.text for w in words[:4])
            calls = [registry_write(root, key, value_name, data, line=at.line, text=text)]
        elif name in own:  # a procedure of the file: its body runs here
            calls = [Call(name, at.line, text, words=tuple(words), args=tuple(words))]
        self.found += [replace(c, function=function) for c in calls]

    def _value(self, tokens: list[_Token], line: int, depth: int = 0) -> Word:
        """The text of an expression: literals joined by ``+``, known names put in; unknown parts as ``{Name}``."""
        parts: list[str] = []
        known, assigned, i = True, None, 0
        while i < len(tokens):
            token = tokens[i]
            low = token.text.lower()
            if token.kind == "str":
                parts.append(token.text[1:-1].replace("''", "'") if token.text.endswith("'") else token.text[1:])
            elif token.kind == "chr":
                code = token.text[1:]
                number = int(code[1:7], 16) if code.startswith("$") else int(code[:7])
                parts.append(chr(number % 0x110000))
            elif token.kind == "name" and i + 1 < len(tokens) and tokens[i + 1].text == "(":
                args, end = self._arguments(tokens, i + 1)
                deep = depth >= MAX_NESTING or not args
                inner = Word("", None, line) if deep else self._value(args[0], line, depth + 1)
                wrapped = _wrapped(low, inner.text)
                parts.append(wrapped if wrapped is not None else "{" + token.text + "}")
                known = known and inner.value is not None and wrapped is not None
                assigned = assigned or inner.assigned_line
                i = end
            elif token.kind == "name":
                symbol = self.symbols.get(low)
                parts.append(symbol.text if symbol is not None else "{" + token.text + "}")
                known = known and symbol is not None
                assigned = assigned or (symbol.assigned_line if symbol is not None else None)
            elif token.text != "+":
                known = False
            i += 1
        text = "".join(parts)
        return Word(text, text if known else None, line, assigned)
