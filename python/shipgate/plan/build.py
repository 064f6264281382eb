"""``make_plan``: the plan's sections from its inputs, in order — the diff against the running version,
the upgrade path, the rollback (the backups it needs feed *Before*), the window, *Before*, *After*, the
status template — and the plan's findings."""

from __future__ import annotations

from shipgate.findings import Finding, Severity
from shipgate.plan.after import after_steps, product_flags
from shipgate.plan.attended import attended
from shipgate.plan.before import before_steps
from shipgate.plan.diff import Declared, Diff, diff_indexes, documented
from shipgate.plan.findings import plan_finding
from shipgate.plan.inputs import PlanInputs
from shipgate.plan.model import Plan, Step
from shipgate.plan.paths import check_path
from shipgate.plan.rollback import plan_rollback
from shipgate.plan.status import status_template
from shipgate.plan.window import estimate_window, window_findings


def _flag_findings(inputs: PlanInputs) -> list[Finding]:
    """Without a previous version: the product's flags in the binaries that nothing names."""
    declared = Declared.from_advisories(inputs.advisories)
    current = inputs.inventory.config if inputs.inventory else {}
    out: list[Finding] = []
    for flag, binary in product_flags(inputs.index, current):
        if flag in current or documented(flag, inputs.index, declared):
            continue
        out.append(plan_finding(
            "plan.undocumented_flag", Severity.MEDIUM, path=binary, flag=flag,
            message=f"{binary}: the binary carries the flag {flag!r}; no file of the package, manifest or advisory "
            "names it",
        ))
    return out


def _undeclared_keys(diff: Diff | None) -> list[Step]:
    return [
        Step(kind="config", text=f"Ask the vendor about {c.subject} (removed without notice) and move its setting",
             why=c.message, where=c.where, code=c.code)
        for c in (diff.of_kind("key_removed") if diff else ())
        if c.code
    ]


def make_plan(inputs: PlanInputs) -> Plan:
    manifest, index = inputs.manifest, inputs.index
    findings: list[Finding] = []
    # 1. What changes against what runs: the diff of the two indexes (or the flags nothing names).
    diff = None
    if inputs.previous is not None:
        diff = diff_indexes(inputs.previous, index, declared=Declared.from_advisories(inputs.advisories))
        findings += diff.findings()
    else:
        findings += _flag_findings(inputs)
    # 2. The upgrade path.
    path = check_path(name=manifest.package.name, version=manifest.package.version,
                      upgrades_from=manifest.upgrades_from, running=inputs.running, known=inputs.known)
    findings += path
    # 3. Rollback (the backups it needs are steps of Before), 4. the window.
    rollback, rollback_findings = plan_rollback(inputs)
    findings += rollback_findings
    window = estimate_window(inputs, rollback.migrations)
    findings += window_findings(window)
    # 5. Before (with the steps that need someone at the terminal) and After, 6. the status template.
    at_terminal, prompt_findings = attended(index)
    findings += prompt_findings
    before = (*before_steps(inputs, diff=diff, rollback=rollback, path=path), *_undeclared_keys(diff), *at_terminal)
    after = after_steps(inputs, diff)
    # Ready only when there is something to go back to: a backup a script takes, every migration undoable and
    # the configuration the upgrade changes saved.
    undoable = all(m.down or m.classification == "reversible" for m in rollback.migrations)
    config_saved = bool(rollback.config_backup or not (rollback.config_files or rollback.config_keys))
    ready = rollback.backed_up and undoable and config_saved
    title = f"{manifest.package.name} {inputs.running + ' → ' if inputs.running else ''}{manifest.package.version}"
    status = status_template(title=title, window=window, findings=[*inputs.findings, *findings],
                             rollback_ready=ready)
    return Plan(
        name=manifest.package.name,
        version=manifest.package.version,
        vendor=manifest.package.vendor,
        running=inputs.running,
        compared_with=inputs.compared_with,
        before=tuple(before),
        window=window,
        rollback=rollback,
        after=after,
        status=status,
        findings=tuple(findings),
        changes=diff.changes if diff else None,
        verdict=inputs.verdict,
    )
