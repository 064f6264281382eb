"""Variables a script uses as a secret though their names do not say so (docs/findings.md, ``hardcoded_credential``
and ``secret_printed``).

Odoo's installer keeps the database admin password in ``OE_SUPERADMIN`` ("superadmin" names a role, not a secret)
and writes it into the server's configuration as ``admin_passwd = ${OE_SUPERADMIN}``. The setting the value is
written to says what it is: a variable written as the value of a secret-named setting (``KEY = $VAR``,
``KEY=$VAR``, ``KEY: $VAR`` in a word the script runs or writes) holds a secret, the setting's name tells which
kind. A variable only compared with, or written under a name that is no secret (``http_port = ${OE_PORT}``), is
not one."""

from __future__ import annotations

import re

from shipgate.preflight.secrets import secret_name
from shipgate.preflight.shell.model import Script

# ``admin_passwd = ${OE_SUPERADMIN}``, ``DB_PASSWORD=$pw``, ``password: "$PW"``: a setting given the variable alone,
# also when a terminal's colour escape follows it (``echo -e "Password: $adminpass\e[0m"``: the escape styles the
# output, it is no part of the value).
_SETTING_OF_VARIABLE = re.compile(
    r"""([A-Za-z_][\w.-]*)\s*[=:]\s*["']?\$\{?([A-Za-z_]\w*)\}?["']?(?:\\n|\s|$|['"]|\\(?:e|033|x1[bB])\[)"""
)
_MAX_WORDS = 20000


_last: list[tuple[Script, dict[str, str]]] = []  # the last script asked about (checks ask once per printed word)


def secret_uses(script: Script) -> dict[str, str]:
    """Variable -> the secret-named setting the script writes it as (empty when there is none)."""
    if _last and _last[0][0] is script:
        return _last[0][1]
    found = _uses(script)
    _last[:] = [(script, found)]
    return found


# The same setting in a string the reader has read as shell (``su root -c "printf 'admin_passwd = …'"``), where the
# variable's known value already stands in its place.
_SETTING_OF_VALUE = re.compile(r"""([A-Za-z_][\w.-]*)\s*[=:]\s*([^\s'"\\]+)""")


def _uses(script: Script) -> dict[str, str]:
    found: dict[str, str] = {}
    by_value: dict[str, set[str]] = {}
    for a in script.assignments:
        if a.value and len(a.value) >= 3 and not secret_name(a.name):
            by_value.setdefault(a.value, set()).add(a.name)
    seen = 0
    for command in script.commands:
        for word in command.words:
            seen += 1
            if seen > _MAX_WORDS:
                return found
            for key, name in _SETTING_OF_VARIABLE.findall(word.raw) if "$" in word.raw else ():
                if secret_name(key) and not secret_name(name):
                    found.setdefault(name, key)
            for key, value in _SETTING_OF_VALUE.findall(word.raw) if command.via is not None else ():
                for name in by_value.get(value, ()) if secret_name(key) else ():
                    found.setdefault(name, key)
    return found
