"""Configuration lines a script writes into a file: a heredoc's body (``cat > FILE <<EOF``, ``tee FILE <<EOF``) and
the text ``echo``/``printf`` send into one (``echo "TLS_REQCERT allow" >> /etc/openldap/ldap.conf``, also through
``| tee FILE``), and the lines a ``sed -i`` substitution of literal words puts into the file it edits
(``sed -i 's/^gpgcheck=1/gpgcheck=0/' /etc/yum.repos.d/acme.repo``: ``sed_replaced_lines``). Each is a line of that
file as the package would have shipped it, so the readers of settings judge it as a shipped file's line. Text known
only at run time (a ``$VAR`` echoed) is not read; a heredoc's body is read as written. ``literal_only``: an echo's
word that expands a variable is not read even when the variable's value is known, nor an echo read out of a string,
where the values stand in the variables' places (the credential rule reports a secret where it is assigned, not
again where it is written)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.sed_edits import sed_edited_files, sed_in_place_scripts

_PRINTERS = frozenset({"echo", "printf"})
_EXPANDS = re.compile(r"[$`]")
# ``s/^password=.*/password=x/`` with any delimiter: the replacement (group 2), escapes of the delimiter kept.
_SED_SUBSTITUTION = re.compile(r"^s(.)(?:(?!\1)[^\\]|\\.)*\1((?:(?!\1)[^\\]|\\.)*)\1[gIip0-9]*$")


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


def sed_replacements(command: Command) -> list[str]:
    """The text each ``s/…/…/`` of a ``sed -i`` puts in place, when the script is literal (``&``, ``\\1`` and
    variables are filled in only at run time: such a substitution is not read, also when the variable's value is
    known, as the fallback of ``db_password=${password:=x}`` is: the literal is reported where it is assigned)."""
    expanded = {w.value for w in command.words if w.expands}
    scripts = (s for s in sed_in_place_scripts(command) if s not in expanded and not _EXPANDS.search(s))
    found = (_SED_SUBSTITUTION.match(script) for script in scripts)
    return [m.group(2).replace("\\", "") for m in found if m is not None]


def sed_replaced_lines(script: Script) -> Iterator[WrittenLine]:
    """Each literal replacement a ``sed -i`` substitution writes, as a line of the first file it edits."""
    for command in script.commands:
        if command.name != "sed":
            continue
        files = sed_edited_files(command)
        for text in sed_replacements(command) if files else ():
            yield WrittenLine(command.line, files[0].text, text)
