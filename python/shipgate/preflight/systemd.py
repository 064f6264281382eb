"""systemctl/service operations, and manifest ``services``, on units the target does not have.

A renamed unit (``dten-agent.service`` vs ``dten-agentd.service``) makes an upgrade step silently do
nothing; the closest existing name is suggested.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, at_line

_VERBS = (
    "start|stop|restart|reload|try-restart|reload-or-restart|try-reload-or-restart|enable|disable|"
    "reenable|mask|unmask|kill|is-active|is-enabled|status|show|cat|edit|preset"
)
_SYSTEMCTL = re.compile(rf"\bsystemctl\s+((?:-{{1,2}}\w[\w-]*(?:=\S+)?\s+)*)({_VERBS})\s+([^;&|)`#]{{1,256}})")
_SERVICE = re.compile(
    r"(?:^|[;&|(`]|\bthen\s|\bdo\s)\s*(?:sudo\s+)?service\s+([\w@.-]+)\s+"
    r"(start|stop|restart|reload|status|force-reload|condrestart)\b"
)
_UNIT_SUFFIXES = (".service", ".socket", ".timer", ".target", ".mount", ".path", ".slice", ".scope")


def _unit(name: str) -> str:
    return name if name.endswith(_UNIT_SUFFIXES) else f"{name}.service"


def _known_units(ctx: Context) -> set[str]:
    assert ctx.inventory is not None
    # Units the package itself installs exist after the upgrade.
    shipped = {path.rsplit("/", 1)[-1] for path in (f.path for f in ctx.manifest.files)}
    return {*(_unit(u) for u in ctx.inventory.units), *(p for p in shipped if p.endswith(_UNIT_SUFFIXES))}


def _template(unit: str) -> str | None:
    """``dten@eth0.service`` → ``dten@.service`` (an instance exists when its template does)."""
    name, at, rest = unit.partition("@")
    if not at:
        return None
    suffix = rest[rest.rfind(".") :] if "." in rest else ".service"
    return f"{name}@{suffix}"


def _missing(unit: str, known: set[str], inventory_units: tuple[str, ...]) -> tuple[str, list[str]] | None:
    if unit in known or _template(unit) in known:
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


def scan(ctx: Context) -> Iterator[Finding]:
    if ctx.inventory is None:
        return
    known = _known_units(ctx)
    units = ctx.inventory.units
    for text in ctx.of_kind(Kind.SHELL, Kind.CRON, Kind.SYSTEMD):
        for line in text.code_lines():
            names: list[str] = []
            for m in _SYSTEMCTL.finditer(line.code):
                names.extend(w.strip("\"'") for w in m.group(3).split() if not w.startswith("-"))
            for m in _SERVICE.finditer(line.code):
                names.append(m.group(1))
            for name in names:
                if not name or "$" in name or "*" in name:
                    continue
                miss = _missing(_unit(name), known, units)
                if miss:
                    yield _finding(*miss, path=text.path, line=line.number, text=line.text)
    for service in ctx.manifest.services:
        miss = _missing(_unit(service), known, units)
        if miss:
            yield _finding(
                *miss,
                path="manifest.json",
                line=ctx.manifest.line_of(service),
                text=f'"services": [{service!r}]',
            )
