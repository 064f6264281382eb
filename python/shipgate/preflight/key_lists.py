"""Keys listed under a setting named for keys, in YAML: the item's own field is only ``key`` (or ``token``,
``secret``, ``value``), the setting above it says what the key is for.

APISIX ships its Admin API tokens so::

    admin_key:
      -
        name: "admin"
        key: edd1c9f034335f136f87ad84b625c8f1
        role: admin

``key`` alone names no secret (a map's key, a sort key, a translation key), so the line by itself is nothing; under
``admin_key:`` (``api_keys:``, ``access_tokens:``, ``secrets:``) it is one of the keys the setting lists. The owner is
the nearest less-indented ``name:`` line that opens a block (no value on its line). Owners named for public keys
(``ssh_keys``, ``public_keys``, ``authorized_keys``, ``gpg_keys``) list nothing secret. One pass over the lines with a
stack of open blocks, as deep as the file's indentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# ``  - name:`` / ``name:`` with nothing after it but a comment: a block opens under ``name``.
_OPENER = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<name>[A-Za-z_][\w.-]*)\s*:\s*(?:#.*)?$")
# ``  key: value`` / ``  - key: value``: a field with a value.
_FIELD = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<name>[A-Za-z_][\w.-]*)\s*:\s*\S")
_FIELDS = frozenset({"key", "token", "secret", "value"})
_OWNER = re.compile(r"(?i)(?:^|[_.-])(?:keys?|tokens?|secrets?|credentials?)$")
_PUBLIC = re.compile(r"(?i)(?:^|[_.-])(?:ssh|public|pub|authorized|gpg|pgp|host|trusted|signing_public)(?:[_.-]|$)")


def _owner(name: str) -> bool:
    return bool(_OWNER.search(name)) and not _PUBLIC.search(name)


def listed_keys(lines: Iterable[str]) -> dict[int, str]:
    """Line numbers (1-based) of ``key:``/``token:``/``secret:``/``value:`` fields in a block opened by a setting
    named for keys, each with that setting's name."""
    owned: dict[int, str] = {}
    stack: list[tuple[int, str]] = []  # (indentation of the opener's name, its name)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped == "-":
            continue
        opener = _OPENER.match(line)
        field = opener or _FIELD.match(line)
        if field is None:
            continue
        indent = len(field["lead"])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if opener is not None:
            stack.append((indent, opener["name"]))
        elif field["name"].lower() in _FIELDS and stack and _owner(stack[-1][1]):
            owned[number] = stack[-1][1]
    return owned
