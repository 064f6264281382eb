"""The command and web interfaces a FHEM configuration opens to the network with no login: FHEM's ``telnet``
device takes FHEM commands (and Perl, ``{ system(…) }``), its ``FHEMWEB`` devices serve the same commands over HTTP,
so a ``define telnetPort telnet 7072 global`` with no password lets anyone who reaches the port run code on the host.

The file is read as FHEM reads ``fhem.cfg``: one FHEM command a line (``define``, ``attr``, ``set`` …; ``#`` comment
lines), recognised by its commands, not its name: every command line is one of them and one sets an ``attr global``
(the global device every FHEM configuration configures). ``define NAME telnet|FHEMWEB PORT global`` listens on every
interface (without ``global`` or with a loopback address FHEM listens on the host only). The listener is guarded when
the file gives it, or an ``allowed`` device valid for it (``attr A validFor NAME``; no ``validFor``: every
listener), a password (``password``, ``globalpassword``, ``basicAuth``) or an address filter (``allowfrom``,
``allowedfrom``). ``preflight.authentication_disabled`` (high) at each ``define`` left unguarded. Not judged: a file
that ``include``s another (the guard may be there)."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, TextFile

CODE = "preflight.authentication_disabled"
_COMMANDS = frozenset({"define", "defmod", "attr", "set", "setuuid", "setdefaultattr", "deleteattr", "include"})
_SERVERS = frozenset({"telnet", "fhemweb"})
_GUARDS = frozenset({"password", "globalpassword", "basicauth", "allowfrom", "allowedfrom"})
_LOOPBACK = re.compile(r"(?i)^(?:localhost|ip6-localhost)$")
_REMEDY = (
    "Drop 'global' to keep the interface on the host, or define an 'allowed' device valid for it with basicAuth or "
    "password (and allowedfrom for the addresses that may connect)."
)


@dataclass
class _Config:
    servers: dict[str, tuple[Line, str]] = field(default_factory=dict)  # name -> (define line, module)
    allowed: dict[str, set[str] | None] = field(default_factory=dict)  # allowed device -> validFor (None: all)
    guarded: set[str] = field(default_factory=set)  # devices given a password or an address filter
    commands: int = 0
    global_attr: bool = False
    opaque: bool = False


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        config = _read(text)
        if config is not None and config.global_attr and not config.opaque:
            yield from _open(text, config)


def _read(text: TextFile) -> _Config | None:
    """The file's FHEM commands, or None when a line is something else (not a FHEM command file)."""
    config = _Config()
    for line in text.lines:
        words = line.text.split()
        if not words or words[0].startswith("#"):
            continue
        command = words[0].lower()
        if command not in _COMMANDS:
            return None
        config.commands += 1
        if command == "include":
            config.opaque = True
        elif command in ("define", "defmod") and len(words) >= 3:
            _define(config, line, words[1:])
        elif command == "attr" and len(words) >= 3:
            _attribute(config, words[1], words[2].lower(), words[3:])
    return config


def _define(config: _Config, line: Line, args: list[str]) -> None:
    name, module = args[0], args[1].lower()
    if module == "allowed":
        config.allowed.setdefault(name, None)
    elif module in _SERVERS and len(args) >= 4 and _everywhere(args[3]):
        config.servers[name] = (line, args[1])


def _attribute(config: _Config, device: str, attribute: str, values: list[str]) -> None:
    if device == "global":
        config.global_attr = True
    if attribute == "validfor" and values:
        config.allowed[device] = set(values[0].split(","))
    elif attribute in _GUARDS:
        config.guarded.add(device)


def _everywhere(address: str) -> bool:
    """Whether a listener's address argument opens it beyond the host (``global``, an unspecified address)."""
    if address.lower() == "global":
        return True
    if _LOOPBACK.match(address):
        return False
    try:
        return not ipaddress.ip_address(address).is_loopback
    except ValueError:
        return True  # a host name: reachable beyond the host


def _guarded(config: _Config, name: str) -> bool:
    if name in config.guarded:
        return True
    return any(
        device in config.guarded and (valid is None or name in valid) for device, valid in config.allowed.items()
    )


def _open(text: TextFile, config: _Config) -> Iterator[Finding]:
    for name, (line, module) in config.servers.items():
        if _guarded(config, name):
            continue
        yield text.finding(
            line,
            CODE,
            Severity.HIGH,
            device=name,
            message=f"FHEM's {module} interface {name!r} listens on every interface with no password, basicAuth "
            "or address filter: anyone who reaches the port runs FHEM commands (and Perl) on the host",
            remedy=_REMEDY,
        )
