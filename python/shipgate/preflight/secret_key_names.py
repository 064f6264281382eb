"""The keys a chart reads inside a Kubernetes Secret it is given by name: Homarr's ``envSecrets`` blocks hold
``existingSecret: "auth-ldap-secret"`` beside ``ldapBindingPassword: "bind-password"``, the key under which that
Secret stores the bind password. Such a value names a field of another object; it is not the password. Read only
for a nested YAML setting with a sibling ``existingSecret``/``existingSecretName`` that names a Secret (not empty,
not a reference), in the same block within 40 lines (block_siblings), and only for a value shaped like a Secret's
key of two or more lower-case words (``mysql-password``, ``oidc-client-secret``, ``db.password``): a password beside
it (``password: hunter2``) stays read, as does every setting when ``existingSecret: ""`` leaves the chart to create
the Secret from the values."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.block_siblings import indentation, key_column, sibling_in_block

_EXISTING_SECRET = re.compile(
    r"""(?i)^\s*(?:-\s+)?["']?existing[_-]?secret(?:[_-]?name)?["']?\s*:\s*["']?[a-z0-9][a-z0-9.-]*["']?\s*(?:#.*)?$"""
)
_KEY_NAME = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z][a-z0-9]*)+")
_WINDOW = 40


def names_secret_key(lines: Sequence[str], number: int, value: str) -> bool:
    """Whether ``value``, found on 1-based line ``number``, is the name of a key inside the Secret a sibling
    ``existingSecret`` names."""
    if indentation(lines[number - 1]) == 0 or not _KEY_NAME.fullmatch(value.strip().strip("\"'")):
        return False
    return sibling_in_block(lines, number, _WINDOW, _EXISTING_SECRET.match, key_column)
