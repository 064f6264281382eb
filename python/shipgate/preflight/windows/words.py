"""PowerShell argument text resolved against the literal variables a script sets: ``"$dir\\x.zip"`` with
``$dir = 'C:\\k'`` is ``C:\\k\\x.zip``; an unknown variable stays as written and makes the value unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shipgate.preflight.windows.model import Word

# ``$name``, ``${name}``, ``$env:NAME``, ``$global:name``; not ``$(…)`` (a subexpression: unknown).
_VARIABLE = re.compile(r"\$\{([^}]+)\}|\$((?:[A-Za-z]+:)?[A-Za-z_][\w]*)")
_SCOPES = ("global:", "script:", "local:", "private:")
# Backtick escapes of an expandable string (about_Special_Characters).
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "`": "`", '"': '"', "$": "$", "'": "'"}


def variable_name(text: str) -> str:
    """``$global:Path`` -> ``path``; ``${x}`` -> ``x``; ``@args`` -> ``args``; ``$env:Path`` stays ``env:path``."""
    name = text.lstrip("$@").strip("{}").lower()
    for scope in _SCOPES:
        if name.startswith(scope):
            return name[len(scope) :]
    return name


@dataclass
class Known:
    """A variable's value: ``value`` None when not literal; ``text`` what to put in its place."""

    value: str | None
    text: str
    line: int


def expand(raw: str, env: dict[str, Known], line: int) -> Word:
    """``raw`` (the inside of an expandable string, or a bare word) with known variables put in."""
    known = True
    assigned: int | None = None

    def put(m: re.Match[str]) -> str:
        nonlocal known, assigned
        name = variable_name(m.group(0))
        found = env.get(name)
        if found is None or found.value is None:
            known = False
            return found.text if found is not None else m.group(0)
        assigned = assigned or found.line
        return found.value

    text = _VARIABLE.sub(put, raw)
    if "$(" in raw:
        known = False
    return Word(text, text if known else None, line, assigned)


def unescape(raw: str) -> str:
    """The backtick escapes of an expandable string's text."""
    return re.sub(r"`(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), raw, flags=re.S)


def string_word(text: str, env: dict[str, Known], line: int) -> Word:
    """A string literal's word: ``'…'`` verbatim (``''`` is a quote), ``"…"`` expanded; here-strings alike."""
    if text.startswith("@'") or text.startswith('@"'):
        body = text[2:-2].strip("\r\n")
        return Word(body, body, line) if text[1] == "'" else expand(unescape(body), env, line)
    if text[:1] in ("'", "\u2018", "\u2019") and len(text) >= 2:
        body = text[1:-1].replace("''", "'")
        return Word(body, body, line)
    if text[:1] in ('"', "\u201c", "\u201d") and len(text) >= 2:
        return expand(unescape(text[1:-1].replace('""', '"')), env, line)
    return expand(text, env, line)
