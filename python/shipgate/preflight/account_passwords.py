"""Literal passwords a script gives an account through ``chpasswd`` or ``passwd`` (docs/findings.md,
``hardcoded_credential``): ``echo "admin:Adm1n!" | chpasswd``, ``echo "root:toor" | sudo chpasswd``, ``printf
'pw\\npw\\n' | passwd app``, ``echo pw | passwd --stdin app``. The account then logs in with a password every copy
of the package shares. Only literal passwords are read (``echo "$USER:$PW"`` is filled in at run time, where the
variable's own value is judged; ``echo "$USER:fixed"`` gives whichever account a literal password), and the shipgate
allow-rules apply to the password (placeholders, references). ``chpasswd -e`` takes a hash, which cannot be told
from here (the pipe's options are not kept): a crypt hash (``$6$…``) holds ``$`` and is not read as a literal
anyway."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Severity
from shipgate.preflight.secrets import Secret, allowed
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script

_SETTERS = frozenset({"chpasswd", "passwd"})


def _password(command: Command) -> str | None:
    """The literal password an echo/printf feeds the next command of its pipeline, or None."""
    if command.name not in ("echo", "printf") or not command.piped_to or command.piped_to[0] not in _SETTERS:
        return None
    words = operands(command)
    if command.piped_to[0] == "chpasswd" and len(words) == 1 and words[0].value is None:
        return _named_account_password(words[0].raw)
    if not words or any(w.value is None or "$" in w.raw or "`" in w.raw for w in words):
        return None
    text = " ".join(w.value or "" for w in words).replace("\\n", "\n")
    first = text.split("\n", 1)[0].strip()
    if command.piped_to[0] == "chpasswd":
        user, colon, password = first.partition(":")
        return password if colon and user else None
    return first or None


# ``ACCOUNT:PASSWORD`` where the account is a variable and the password is literal (``"$APP_USER:changeme"``).
_VARIABLE_ACCOUNT_LINE = re.compile(r"(?:\$\{[^}]*\}|\$\w+|[\w.-])+:([^$`\\\s\"']+)")


def _named_account_password(raw: str) -> str | None:
    """The literal password of a chpasswd line whose account is only known at run time (``echo "$USER:fixed" |
    chpasswd``): the account changes, the password every copy shares does not."""
    inner = raw[1:-1] if len(raw) > 1 and raw[0] == raw[-1] == '"' else raw
    match = _VARIABLE_ACCOUNT_LINE.fullmatch(inner)
    return match[1] if match else None


def account_passwords(script: Script) -> Iterator[Secret]:
    for command in script.commands:
        password = _password(command)
        if password and not allowed(password):
            kind = f"password assignment (an account's, given to {command.piped_to[0]})"
            yield Secret(command.line, kind, password, Severity.HIGH)
