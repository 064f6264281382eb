"""Mosquitto authentication the package ships (``mosquitto*.conf``, or a ``.conf`` under a ``mosquitto/`` folder):
a broker that lets anonymous clients in on a listener beyond the host lets anyone who reaches the port publish and
subscribe to every topic (devices' telemetry, and the commands those devices act on).

The file is read as ``mosquitto.conf(5)`` says the broker reads it: one directive per line, ``#`` only at the start
of a line, a later ``allow_anonymous`` replacing an earlier one. ``listener PORT [ADDRESS]`` opens a listener on
every interface unless an address (or ``bind_interface lo``) keeps it local; ``listener 0 /path`` is a Unix socket;
the old ``port``/``bind_address`` pair is the default listener. With ``per_listener_settings true`` an
``allow_anonymous`` line belongs to the listener above it, otherwise it applies to all of them.
``preflight.authentication_disabled`` (high) when ``allow_anonymous true`` is written and a TCP listener it covers
is beyond loopback, reported at that ``allow_anonymous`` line. Not judged: a file that also reads an ``acl_file``,
loads a plugin (anonymous clients may be given no topic there) or includes a directory (the setting may change).
The version default (anonymous allowed before 2.0, refused since) is not assumed: only what the file writes.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, TextFile

CODE = "preflight.authentication_disabled"
_NAME = re.compile(r"(?i)(?:^|/)(?:mosquitto[\w.-]*\.conf|mosquitto/(?:[\w.-]+/)*[\w.-]+\.conf)$")
_DIRECTIVES = frozenset(
    {
        "listener", "port", "bind_address", "bind_interface", "allow_anonymous", "per_listener_settings",
        "password_file", "persistence", "persistence_location", "log_dest", "log_type", "protocol", "acl_file",
        "plugin", "auth_plugin", "include_dir", "psk_file", "cafile", "certfile", "keyfile", "require_certificate",
        "max_queued_messages", "autosave_interval", "connection_messages", "pid_file", "user", "mount_point",
    }
)
_OPAQUE = frozenset({"acl_file", "plugin", "auth_plugin", "include_dir"})
_LOOPBACK_NAMES = frozenset({"localhost", "lo", "ip6-localhost"})
_REMEDY = (
    "Set allow_anonymous false and give clients accounts (password_file, or a plugin with an ACL), or keep the "
    "listener on 127.0.0.1."
)


@dataclass
class _Listener:
    """One listener: its line, whether it is reachable beyond the host, and its own anonymous setting."""

    line: Line
    beyond: str | None
    anonymous: Line | None = None


@dataclass
class _Broker:
    listeners: list[_Listener] = field(default_factory=list)
    anonymous: Line | None = None  # the last ``allow_anonymous true`` (``None`` once a later line says false)
    per_listener: bool = False
    opaque: bool = False
    directives: int = 0


def is_mosquitto_config(path: str) -> bool:
    """A file the broker reads as ``mosquitto.conf(5)``: this module judges its ``allow_anonymous``."""
    return bool(_NAME.search(path.lower()))


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if is_mosquitto_config(text.path):
            broker = _read(text)
            if broker.directives and not broker.opaque:
                yield from _exposed(text, broker)


def _read(text: TextFile) -> _Broker:
    broker = _Broker()
    for line in text.lines:
        words = line.text.split()
        if not words or words[0].startswith("#") or words[0] not in _DIRECTIVES:
            continue
        broker.directives += 1
        name, args = words[0], words[1:]
        if name in _OPAQUE:
            broker.opaque = True
        elif name == "per_listener_settings":
            broker.per_listener = args[:1] == ["true"]
        elif name in ("listener", "port") and args:
            broker.listeners.append(_Listener(line, _reach(args)))
        elif name in ("bind_address", "bind_interface") and args and broker.listeners:
            last = broker.listeners[-1]
            last.beyond = None if _local(args[0]) else last.beyond
        elif name == "allow_anonymous":
            _anonymous(broker, line if args[:1] == ["true"] else None)
    return broker


def _anonymous(broker: _Broker, line: Line | None) -> None:
    """Record an ``allow_anonymous`` line: for the listener above it (per-listener settings) or for all."""
    if broker.per_listener and broker.listeners:
        broker.listeners[-1].anonymous = line
    else:
        broker.anonymous = line


def _reach(args: list[str]) -> str | None:
    """Where a ``listener PORT [ADDRESS]`` is reachable beyond the host, or None (loopback, a Unix socket)."""
    if args[0] == "0" or (len(args) > 1 and args[1].startswith("/")):
        return None  # a Unix socket: port 0 and a path
    if len(args) > 1:
        return None if _local(args[1]) else args[1]
    return "every interface"


def _local(address: str) -> bool:
    if address.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False  # 0.0.0.0, ::, an interface's address, a host name: beyond this host


def _exposed(text: TextFile, broker: _Broker) -> Iterator[Finding]:
    reported: set[int] = set()
    for listener in broker.listeners:
        allowed = listener.anonymous if broker.per_listener else broker.anonymous
        if allowed is None or listener.beyond is None or allowed.number in reported:
            continue
        reported.add(allowed.number)  # one finding per allow_anonymous line, at the first listener it opens
        yield text.finding(
            allowed,
            CODE,
            Severity.HIGH,
            address=listener.beyond,
            message=f"Mosquitto lets anonymous clients in on {listener.line.text.strip()} ({listener.beyond}): anyone "
            "who reaches the port publishes and subscribes to every topic with no credentials",
            remedy=_REMEDY,
        )
