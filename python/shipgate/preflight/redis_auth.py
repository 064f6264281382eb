"""Redis and Valkey authentication the package ships (``redis*.conf``, ``valkey*.conf``, ``sentinel*.conf``): a
server that answers clients beyond the host with no password lets anyone who reaches its port read and write every
key, and a Sentinel lets them reconfigure or fail over the masters it watches.

The file is read as the server reads it (one directive per line, its words split as ``redis-server`` splits them,
the last of a repeated directive wins). A file is taken for a Redis configuration when its name says so and one of
its lines is a Redis directive. It is ``preflight.authentication_disabled`` (high) when no password is set
(``requirepass`` empty or absent, no ``user default`` rule with a password or ``off``), the server listens on TCP
(``port`` not 0, or a ``tls-port``), ``bind`` is absent or names an address beyond loopback, and either protected
mode is off (``protected-mode no``; Sentinel's default, since ``sentinel.c`` switches it off) or ``bind`` names an
address beyond loopback (before 7.0 an explicit ``bind`` also switched protected mode's refusal off). With
protected mode on and no ``bind``, the server refuses clients beyond loopback until a password is set: not
reported. A file that ``include``s another or reads users from an ``aclfile`` is not judged: the password may be
there.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, TextFile

CODE = "preflight.authentication_disabled"
_NAME = re.compile(r"(?i)(?:redis|valkey|sentinel)[\w.-]*\.conf$")
_DIRECTIVES = frozenset(
    {
        "bind", "port", "tls-port", "protected-mode", "requirepass", "masterauth", "user", "sentinel", "daemonize",
        "save", "appendonly", "maxmemory", "unixsocket", "dbfilename", "databases", "tcp-keepalive", "tcp-backlog",
        "loglevel", "pidfile", "supervised", "maxclients", "include", "aclfile", "replicaof", "slaveof",
    }
)
_LOOPBACK_NAMES = frozenset({"localhost", "::1"})
_REMEDY = (
    "Set requirepass (or an ACL user with a password), bind to the addresses that need the server, and keep "
    "protected-mode yes."
)


@dataclass
class _Config:
    """The directives that decide who may connect, each the last line that set it."""

    sentinel: bool
    first: Line | None = None
    last: dict[str, tuple[Line, list[str]]] = field(default_factory=dict)
    password: bool = False
    opaque: bool = False


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if _NAME.search(posixpath.basename(text.path)):
            config = _read(text)
            if config is not None:
                yield from _exposed(text, config)


def _words(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError:  # an unclosed quote: redis-server refuses the line too
        return []


def _read(text: TextFile) -> _Config | None:
    config = _Config(sentinel=posixpath.basename(text.path).lower().startswith("sentinel"))
    for line in text.lines:
        if line.text.lstrip().startswith("#"):
            continue
        words = _words(line.text)
        if not words or words[0].lower() not in _DIRECTIVES:
            continue
        config.first = config.first or line
        name, args = words[0].lower(), words[1:]
        config.last[name] = (line, args)
        if name == "sentinel":
            config.sentinel = True
        elif name in ("include", "aclfile"):
            config.opaque = True
        elif name == "requirepass":
            config.password = bool(args and args[0])
        elif name == "user" and args and args[0] == "default":
            config.password = _default_user_locked(args[1:], config.password)
    return config if config.first else None


def _default_user_locked(rules: list[str], before: bool) -> bool:
    """Whether an ACL line leaves the default user needing a password (or switched off), rule by rule."""
    enabled: bool | None = None
    secret = before
    for rule in rules:
        if rule in ("on", "off"):
            enabled = rule == "on"
        elif rule.startswith((">", "#")):
            secret = True
        elif rule in ("nopass", "resetpass", "reset"):
            secret = False
    return secret or enabled is False


def _loopback(address: str) -> bool:
    address = address.lstrip("-").lower()
    if address in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False  # *, 0.0.0.0, an interface's address, a host name: beyond this host


def _exposed(text: TextFile, config: _Config) -> Iterator[Finding]:
    last = config.last
    if config.password or config.opaque or _tcp_off(last):
        return
    bind = last.get("bind")
    beyond = next((a for a in bind[1] if not _loopback(a)), None) if bind else "every interface"
    if beyond is None:
        return
    protected = last.get("protected-mode")
    off = [a.lower() for a in protected[1][:1]] == ["no"] if protected else config.sentinel
    if not off and bind is None:
        return  # protected mode refuses clients beyond loopback while no password is set
    where = protected[0] if protected and off else (bind[0] if bind else _anchor(config, text))
    server = "Sentinel" if config.sentinel else "Redis"
    why = "protected mode is off" if off else "bind names it (Redis before 7.0 then skips protected mode)"
    yield text.finding(
        where,
        CODE,
        Severity.HIGH,
        address=beyond,
        message=f"{server} answers clients on {beyond} with no password ({why}): anyone who reaches the port "
        + ("can reconfigure or fail over the masters it monitors" if config.sentinel else "reads and writes every key"),
        remedy=_REMEDY,
    )


def _tcp_off(last: dict[str, tuple[Line, list[str]]]) -> bool:
    port = last.get("port")
    tls = last.get("tls-port")
    return bool(port and port[1][:1] == ["0"]) and not (tls and tls[1][:1] not in ([], ["0"]))


def _anchor(config: _Config, text: TextFile) -> Line:
    """Where a Sentinel that writes nothing about access is reported: its port, else its first directive."""
    port = config.last.get("port")
    return port[0] if port else (config.first or text.lines[0])
