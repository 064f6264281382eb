"""A server a script starts with its authentication switched off on its own command line and told to listen beyond
the host: ``code-server --bind-addr 0.0.0.0:8443 --auth none``. Whoever reaches the port gets what the server
serves (an IDE with a terminal, a database) without a login.

Read per command, whatever the program is called (a server is often started through wrappers: ``exec
s6-notifyoncheck … s6-setuidgid abc /app/code-server/bin/code-server …``): the command gives an authentication option
(``--auth``, ``--authentication``, ``--server.authentication``) a value that switches it off (``none``, ``false``,
``off``, ``disabled``) and a listen option (``--bind-addr``, ``--bind``, ``--host``, ``--listen``,
``--server.endpoint`` …) an address beyond loopback (``0.0.0.0``, ``[::]``, a routable address or a name other than
``localhost``). A value held in a variable is each value the script may give it above the command
(``shell.reaching.alternatives``: ``AUTH=none`` in the ``else`` of a password test is one). A listen address the
script does not show (set in a configuration file, or by the environment alone) is not judged: the server's own
default may be loopback.

The Docker daemon has no authentication switch to turn off: ``dockerd -H tcp://0.0.0.0:2375`` (``--host``,
``--host=``, ``-Htcp://…``) serves the Engine API, which starts privileged containers (root on the host), to whoever
reaches the port unless ``--tlsverify`` makes it require client certificates (``--tls`` alone encrypts and
authenticates nobody). A unix or ``fd://`` socket, a loopback TCP address and ``--tlsverify`` stay quiet.
"""

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_command
from shipgate.preflight.runners import steps
from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.model import Command, Script, Word
from shipgate.preflight.shell.reaching import alternatives

CODE = "preflight.authentication_disabled"
_AUTH_OPTIONS = ("--auth", "--authentication", "--server.authentication")
_OFF = frozenset({"none", "false", "off", "disabled"})
_LISTEN_OPTIONS = (
    "--bind-addr", "--bind", "--bind-address", "--host", "--listen", "--listen-address", "--server.endpoint",
)  # fmt: skip
_LOOPBACK_NAMES = frozenset({"localhost", "ip6-localhost", "ip6-loopback"})


def _values(word: Word, script: Script, command: Command) -> list[tuple[str, int]]:
    """What ``word`` may hold, with the line each value is written on: its literal value, or each value the script
    gives the one variable it is."""
    if word.value is not None:
        return [(word.value, word.line)]
    if len(word.expands) != 1 or word.raw.strip("\"'{}$") != word.expands[0]:
        return []
    return [(a.value, a.line) for a in alternatives(script, word.expands[0], command) if a.value is not None]


def _host(address: str) -> str:
    """The host of a listen address: ``tcp://0.0.0.0:8529``, ``[::]:8443``, ``0.0.0.0:8443``, ``localhost``."""
    host = address.split("://", 1)[-1].split("/", 1)[0]
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def beyond_loopback(address: str) -> bool:
    """The address answers clients beyond the host: every interface, a routable address or a host name that is not
    a loopback name. An empty value or one still holding a variable is not judged."""
    host = _host(address.strip())
    if not host or "$" in host:
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() not in _LOOPBACK_NAMES


def _unauthenticated(command: Command, script: Script) -> tuple[str, int] | None:
    """The switched-off authentication value and its option's line, when the same command listens beyond the
    host."""
    off = [
        (value, word.line)
        for word in option_values(command, *_AUTH_OPTIONS)
        for value, _ in _values(word, script, command)
        if value.strip().lower() in _OFF
    ]
    if not off:
        return None
    listens = any(
        beyond_loopback(value)
        for word in option_values(command, *_LISTEN_OPTIONS)
        for value, _ in _values(word, script, command)
    )
    return off[0] if listens else None


def _open_docker_api(command: Command, script: Script) -> tuple[str, int] | None:
    """The TCP address ``dockerd`` is told to listen on beyond the host, and its line, when the command does not
    make the daemon verify client certificates (``--tlsverify``, ``--tlsverify=true``)."""
    if command.name != "dockerd":
        return None
    verify = [w.text.partition("=") for w in command.words if w.text.startswith("--tlsverify")]
    if any(name == "--tlsverify" and value.lower() not in ("false", "0") for name, _, value in verify):
        return None
    return next(
        (
            (value, line)
            for word in option_values(command, "-H", "--host")
            for value, line in _values(word, script, command)
            if value.lower().startswith("tcp://") and beyond_loopback(value)
        ),
        None,
    )


def _open_port(command: Command, script: Script) -> tuple[str, int, str] | None:
    """The listen or authentication value, its line and what the command starts, when it serves without a login."""
    off = _unauthenticated(command, script)
    if off is not None:
        return (*off, f"starts a server with authentication {off[0]!r} on an address beyond the host")
    api = _open_docker_api(command, script)
    if api is not None:
        return (*api, f"starts the Docker daemon on {api[0]} with no --tlsverify")
    return None


def scan(ctx: Context) -> Iterator[Finding]:
    for path, script in steps(ctx):
        for command in script.commands:
            found = _open_port(command, script)
            if found is None:
                continue
            value, line, what = found
            yield at_command(
                CODE,
                Severity.HIGH,
                path=path,
                command=dataclasses.replace(command, line=line),
                setting=value,
                message=f"{what}: whoever reaches its port uses it without a login",
                remedy="Require a password or token (or bind the server to 127.0.0.1 behind an authenticating proxy; "
                "for dockerd, --tlsverify with client certificates or the unix socket alone); ask the vendor to "
                "refuse to start without one.",
            )
