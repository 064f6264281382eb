"""A literal password a data statement stores through a password-hashing function.

A seed file that creates an account writes its password as the hash of a literal: pgcrypto's ``crypt('password',
gen_salt('bf'))``, MySQL's ``PASSWORD('password')`` and ``ENCRYPT('…')`` (glewlwyd's default administrator, fed to
``psql`` by its postinst and applied by dbconfig-common). The hash is computed from the literal in the file, so the
account's password is that literal: a credential shipped in the package (docs/preflight.md, ``hardcoded_credential``).
Another argument (a column, a bind parameter, a function of one) stores nothing known.
"""

from __future__ import annotations

from typing import Any

from shipgate.preflight.sql.nodes import Node, function_calls, sval, typed

# functions whose first argument is the password they hash (pgcrypto's crypt; MySQL's PASSWORD, ENCRYPT)
_HASHERS = frozenset({"crypt", "password", "encrypt", "old_password"})


def stored_password(node: Any) -> str | None:
    """The literal first argument of a password-hashing call anywhere in ``node`` (bounded by ``MAX_WALK``)."""
    return next((literal for call in function_calls(node) if (literal := _hashed_literal(call))), None)


def _hashed_literal(call: Node) -> str | None:
    """``crypt('password', …)``'s ``'password'``; None for another call or a first argument that is no literal."""
    if not call.get("args"):
        return None
    if sval(call["funcname"][-1]).lower() not in _HASHERS:
        return None
    kind, fields = typed(call["args"][0])
    value = fields.get("sval") if kind == "A_Const" else None  # ``{"A_Const": {"sval": {"sval": "…"}}}``
    literal = value.get("sval") if isinstance(value, dict) else None
    return literal if isinstance(literal, str) and literal else None
