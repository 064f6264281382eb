"""Host grants written on a container engine's command line: ``preflight.container_host_access`` for the
containers a script (or a service's ``Exec*=`` line, or a cron job) starts.

``docker``/``podman``/``nerdctl`` ``run``/``create`` (also ``container run``/``container create``, and
``docker service create``) read the way the engine reads its options, up to the image: ``--privileged``,
``--pid=host`` (high), ``--net``/``--network``/``--ipc host`` (medium), ``--cap-add`` of a capability that takes
the host over (``SYS_ADMIN``, ``ALL`` …: high) or acts on it (``SYS_TIME`` …: medium), ``-v``/``--volume`` and
``--mount type=bind`` of the host's ``/``, ``/etc``, ``/proc``, ``/run``, ``/var/run`` … or of a runtime's socket
(high), ``--device`` of a raw disk or of ``/dev/mem`` (high), and ``--security-opt`` that switches the kernel's
confinement off (``seccomp=unconfined``, ``apparmor=unconfined``, ``label=disable``, ``systempaths=unconfined``:
medium). The same tables as compose files and manifests (``host_access``); each grant is reported at the line of
its option, one finding per grant, so a command that asks for two grants on one line gives two. Options given
through a variable (``$DOCKER_OPTS``), an engine named by a variable (``$CONTAINER run``) and the image's own
defaults are not seen.
"""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.containers import RUN_VALUE_OPTIONS
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.host_access import _CAPS_HIGH, _CAPS_MEDIUM, _DISK, _REMEDY, CODE, Grant, _path_grant
from shipgate.preflight.read import commands_run
from shipgate.preflight.shell.model import Command, Word

_ENGINES = frozenset({"docker", "podman", "nerdctl"})
# Options that carry a grant, with or without ``=`` (``--pid host``, ``--pid=host``).
_GRANT_OPTIONS = frozenset(
    {"--pid", "--net", "--network", "--ipc", "--cap-add", "-v", "--volume", "--mount", "--device", "--security-opt"}
)
_UNCONFINED = frozenset({"seccomp=unconfined", "apparmor=unconfined", "label=disable", "systempaths=unconfined"})


def scan(ctx: Context) -> Iterator[Finding]:
    if ctx.parsed is None:
        return
    for path, script in commands_run(ctx.parsed):
        seen: set[tuple[int, str]] = set()
        for command in script.commands:
            for grant in command_grants(command):
                if (grant.line, grant.what) in seen:
                    continue
                seen.add((grant.line, grant.what))
                yield at_line(
                    CODE,
                    grant.severity,
                    path=path,
                    line=grant.line,
                    text=command.text,
                    grant=grant.what,
                    message=f"the container is given the host's privileges: {grant.what}",
                    remedy=_REMEDY,
                )


def _options_start(command: Command) -> int | None:
    """Where the run/create options begin in ``command.words``; None when the command starts no container."""
    if (command.name or "") not in _ENGINES:
        return None
    verbs = [w.text for w in command.words[:2]]
    if verbs[:1] in (["run"], ["create"]):
        return 1
    if verbs in (["container", "run"], ["container", "create"], ["service", "create"]):
        return 2
    return None


def _options(command: Command, start: int) -> Iterator[tuple[str, Word, str]]:
    """(option, its word, its value) of each option before the image; a flag's value is ''."""
    words = command.words
    i = start
    while i < len(words):
        text = words[i].text
        if text == "--" or not text.startswith("-") or text == "-":
            return
        name, eq, value = text.partition("=")
        if eq:
            yield name, words[i], value
            i += 1
        elif text in _GRANT_OPTIONS or text in RUN_VALUE_OPTIONS:
            yield text, words[i], words[i + 1].text if i + 1 < len(words) else ""
            i += 2
        else:
            yield text, words[i], ""
            i += 1


def command_grants(command: Command) -> list[Grant]:
    """The host grants a ``run``/``create`` command line asks for, each at its option's line."""
    start = _options_start(command)
    if start is None:
        return []
    out: list[Grant] = []
    for name, word, value in _options(command, start):
        grant = _grant(name, value, word.line)
        if grant is not None:
            out.append(grant)
    return out


def _grant(name: str, value: str, line: int) -> Grant | None:
    if name == "--privileged" and value.lower() in ("", "true"):
        return Grant(line, Severity.HIGH, "--privileged (every device and capability of the host)")
    if name == "--pid" and value == "host":
        return Grant(line, Severity.HIGH, "--pid=host (the host's processes)")
    if name in ("--net", "--network", "--ipc") and value == "host":
        kind = "IPC" if name == "--ipc" else "network"
        return Grant(line, Severity.MEDIUM, f"{name}=host (the host's {kind} namespace)")
    if name == "--cap-add":
        cap = value.upper().removeprefix("CAP_")
        if cap in _CAPS_HIGH:
            return Grant(line, Severity.HIGH, f"capability {cap}")
        if cap in _CAPS_MEDIUM:
            return Grant(line, Severity.MEDIUM, f"capability {cap} (acts on the host)")
        return None
    if name in ("-v", "--volume"):
        return _path_grant(value.split(":", 1)[0] if ":" in value else "", line)
    if name == "--mount":
        return _mount_grant(value, line)
    if name == "--device":
        device = value.split(":", 1)[0]
        if _DISK.match(device):
            return Grant(line, Severity.HIGH, f"the host's disk or memory device {device} (raw access)")
        return None
    if name == "--security-opt" and value.replace(":", "=", 1) in _UNCONFINED:
        return Grant(line, Severity.MEDIUM, f"--security-opt {value} (the kernel's confinement of the container off)")
    return None


def _mount_grant(value: str, line: int) -> Grant | None:
    """``--mount type=bind,source=/,target=/host``: a bind mount's source (``src=``/``source=``)."""
    fields = {key: val for key, _, val in (part.partition("=") for part in value.split(","))}
    if fields.get("type") != "bind":
        return None
    return _path_grant(fields.get("source") or fields.get("src") or "", line)
