"""Passwords a URL carries as query parameters: ``jdbc:postgresql://db/app?user=app&password=x``.

A URL's userinfo (``scheme://user:password@host``) is read by detect-secrets' basic-auth plugin
(``shipgate.preflight.secrets.token_secrets``). Some drivers take the login after the ``?`` instead: JDBC URLs and
libpq URIs (``?user=app&password=x``), and a DSN's short login pair ``u``/``p`` (NocoDB's ``NC_DB``:
``pg://db:5432?u=postgres&p=x&d=app``). A parameter named for a password (``secrets.password_name``: ``password``,
``pass``, ``pwd``…) holding a literal is a password in the URL; ``p`` is one only when the same query has ``u`` and
the URL is not a web address (``http``/``https``: there ``p`` and ``u`` are a page's or an analytics ping's
parameters, as in privoxy's blocked-URL lists). Values are judged as any password is (``secrets.allowed``:
references, placeholders, descriptions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qsl

from shipgate.findings import Severity
from shipgate.preflight.secrets import Secret, allowed, password_name

KIND = "password in URL"
# A backslash ends a URL: in JSON and other quoted text it escapes the closing quote (``…&flag=false\"``).
_URL = re.compile(r"[A-Za-z][\w+.-]*://[^\s\"'<>`\\]+\?[^\s\"'<>`\\]+")
_COMMENT_LINE = ("#", ";", "//", "--", "/*", "*")
_WEB = ("http://", "https://")


def _query_password(url: str) -> tuple[str, str] | None:
    """The ``(name, value)`` of the password parameter in ``url``'s query, if any."""
    query = url.split("?", 1)[1].split("#", 1)[0]
    params = parse_qsl(query, keep_blank_values=False)
    names = {name.lower() for name, _ in params}
    dsn = not url.lower().startswith(_WEB)
    for name, value in params:
        short_pair = dsn and name.lower() == "p" and "u" in names
        if (short_pair or password_name(name)) and not allowed(value, name="password"):
            return name, value
    return None


def url_query_passwords(text: str) -> Iterator[Secret]:
    """The password query parameters of the URLs in ``text``, one per line (comment lines skipped)."""
    for number, line in enumerate(text.splitlines(), 1):
        if "://" not in line or "?" not in line or line.lstrip().startswith(_COMMENT_LINE):
            continue
        for m in _URL.finditer(line):
            found = _query_password(m.group())
            if found is not None:
                yield Secret(number, KIND, found[1], Severity.HIGH)
                break
