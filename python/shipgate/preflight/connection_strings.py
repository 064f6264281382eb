"""ADO.NET-style connection strings in configuration: ``Data Source=db.vendor.com;Initial Catalog=shop;User ID=shop;
Password=x;Trust Server Certificate=True``.

.NET's SQL Server, PostgreSQL (Npgsql) and MySQL drivers take their connection as one string of ``key=value`` pairs
joined by ``;`` (an ``appsettings.json`` member, a ``connectionString="…"`` attribute, an environment variable
``ConnectionStrings__Default=…``). Keys are matched without case or spaces, as the drivers do: the server is
``Data Source``/``Server``/``Host``/``Address``/``Addr``/``Network Address`` (``tcp:`` prefix, ``,1433`` port or
``\\INSTANCE`` after the host), the password ``Password``/``Pwd``, and ``Trust Server Certificate=True`` makes the
client accept any certificate the server presents (the driver then encrypts without validating the chain or the
name). A string is one when it names a server and a database, a user or a password beside it: a lone ``host=x;``
is no connection. Read per line; a segment longer than :data:`MAX_SEGMENT` characters is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.findings import Severity
from shipgate.preflight.secrets import Secret, allowed

KIND = "password in connection string"
MAX_SEGMENT = 2_000
_QUOTE = re.compile(r"[\"'<>`]")
_KEY = re.compile(r"[A-Za-z][A-Za-z ]{0,40}")
_SERVER_KEYS = frozenset({"datasource", "server", "host", "address", "addr", "networkaddress"})
_PASSWORD_KEYS = frozenset({"password", "pwd"})
_COMPANION_KEYS = frozenset({"database", "initialcatalog", "userid", "uid", "user", "username"}) | _PASSWORD_KEYS
_TRUST_KEY = "trustservercertificate"
_KNOWN_KEYS = _SERVER_KEYS | _COMPANION_KEYS | {_TRUST_KEY}
_TRUE = frozenset({"true", "yes"})


@dataclass(frozen=True)
class ConnectionString:
    """The pairs of one connection string, keys lower-cased without spaces."""

    pairs: dict[str, str]

    @property
    def server(self) -> str | None:
        """The host the string connects to (``tcp:`` scheme, port and instance name taken off)."""
        for key in _SERVER_KEYS:
            value = self.pairs.get(key, "").strip()
            if value:
                host = value.split(":", 1)[1] if value.lower().startswith(("tcp:", "np:", "lpc:")) else value
                return re.split(r"[,\\]", host, maxsplit=1)[0].strip()
        return None

    @property
    def password(self) -> str | None:
        for key in _PASSWORD_KEYS:
            if self.pairs.get(key, "").strip():
                return self.pairs[key].strip()
        return None

    @property
    def trusts_any_certificate(self) -> bool:
        return self.pairs.get(_TRUST_KEY, "").strip().lower() in _TRUE


def _key(text: str) -> str | None:
    """``Data Source`` → ``datasource``; None for what no driver takes as a key (``ConnectionStrings__Default``)."""
    text = text.strip()
    return text.replace(" ", "").lower() if _KEY.fullmatch(text) else None


def _pairs(segment: str) -> dict[str, str]:
    """The ``key=value`` pairs of ``segment``; the first may follow the setting that holds the string
    (``ConnectionStrings__Default=Server=x``: the pair is ``Server=x``)."""
    pairs: dict[str, str] = {}
    for part in segment.split(";"):
        head, _, value = part.partition("=")
        if _key(head) not in _KNOWN_KEYS and _key(value.partition("=")[0]) in _KNOWN_KEYS:
            head, _, value = value.partition("=")
        key = _key(head) if value or "=" in part else None
        if key is not None:
            pairs[key] = value
    return pairs


def line_connection_strings(line: str) -> list[ConnectionString]:
    """The connection strings written on ``line`` (each quoted or bare run of text with a ``;`` in it)."""
    if ";" not in line or "=" not in line:
        return []
    found: list[ConnectionString] = []
    for segment in _QUOTE.split(line):
        if ";" not in segment or len(segment) > MAX_SEGMENT:
            continue
        pairs = _pairs(segment)
        if _SERVER_KEYS.intersection(pairs) and _COMPANION_KEYS.intersection(pairs):
            found.append(ConnectionString(pairs))
    return found


def connection_strings(text: str) -> Iterator[tuple[int, ConnectionString]]:
    """Every connection string of ``text`` with its line number; comment lines (``#``, ``;``, ``//``) skipped."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(("#", ";", "//")):
            continue
        for found in line_connection_strings(line):
            yield number, found


def connection_string_passwords(text: str) -> Iterator[Secret]:
    """The literal passwords of the connection strings in ``text`` (one per line; references, placeholders and
    descriptions are judged as any password is: ``secrets.allowed``)."""
    for number, found in connection_strings(text):
        password = found.password
        if password is not None and not allowed(password, name="password"):
            yield Secret(number, KIND, password, Severity.HIGH)
