"""Debconf answers that are secrets (docs/findings.md, ``secret_printed``).

A Debian maintainer script asks debconf for the operator's answers: ``db_get vendor/icecast-adminpw`` leaves the
answer in ``$RET``, and the script copies it into a variable whose name often says nothing (``ICEADMIN=$RET``).
The question's name says what the answer is: its last part ending in a word for a password (``…password``,
``…passwd``, ``…passphrase``, ``…pw``, ``…pwd``; ``vendor/db_password``, ``vendor/icecast-sourcepw``) or naming a
secret as a variable's name would (``vendor/api_token``). A variable given ``$RET`` alone right after such a
``db_get`` (the nearest ``db_get`` before it in the same function) holds the secret; one given ``$RET`` after a
question about a host or a path does not."""

from __future__ import annotations

import bisect
import re

from shipgate.preflight.secrets import secret_name
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Script

_PASSWORD_END = re.compile(r"(?i)(?:password|passwd|passphrase|pw|pwd)$")
_RET = frozenset({"$RET", "${RET}", '"$RET"', '"${RET}"'})


def secret_question(question: str) -> bool:
    """Whether the debconf question ``question`` (``owner/name``) asks for a secret."""
    last = question.rsplit("/", 1)[-1]
    return bool(last) and (bool(_PASSWORD_END.search(last)) or secret_name(last.replace("-", "_")))


_last: list[tuple[Script, frozenset[str]]] = []  # the last script asked about (checks ask once per printed word)


def debconf_secrets(script: Script) -> frozenset[str]:
    """The variables ``script`` gives a secret debconf answer (``ICEADMIN=$RET`` after ``db_get …/adminpw``)."""
    if _last and _last[0][0] is script:
        return _last[0][1]
    found = _answers(script)
    _last[:] = [(script, found)]
    return found


def _answers(script: Script) -> frozenset[str]:
    asked = sorted(
        (c.line, c.function, words[0].text) for c in script.commands if c.name == "db_get" and (words := operands(c))
    )
    if not asked:
        return frozenset()
    lines = [line for line, _, _ in asked]
    found: set[str] = set()
    for a in script.assignments:
        if a.raw.partition("=")[2].strip() not in _RET:
            continue
        index = bisect.bisect_left(lines, a.line) - 1
        if index >= 0 and asked[index][1] == a.function and secret_question(asked[index][2]):
            found.add(a.name)
    return frozenset(found)
