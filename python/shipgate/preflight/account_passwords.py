"""Literal passwords a script gives an account through ``chpasswd`` or ``passwd`` (docs/findings.md,
``hardcoded_credential``): ``echo "admin:Adm1n!" | chpasswd``, ``echo "root:toor" | sudo chpasswd``, ``printf
'pw\\npw\\n' | passwd app``, ``echo pw | passwd --stdin app``. The account then logs in with a password every copy
of the package shares. Only literal passwords are read (``echo "$USER:$PW"`` is filled in at run time, where the
variable's own value is judged; ``echo "$USER:fixed"`` gives whichever account a literal password), and the shipgate
allow-rules apply to the password (placeholders, references). ``chpasswd -e`` takes a hash, which cannot be told
from here (the pipe's options are not kept): a crypt hash (``$6$…``) holds ``$`` and is not read as a literal
anyway. A literal password given on the command line to a password hasher (``openssl passwd``, ``mkpasswd``) is
read too: the hash it prints is what the account gets (``useradd -p``, a Raspberry Pi image's ``/boot/userconf``)."""

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


# A password hasher's options that take a value (OpenSSL's passwd, whois' mkpasswd): the rest are operands,
# the passwords it hashes (mkpasswd's second operand is the salt).
_HASHER_VALUE_OPTIONS = frozenset({"-salt", "-in", "-S", "--salt", "-m", "--method", "-R", "--rounds", "-P"})


def _hashed_password(command: Command) -> str | None:
    """The literal password given on the command line to a password hasher (``openssl passwd -6 -salt s secret``,
    ``mkpasswd -m sha-512 secret``), whose hash is then given to an account (``useradd -p``, ``/boot/userconf``);
    None when it is read from a file, stdin or a variable."""
    words = list(command.words)
    if command.name == "openssl" and words[:1] and words[0].text == "passwd":
        words = words[1:]
    elif command.name != "mkpasswd":
        return None
    passwords: list[str | None] = []
    skip = False
    for word in words[:40]:
        if skip:
            skip = False
        elif word.text in ("-stdin", "--stdin", "-s"):
            return None
        elif word.text.startswith("-") and word.text != "-":
            skip = word.text in _HASHER_VALUE_OPTIONS
        else:
            passwords.append(word.value if word.value is not None and "$" not in word.raw else None)
    return passwords[0] if passwords and passwords[0] else None


# Commands that give an account the hash they are handed (``useradd -p "$hash"``, ``echo "pi:$hash" | chpasswd -e``).
_ACCOUNT_SETTERS = frozenset({"useradd", "usermod", "adduser", "chpasswd"})


def _given_to_account(command: Command) -> bool:
    return command.name in _ACCOUNT_SETTERS or (command.piped_to[:1] == ("chpasswd",)) or bool(command.writes())


def _hashes_given(script: Script) -> set[int]:
    """Lines of the password hashes an account gets: the hasher's output assigned to a variable that an account
    command or a file write then expands, or the hasher run on an account command's own line. Not a hash only
    compared (``HASH=$(mkpasswd … raspberry "$SALT")`` grepped for in /etc/shadow: a check of the default)."""
    hashed_into = {a.name: a.line for a in script.assignments if a.generated_by in ("openssl", "mkpasswd")}
    lines = {c.line for c in script.commands if c.name in _ACCOUNT_SETTERS}
    for command in script.commands:
        if hashed_into and _given_to_account(command):
            expanded = {name for word in command.words for name in word.expands}
            expanded |= {name for r in command.writes() for name in r.expands}
            lines |= {hashed_into[name] for name in expanded if name in hashed_into}
    return lines


def account_passwords(script: Script) -> Iterator[Secret]:
    given: set[int] | None = None
    for command in script.commands:
        password = _password(command)
        if password and not allowed(password):
            kind = f"password assignment (an account's, given to {command.piped_to[0]})"
            yield Secret(command.line, kind, password, Severity.HIGH)
        hashed = _hashed_password(command)
        if hashed and not allowed(hashed):
            given = _hashes_given(script) if given is None else given
            if command.line in given:
                yield Secret(command.line, f"password assignment (hashed by {command.name})", hashed, Severity.HIGH)
