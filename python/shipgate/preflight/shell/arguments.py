"""A call's arguments bound to the callee's positional parameters, so a function's body is read once per call
with what that call passes: ``fetch() { local url=$1; curl -fsSL "$url" -o "$2"; }`` called as
``fetch https://host/x.tgz /tmp/x.tgz`` runs ``curl -fsSL https://host/x.tgz -o /tmp/x.tgz`` there.

Bound: ``$1``…``$9`` (``${2}``), ``"$@"``/``"$*"`` as a whole word (the call's words), the parameters left after a
``shift`` (``url=$1; shift; curl "$url" "$@"``), and a local copy of one parameter, also with literal text around
it (``local URL="${2}/boot.tar.xz"``, then ``"${URL}.md5"``). A ``shift`` under a condition (an option loop's
``case``) leaves the positions unknown from there: nothing after it is bound. Any other expansion in a word stays
unknown, and the word keeps the known text before it as its ``prefix`` (enough for a URL's host). A word the
binding cannot rewrite as the shell would (single quotes, backslashes, command substitutions) is left as it is."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from shipgate.preflight.shell.model import Command, Script, Word

# Body commands bound for one script (each call's asked-for body commands count), whatever it calls: the calls
# past it are read as the commands they are.
MAX_BOUND = 4096
_EXPANSION = re.compile(r"\$(?:\{([A-Za-z_]\w*|[1-9@*])\}|([A-Za-z_]\w*|[1-9@*]))")
_POSITIONS = frozenset("123456789")
_ALL = frozenset({"@", "*"})
_WHOLE_ALL = re.compile(r"""^"?\$\{?[@*]\}?"?$""")
# A copy's value: one positional parameter with only literal text around it (no other expansion, no quotes
# inside, no command substitution): ``$1``, ``"${2}/boot.tar.xz"``.
_COPY = re.compile(r"""^["']?([^$`"'\\]*)\$\{?([1-9])\}?(?![\w\[])([^$`"'\\]*)["']?$""")


@dataclasses.dataclass(frozen=True)
class _Copy:
    """``local NAME=…$N…``: the parameter's position after the shifts above it, with the text around it, from
    ``line`` until the name is given another value (``until``: that line, None when it never is)."""

    position: int
    before: str
    after: str
    line: int
    until: int | None = None


@dataclasses.dataclass(frozen=True)
class _Callee:
    """What a function's body does with its parameters: its copies, its shifts (line, count), and whether a
    shift under a condition makes the positions below it unknown (from that line)."""

    copies: dict[str, _Copy]
    shifts: list[tuple[int, int]]
    unknown_from: int | None


_NOTHING = _Callee({}, [], None)


def _shift_count(command: Command) -> int | None:
    if not command.words:
        return 1
    value = command.words[0].value
    return int(value) if value is not None and value.isdigit() else None


def _callees(script: Script) -> dict[str, _Callee]:
    """Each function's copies of its parameters and its shifts, in one pass over commands and assignments."""
    out: dict[str, _Callee] = {}
    for command in script.commands:
        if command.function is None or command.name != "shift":
            continue
        callee = out.setdefault(command.function, _Callee({}, [], None))
        count = _shift_count(command)
        if command.conditions or count is None:
            first = callee.unknown_from
            out[command.function] = dataclasses.replace(
                callee, unknown_from=command.line if first is None else min(first, command.line)
            )
        else:
            callee.shifts.append((command.line, count))
    for assignment in script.assignments:
        if assignment.function is None:
            continue
        m = _COPY.match(assignment.raw.partition("=")[2]) if assignment.generated_by is None else None
        callee = out.setdefault(assignment.function, _Callee({}, [], None))
        known = callee.copies.get(assignment.name)
        if m is None or (callee.unknown_from is not None and assignment.line > callee.unknown_from):
            if known is not None and known.until is None and assignment.line > known.line:
                callee.copies[assignment.name] = dataclasses.replace(known, until=assignment.line)  # another value
            continue
        shifted = _shifted(callee, assignment.line)
        position = int(m.group(2)) + shifted
        callee.copies[assignment.name] = _Copy(position, m.group(1), m.group(3), assignment.line)
    return out


def _shifted(callee: _Callee, line: int) -> int:
    return sum(count for at, count in callee.shifts if at < line)


def _argument(call: Command, position: int) -> Word | None:
    return call.words[position - 1] if 0 < position <= len(call.words) else None


def _bound_word(word: Word, call: Command, callee: _Callee, offset: int) -> list[Word] | None:
    """The words ``word`` becomes for ``call`` (None: it carries no parameter of the call)."""
    copies = {n: c for n, c in callee.copies.items() if c.until is None or word.line < c.until} if callee.copies else {}
    names = [n for n in word.expands if n in _POSITIONS or n in _ALL or n in copies]
    if not names:
        return None
    if _WHOLE_ALL.match(word.raw):
        return list(call.words[offset:])
    raw = word.raw
    if "'" in raw or "\\" in raw or "`" in raw or "$(" in raw or any(n in _ALL for n in names):
        return None
    pieces: list[tuple[str, Word | None]] = []  # (text, the call's word it came from); text None-free
    known = True
    at = 0
    for m in _EXPANSION.finditer(raw):
        pieces.append((raw[at : m.start()].replace('"', ""), None))
        at = m.end()
        name = m.group(1) or m.group(2)
        copy = copies.get(name)  # not one given another value above this word: that is not the call's any more
        position = copy.position if copy is not None else int(name) + offset if name in _POSITIONS else 0
        argument = _argument(call, position)
        if argument is None:
            pieces.append((m.group(0), None))
            known = False
            continue
        if copy is not None:
            pieces.append((copy.before, None))
        pieces.append((argument.text, argument))
        known = known and argument.value is not None
        if copy is not None:
            pieces.append((copy.after, None))
    pieces.append((raw[at:].replace('"', ""), None))
    shape = "".join(text for text, _ in pieces)
    if known:
        return [_rewritten(word, call, pieces, value=shape, prefix=None)]
    prefix = ""
    for text, source in pieces:
        if source is not None and source.value is None:
            prefix += source.prefix or ""
            break
        if source is None and text.startswith("$"):
            break
        prefix += text
    return [_rewritten(word, call, pieces, value=None, prefix=prefix or None)]


def _rewritten(
    word: Word, call: Command, pieces: list[tuple[str, Word | None]], *, value: str | None, prefix: str | None
) -> Word:
    """The body's word with the call's arguments in it; assigned where the argument's value was (else the call)."""
    sources = [s for _, s in pieces if s is not None]
    assigned = next((s.assigned_at for s in sources if s.assigned_at is not None), call.line)
    shape = "".join(text for text, _ in pieces)
    new = object.__new__(Word)  # ``dataclasses.replace`` at a fraction of its cost: a word per bound argument
    new.__dict__.update(word.__dict__, value=value, shape=shape, prefix=prefix, assigned_at=assigned)
    return new


def _carries(word: Word, callee: _Callee) -> bool:
    return any(n in _POSITIONS or n in _ALL or n in callee.copies for n in word.expands)


def bind(command: Command, call: Command, callee: _Callee | None) -> Command:
    """``command`` of a body as ``call`` runs it (the command itself when it uses none of the call's words);
    ``callee``: what the body does with its parameters (:func:`callees`), None when nothing is known."""
    callee = callee or _NOTHING
    if callee.unknown_from is not None and command.line > callee.unknown_from:
        return command
    if not any(word.expands and _carries(word, callee) for word in command.words):
        return command  # most body commands: nothing of the call in them
    offset = _shifted(callee, command.line) if callee.shifts else 0
    words: list[Word] = []
    changed = False
    for word in command.words:
        bound = _bound_word(word, call, callee, offset) if word.expands else None
        changed = changed or bound is not None
        words.extend([word] if bound is None else bound)
    return with_fields(command, words=tuple(words)) if changed else command


def with_fields(command: Command, **changes: object) -> Command:
    """``dataclasses.replace(command, **changes)`` at a fraction of its cost (the walk binds every body once per
    call); a value cached on the original (``commands.written_paths``) is not kept."""
    new = object.__new__(Command)
    state = new.__dict__
    state.update(command.__dict__)
    for key in [k for k in state if k not in _COMMAND_FIELDS]:
        del state[key]
    state.update(changes)
    return new


_COMMAND_FIELDS = frozenset(Command.__dataclass_fields__)


def callees(script: Script) -> dict[str, _Callee]:
    """Every function of the script with what its body does to its parameters (for :func:`bind`)."""
    found = _callees(script)
    return {name: found.get(name, _NOTHING) for name in script.functions}


MAX_NAMES = 8  # the values of a name-building variable followed


def called_names(call: Command, script: Script) -> list[str]:
    """The functions a call may run: its name; for a name built from one variable whose every value is a literal
    (``do_check_${TERMINAL}`` with ``TERMINAL=1`` on one branch and ``TERMINAL=0`` on the other), each function of
    the script a value names."""
    name = call.name or ""
    program = call.program
    if program is None or len(program.expands) != 1 or "$" not in program.raw:
        return [name]
    variable = program.expands[0]
    values = [a.value for a in script.bindings(variable)][: MAX_NAMES + 1]
    if not values or len(values) > MAX_NAMES or any(v is None for v in values):
        return [name]
    part = re.compile(r"\$\{?" + re.escape(variable) + r"\}?(?!\w)")
    raw = program.raw.strip('"')
    named = (part.sub(str(v).replace("\\", "\\\\"), raw) for v in values)
    found = list(dict.fromkeys(n for n in named if n in script.functions))
    return found or [name]


def bound_calls(
    script: Script, wanted: Callable[[Command], bool], calls: Sequence[Command] | None = None
) -> dict[int, list[Command]]:
    """id of a call of a function the script (or a sourced library of the package: ``Script.libraries``) defines
    -> the function's commands that ``wanted`` asks for and that carry the call's arguments, bound to them (one
    level: a call inside the body is not followed). A call through a built name binds the body of each function it
    may run (:func:`called_names`)."""
    table = callees(script)
    bodies: dict[str, list[Command]] = {}
    for command in script.commands:
        if command.function in table and wanted(command):
            bodies.setdefault(command.function, []).append(command)
    for lib in script.libraries:  # a sourced library's functions the script does not define itself
        theirs = {name: callee for name, callee in callees(lib).items() if name not in table}
        table.update(theirs)
        for command in lib.commands:
            if command.function in theirs and wanted(command):
                bodies.setdefault(command.function, []).append(command)
    out: dict[int, list[Command]] = {}
    made = 0
    for call in script.commands if calls is None else calls:
        if made >= MAX_BOUND:
            break  # the rest of the calls are read as before: as the commands they are
        if not call.words or call.name not in bodies:
            continue
        names = [name for name in called_names(call, script) if name != call.function]
        made += sum(len(bodies.get(name, ())) for name in names)  # the work, bound or not
        bound = [
            b
            for name in names
            for b, c in ((bind(c, call, table[name]), c) for c in bodies.get(name, ()))
            if b is not c
        ]
        if bound and made <= MAX_BOUND:
            out[id(call)] = bound
    return out
