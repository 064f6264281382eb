"""Fallback assignments whose value is a URL carrying a password.

``if [ "$CMD_DB_URL" = "" ]; then CMD_DB_URL="postgres://app:password@database:5432/app"; fi`` gives the
product a database password every copy of the package shares whenever the operator sets no URL: the same
``preflight.default_credential`` as ``${DB_PASSWORD:-password}`` (docs/findings.md), though the variable's name is
a URL's and not a secret's. The password is read by parsing the URL, not by matching text."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from shipgate.preflight.secrets import placeholder
from shipgate.preflight.shell.model import ParameterDefault, Script


def url_password(value: str) -> str | None:
    """The password in ``scheme://user:password@host/…``; None when there is none or it is a placeholder."""
    if "://" not in value or "@" not in value:
        return None
    try:
        password = urlsplit(value.strip()).password
    except ValueError:
        return None
    if not password or "$" in password or placeholder(password):
        return None
    return password


def url_fallbacks(script: Script) -> Iterator[ParameterDefault]:
    """Literal assignments a test of the same variable's emptiness guards (``Script.falls_back``) whose URL value
    carries a password."""
    for a in script.assignments:
        literal = a.value is not None and a.generated_by is None and "$" not in a.raw.partition("=")[2]
        if literal and a.value is not None and script.falls_back(a.name, a.line) and url_password(a.value):
            yield ParameterDefault(a.name, a.value, a.line, a.raw)
