"""``[gate]`` of the service configuration: which downstream repository each path prefix of ``PUT /gate/<path>``
goes to, with what credentials, and what happens to what is not forwarded::

    [gate]
    forward_warn = false                  # WARN verdicts forwarded too (default: refused like DENY, 422)
    quarantine_dir = "/var/lib/shipgate/quarantine"   # refused uploads kept here (default: not kept)
    timeout_seconds = 3600                # the downstream PUT, first byte to its answer

    [gate.routes."vendor-a/"]             # PUT /gate/vendor-a/<rest> -> <url><rest>
    url = "https://nexus.example.net/repository/raw-vendor-a/"
    username = "shipgate"                 # HTTP basic authentication with ...
    password_file = "/etc/shipgate/nexus-password"    # ... this password (or password_env = "NAME")
    # token_file / token_env: "Authorization: Bearer <token>" instead
    forward_warn = true                   # this route's own choice
    ca_file = "/etc/shipgate/nexus-ca.pem"            # the downstream's CA (default: the system's)

A prefix is ``""`` (everything) or ends with ``/``; the longest one that matches wins. The URL is ``http`` or
``https``, ends with ``/``, and carries no credentials, query or fragment (it is logged; credentials come from
a file or the environment, :mod:`shipgate.service.secrets`); credentials are refused over plain ``http`` to
anything but loopback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from shipgate.service.config_table import ConfigTable
from shipgate.service.secrets import SecretError, SecretSource, source_in

DEFAULT_TIMEOUT_SECONDS = 3600.0


class GateConfigError(SecretError):
    """``[gate]`` is invalid; the message names the key."""


@dataclass(frozen=True, kw_only=True)
class GateRoute:
    prefix: str
    url: str
    """The downstream base URL; the path after the prefix is appended to it."""
    username: str = ""
    password: SecretSource | None = None
    token: SecretSource | None = None
    forward_warn: bool = False
    ca_file: Path | None = None

    def authorization(self) -> str | None:
        """The ``Authorization`` header for the downstream (secrets read now). Raises ``SecretError``."""
        import base64

        if self.token is not None:
            return f"Bearer {self.token.read()}"
        if self.password is not None:
            pair = f"{self.username}:{self.password.read()}".encode()
            return f"Basic {base64.b64encode(pair).decode('ascii')}"
        return None


@dataclass(frozen=True, kw_only=True)
class GateSettings:
    routes: tuple[GateRoute, ...] = ()
    forward_warn: bool = False
    quarantine_dir: Path | None = None
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    def route_for(self, path: str) -> tuple[GateRoute, str] | None:
        """The route of ``path`` (longest prefix) and the rest of the path after it."""
        for route in sorted(self.routes, key=lambda r: len(r.prefix), reverse=True):
            if path.startswith(route.prefix):
                return route, path[len(route.prefix) :]
        return None

    @classmethod
    def read(cls, table: ConfigTable, sub: Callable[[dict[str, Any], str], ConfigTable]) -> GateSettings:
        """From ``[gate]``; ``sub(data, where)`` reads a route's own table."""
        forward_warn = table.boolean("forward_warn", False)
        quarantine = table.string("quarantine_dir", "")
        timeout = table.number("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)
        given = table.data.pop("routes", {})
        if not isinstance(given, dict):
            raise GateConfigError(f'{table.where}: routes must be a table of tables ([gate.routes."prefix/"])')
        routes = []
        for prefix, body in given.items():
            where = f'{table.where}.routes."{prefix}"'
            if not isinstance(body, dict):
                raise GateConfigError(f"{where} must be a table")
            routes.append(_route(prefix, sub(dict(body), where), default_warn=forward_warn))
        table.done()
        return cls(
            routes=tuple(routes),
            forward_warn=forward_warn,
            quarantine_dir=table.path_of(quarantine, "quarantine_dir") if quarantine else None,
            timeout_seconds=timeout,
        )


def _route(prefix: str, r: ConfigTable, *, default_warn: bool) -> GateRoute:
    if prefix and (not prefix.endswith("/") or prefix.startswith("/") or "//" in prefix or ".." in prefix.split("/")):
        raise GateConfigError(f"{r.where}: a prefix is empty or a relative path ending with '/', like 'vendor-a/'")
    url = r.string("url", "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise GateConfigError(f"{r.where}: url must be an http:// or https:// URL, not {url!r}")
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        raise GateConfigError(
            f"{r.where}: url must carry no credentials, query or fragment (it is logged); give username and "
            "password_file/password_env or token_file/token_env"
        )
    if not parts.path.endswith("/"):
        raise GateConfigError(f"{r.where}: url must end with '/' (the path after the prefix is appended to it)")
    route = GateRoute(
        prefix=prefix,
        url=url,
        username=r.string("username", ""),
        password=source_in(r, "password_"),
        token=source_in(r, "token_"),
        forward_warn=r.boolean("forward_warn", default_warn),
        ca_file=r.path_of(ca, "ca_file") if (ca := r.string("ca_file", "")) else None,
    )
    r.done()
    if route.password is not None and route.token is not None:
        raise GateConfigError(f"{r.where}: give a password or a token, not both")
    if (route.password is not None) != bool(route.username):
        raise GateConfigError(f"{r.where}: username and a password go together")
    if (route.password or route.token) and parts.scheme == "http" and not _loopback(parts.hostname):
        raise GateConfigError(
            f"{r.where}: credentials would cross the network in clear text to {parts.hostname}; use https"
        )
    return route


def _loopback(host: str | None) -> bool:
    from shipgate.service.config import is_loopback

    return host is not None and is_loopback(f"{host}:0")
