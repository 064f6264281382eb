"""What in a script command interrupts a service, as the plan reads preflight's parsed commands: the stop and
restart verbs of service managers (systemd, upstart's ``initctl``, SysV init scripts, Debian's invoke-rc.d and
deb-systemd-invoke, OpenRC, runit, supervisord), of container tools (docker, podman, compose), of process managers
(pm2), of launchd, s6 and Kubernetes' scale to zero (``plan.supervisors``), of vendors' control commands
(``gitlab-ctl stop``, ``apachectl restart``), Kubernetes' ``rollout restart``,
snap services (``snapctl stop``), upstart's ``restart X``/``stop X``, ``systemctl disable --now``, signals that end a
process (``kill``, ``pkill``, ``killall``: ``plan.kills``), a stop asked of the machine's own API
(``plan.local_api``) and commands named for a stop or restart that the script
does not define itself (``/usr/local/etc/rc.restart_webgui``, ``node-red-stop``, a product's ``./scripts/stop``,
a sourced helper's ``btcpay_down``),
a compose command held in an unset variable named for compose (``$dc down``: ``plan.compose_variable``), and
maintenance modes (``artisan down``, ``occ maintenance:mode --on``, PgBouncer's ``PAUSE``: ``plan.maintenance``)
— and the commands that take the host down (reboot, power-off). Starting something (``up -d``, ``start``) and
looking (``ps``, ``pull``, ``logs``) interrupt nothing; neither does the firewall's own unit (``systemctl restart
iptables``): that is a firewall change (``plan.firewall``), and nobody is served by it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from shipgate.plan.compose_variable import compose_words
from shipgate.plan.firewall import firewall_unit
from shipgate.plan.in_container import COMPOSE_CLIS, CONTAINER_CLIS, skip_global_options
from shipgate.plan.kills import killed
from shipgate.plan.local_api import api_stops
from shipgate.plan.maintenance import maintenance
from shipgate.plan.supervisors import supervised_stops
from shipgate.preflight.shell.model import Command

SERVICE_VERBS = frozenset({"stop", "restart", "try-restart", "reload-or-restart", "force-restart"})
_SV_VERBS = frozenset({"stop", "restart", "down", "force-stop", "force-restart", "kill", "term"})
_CONTAINER_VERBS = frozenset({"stop", "restart", "kill", "down", "rm", "pause"})
_PM2_VERBS = frozenset({"stop", "restart", "delete", "kill"})
_INIT_DIRS = ("/etc/init.d/", "/etc/rc.d/init.d/", "/etc/rc.d/")
# Control commands that manage services of their own and are not the managers above.
_NOT_VENDOR_CTL = frozenset({"systemctl", "initctl", "supervisorctl", "sysctl", "kubectl", "journalctl", "loginctl",
                             "hostnamectl", "timedatectl", "localectl", "networkctl", "resolvectl", "busctl",
                             "coredumpctl", "bootctl", "machinectl", "portablectl", "homectl", "userdbctl"})
_NOW_STOPS = frozenset({"disable", "mask"})  # ``systemctl disable --now X`` stops X
_WORD = re.compile(r"[a-z0-9]+")
# Words in a command's name that say it only asks or tells about a reboot, not that it reboots.
_ASKS_ABOUT_REBOOT = frozenset({"check", "need", "needs", "needed", "required", "pending", "status", "notify",
                                "hint", "if", "schedule", "cancel"})
_SHELLS = frozenset({"sh", "bash", "dash", "ash", "ksh", "zsh"})
# OpenWrt's sysupgrade options that only test, list or save, and do not write an image (and reboot).
_SYSUPGRADE_NO_WRITE = frozenset({"-T", "--test", "-l", "--list-backup", "-b", "--create-backup", "-r",
                                  "--restore-backup", "-h", "--help"})


def _words(c: Command) -> list[str]:
    return [w.text for w in c.words]


def script_run(c: Command) -> tuple[str, str, list[str]]:
    """(name, program, words) of the command, or of the script a shell runs (``sh /etc/rc.reboot``)."""
    words = _words(c)
    program = c.program.text if c.program is not None else ""
    if c.name in _SHELLS and words and not words[0].startswith("-"):
        return posixpath.basename(words[0]), words[0], words[1:]
    return c.name or "", program, words


def _short_letters(words: list[str]) -> set[str]:
    return {ch for w in words if w.startswith("-") and not w.startswith("--") for ch in w[1:]}


def _operands(words: list[str]) -> list[str]:
    return [w for w in words if not w.startswith("-")]


def _container(words: list[str], *, compose: bool) -> Iterator[tuple[str, str]]:
    rest = skip_global_options(words)
    if not compose and rest[:1] == ["compose"]:
        compose, rest = True, skip_global_options(rest[1:])
    if not compose and rest[:1] == ["container"]:
        rest = rest[1:]
    if not rest or rest[0] not in _CONTAINER_VERBS:
        return
    verb, targets = rest[0], _operands(rest[1:])
    letters = _short_letters(rest[1:])
    stops_first = ("s" in letters or "--stop" in rest) if compose else ("f" in letters or "--force" in rest)
    if verb == "rm" and not stops_first:
        return  # removing stopped containers interrupts nothing; compose rm -s (-fsv) and docker rm -f stop them
    if compose:
        yield verb, ", ".join(targets) if targets else "the compose project"
    else:
        for target in targets:
            yield verb, target


def _service_manager(c: Command, words: list[str]) -> Iterator[tuple[str, str]]:
    name = c.name or ""
    program = c.program.text if c.program is not None else ""
    ops = _operands(words)
    if name in ("systemctl", "deb-systemd-invoke", "initctl") and ops and ops[0] in SERVICE_VERBS:
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
        rest = skip_global_options(words)
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


def _ends_in_down(tokens: list[str]) -> bool:
    """Whether a command's name ends in the word ``down`` after a word of its own (``btcpay_down``,
    ``stack-down.sh``); not ``shutdown`` or ``countdown``, one word."""
    stem = tokens[:-1] if tokens[-1:] in (["sh"], ["bash"]) else tokens
    return len(stem) >= 2 and stem[-1] == "down"


def _named_for_it(c: Command, defined: frozenset[str]) -> Iterator[tuple[str, str]]:
    """A command named for a stop or restart (upstart's ``restart mongod``, ``rc.restart_webgui``, a product's
    ``./scripts/stop`` or ``sh bin/stop.sh``, a vendor's ``btcpay_down``)."""
    name, program, words = script_run(c)
    tokens = _WORD.findall(name.lower())
    verb = next((t for t in tokens if t in ("restart", "stop")), None)
    if verb is None and _ends_in_down(tokens):
        verb = "stop"  # a helper named for taking a stack down (``btcpay_down``)
    if verb is None or name in defined or name.endswith("ctl") or name.startswith("db_"):
        return  # the managers above, the script's own functions, debconf's ``db_stop`` (it ends the dialogue)
    if {"--help", "-h", "help", "status"} & set(words):
        return
    if tokens == [verb] and "/" not in program:  # upstart: ``restart job``
        yield from ((verb, job) for job in _operands(words)[:1])
    else:
        yield verb, program if tokens == [verb] else name


def interruptions(c: Command, *, defined: frozenset[str] = frozenset(), jobs: frozenset[str] = frozenset()
                  ) -> Iterator[tuple[str, str]]:
    """(verb, what) for each service, container or process the command stops or restarts; ``defined``: the
    script's own functions (read through their bodies, not by their names); ``jobs``: variables set from ``$!``
    (``plan.kills``)."""
    words = _words(c)
    yield from maintenance(c)
    if (composed := compose_words(c)) is not None:
        yield from _container(composed, compose=True)
    elif c.name in CONTAINER_CLIS or c.name in COMPOSE_CLIS:
        yield from _container(words, compose=c.name in COMPOSE_CLIS)
    else:
        managed = [(verb, what) for verb, what in _service_manager(c, words) if not firewall_unit(what)]
        yield from managed
        yield from _other(c, words)
        yield from supervised_stops(c)
        yield from killed(c, jobs=jobs)
        yield from api_stops(c)
        if not managed:
            yield from _named_for_it(c, defined)


def reboots(c: Command, *, defined: frozenset[str] = frozenset()) -> bool:
    """Whether the command takes the host down: ``reboot``, ``shutdown`` (``-r``, and also a power-off, which
    leaves the host down until someone starts it), ``poweroff``, ``halt``, ``systemctl reboot|poweroff|halt``,
    ``init 6|0``, OpenWrt's ``sysupgrade IMAGE`` (it writes the image and reboots), or a command named for a
    reboot that the script does not define itself (``/usr/local/etc/rc.reboot``, also run through ``sh``) and
    whose name does not say it only asks about one (``check-reboot-required``)."""
    name, _, words = script_run(c)
    tokens = set(_WORD.findall(name.lower()))
    if name in defined:
        return False
    if name != "reboot" and "reboot" in tokens:
        return not tokens & _ASKS_ABOUT_REBOOT and not {"--help", "-h"} & set(words)
    if name in ("reboot", "poweroff", "halt"):
        return not {"--help", "-h", "--wtmp-only", "-w"} & set(words)
    if name == "shutdown":
        short = _short_letters(words)
        return not {"c", "k"} & short and "--help" not in words  # -c cancels, -k only warns
    if name == "systemctl":
        return _operands(words)[:1] in (["reboot"], ["kexec"], ["soft-reboot"], ["poweroff"], ["halt"])
    if name == "sysupgrade":
        return bool(_operands(words)) and not _SYSUPGRADE_NO_WRITE & set(words)
    return name in ("init", "telinit") and _operands(words) in (["6"], ["0"])
