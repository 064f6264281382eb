"""Literal passwords a script preseeds into debconf (docs/findings.md, ``hardcoded_credential``).

``debconf-set-selections`` reads selection lines, ``OWNER QUESTION TYPE VALUE``, and stores each answer for the
package that asks the question later: ``debconf-set-selections <<< "mysql-server mysql-server/root_password password
root"`` gives the MySQL root account the password ``root`` on every machine the script sets up (3ev's Vagrant
provisioner, hold-out set 170). A line of type ``password`` with a literal value is such a secret, whether the lines
come as a here-string, a heredoc or an ``echo``/``printf`` piped in. A value from a variable is filled in at run
time and not read here; the shipgate allow-rules apply to the value (placeholders, references)."""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.findings import Severity
from shipgate.preflight.secrets import Secret, allowed
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script

_READER = "debconf-set-selections"
_SECRET_TYPE = "password"  # noqa: S105 -- debconf's type for a secret answer (templates ``Type: password``)


def _preseed_password(text: str) -> str | None:
    """The literal answer of one selection line of type ``password``, or None."""
    fields = text.split(None, 3)
    if len(fields) < 4 or fields[2] != _SECRET_TYPE:
        return None
    value = fields[3].strip()
    return None if "$" in value or "`" in value else value


def _selection_lines(command: Command) -> Iterator[tuple[int, str]]:
    """The selection lines ``command`` hands debconf-set-selections, each with its line in the script."""
    if command.name == _READER:
        for redirect in command.redirects:
            if redirect.op == "<<<" and redirect.target is not None and redirect.target.value is not None:
                yield redirect.target.line, redirect.target.value
            elif redirect.op.startswith("<<") and redirect.body is not None and redirect.body_line is not None:
                if redirect.expands:
                    continue  # the shell fills the body in at run time
                for offset, text in enumerate(redirect.body.splitlines()):
                    yield redirect.body_line + offset, text
    elif command.name in ("echo", "printf") and command.piped_to[:1] == (_READER,):
        words = operands(command)
        if words and all(w.value is not None for w in words):
            yield command.line, " ".join(w.value or "" for w in words).replace("\\n", "\n").split("\n", 1)[0]


def preseeded_passwords(script: Script) -> Iterator[Secret]:
    for command in script.commands:
        for line, text in _selection_lines(command):
            password = _preseed_password(text)
            if password and not allowed(password):
                yield Secret(line, "password assignment (a debconf password answer preseeded)", password, Severity.HIGH)
