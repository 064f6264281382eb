"""Functions whose output is the path of a file they fetched: a download helper that ends with the fetch and has curl
print where it saved (``curl … --output "$file" --write-out "$file"``, ``--write-out '%{filename_effective}'``), or
ends by echoing the saved path (``curl -o "$tmp" "$url"; echo "$tmp"``), and every function that ends by calling
such a helper (its output passes through). The caller takes the path from a command substitution
(``archive="$(download_release …)"``): that word names the fetched file (Volta's installer and the installers
shaped like it). :func:`echoing_ends` gives each function's last command when it echoes: what it echoes may be a
tree the function unpacked from its fetch (``tar -xzf "$t/x.tgz" -C "$t"; d=$(find "$t" …); echo "$d"``), which the
download reader follows as it goes (``fetched``)."""

from __future__ import annotations

from shipgate.preflight.shell.commands import downloaded_files, operands, option_values, path_matches
from shipgate.preflight.shell.model import Command, Script

_PRINTERS = frozenset({"echo", "printf"})


def _last_commands(script: Script) -> dict[str, Command]:
    """Each function's last command whose output is the function's (not inside a ``$(…)``, stdout not redirected)."""
    last: dict[str, Command] = {}
    for command in script.commands:
        if command.function is None or "captured" in command.conditions:
            continue
        current = last.get(command.function)
        if current is None or command.line >= current.line:
            last[command.function] = command
    return {name: c for name, c in last.items() if not c.writes() and not _to_stderr(c)}


def _to_stderr(command: Command) -> bool:
    return any(r.op in (">&", ">") and r.target is not None and r.target.text == "2" for r in command.redirects)


def _prints_saved_file(command: Command, saved: list[str]) -> bool:
    """curl's ``--write-out`` names what it saved, or an echo/printf prints a path one of the function's fetches
    saved."""
    if command.name == "curl":
        own = {w.text for w in downloaded_files(command)}
        written = [w.text for w in option_values(command, "-w", "--write-out")]
        return bool(own) and any(w == "%{filename_effective}" or w in own for w in written)
    if command.name in _PRINTERS:
        return any(path_matches(path, w.text) for w in operands(command) for path in saved)
    return False


def path_printers(script: Script) -> dict[str, frozenset[str]]:
    """Function name -> the functions whose fetch it prints the path of (itself, when its own fetch: the helper
    that runs curl; the helpers it ends by calling otherwise)."""
    saved: dict[str, list[str]] = {}
    for command in script.commands:
        if command.function is not None and command.name in ("curl", "wget", "fetch"):
            saved.setdefault(command.function, []).extend(w.text for w in downloaded_files(command))
    last = _last_commands(script)
    found: dict[str, frozenset[str]] = {
        name: frozenset({name}) for name, c in last.items() if _prints_saved_file(c, saved.get(name, []))
    }
    callers: dict[str, list[str]] = {}  # function -> the functions whose last command calls it
    for name, command in last.items():
        callers.setdefault(command.name or "", []).append(name)
    pending = list(found)  # a worklist: a function whose set grew passes it on to the functions ending with it
    while pending:
        callee = pending.pop()
        for name in callers.get(callee, ()):
            merged = found.get(name, frozenset()) | found[callee]
            if merged != found.get(name):
                found[name] = merged
                pending.append(name)
    return found


def printed_by(word_text: str, printer: str) -> bool:
    """The word is the output of a call of ``printer`` (``$(download_release "$version"; exit "$?")``)."""
    head = "$(" + printer
    return word_text.startswith(head) and word_text[len(head) : len(head) + 1] in (" ", ";", ")")


def echoing_ends(script: Script) -> frozenset[tuple[str, int]]:
    """(function, line) of each function's last command whose output is the function's, when it is an ``echo`` or
    ``printf``: its operands are what a ``$(function …)`` caller receives."""
    return frozenset((name, c.line) for name, c in _last_commands(script).items() if c.name in _PRINTERS)
