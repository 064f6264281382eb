"""Configuration lines a script writes into a file: a heredoc's body (``cat > FILE <<EOF``, ``tee FILE <<EOF``) and
the text ``echo``/``printf`` send into one (``echo "TLS_REQCERT allow" >> /etc/openldap/ldap.conf``, also through
``| tee FILE``). Each is a line of that file as the package would have shipped it, so the readers of settings judge
it as a shipped file's line. Text known only at run time (a ``$VAR`` echoed) is not read; a heredoc's body is read
as written. ``literal_only``: an echo's word that expands a variable is not read even when the variable's value is
known, nor an echo read out of a string, where the values stand in the variables' places (the credential rule
reports a secret where it is assigned, not again where it is written)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script

_PRINTERS = frozenset({"echo", "printf"})
_EXPANDS = re.compile(r"[$`]")


@dataclass(frozen=True)
class WrittenLine:
    line: int
    target: str  # the file written, as the script names it
    text: str


def written_lines(script: Script, *, literal_only: bool = False) -> Iterator[WrittenLine]:
    """Every line the script writes into a file through a heredoc, ``echo`` or ``printf``."""
    teed = {c.line: c for c in script.commands if c.name == "tee" and c.piped_from[-1:] in (("echo",), ("printf",))}
    for command in script.commands:
        target = _written_file(command)
        if target is None and command.name in _PRINTERS and command.piped_to[:1] == ("tee",):
            target = _written_file(teed[command.line]) if command.line in teed else None
        if target is None:
            continue
        for redirect in command.redirects:
            if redirect.op.startswith("<<") and redirect.op != "<<<" and redirect.body is not None:
                start = redirect.body_line if redirect.body_line is not None else command.line + 1
                for index, text in enumerate(redirect.body.splitlines()):
                    yield WrittenLine(start + index, target, text)
        if command.name in _PRINTERS and not (literal_only and _filled_in(command)):
            for text in _printed(command).split("\n"):
                yield WrittenLine(command.line, target, text)


def _filled_in(command: Command) -> bool:
    """A word expands a variable, or the command was read out of a string (``su -c "printf '…${PW}…'"``), where the
    reader has already put the variables' known values in their places."""
    return command.via is not None or any(_EXPANDS.search(w.raw) for w in command.words)


def _written_file(command: Command) -> str | None:
    """The file the command's standard output goes to (``> FILE``, ``>> FILE``), or ``tee``'s first file."""
    if command.name == "tee" and (files := operands(command)):
        return files[0].text
    for r in command.redirects:
        if r.op in (">", ">>", ">|") and r.fd in (None, "1") and r.target is not None and r.target.text != "/dev/null":
            return r.target.text
    return None


def _printed(command: Command) -> str:
    """What ``echo``'s operands (joined by spaces) or ``printf``'s format print, with ``\\n`` read as a new line;
    empty when a part is known only at run time."""
    words = [w for w in command.words if not (command.name == "echo" and w.text in ("-n", "-e", "-E", "-ne", "-en"))]
    if command.name == "printf":
        words = words[:1]
    if any(w.value is None for w in words):
        return ""
    return " ".join(w.value or "" for w in words).replace("\\n", "\n")
