"""What a script's functions do with their arguments, so a call is read like the commands it stands for:
``download() { curl -fsSL "$1"; }`` makes ``download "https://host/x"`` a network call to host, and
``say() { cat <<EOF … ${3} … EOF }`` makes ``say 1 2 "$PASSWORD"`` print the password."""

from __future__ import annotations

import dataclasses
import re

from shipgate.preflight.shell.actions import OPTED_IN
from shipgate.preflight.shell.commands import is_network, written_paths
from shipgate.preflight.shell.model import Command, Script, Word
from shipgate.preflight.shell.shifted_runners import Runners, shifted_arguments
from shipgate.preflight.shell.unwrap import base, unwrap

_POSITIONAL = re.compile(r"^\$\{?([1-9]|@|\*)\}?$")
# An array holding every argument, one element each: ``local cmd=("$@")`` (``"${cmd[@]}"`` then runs them).
_ARRAY_OF_ALL = re.compile(r'^\(\s*"?\$\{?(@)\}?"?\s*\)$')
_IN_TEXT = re.compile(r"\$\{?([1-9]|@|\*)\b")
_ALL = frozenset({"@", "*"})
_POSITIONAL_NAMES = frozenset({"1", "2", "3", "4", "5", "6", "7", "8", "9"})
_PRINTERS = frozenset({"echo", "printf", "print", "cat"})


def _from_arguments(script: Script) -> dict[tuple[str, str], str]:
    """(function, local name) -> the positional parameter it copies (``local url="$1"``), also with literal text
    around it (``local URL="${2}/boot.tar.xz"``: the argument's URL with a path added), and an array of all of them
    (``local cmd=("$@")``: ``"${cmd[@]}"`` is ``"$@"``)."""
    out: dict[tuple[str, str], str] = {}
    for a in script.assignments:
        if not a.function:  # only a function's copies are recorded
            continue
        value = a.raw.partition("=")[2]
        unquoted = value.strip("\"'")
        m = _ARRAY_OF_ALL.match(value) or _POSITIONAL.match(unquoted) or _AROUND_TEXT.match(unquoted)
        if m:
            out[(a.function, a.name)] = m.group(1)
    return out


# One positional parameter with only literal text around it (no command substitution, no other expansion).
_AROUND_TEXT = re.compile(r"^[^$`]*\$\{?([1-9])\}?(?![\w\[])[^$`]*$")


def _positions(command: Command, copies: dict[tuple[str, str], str]) -> set[str]:
    """The positional parameters (``1``…``9``, ``@``) the command's words carry, directly or through a copy."""
    found: set[str] = set()
    for word in command.words:
        for name in word.expands:
            if name in ("1", "2", "3", "4", "5", "6", "7", "8", "9", "@", "*"):
                found.add(name)
            elif (command.function or "", name) in copies:
                found.add(copies[(command.function or "", name)])
    for redirect in command.redirects:
        if redirect.body is not None:
            found.update(_IN_TEXT.findall(redirect.body))
    return found


def network_functions(script: Script) -> frozenset[str]:
    """Functions that hand their arguments to a network command (``download() { curl -fsSL "$1"; }``, also
    through a local copy: ``url="$1"; curl "$url"``) or to another such function (``get() { fetch_curl "$@"; }``,
    godownloader's http_download -> http_download_curl): a call passes its URL arguments to the network. Also
    those of a sourced library of the package the script calls (``Script.libraries``) and does not define."""
    own = _network_functions(script)
    if not script.libraries:
        return own
    defined = set(script.functions)
    return own | {name for lib in script.libraries for name in _network_functions(lib) if name not in defined}


def library_functions(script: Script) -> dict[str, tuple[str, int]]:
    """Functions the script calls that a sourced library defines and the script does not: name -> (library, line
    of the function's first command). One pass over the libraries' commands."""
    own = set(script.functions)
    out: dict[str, tuple[str, int]] = {}
    for lib in script.libraries:
        for command in lib.commands:
            if command.function is not None and command.function not in own:
                out.setdefault(command.function, (lib.path, command.line))
    return out


def _network_functions(script: Script) -> frozenset[str]:
    copies = _from_arguments(script)
    callers: dict[str, set[str]] = {}  # function -> the functions that pass their arguments to it
    found: set[str] = set()
    for c in script.commands:
        if c.function is None or not _positions(c, copies):
            continue
        if is_network(c):
            found.add(c.function)
        elif c.name is not None:
            callers.setdefault(c.name, set()).add(c.function)
    todo = list(found)
    while todo:  # each function is visited once: linear in the calls, whatever the chain's length
        for caller in callers.get(todo.pop(), ()):
            if caller not in found:
                found.add(caller)
                todo.append(caller)
    return frozenset(found)


def printing_functions(script: Script) -> dict[str, frozenset[str]]:
    """Functions that print their arguments to the output (not into a file): name -> the positions printed
    (``@`` for all)."""
    copies = _from_arguments(script)
    out: dict[str, set[str]] = {}
    for c in script.commands:
        if c.function is None or c.name not in _PRINTERS or c.writes():
            continue
        if c.name == "cat" and not any(r.body is not None for r in c.redirects):
            continue
        positions = _positions(c, copies)
        if positions:
            out.setdefault(c.function, set()).update("@" if p in _ALL else p for p in positions)
    return {name: frozenset(p) for name, p in out.items()}


def file_writers(script: Script) -> dict[str, tuple[Command, frozenset[str]]]:
    """Functions that write a file their caller names (``update_profile() { echo "$line" >> "$1"; }``, also
    through a local copy): name -> the writing command in the body and the positions it writes."""
    copies = _from_arguments(script)
    out: dict[str, tuple[Command, frozenset[str]]] = {}
    for c in script.commands:
        if c.function is None or c.function in out:
            continue
        positions = {
            n if n in _POSITIONAL_NAMES else copies.get((c.function, n), "")
            for word in written_paths(c)
            for n in word.expands
        } & _POSITIONAL_NAMES
        if positions:
            out[c.function] = (c, frozenset(positions))
    return out


def echoed_values(script: Script) -> dict[str, str]:
    """Functions whose standard output is one literal (``release_url() { echo "https://host/releases"; }``):
    name -> that text, so ``"$(release_url)/v1.tgz"`` is ``https://host/releases/v1.tgz``. A URL known up to its
    host and path (``url="https://dl.example.io/tool/releases/${version}"; echo "$url"``) gives that beginning:
    what follows it does not change the host the caller's word names."""
    printed: dict[str, list[str | None]] = {}
    for c in script.commands:
        if c.function is None or c.name not in ("echo", "printf") or c.writes():
            continue
        words = [w for w in c.words if not (c.name == "echo" and w.text in ("-n", "-e", "-ne", "-en"))]
        printed.setdefault(c.function, []).append(_echoed(words[0]) if len(words) == 1 else None)
    return {name: out[0] for name, out in printed.items() if len(out) == 1 and out[0]}


# A URL's beginning that holds its whole host: ``https://dl.example.io/`` (what follows it is run-time text).
_HOST_AND_SLASH = re.compile(r"^[a-z][a-z0-9+.-]*://[^/$`]+/")


def _echoed(word: Word) -> str | None:
    if word.value is not None:
        return word.value
    return word.prefix if word.prefix and _HOST_AND_SLASH.match(word.prefix) else None


def forwarding_tools(script: Script) -> dict[str, str]:
    """Functions whose network command gets all their arguments (``scurl() { curl --proto =https "$@"; }``):
    name -> that command, so a call's options are the command's (``scurl -sL URL -o FILE`` saves FILE)."""
    copies = _from_arguments(script)
    return {
        c.function: c.name
        for c in script.commands
        if c.function is not None and c.name is not None and is_network(c) and _ALL & _positions(c, copies)
    }


def forwarding_functions(script: Script) -> dict[str, frozenset[str]]:
    """Functions that hand all their arguments to other functions of the file (godownloader's ``http_download() {
    if is_command curl; then http_download_curl "$@"; … elif …; then http_download_wget "$@"; fi; }``): name -> the
    functions called with them, so a call's arguments reach what those bodies do (``http_download FILE URL`` saves
    FILE as ``http_download_curl FILE URL`` does)."""
    copies = _from_arguments(script)
    out: dict[str, set[str]] = {}
    for c in script.commands:
        if c.function is None or c.name not in script.functions or c.name == c.function:
            continue
        if _ALL & _positions(c, copies):
            out.setdefault(c.function, set()).add(c.name or "")
    return {name: frozenset(inner) for name, inner in out.items()}


def argument_runners(script: Script) -> Runners:
    """Functions that run their arguments as a command (``runAsRoot() { sudo "$@"; }``, also through a copy:
    ``CMD="$*"; …; $CMD``), with the leading arguments a body shifts off first (shifted_runners.py)."""
    copies = _from_arguments(script)
    named = _names_own_command(script)
    found: dict[str, Command] = {}
    for c in script.commands:
        if c.function is None or c.program is None:
            continue
        if any(line < c.line for line in named.get(c.function, ())):
            continue  # ``set -- sh "$installer" "$@"`` earlier in the body: the body names the program it runs
        if any((n if n in _ALL else copies.get((c.function, n))) in _ALL for n in c.program.expands):
            found.setdefault(c.function, c)
    return Runners(found, shifted_arguments(script, found))


def _names_own_command(script: Script) -> dict[str, list[int]]:
    """Functions whose body replaces its parameters with a command line that starts with a word it writes
    (``set -- sh "$installer" "$@"``): a later ``sudo env "$@"`` runs that program, not the caller's argument list,
    so the function is no runner of its arguments. Name -> the lines of those ``set`` commands."""
    out: dict[str, list[int]] = {}
    for c in script.commands:
        if c.function is None or c.name != "set" or len(c.words) < 2 or c.words[0].text != "--":
            continue
        if not c.words[1].expands and not c.words[1].text.startswith("-"):
            out.setdefault(c.function, []).append(c.line)
    return out


# Runners handing their arguments to another runner (``run_or_rollback "why" run_logged "step" pip install .``):
# read through at most this many.
_NESTED_RUNNERS = 4


def run_through(command: Command, runners: frozenset[str]) -> Command:
    """A call of an argument runner read as the command it runs (``runAsRoot chmod +x f`` is ``chmod +x f``), past
    the arguments its body shifts off (``run_logged "pip.install" pip install .`` is ``pip install .``) and through
    a runner it is given (``run_or_rollback "why" run_logged "step" pip install .`` is ``pip install .``)."""
    skipped = runners.skipped if isinstance(runners, Runners) else {}
    for _ in range(_NESTED_RUNNERS):
        at = skipped.get(command.name or "", 0)
        if command.name not in runners or len(command.words) <= at:
            return command
        command = _given_command(command, at)
        if not skipped:
            return command
    return command


def _given_command(call: Command, at: int) -> Command:
    """The command a runner's call hands it from its ``at``-th argument on, its own wrappers peeled off as the
    shell's would be (``spinner_run "Installing" sudo dpkg -i "$deb"`` runs ``dpkg -i "$deb"`` with sudo)."""
    un = unwrap(list(call.words[at:]))
    if not un.words or call.escalation is not None or un.escalation is None:
        first = call.words[at]
        return dataclasses.replace(call, name=base(first), program=first, words=call.words[at + 1 :])
    return dataclasses.replace(
        call,
        name=base(un.words[0]),
        program=un.words[0],
        words=tuple(un.words[1:]),
        escalation=un.escalation,
        escalation_line=call.line,
        escalation_options=un.escalation_options,
    )


def escalates_on_every_call(body: Command) -> bool:
    """A runner's escalating command outside a branch only the operator's option takes (``if [ "$USE_SUDO" =
    always ]; then sudo "$@"``, the file defaulting to ``never``: shell.operator_options): without the option, the
    calls run their commands as they are."""
    return OPTED_IN not in body.conditions


def read_through_runners(script: Script) -> list[Command]:
    """The script's commands with each call of an argument runner read as the command it runs, escalating as the
    runner's body does: ``installPackages apt-get install x`` (``installPackages() { if ! "$@"; then …``) is
    ``apt-get install x``; ``runAsRoot cp f /usr/bin`` (``runAsRoot() { sudo "$@"; }``) is ``cp`` run with sudo."""
    runners = argument_runners(script)
    if not runners:
        return list(script.commands)
    escalating = {
        c.function: c
        for c in script.commands
        if c.function in runners
        and c.escalation is not None
        and c.program is not None
        and c.program.expands
        and escalates_on_every_call(c)
    }
    out: list[Command] = []
    for command in script.commands:
        read = run_through(command, runners)
        body = escalating.get(command.name or "")
        if read is not command and body is not None and read.escalation is None:
            read = dataclasses.replace(read, escalation=body.escalation, escalation_line=body.escalation_line)
        out.append(read)
    return out
