"""*Window*: the downtime the upgrade needs, estimated from its steps, against the downtime the vendor
declares and a window negotiated with the business (``--window``).

shipgate's estimate is deliberately simple and conservative; every figure is a named constant here and in
docs/plan.md, and every part of the estimate says why it is there:
- each service the package touches (manifest ``services``) or a script stops or restarts (a unit, an init
  script, a compose project or container, a pm2 app: ``plan.interrupts``) is stopped and started again;
- a reboot when the package requires one, when preflight found it does (a kernel module replaced), or when a
  script reboots or powers off the host;
- each migration file: a fixed time for the statements that only lock briefly, plus, for statements that
  rewrite or scan a table (``rewrites_table`` in preflight's reading), the table's rows (inventory
  ``[database.tables]``) at a conservative rate — or a fixed guess that says the size is unknown;
- a health check after the restart;
- a buffer on top: half the steps, at least ``MIN_BUFFER``.
With none of these steps there is no estimate (``Window.estimated`` is false), not an estimate of 0 s: shipgate
found nothing that takes the service down, which is not the same as knowing that nothing does.
"""

from __future__ import annotations

from datetime import timedelta

from shipgate.findings import Finding, Severity
from shipgate.package.durations import format_duration
from shipgate.plan.findings import plan_finding
from shipgate.plan.inputs import PlanInputs
from shipgate.plan.model import MigrationRollback, Window, WindowPart

SERVICE_RESTART_SECONDS = 60.0
REBOOT_SECONDS = 300.0
HEALTH_CHECK_SECONDS = 120.0
MIGRATION_SECONDS = 120.0
# Rows a table rewrite (ALTER … TYPE, a volatile DEFAULT, VACUUM FULL) or an index build gets through per
# second: conservative for a loaded production database.
REWRITE_ROWS_PER_SECOND = 50_000.0
# A rewrite of a table whose size the inventory does not give.
UNKNOWN_TABLE_SECONDS = 600.0
BUFFER_SHARE = 0.5
MIN_BUFFER = timedelta(minutes=5)


def _reboot(inputs: PlanInputs) -> WindowPart | None:
    understated = next(inputs.of("preflight.reboot_understated"), None)
    if understated is not None:
        replaced = ", ".join(map(str, understated.evidence.get("replaces", []))) or "the package's contents"
        return WindowPart(what="reboot", seconds=REBOOT_SECONDS,
                          why=f"a reboot is required ({replaced}), though the manifest says "
                          f"{inputs.manifest.reboot.value}", where="manifest.json")
    if inputs.manifest.reboot.value == "required":
        return WindowPart(what="reboot", seconds=REBOOT_SECONDS, why="the manifest requires a reboot",
                          where="manifest.json")
    by_script = next((c for c in inputs.index.commands if c.kind == "reboot"), None)
    if by_script is not None:
        return WindowPart(what="reboot", seconds=REBOOT_SECONDS, why=f"a script takes the host down ({by_script.what})",
                          where=by_script.where)
    return None


def _migration(m: MigrationRollback, inputs: PlanInputs) -> list[WindowPart]:
    parts = [WindowPart(what=f"migration {m.path}", seconds=MIGRATION_SECONDS,
                        why=f"{len(m.statements) or 'its'} statement(s); locks are taken on "
                        f"{', '.join(m.tables) or 'the tables it alters'}", where=m.path)]
    for s in m.statements:
        if not s.get("rewrites_table"):
            continue
        for table in s.get("tables") or ("?",):
            rows = inputs.inventory.rows_of(table) if inputs.inventory else None
            where = f"{m.path}:{s.get('line')}"
            if rows is None:
                parts.append(WindowPart(what=f"rewrite of {table}", seconds=UNKNOWN_TABLE_SECONDS,
                                        why="the statement rewrites the table and its size is unknown (add it to "
                                        "the inventory's [database.tables])", where=where))
            else:
                parts.append(WindowPart(what=f"rewrite of {table}", seconds=round(rows / REWRITE_ROWS_PER_SECOND, 1),
                                        why=f"{rows:,} rows at {REWRITE_ROWS_PER_SECOND:,.0f} rows/s", where=where))
    return parts


def estimate_window(inputs: PlanInputs, migrations: tuple[MigrationRollback, ...]) -> Window:
    parts: list[WindowPart] = []
    stopped = {c.what: c for c in inputs.index.commands if c.kind == "service-stop"}
    for service in dict.fromkeys([*inputs.manifest.services, *stopped]):
        by_script = stopped.get(service)
        why = ("the package touches the service (manifest services)" if service in inputs.manifest.services
               else f"a script {by_script.detail.get('verb', 'stops')}s it" if by_script else "")
        parts.append(WindowPart(what=f"stop and start {service}", seconds=SERVICE_RESTART_SECONDS, why=why,
                                where=by_script.where if by_script else "manifest.json"))
    reboot = _reboot(inputs)
    if reboot is not None:
        parts.append(reboot)
    for m in migrations:
        parts.extend(_migration(m, inputs))
    if parts:
        parts.append(WindowPart(what="health check", seconds=HEALTH_CHECK_SECONDS,
                                why="confirm the service is back before the window closes"))
    steps = sum(p.seconds for p in parts)
    buffer = max(timedelta(seconds=steps * BUFFER_SHARE), MIN_BUFFER) if parts else timedelta(0)
    return Window(parts=tuple(parts), buffer=buffer, declared=inputs.manifest.downtime, negotiated=inputs.window)


def window_findings(window: Window) -> list[Finding]:
    out: list[Finding] = []
    reasons = "; ".join(f"{p.what} {format_duration(timedelta(seconds=p.seconds))}" for p in window.parts)
    estimate = format_duration(window.estimate)
    evidence = {"file": "manifest.json", "estimate_seconds": window.estimate.total_seconds(), "reasons": reasons}
    if window.declared is not None and window.declared < window.estimate:
        out.append(_finding("plan.window_understated", Severity.MEDIUM,
                            f"manifest.json: the manifest declares {format_duration(window.declared)} of downtime; "
                            f"the steps need {estimate} with buffer ({reasons})",
                            {**evidence, "declared_seconds": window.declared.total_seconds()}))
    if window.negotiated is not None and window.negotiated < window.estimate:
        out.append(_finding("plan.window_too_short", Severity.HIGH,
                            f"the negotiated window of {format_duration(window.negotiated)} is shorter than the "
                            f"{estimate} the steps need with buffer ({reasons})",
                            {**evidence, "negotiated_seconds": window.negotiated.total_seconds()}))
    return out


def _finding(code: str, severity: Severity, message: str, evidence: dict[str, object]) -> Finding:
    return plan_finding(code, severity, path="manifest.json", message=message, **evidence)
