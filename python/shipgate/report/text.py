"""The terminal report: the verdict first, then findings by severity with where (file:line) and what to do.

Readable in one screen for a typical package: one line per finding, its remedy beneath when it is medium
or worse, and repeated remedies said once. Colour only when asked for (the CLI asks when stdout is a tty).
Every string that came from the package or a client (names, entry paths, messages quoting them) is shown
with control, line-separator and bidi characters escaped (:func:`shipgate.textsafe.printable`): a package
name cannot clear the screen or forge a line of the report.
"""

from __future__ import annotations

from shipgate.findings import Finding, Severity
from shipgate.package.durations import format_duration
from shipgate.plan.model import Plan
from shipgate.report.model import Report
from shipgate.textsafe import printable

_COLOURS = {
    "deny": "\x1b[1;31m",
    "warn": "\x1b[1;33m",
    "allow": "\x1b[1;32m",
    Severity.CRITICAL: "\x1b[1;31m",
    Severity.HIGH: "\x1b[31m",
    Severity.MEDIUM: "\x1b[33m",
    Severity.LOW: "\x1b[36m",
    Severity.INFO: "\x1b[2m",
}
_RESET = "\x1b[0m"


def location(finding: Finding) -> str:
    """``file:line`` from the evidence, else the finding's path."""
    ev = finding.evidence
    file = ev.get("file") or finding.path
    line = ev.get("line") or ev.get("manifest_line")
    if file and line and "line" not in ev:
        return f"{finding.path} (manifest.json:{line})"
    return f"{file}:{line}" if file and line else str(file or "")


def _shown(value: object) -> str:
    return printable(str(value), limit=None)


def render_text(report: Report, *, colour: bool = False) -> str:
    def paint(key: object, text: str) -> str:
        return f"{_COLOURS[key]}{text}{_RESET}" if colour and key in _COLOURS else text

    out: list[str] = []
    pkg = report.package
    what = f"{_shown(pkg.name)} {_shown(pkg.version)} from {_shown(pkg.vendor)}" if pkg else "unidentified package"
    out.append(f"{paint(report.verdict, report.verdict.upper())}  {what}")
    digests = report.archive.digests
    out.append(
        f"  archive {_shown(report.archive.path)}: {report.archive.size} bytes, {report.archive.entries} entries, "
        f"sha256 {digests.get('sha256', '?')}"
    )
    if report.signature:
        signature = report.signature
        out.append(f"  signed by {_shown(signature.get('signer'))} (root {_shown(signature.get('root'))})")
        if signature.get("signing_time"):  # an RFC 3161 timestamp carried the chain past its expiry
            out.append(f"  {_shown(signature['signing_time'])}")
    else:
        out.append("  signature: not verified")
    findings = report.sorted_findings()
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    summary = ", ".join(f"{n} {s.label}" for s, n in sorted(counts.items(), reverse=True) if n)
    out.append(f"  {len(findings)} finding(s){': ' + summary if summary else ''}; policy: {_shown(report.policy)}")
    said: set[str] = set()
    for f in findings:
        where = location(f)
        label = paint(f.severity, f"{f.severity.label.upper():8}")
        message = f.message
        if where and message.startswith(where):
            message = message[len(where) :].lstrip(": ")
        out.append(f"{label} {f.code:34} {_shown(where)}")
        out.append(f"         {_shown(message)}")
        if f.remedy and f.severity >= Severity.MEDIUM and f.remedy not in said:
            said.add(f.remedy)  # a remedy repeated by findings of one kind is said once
            out.append(f"         remedy: {_shown(f.remedy)}")
    if report.applied_waivers:
        out.append(f"  {len(report.applied_waivers)} waiver(s) applied (see policy.waiver_applied findings)")
    if report.plan is not None:
        out.append(plan_summary(report.plan))
    return "\n".join(out) + "\n"


def plan_summary(plan: Plan) -> str:
    """Three lines on the upgrade plan; ``shipgate plan`` prints the whole runbook."""
    w = plan.window
    declared = f", declared {format_duration(w.declared)}" if w.declared else ""
    classes = ", ".join(f"{_shown(m.path)} {m.classification}" for m in plan.rollback.migrations) or "no migrations"
    return (
        f"  plan {_shown(plan.title)}: {len(plan.before)} step(s) before, "
        f"window {format_duration(w.estimate) if w.estimated else 'not estimated'}{declared}, "
        f"{len(plan.after)} cleanup/decision item(s)\n"
        f"  rollback: {classes}; compared with {_shown(plan.compared_with)}\n"
        "  the runbook: shipgate plan PACKAGE.zip --env ENV.toml --format md"
    )
