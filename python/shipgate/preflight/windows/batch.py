"""Batch files (``.bat``, ``.cmd``) read by a bounded reader of their own, as cmd.exe reads a line: ``@`` and
labels dropped, ``rem``/``::`` comments, ``^`` continuations, commands split at unquoted ``&``, ``&&``, ``||`` and
``|``, redirections left out, the command after an ``if`` condition, ``set NAME=value`` and ``%NAME%`` expansion.
``echo`` text is text; ``call PROGRAM …`` runs PROGRAM. A ``powershell … -Command TEXT`` line (or ``powershell
TEXT``, ``-Command`` being Windows PowerShell's default) hands TEXT to the PowerShell reader at its line. A variable
known in part (``URL=…/x-%VER%.zip`` with VER set in a loop) expands to its known text. A ``for /f … in ('CMD')``
loop's CMD is read at its line (cmd runs it for its output). Not read: ``for`` loop
bodies' variables (``%%i``), ``call :label`` flow, delayed expansion beyond ``!NAME!`` lookups, ``goto`` (every
line is read, in file order)."""

from __future__ import annotations

import itertools
import re

from shipgate.preflight.windows.command_line import command_text
from shipgate.preflight.windows.model import Call, Reading, Word
from shipgate.preflight.windows.powershell import command_name, read_powershell
from shipgate.preflight.windows.words import Known

MAX_LINES = 50_000
MAX_VALUE = 8_192  # characters of a variable's value kept (a value that doubles at each line stops there)
_PERCENT = re.compile(r"%([A-Za-z_][\w]*)%|!([A-Za-z_][\w]*)!")
_REDIRECT = re.compile(r"^\d?(?:>>?|<)(?:&\d)?")
_TOKEN = re.compile(r'"[^"]*"?|[^\s"]+(?:"[^"]*"?[^\s"]*)*')
# The batch file's own folder, which ends in a separator: ``%~dp0%EXE%`` and ``%~dp0\%EXE%`` both name EXE there.
_OWN_FOLDER = re.compile(r"%~dp0\\?", re.I)
_ADMIN_PROBES = (("net", "session"), ("fltmc", ""), ("openfiles", ""))
# A batch file named with no folder (``call install.cmd``): cmd runs the one in the current folder before the PATH's.
_BARE_BATCH_FILE = re.compile(r"[^\\/:%]+\.(?:bat|cmd)", re.I)
# ``for /f [options] %%i in ('CMD') do …`` (also ``usebackq``'s backquotes): the command whose output the loop reads
_FOR_COMMAND = re.compile(r"^for\s+/f\b.*?\bin\s*\(\s*(['`])(.*)\1\s*\)\s*do\b", re.I)


def _logical_lines(source: str) -> list[tuple[int, str]]:
    """(line number, text) with ``^`` continuations joined onto the line they start on."""
    out: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, raw in enumerate(source.splitlines()[:MAX_LINES], 1):
        pending = (pending[0], pending[1] + raw) if pending is not None else (number, raw)
        if pending[1].endswith("^") and not pending[1].endswith("^^"):
            pending = (pending[0], pending[1][:-1])
            continue
        out.append(pending)
        pending = None
    if pending is not None:
        out.append(pending)
    return out


def _segments(text: str) -> list[str]:
    """``a & b && c || d | e`` -> the commands, split outside double quotes."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            quoted = not quoted
        if not quoted and ch in "&|" and not (ch == "&" and i > 0 and text[i - 1] == ">"):
            parts.append("".join(current))
            current = []
            i += 2 if text[i : i + 2] in ("&&", "||") else 1
            continue
        current.append(ch)
        i += 1
    parts.append("".join(current))
    return [p.strip().strip("()").strip() for p in parts if p.strip().strip("()").strip()]


def _kept_tokens(segment: str) -> list[re.Match[str]]:
    """The words of ``segment`` cmd.exe hands the program: redirections (``>nul``, ``2>&1``, ``> file``) left out."""
    out: list[re.Match[str]] = []
    skip = False
    for token in _TOKEN.finditer(segment):
        if skip:
            skip = False
            continue
        m = _REDIRECT.match(token.group(0))
        if m:
            skip = m.end() == len(token.group(0)) and not token.group(0).endswith("&1")  # ``> file``: the next token
            continue
        out.append(token)
    return out


def _tokens(segment: str) -> list[str]:
    return [token.group(0) for token in _kept_tokens(segment)]


def _without_redirections(text: str) -> str:
    """``text`` with cmd.exe's redirections cut out, the rest as written (``powershell -Command "…" >nul`` runs
    the quoted text; the ``>nul`` is cmd's, not PowerShell's: holdout196)."""
    kept = _kept_tokens(text)
    if not kept:
        return ""
    pieces = [text[kept[0].start() : kept[0].end()]]
    for before, token in itertools.pairwise(kept):
        gap = text[before.end() : token.start()]
        pieces.append(gap if gap.isspace() else " ")  # a cut redirection leaves one blank
        pieces.append(token.group(0))
    return text[: kept[0].start()] + "".join(pieces)


def _after_if(tokens: list[str]) -> list[str]:
    """The command of ``if [/i] [not] COND command``."""
    rest = tokens[1:]
    if rest and rest[0].lower() == "/i":
        rest = rest[1:]
    if rest and rest[0].lower() == "not":
        rest = rest[1:]
    if rest and rest[0].lower() in ("exist", "defined", "errorlevel", "cmdextversion"):
        return rest[2:]
    if len(rest) >= 3 and rest[1].lower() in ("==", "equ", "neq", "lss", "leq", "gtr", "geq"):
        return rest[3:]
    return rest[1:]


class _Batch:
    def __init__(self) -> None:
        self.env: dict[str, Known] = {}
        self.found = Reading()

    def expand(self, text: str, line: int) -> Word:
        known = True
        assigned: int | None = None

        def put(m: re.Match[str]) -> str:
            nonlocal known, assigned
            found = self.env.get((m.group(1) or m.group(2)).lower())
            if found is None or found.value is None:
                known = False  # a value known in part (``…/x-%VER%.zip``, VER from a loop) puts its known text
                return m.group(0) if found is None else found.text
            assigned = assigned or found.line
            return found.value

        out = _OWN_FOLDER.sub(r"%~dp0\\", _PERCENT.sub(put, text))
        if "%" in out:
            known = False
        return Word(out, out if known else None, line, assigned)

    def command(self, segment: str, line: int) -> None:
        loop = _FOR_COMMAND.match(segment)
        if loop is not None:  # ``for /f %%i in ('CMD') do …``: cmd runs CMD to read its output (holdout221)
            for part in _segments(loop.group(2).replace("^", "")):
                self.command(part, line)
        tokens = _tokens(segment)
        while tokens and tokens[0].lower() in ("if", "else"):
            tokens = _after_if(tokens) if tokens[0].lower() == "if" else tokens[1:]
            tokens = [t for t in tokens if t not in ("(", ")")]
        if len(tokens) > 1 and tokens[0].lstrip("@").lower() == "call" and not tokens[1].startswith(":"):
            tokens = tokens[1:]  # ``call PROGRAM args`` runs PROGRAM (``call :label`` is flow, not read)
        if not tokens:
            return
        head = tokens[0].lstrip("@")
        program = self.expand(head.strip('"'), line).text
        name = command_name(program)
        if name.startswith("echo"):
            self.found.calls.append(Call("echo", line, segment))
            return
        if name == "set":
            self._set(segment, line)
            return
        if _BARE_BATCH_FILE.fullmatch(program):  # cmd looks a bare name up in the current folder first (holdout231)
            program = ".\\" + program
        words = tuple(self.expand(t.strip('"'), line) for t in tokens[1:])
        self.found.calls.append(Call(name, line, segment, words=words, args=words, program=program))
        if name in ("powershell", "pwsh"):
            rest = _without_redirections(segment[segment.find(tokens[0]) + len(tokens[0]) :])
            text = command_text(name, rest)
            if text is not None:
                self._powershell(self.expand(text, line).text, line)

    def _set(self, segment: str, line: int) -> None:
        body = segment[3:].strip()
        if body.lower().startswith("/"):
            return  # ``set /a`` arithmetic, ``set /p`` a prompt: not a literal
        # ``set "NAME=value"``: the value ends at the last quote, so ``set "X="a b""`` keeps ``"a b"`` as cmd does
        last = body.rfind('"')
        body = body[1:last] if body.startswith('"') and last > 0 else body.strip('"')
        name, sep, value = body.partition("=")
        if sep:
            word = self.expand(value, line)
            if len(word.text) > MAX_VALUE:  # ``set X=%X%%X%`` over and over: no value, and no text to grow
                word = Word(f"%{name.strip()}%", None, line)
            self.env[name.strip().lower()] = Known(word.value, word.text, line)

    def _powershell(self, text: str, line: int) -> None:
        close = text.rfind('"')
        if text[:1] == '"' and close > 0 and not text[close + 1 :].strip("; \t"):
            # ``"& {…}";``: the program gets the quoted text with the quotes removed and what follows them kept
            text = (text[1:close] + text[close + 1 :]).replace('\\"', '"')
        inner = read_powershell(text, line - 1)
        found = self.found
        found.calls += inner.calls
        found.settings += inner.settings
        found.entries += inner.entries
        found.admin += inner.admin
        found.incomplete = found.incomplete or inner.incomplete

    def read(self, source: str) -> None:
        lines = _logical_lines(source)
        for index, (number, raw) in enumerate(lines):
            text = raw.strip().lstrip("@").strip()
            low = text.lower()
            if not text or text.startswith(":") or low == "rem" or low.startswith(("rem ", "rem\t")):
                continue
            for segment in _segments(text):
                self.command(segment, number)
            first = low.split()
            probe = (first[0], first[1] if len(first) > 1 else "") if first else ("", "")
            if any(probe[0] == p and probe[1].startswith(q) for p, q in _ADMIN_PROBES):
                after = " ".join(t for _, t in lines[index + 1 : index + 4]).lower()
                if "errorlevel" in after:
                    self.found.admin.append(number)


def read_command_line(text: str, line: int) -> Reading:
    """The calls one command line makes, read at ``line`` as cmd.exe reads a line of a batch file (an installer
    script's program run: ``"C:\\Windows\\System32\\sc.exe" create …``, ``powershell -Command …``)."""
    batch = _Batch()
    for segment in _segments(text.strip()):
        batch.command(segment, line)
    return batch.found


def read_batch(source: str) -> Reading:
    """Calls, settings, hashtable entries (of the PowerShell it runs), Administrator checks, and why the reading
    stopped early, if it did (over 50,000 lines)."""
    batch = _Batch()
    batch.read(source)
    if source.count("\n") > MAX_LINES:
        batch.found.incomplete = "over 50,000 lines"
    return batch.found
