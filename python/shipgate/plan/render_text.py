"""The plan as text for a terminal, and as Markdown that renders as a runbook checklist (``- [ ]``)."""

from __future__ import annotations

from datetime import timedelta

from shipgate.package.durations import format_duration
from shipgate.plan.model import NOT_ESTIMATED, Plan, Step
from shipgate.textsafe import printable


def _t(value: object) -> str:
    """Package- or caller-supplied text for a terminal: control and line-separator characters escaped, so a
    name cannot clear the screen or start a forged line."""
    return printable(str(value), limit=None)

_PHASES = (("before", "Before the upgrade"), ("during", "During the window"), ("done", "Done"),
           ("rolled_back", "Rolled back"))


def _window_lines(plan: Plan) -> list[str]:
    w = plan.window
    out = [f"estimate {format_duration(w.estimate)} = steps {format_duration(w.steps_total)} + buffer "
           f"{format_duration(w.buffer)}" if w.estimated else f"no estimate: {NOT_ESTIMATED}"]
    if w.declared is not None:
        out.append(f"declared by the vendor: {format_duration(w.declared)}")
    if w.negotiated is not None:
        out.append(f"negotiated: {format_duration(w.negotiated)}")
    out += [f"{_t(p.what)}: {format_duration(timedelta(seconds=p.seconds))} — {_t(p.why)}" for p in w.parts]
    return out


def _rollback_lines(plan: Plan) -> list[str]:
    rb = plan.rollback
    out = [_t(s.text) for s in rb.steps]
    out.append(f"database backup step: {_t(rb.database_backup or 'none found in the scripts')}")
    if rb.data_backup:
        out.append(f"data backup step: {_t(rb.data_backup)}")
    if rb.config_files or rb.config_keys:
        out.append(f"configuration backup step: {_t(rb.config_backup or 'none found in the scripts')}")
    return out


def _step(s: Step) -> str:
    extra = "".join(f" [{_t(x)}]" for x in (s.where, s.code) if x)
    return f"{_t(s.text)}{extra}" + (f"\n      why: {_t(s.why)}" if s.why else "")


def render_plan_text(plan: Plan) -> str:
    out = [f"UPGRADE PLAN  {_t(plan.title)} ({_t(plan.vendor)})", f"  compared with: {_t(plan.compared_with)}"]
    if plan.verdict:
        out.append(f"  verification verdict: {plan.verdict.upper()}")
    for f in sorted(plan.findings, key=lambda f: -f.severity):
        out.append(f"  {f.severity.label.upper():8} {f.code}: {_t(f.message)}")
    sections = (
        ("BEFORE", [_step(s) for s in plan.before]),
        ("WINDOW", _window_lines(plan)),
        ("ROLLBACK", _rollback_lines(plan)),
        ("AFTER (cleanup and decisions)", [_step(s) for s in plan.after]),
    )
    for title, lines in sections:
        out.append(f"\n{title}")
        out += [f"  - {line}" for line in lines] or ["  (nothing)"]
    if plan.changes is not None:
        out.append(f"\nCHANGES AGAINST {_t(plan.running or 'THE PREVIOUS VERSION')} ({_t(plan.compared_with)})")
        out += [f"  {c.kind:15} {_t(c.subject)}  ({_t(c.where)})" for c in plan.changes] or ["  (none)"]
    out.append("\nSTATUS TEMPLATE")
    out += [f"  - {_t(plan.status.messages[key])}" for key, _ in _PHASES]  # each message names its phase
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Markdown-inert text: the characters that would start markup are escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def _md_step(s: Step) -> str:
    where = f" — `{s.where}`" if s.where else ""
    code = f" ({s.code})" if s.code else ""
    why = f"\n  - why: {_md(s.why)}" if s.why else ""
    return f"- [ ] {_md(s.text)}{where}{code}{why}"


def render_plan_markdown(plan: Plan) -> str:
    out = [f"# Upgrade runbook: {_md(plan.title)}", "", f"Vendor: {_md(plan.vendor)}. "
           f"Compared with: {_md(plan.compared_with)}.", ""]
    if plan.findings:
        out += ["## Findings", ""]
        out += [f"- **{f.severity.label}** `{f.code}`: {_md(f.message)}" for f in sorted(plan.findings,
                                                                                     key=lambda f: -f.severity)]
        out.append("")
    out += ["## Before the window", ""]
    out += [_md_step(s) for s in plan.before] or ["- [ ] nothing to prepare"]
    out += ["", "## The window", ""]
    out += [f"- [ ] {_md(line)}" for line in _window_lines(plan)]
    out += ["", "## Rollback", ""]
    out += [f"- [ ] {_md(line)}" for line in _rollback_lines(plan)]
    out += ["", "## After the upgrade (cleanup and decisions)", ""]
    out += [_md_step(s) for s in plan.after] or ["- [ ] nothing to clean up"]
    out += ["", "## Status updates", ""]
    for key, label in _PHASES:
        out += [f"**{label}**", "", f"> {_md(plan.status.messages[key])}", ""]
    return "\n".join(out).rstrip() + "\n"
