"""Secrets a Windows PowerShell script prints to the install log (docs/findings.md, ``secret_printed``).

``Write-Host "Admin password: $adminPassword"`` (also ``Write-Output``/``echo``/``Write-Information`` at the top
level, where the output is the script's, not a function's return value, and is not stored): a variable whose name
says it holds a secret (``$password``, ``$apiToken``, ``$env:DB_PASSWORD``; camelCase read as words) expanded in
what is printed. Not a single-quoted string (PowerShell does not expand it), not PowerShell's own variables
(``$PWD``, ``$HOME``), not a secure string or credential object (``$securePassword``, ``$cred``: printing one shows
its type name), nor a name that says file, path, length or user
(``secret_labels.not_the_secret``, as for a shell script)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.secret_labels import not_the_secret
from shipgate.preflight.secrets import secret_name
from shipgate.preflight.windows.model import Call, WinScript

_HOST_PRINTERS = frozenset({"write-host"})
_OUTPUT_PRINTERS = frozenset({"write-output", "echo", "write-information"})
_SINGLE_QUOTED = re.compile(r"'[^']*'")
_EXPANSION = re.compile(r"\$\{?(?:env:)?([A-Za-z_]\w*)")
_AUTOMATIC = frozenset({"pwd", "home", "psscriptroot", "pscommandpath", "host", "args", "input", "error", "true"})
_OBJECT = re.compile(r"(?i)secure|cred(?!ential)")


def _words(name: str) -> str:
    """``adminPassword`` → ``ADMIN_PASSWORD`` (the form ``secret_name`` reads)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def printed_secret(call: Call) -> str | None:
    """The secret-named variable ``call`` prints, or None."""
    printing = call.name in _HOST_PRINTERS or (
        call.name in _OUTPUT_PRINTERS and call.function is None and call.assigned_to is None
    )
    if not printing:
        return None
    for m in _EXPANSION.finditer(_SINGLE_QUOTED.sub("", call.text.splitlines()[0] if call.text else "")):
        name = m.group(1)
        if name.lower() in _AUTOMATIC or _OBJECT.search(name) or not_the_secret(name):
            continue
        if secret_name(_words(name)):
            return name
    return None


def printed_secrets(script: WinScript) -> Iterator[tuple[Call, str]]:
    for call in script.calls:
        name = printed_secret(call)
        if name is not None:
            yield call, name
