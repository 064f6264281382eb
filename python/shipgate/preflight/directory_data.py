"""LDIF files that populate a directory with sample people (389 Directory Server's ``data/Example.ldif``).

A directory server ships example databases an operator may import to try it out: a hundred or more ``person``
entries, each with its own ``userPassword``. Such a file is a population of sample accounts, not a credential the
product runs with; an LDIF with a few password-carrying entries (an administrator's bind entry, a service account
a setup step loads) is read as any configuration is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SAMPLE_MIN = 10
_DN = re.compile(r"(?i)dn::?\s")
_PASSWORD = re.compile(r"(?i)userpassword::?\s*\S")


def sample_password_lines(path: str, lines: Iterable[tuple[int, str]]) -> set[int]:
    """The ``userPassword`` lines of an LDIF file whose passwords belong to at least ``SAMPLE_MIN`` entries."""
    if not path.lower().endswith(".ldif"):
        return set()
    found: set[int] = set()
    entries = 0
    counted = False
    for number, text in lines:
        if _DN.match(text):
            counted = False
        elif _PASSWORD.match(text):
            found.add(number)
            if not counted:
                entries += 1
                counted = True
    return found if entries >= SAMPLE_MIN else set()
