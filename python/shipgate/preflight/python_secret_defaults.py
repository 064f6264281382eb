"""A Python install or deploy program's table of settings whose entries name a secret and give it a literal default:
``{"key": "ADGUARD_PASSWORD", "desc": "Admin password", "default": "changeme"}`` (holdout199's homelab
``deploy.py``, whose setup wizard offers each default and takes it when the prompt is left empty, or for every
secret at once). Each such entry is the secret falling back to that literal, written as the shell that does the same
at the entry's line: ``ADGUARD_PASSWORD="${ADGUARD_PASSWORD:-changeme}"`` (``default_credential``), as the PHP
reader writes a console question's literal default.

An entry counts when it is a dict literal with a string under a naming key (``key``, ``name``, ``env``, ``var``,
``variable``) that names a secret (``secrets.secret_name``) and a non-empty string under ``default`` that reads as
one shell word. Not: an empty or ``None`` default, a default that is an expression, an entry naming no secret
(``PUID``, ``DOMAIN``), a dict without a ``default`` key."""

from __future__ import annotations

import ast
import re

from shipgate.preflight.secrets import secret_name

Piece = tuple[int, str]

MAX_ENTRIES = 500
_NAMING_KEYS = frozenset({"key", "name", "env", "var", "variable"})
_NAME = re.compile(r"[A-Za-z_]\w{0,99}")
_DEFAULT_WORD = re.compile(r"[\w@%+=:,./!#^*-]{1,200}")  # reads the same inside ``${NAME:-…}``


def _entry(node: ast.Dict) -> tuple[str, str] | None:
    """(name, default) of a table entry naming a secret with a literal default."""
    fields: dict[str, str] = {}
    for key, value in zip(node.keys, node.values, strict=False):
        text = value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and text is not None:
            fields[key.value] = text
    name = next((fields[k] for k in _NAMING_KEYS if k in fields), None)
    default = fields.get("default")
    if name is None or not default or not _NAME.fullmatch(name) or not _DEFAULT_WORD.fullmatch(default):
        return None
    return (name, default) if secret_name(name) else None


def secret_defaults(nodes: list[ast.AST]) -> list[Piece]:
    """``NAME="${NAME:-DEFAULT}"`` at each table entry of a secret with a literal default."""
    pieces: list[Piece] = []
    for node in nodes:
        if not isinstance(node, ast.Dict):
            continue
        entry = _entry(node)
        if entry is not None:
            name, default = entry
            pieces.append((node.lineno, f'{name}="${{{name}:-{default}}}"'))
            if len(pieces) >= MAX_ENTRIES:
                break
    return pieces
