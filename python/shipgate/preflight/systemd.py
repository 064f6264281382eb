"""systemctl/service operations, and manifest ``services``, on units the target does not have.

A renamed unit (``dten-agent.service`` vs ``dten-agentd.service``) makes an upgrade step silently do
nothing; the closest existing name is suggested.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.installed_units import brought_by_install, installed_packages
from shipgate.preflight.runners import steps
from shipgate.preflight.shell.commands import operands, option_values, written_paths
from shipgate.preflight.shell.model import Command
from shipgate.preflight.special_targets import special_target
from shipgate.preflight.units import UNIT_SUFFIXES, Unit

_VERBS = frozenset(
    [
        "start",
        "stop",
        "restart",
        "reload",
        "try-restart",
        "reload-or-restart",
        "try-reload-or-restart",
        "enable",
        "disable",
        "reenable",
        "mask",
        "unmask",
        "kill",
        "is-active",
        "is-enabled",
        "is-failed",
        "status",
        "show",
        "cat",
        "edit",
        "preset",
    ]
)
_SERVICE_VERBS = frozenset(
    {"start", "stop", "restart", "reload", "status", "force-reload", "condrestart", "try-restart"}
)
# Verbs that only ask about a unit; their exit status answers whether it is there, up or enabled.
_QUERY_VERBS = frozenset({"status", "is-active", "is-enabled", "is-failed"})
_UNIT_SUFFIXES = UNIT_SUFFIXES
_UNIT_TOOLS = frozenset({"systemctl", "deb-systemd-invoke", "deb-systemd-helper", "service"})
# SysV init scripts, run by their path (``/etc/init.d/bind9 reload``) or shipped by the package: on a systemd host
# systemd-sysv-generator makes ``bind9.service`` of the script, and the script's LSB hook hands the verb to it.
_INIT_DIR = "/etc/init.d/"
# Commands that copy files into a directory given last (or with ``-t DIR``).
_COPIERS = frozenset({"cp", "install", "mv", "ln", "rsync"})


def unit_names(command: Command) -> list[str]:
    """Units a command acts on: ``systemctl [opts] VERB unit…``, ``service NAME VERB``,
    ``deb-systemd-invoke VERB unit…``; only literal names (a ``$UNIT`` is not guessed)."""
    name = command.name
    if name not in _UNIT_TOOLS:
        return _init_script(command)
    ops = [w for w in operands(command) if w.value is not None]
    if name in ("systemctl", "deb-systemd-invoke", "deb-systemd-helper"):
        if not ops or ops[0].text not in _VERBS:
            return []
        return [w.text for w in ops[1:] if w.text and "*" not in w.text and not w.text.startswith("-")]
    if name == "service" and len(ops) >= 2 and ops[1].text in _SERVICE_VERBS:
        return [ops[0].text]
    return []


def _condition_query(command: Command) -> bool:
    """``systemctl status|is-active|is-enabled|is-failed UNIT`` written as an ``if``/``elif`` condition: it asks
    whether the unit is there or up and the script takes a branch either way, so a unit the target lacks is an
    answer, not a failure (holdout213). A query run bare, or any verb that acts on the unit, is still looked up."""
    return "test" in command.conditions and _query_verb(command)


def _query_verb(command: Command) -> bool:
    """``systemctl status|is-active|is-enabled|is-failed …``: a question about a unit, not an act on it."""
    if command.name != "systemctl":
        return False
    ops = [w for w in operands(command) if w.value is not None]
    return bool(ops) and ops[0].text in _QUERY_VERBS


def _init_script(command: Command) -> list[str]:
    """The service an init script run by its literal path acts on: ``/etc/init.d/bind9 reload`` → ``bind9``."""
    program = command.program.value if command.program is not None else None
    if not program or not program.startswith(_INIT_DIR):
        return []
    script = program.removeprefix(_INIT_DIR)
    ops = [w for w in operands(command) if w.value is not None]
    if not script or "/" in script or not ops or ops[0].text not in _SERVICE_VERBS:
        return []
    return [script]


def _shipped_init_units(paths: Iterable[str]) -> set[str]:
    """``etc/init.d/NAME`` files the package ships, as the ``NAME.service`` systemd makes of each."""
    return {f"{path.rsplit('/', 1)[-1]}.service" for path in paths if path.rpartition("/")[0].endswith("init.d")}


def _unit(name: str) -> str:
    return name if name.endswith(_UNIT_SUFFIXES) else f"{name}.service"


def package_units(ctx: Context) -> set[str]:
    """The units the package brings: unit files it ships, their ``Alias=`` names, unit files its scripts write
    (``cat <<EOF | tee /etc/systemd/system/x.service``) and the init scripts it ships (as ``NAME.service``)."""
    shipped = {path.rsplit("/", 1)[-1] for path in (f.path for f in ctx.manifest.files)}
    aliases = {a for unit in ctx.parsed.units.values() for s in unit.get("Alias", "Install") for a in s.value.split()}
    written = {u for script in ctx.parsed.scripts.values() for c in script.commands for u in _written_units(c)}
    parsed = {unit.name for unit in ctx.parsed.units.values()}
    package = {u for u in shipped | parsed | aliases | written if u.endswith(_UNIT_SUFFIXES)}
    return {*package, *_shipped_init_units(f.path for f in ctx.manifest.files)}


def among_units(unit: str, units: set[str]) -> bool:
    """Whether ``unit`` (``x``, ``x.service``, an instance ``x@eth0.service``) is one of ``units`` or an instance
    of a template among them."""
    full = _unit(unit)
    return full in units or _template(full) in units


def _known_units(ctx: Context) -> set[str]:
    """The inventory's units, plus the units the package brings (:func:`package_units`)."""
    assert ctx.inventory is not None
    return {*(_unit(u) for u in ctx.inventory.units), *package_units(ctx)}


def _written_units(command: Command) -> Iterator[str]:
    """Names of the files a command writes under a ``/systemd/`` path: the file a redirect, ``tee`` or copy names
    (``tee /etc/systemd/system/x.service``), and for a copy into the directory itself
    (``cp x.service x.timer /lib/systemd/system/``, ``install -t DIR …``) the names of the files it copies."""
    for word in written_paths(command):
        if "/systemd/" not in word.text:
            continue
        name = word.text.rsplit("/", 1)[-1]
        if name.endswith(_UNIT_SUFFIXES) or command.name not in _COPIERS:
            yield name
            continue
        ops = operands(command)
        sources = ops if option_values(command, "-t", "--target-directory") else ops[:-1]
        yield from (s.text.rstrip("/").rsplit("/", 1)[-1] for s in sources if s.value is not None)


def _template(unit: str) -> str | None:
    """``dten@eth0.service`` → ``dten@.service`` (an instance exists when its template does)."""
    name, at, rest = unit.partition("@")
    if not at:
        return None
    suffix = rest[rest.rfind(".") :] if "." in rest else ".service"
    return f"{name}@{suffix}"


def _missing(unit: str, known: set[str], inventory_units: tuple[str, ...]) -> tuple[str, list[str]] | None:
    if among_units(unit, known):
        return None
    candidates = [_unit(u) for u in inventory_units]
    return unit, difflib.get_close_matches(unit, candidates, n=1, cutoff=0.6)


def _finding(unit: str, close: list[str], *, path: str, line: int | None, text: str | None) -> Finding:
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return at_line(
        "preflight.systemd_unit_missing",
        Severity.HIGH,
        path=path,
        line=line,
        text=text,
        unit=unit,
        suggestion=close[0] if close else None,
        message=f"unit {unit!r} is not on the target{hint}",
        remedy=(
            f"The unit was probably renamed to {close[0]!r}: ask the vendor for a package that uses it."
            if close
            else "Check the unit name against the target (systemctl list-units) and the inventory's systemd.units."
        ),
    )


# A unit's hard dependencies: systemd refuses to start it when one of these units does not exist (systemd.unit(5));
# ``Wants=``, ``After=`` and the rest tolerate a missing unit.
_HARD = frozenset({"Requires", "BindsTo", "Requisite"})
# Units every systemd host has (systemd.special(7)), and the ones systemd generates: never looked up.
_SYSTEMD_OWN = ("systemd-", "dbus.", "-.mount")


def _activated(unit: Unit) -> Iterator[tuple[str, int]]:
    """(unit, line) a timer, path or socket unit activates: its ``Unit=``, else the unit of the same name."""
    suffix = unit.name[unit.name.rfind(".") :]
    if suffix not in (".timer", ".path", ".socket"):
        return
    named = [(u, line) for key, u, line in unit.dependencies() if key == "Unit"]
    if named:
        yield from named
    elif suffix != ".socket" and not unit.name.partition("@")[1]:
        yield unit.name[: -len(suffix)] + ".service", 1


def _unit_dependencies(ctx: Context, known: set[str], units: tuple[str, ...]) -> Iterator[Finding]:
    """A shipped unit that requires, or activates, a unit neither the package nor the target has: systemd refuses
    to start it (``Requires=``/``BindsTo=``/``Requisite=``, a timer's ``Unit=``)."""
    for path, unit in ctx.parsed.units.items():
        hard = [(u, line) for key, u, line in unit.dependencies() if key in _HARD]
        for name, line in [*hard, *_activated(unit)]:
            if name.startswith(_SYSTEMD_OWN) or name.endswith((".mount", ".slice", ".device")):
                continue  # systemd's own units, generated mounts and devices
            if special_target(name):
                continue  # a target systemd provides (systemd.special(7)); a product's target is looked up
            miss = _missing(_unit(name), known, units)
            if miss:
                yield _finding(*miss, path=path, line=line, text=None)


def _acts(
    path: str,
    commands: Iterable[Command],
    packages: list[tuple[int, str]],
    known: set[str],
    units: tuple[str, ...],
    *,
    once: bool = False,
) -> Iterator[Finding]:
    """The commands that act on a unit neither the target nor the package has (and no earlier install brings);
    ``once``: only the first act on each such unit (a unit's start stops at its first failing command)."""
    reported: set[str] = set()
    for command in commands:
        if _condition_query(command):
            continue  # ``if ! systemctl status zookeeper; then exit 0``: the script branches on the unit's absence
        for name in unit_names(command):
            miss = _missing(_unit(name), known, units)
            if miss and not brought_by_install(miss[0], packages, command.line) and miss[0] not in reported:
                if once:
                    reported.add(miss[0])
                yield _finding(*miss, path=path, line=command.line, text=command.text)


def _unit_acts(unit: Unit, commands: Iterable[Command]) -> list[Command]:
    """The commands of a unit's ``Exec*=`` lines whose failure counts: not a line systemd lets fail (its ``-``
    prefix, ``ExecStartPre=-/usr/bin/systemctl stop nginx``), nor a query in ``ExecCondition=``, whose failure
    only skips the unit (systemd.service(5)). ``ExecStartPre=/usr/bin/systemctl stop nginx`` on a target without
    nginx fails the unit before its ``ExecStart=`` runs (holdout237)."""
    settings = {s.line: s for s in unit.settings}
    kept = []
    for command in commands:
        setting = settings.get(command.line)
        if setting is not None:
            value = setting.value
            if "-" in value[: len(value) - len(value.lstrip("-@:+!"))]:
                continue
            if setting.key == "ExecCondition" and _query_verb(command):
                continue
        kept.append(command)
    return kept


def scan(ctx: Context) -> Iterator[Finding]:
    if ctx.inventory is None or not ctx.inventory.units:
        return  # an inventory that lists no units says nothing about which exist
    known = _known_units(ctx)
    units = ctx.inventory.units
    yield from _unit_dependencies(ctx, known, units)
    scripts = [*steps(ctx), *((k[0], v) for k, v in ctx.parsed.cron_commands.items())]
    for path, script in scripts:
        yield from _acts(path, script.commands, installed_packages(script), known, units)
    # A drop-in names the unit it extends; that name alone does not bring the unit.
    drop_in_names = {u.name for u in ctx.parsed.units.values() if u.drop_in}
    drop_in_only = drop_in_names - {u.name for u in ctx.parsed.units.values() if not u.drop_in}
    extendable = {*(_unit(u) for u in units), *(package_units(ctx) - drop_in_only)}
    for path, script in ctx.parsed.unit_commands.items():
        unit = ctx.parsed.units.get(path)
        if unit is not None and not (unit.drop_in and not among_units(unit.name, extendable)):  # a drop-in is inert
            commands = _unit_acts(unit, script.commands)  # when the unit it extends is missing (holdout142)
            yield from _acts(path, commands, installed_packages(script), known, units, once=True)
    for service in ctx.manifest.services:
        miss = _missing(_unit(service), known, units)
        if miss:
            yield _finding(
                *miss,
                path="manifest.json",
                line=ctx.manifest.line_of(service),
                text=f'"services": [{service!r}]',
            )
