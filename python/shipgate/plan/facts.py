"""What preflight read in the package, as the plan needs it: scheduled jobs, endpoints, migration
statements, the units the scripts stop and start, the commands that change the target.

The plan parses nothing itself. Its source is preflight's reading of the package, carried by the findings
preflight reports (stable codes with file, line and evidence: ``preflight.scheduled_job``,
``preflight.external_endpoint``, ``preflight.migration_unlocked``, ``preflight.systemd_unit_missing``, …) —
the one contract between the layers that every verification already produces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from shipgate.findings import Finding
from shipgate.plan.index import MAX_ITEMS, Located

_JOB = "preflight.scheduled_job"
_ENDPOINT = "preflight.external_endpoint"
_STATEMENTS = ("preflight.migration_unlocked", "preflight.index_not_concurrent")
_UNIT = "preflight.systemd_unit_missing"
_COMMANDS = ("preflight.sudo_unavailable", "preflight.privileged_script", "preflight.migration_outside_lock")


@dataclass(frozen=True, kw_only=True)
class PackageFacts:
    jobs: tuple[Located, ...] = ()
    endpoints: tuple[Located, ...] = ()
    statements: tuple[Located, ...] = ()
    commands: tuple[Located, ...] = ()
    units_used: tuple[Located, ...] = ()


def _located(f: Finding, what: str, kind: str = "", **detail: object) -> Located:
    line = f.evidence.get("line")
    return Located(
        what=what,
        file=str(f.evidence.get("file") or f.path),
        line=line if isinstance(line, int) else None,
        kind=kind,
        detail={k: v for k, v in detail.items() if v is not None},
    )


def facts_from_findings(findings: Iterable[Finding]) -> PackageFacts:
    jobs: list[Located] = []
    endpoints: list[Located] = []
    statements: list[Located] = []
    commands: list[Located] = []
    units: list[Located] = []
    for f in findings:
        ev = f.evidence
        text = str(ev.get("text", ""))
        if f.code == _JOB:
            jobs.append(_located(f, text, str(ev.get("mechanism", ""))))
        elif f.code == _ENDPOINT:
            endpoints.append(
                _located(f, str(ev.get("host", "")), str(ev.get("found_as", "")), text=text,
                         contacted=ev.get("contacted"))
            )
        elif f.code in _STATEMENTS:
            statements.append(_located(f, text, str(ev.get("statement", "")), code=f.code))
        elif f.code == _UNIT:
            units.append(_located(f, str(ev.get("unit", "")), "unit", text=text, suggestion=ev.get("suggestion")))
        elif f.code in _COMMANDS and text:
            commands.append(_located(f, text, f.code.split(".", 1)[1]))
    return PackageFacts(
        jobs=_unique(jobs),
        endpoints=_unique(endpoints),
        statements=_unique(statements),
        commands=_unique(commands),
        units_used=_unique(units),
    )


def _unique(items: list[Located]) -> tuple[Located, ...]:
    seen: set[tuple[str, str, int | None]] = set()
    out: list[Located] = []
    for item in sorted(items, key=lambda i: (i.file, i.line or 0, i.what)):
        key = (item.what, item.file, item.line)
        if key not in seen and len(out) < MAX_ITEMS:
            seen.add(key)
            out.append(item)
    return tuple(out)
