"""Service definitions an install script writes itself, and the program each one runs: a SysV init script's
``DAEMON=`` (the variable ``start-stop-daemon --exec`` and the LSB template run) or a unit's ``ExecStart=``,
written with a here-document (``cat <<EOF > ~/app``, ``tee /etc/systemd/system/app.service <<EOF``), then moved
into place and registered (``update-rc.d app defaults``, ``chkconfig --add app``, ``systemctl enable app``) or
started (``service app start``, ``/etc/init.d/app start``). The init system then runs that program at every boot,
as root: when it is a file of a checkout the script cloned or pulled, the checkout's code runs as a service
(``fetched``: docs/preflight.md, ``unverified_download_exec``). A daemon that is a packaged binary
(``DAEMON=/usr/sbin/nginx``) names nothing fetched.

An unquoted here-document's ``$NAME``/``${NAME}`` are the installer's variables (the shell substitutes them before
writing); each is replaced by its value when every assignment of it above the write gives the same literal one.
A quoted delimiter (``<<'EOF'``) leaves the text as written."""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from shipgate.preflight.shell.commands import executed_file, operands
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.units import looks_like_unit, parse_unit

_EXPANSION = re.compile(r"(?<!\\)\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))")
_QUOTED_DELIMITER = re.compile(r"<<-?\s*[\"'\\]")
# Interpreters whose first operand is the program a unit runs (``ExecStart=/usr/bin/python3 /opt/app/run.py``).
_INTERPRETERS = re.compile(r"^(?:python[\d.]*|node|nodejs|ruby|perl|php[\d.]*|bash|sh)$")
_REGISTERS = {
    "systemctl": frozenset({"enable", "start", "restart", "reenable"}),
    "service": frozenset(),
    "update-rc.d": frozenset(),
    "chkconfig": frozenset(),
    "rc-update": frozenset({"add"}),
}

Payload = TypeVar("Payload")


def _substituted(text: str, script: Script, line: int) -> str:
    """``text`` with the installer's variables that have one literal value above ``line`` replaced by it."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        found = {a.value for a in script.bindings(name) if a.line < line}
        only = next(iter(found)) if len(found) == 1 else None
        return only if only else match.group(0)

    return _EXPANSION.sub(value, text)


def _programs(value: str) -> list[str]:
    """The file a ``DAEMON=``/``ExecStart=`` value runs: its first word, and an interpreter's script operand."""
    try:
        words = shlex.split(value.lstrip("@-+!:"))
    except ValueError:
        return []
    if not words:
        return []
    found = [words[0]]
    if _INTERPRETERS.match(posixpath.basename(words[0])):
        found += [w for w in words[1:] if not w.startswith("-")][:1]
    return found


def written_services(script: Script, command: Command, writer: Command | None = None) -> list[tuple[str, list[str]]]:
    """(file, programs) for each service definition ``command`` writes from a here-document (``writer``: the
    ``cat <<EOF`` that pipes it into ``command``, a ``tee FILE``)."""
    holder = writer or command
    body = next((r.body for r in holder.redirects if r.body is not None), None)
    if body is None or ("DAEMON=" not in body and "ExecStart=" not in body):
        return []
    targets = [w.text for w in command.writes()] or (
        [w.text for w in operands(command)] if command.name == "tee" else []
    )
    if not targets:
        return []
    if not _QUOTED_DELIMITER.search(holder.text):
        body = _substituted(body, script, holder.line)
    programs = [p for value in _program_values(body) for p in _programs(value.strip("\"'"))]
    return [(t, programs) for t in targets] if programs else []


def _program_values(body: str) -> list[str]:
    """What a written service definition runs: a unit's ``ExecStart=`` values (read as systemd reads the unit), or
    an init script's ``DAEMON=`` assignments (read by the shell reader; a value built from variables as written)."""
    if looks_like_unit(body):
        return [s.value for s in parse_unit(body, path="written.service").get("ExecStart")]
    daemons = parse_script(body, path="written-init-script").bindings("DAEMON")
    return [a.value if a.value is not None else a.raw.partition("=")[2] for a in daemons]


def _service_name(path: str) -> str:
    return posixpath.basename(path.rstrip("/")).removesuffix(".service")


def started_names(command: Command) -> list[str]:
    """The services ``command`` registers for boot or starts: ``update-rc.d NAME defaults``, ``chkconfig --add
    NAME``, ``systemctl enable --now NAME``, ``service NAME start``, ``rc-update add NAME``."""
    verbs = _REGISTERS.get(command.name or "")
    if verbs is None:
        return []
    ops = [w.text for w in operands(command)]
    if verbs:
        return [_service_name(o) for o in ops[1:]] if ops and ops[0] in verbs else []
    if command.name == "service":
        return [ops[0]] if len(ops) >= 2 and ops[1] in ("start", "restart") else []
    return [o for o in ops if o not in ("on", "off", "defaults", "enable", "disable")][:1]


def stopped_names(command: Command) -> list[str]:
    """The services ``command`` stops: ``systemctl stop NAME…`` (not ``--user``), ``service NAME stop``."""
    ops = [w.text for w in operands(command)]
    if command.name == "systemctl" and ops[:1] == ["stop"] and "--user" not in (w.text for w in command.words):
        return [_service_name(o) for o in ops[1:]]
    if command.name == "service":
        return [ops[0]] if len(ops) >= 2 and ops[1] == "stop" else []
    return []


@dataclass
class Services(Generic[Payload]):
    """Service files the script wrote that run a fetched program, by every path they are copied or moved to."""

    files: dict[str, tuple[str, Payload]] = field(default_factory=dict)

    def add(self, path: str, program: str, payload: Payload) -> None:
        self.files[path] = (program, payload)

    def moved(self, command: Command) -> None:
        """``mv ~/app /etc/init.d/app`` (also ``cp``, ``install``): the definition is now at the target too."""
        ops = operands(command)
        if command.name not in ("mv", "cp", "install") or len(ops) < 2 or not self.files:
            return
        into = ops[-1].text
        for source in ops[:-1]:
            found = self.files.get(source.text)
            if found is not None:
                self.files[f"{into}{posixpath.basename(source.text)}" if into.endswith("/") else into] = found

    def started(self, command: Command) -> tuple[str, Payload] | None:
        """(program, payload) of a written service ``command`` registers or starts (``/etc/init.d/app start``)."""
        if not self.files:
            return None
        ran = executed_file(command) or command.program
        if ran is not None and ran.text in self.files and command.words[:1] and command.words[0].text == "start":
            return self.files[ran.text]
        names = started_names(command)
        return next((found for path, found in self.files.items() if _service_name(path) in names), None)
