"""What in a script command interrupts a service, as the plan reads preflight's parsed commands: the stop and
restart verbs of service managers (systemd, SysV init scripts, Debian's invoke-rc.d and deb-systemd-invoke,
OpenRC, runit, supervisord), of container tools (docker, podman, compose), of process managers (pm2), of
vendors' control commands (``gitlab-ctl stop``, ``apachectl restart``), Kubernetes' ``rollout restart``, snap
services (``snapctl stop``), upstart's ``restart X``/``stop X``, ``systemctl disable --now`` and commands named for
a stop or restart that the script does not define itself (``/usr/local/etc/rc.restart_webgui``, ``node-red-stop``)
— and the commands that reboot the host. Starting something (``up -d``, ``start``) and looking (``ps``, ``pull``,
``logs``) interrupt nothing; neither does the firewall's own unit (``systemctl restart iptables``): that is a
firewall change (``plan.firewall``), and nobody is served by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.plan.firewall import firewall_unit
from shipgate.preflight.shell.model import Command

SERVICE_VERBS = frozenset({"stop", "restart", "try-restart", "reload-or-restart", "force-restart"})
_SV_VERBS = frozenset({"stop", "restart", "down", "force-stop", "force-restart", "kill", "term"})
_CONTAINER_VERBS = frozenset({"stop", "restart", "kill", "down", "rm", "pause"})
_PM2_VERBS = frozenset({"stop", "restart", "delete", "kill"})
_CONTAINER_CLIS = frozenset({"docker", "podman", "nerdctl"})
_COMPOSE_CLIS = frozenset({"docker-compose", "podman-compose"})
# Global options of compose (and of docker before its sub-command) that take a value.
_COMPOSE_VALUE_OPTIONS = frozenset({
    "-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi",
    "--progress", "--parallel", "-H", "--host", "-c", "--context", "--config", "-l", "--log-level",
})
_INIT_DIRS = ("/etc/init.d/", "/etc/rc.d/init.d/", "/etc/rc.d/")
# Control commands that manage services of their own and are not the managers above.
_NOT_VENDOR_CTL = frozenset({"systemctl", "supervisorctl", "sysctl", "kubectl", "journalctl", "loginctl",
                             "hostnamectl", "timedatectl", "localectl", "networkctl", "resolvectl", "busctl",
                             "coredumpctl", "bootctl", "machinectl", "portablectl", "homectl", "userdbctl"})
_NOW_STOPS = frozenset({"disable", "mask"})  # ``systemctl disable --now X`` stops X
_WORD = re.compile(r"[a-z0-9]+")
# Words in a command's name that say it only asks or tells about a reboot, not that it reboots.
_ASKS_ABOUT_REBOOT = frozenset({"check", "need", "needs", "needed", "required", "pending", "status", "notify",
                                "hint", "if", "schedule", "cancel"})


def _words(c: Command) -> list[str]:
    return [w.text for w in c.words]


def _after_options(words: list[str]) -> list[str]:
    """The words from the first one that is not an option (or an option's value) on."""
    i = 0
    while i < len(words) and words[i].startswith("-"):
        i += 2 if words[i] in _COMPOSE_VALUE_OPTIONS else 1
    return words[i:]


def _short_letters(words: list[str]) -> set[str]:
    return {ch for w in words if w.startswith("-") and not w.startswith("--") for ch in w[1:]}


def _operands(words: list[str]) -> list[str]:
    return [w for w in words if not w.startswith("-")]


def _container(c: Command, words: list[str]) -> Iterator[tuple[str, str]]:
    rest = _after_options(words)
    compose = c.name in _COMPOSE_CLIS
    if not compose and rest[:1] == ["compose"]:
        compose, rest = True, _after_options(rest[1:])
    if not compose and rest[:1] == ["container"]:
        rest = rest[1:]
    if not rest or rest[0] not in _CONTAINER_VERBS:
        return
    verb, targets = rest[0], _operands(rest[1:])
    if verb == "rm" and not (compose and {"-s", "--stop"} & set(rest)) and not (not compose and "-f" in rest):
        return  # removing stopped containers interrupts nothing; compose rm -s and docker rm -f stop them first
    if compose:
        yield verb, ", ".join(targets) if targets else "the compose project"
    else:
        for target in targets:
            yield verb, target


def _service_manager(c: Command, words: list[str]) -> Iterator[tuple[str, str]]:
    name = c.name or ""
    program = c.program.text if c.program is not None else ""
    ops = _operands(words)
    if name in ("systemctl", "deb-systemd-invoke") and ops and ops[0] in SERVICE_VERBS:
        yield from ((ops[0], unit) for unit in ops[1:])
    elif name == "systemctl" and ops and ops[0] in _NOW_STOPS and "--now" in words:
        yield from (("stop", unit) for unit in ops[1:])
    elif name in ("snapctl", "snap") and ops and ops[0] in ("stop", "restart"):
        yield from ((ops[0], svc) for svc in ops[1:])
    elif name in ("service", "invoke-rc.d", "rc-service") and len(ops) >= 2 and ops[1] in SERVICE_VERBS:
        yield ops[1], ops[0]
    elif program.startswith(_INIT_DIRS) and ops and ops[0] in SERVICE_VERBS:
        yield ops[0], name
    elif name == "sv" and len(ops) >= 2 and ops[0] in _SV_VERBS:
        yield from ((ops[0], svc) for svc in ops[1:])
    elif name == "supervisorctl":
        rest = _after_options(words)
        if rest and rest[0] in SERVICE_VERBS:
            yield from ((rest[0], prog) for prog in _operands(rest[1:]) or ["all"])


def _other(c: Command, words: list[str]) -> Iterator[tuple[str, str]]:
    name = c.name or ""
    ops = _operands(words)
    if name == "pm2" and ops and ops[0] in _PM2_VERBS:
        yield from ((ops[0], app) for app in ops[1:] or ["all"])
    elif name == "kubectl" and ops[:2] == ["rollout", "restart"]:
        yield "restart", ", ".join(ops[2:]) or "the namespace's deployments"
    elif name.endswith("ctl") and name not in _NOT_VENDOR_CTL and ops and ops[0] in SERVICE_VERBS:
        yield ops[0], name


def _named_for_it(c: Command, words: list[str], defined: frozenset[str]) -> Iterator[tuple[str, str]]:
    """A command named for a stop or restart (upstart's ``restart mongod``, ``rc.restart_webgui``)."""
    name = c.name or ""
    tokens = _WORD.findall(name.lower())
    verb = next((t for t in tokens if t in ("restart", "stop")), None)
    if verb is None or name in defined or name.endswith("ctl") or name.startswith("db_"):
        return  # the managers above, the script's own functions, debconf's ``db_stop`` (it ends the dialogue)
    ops = _operands(words)
    if tokens == [verb]:  # upstart: ``restart job``
        yield from ((verb, job) for job in ops[:1])
    elif not {"--help", "-h", "help", "status"} & set(words):
        yield verb, name


def interruptions(c: Command, *, defined: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """(verb, what) for each service, container or process the command stops or restarts; ``defined``: the
    script's own functions (read through their bodies, not by their names)."""
    words = _words(c)
    if c.name in _CONTAINER_CLIS or c.name in _COMPOSE_CLIS:
        yield from _container(c, words)
    else:
        managed = [(verb, what) for verb, what in _service_manager(c, words) if not firewall_unit(what)]
        yield from managed
        yield from _other(c, words)
        if not managed:
            yield from _named_for_it(c, words, defined)


def reboots(c: Command, *, defined: frozenset[str] = frozenset()) -> bool:
    """Whether the command reboots the host: ``reboot``, ``shutdown -r``, ``systemctl reboot``, ``init 6``, or a
    command named for a reboot that the script does not define itself (``/usr/local/etc/rc.reboot``) and whose
    name does not say it only asks about one (``check-reboot-required``)."""
    words = _words(c)
    tokens = set(_WORD.findall((c.name or "").lower()))
    if c.name != "reboot" and "reboot" in tokens:
        return c.name not in defined and not tokens & _ASKS_ABOUT_REBOOT and not {"--help", "-h"} & set(words)
    if c.name == "reboot":
        return not {"--help", "-h", "--wtmp-only", "-w"} & set(words)
    if c.name == "shutdown":
        short = _short_letters(words)
        return ("r" in short or "--reboot" in words) and "c" not in short
    if c.name == "systemctl":
        return _operands(words)[:1] in (["reboot"], ["kexec"], ["soft-reboot"])
    return c.name in ("init", "telinit") and _operands(words) == ["6"]
