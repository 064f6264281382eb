"""The plan as one self-contained HTML page, in the report's style (``shipgate.report.html``): inline CSS,
no scripts, nothing loaded from elsewhere, every value escaped (plan steps quote package content)."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from shipgate.package.durations import format_duration
from shipgate.plan.model import NOT_ESTIMATED, Plan, Step
from shipgate.report.style import STYLE

PLAN_STYLE = STYLE + """
section{margin-top:1.6rem} h2{font-size:1.15rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
ol.steps{padding-left:1.4rem} ol.steps li{margin:.35rem 0} .why{color:#555;font-size:.9rem}
.est{font-size:1.1rem} .over{color:#b3261e;font-weight:600} blockquote{margin:.3rem 0 1rem;padding:.5rem .8rem;
background:#f4f4f6;border-left:4px solid #999}
""".strip()


def _steps(steps: tuple[Step, ...], cls: str) -> str:
    if not steps:
        return "<p>Nothing.</p>"
    items = []
    for s in steps:
        where = f" <code>{escape(s.where)}</code>" if s.where else ""
        code = f' <code class="code">{escape(s.code)}</code>' if s.code else ""
        why = f'<div class="why">{escape(s.why)}</div>' if s.why else ""
        items.append(f'<li data-kind="{escape(s.kind)}">{escape(s.text)}{where}{code}{why}</li>')
    return f'<ol class="steps {cls}">{"".join(items)}</ol>'


def _window(plan: Plan) -> str:
    w = plan.window
    over = w.declared is not None and w.declared < w.estimate
    declared = (f'<span class="{"over" if over else ""}">declared {escape(format_duration(w.declared))}</span>'
                if w.declared else "no downtime declared")
    negotiated = f", negotiated {escape(format_duration(w.negotiated))}" if w.negotiated else ""
    rows = "".join(
        f"<tr><td>{escape(p.what)}</td><td>{escape(format_duration(timedelta(seconds=p.seconds)))}</td>"
        f"<td>{escape(p.why)}</td><td><code>{escape(p.where)}</code></td></tr>"
        for p in w.parts
    )
    rows += f"<tr><td>buffer</td><td>{escape(format_duration(w.buffer))}</td><td>for the unexpected</td><td></td></tr>"
    if not w.estimated:
        return f'<p class="est" id="estimate">No estimate: {escape(NOT_ESTIMATED)} ({declared}{negotiated})</p>'
    return (
        f'<p class="est" id="estimate">Estimate <strong>{escape(format_duration(w.estimate))}</strong> '
        f"({declared}{negotiated})</p>"
        f"<table><thead><tr><th>step</th><th>time</th><th>why</th><th>where</th></tr></thead><tbody>{rows}"
        "</tbody></table>"
    )


def _rollback(plan: Plan) -> str:
    rb = plan.rollback
    rows = "".join(
        f'<tr data-migration="{escape(m.path)}"><td><code>{escape(m.path)}</code></td>'
        f'<td class="class">{escape(m.classification)}</td><td>{escape(m.down or "none shipped")}</td>'
        f"<td>{escape(', '.join(m.tables) or '—')}</td></tr>"
        for m in rb.migrations
    )
    table = (
        "<table><thead><tr><th>migration</th><th>classification</th><th>down migration</th><th>tables</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>" if rows else "<p>No migrations.</p>"
    )
    backups = (
        f"<dl><dt>database backup step</dt><dd>{escape(rb.database_backup or 'none found in the scripts')}</dd>"
        f"<dt>data backup step</dt><dd>{escape(rb.data_backup or 'none found in the scripts')}</dd>"
        f"<dt>configuration to restore</dt><dd>{escape(', '.join([*rb.config_files, *rb.config_keys]) or '—')}</dd>"
        f"<dt>configuration backup step</dt><dd>{escape(rb.config_backup or 'none found in the scripts')}</dd></dl>"
    )
    return table + backups + _steps(rb.steps, "rollback")


def render_plan_sections(plan: Plan) -> str:
    """The plan's sections (before, window, rollback, after, status) as HTML, for a page of its own or for
    the verify report's page."""
    status = "".join(
        f'<h3>{escape(label)}</h3><blockquote data-phase="{key}">{escape(plan.status.messages[key])}</blockquote>'
        for key, label in (("before", "Before"), ("during", "During"), ("done", "Done"), ("rolled_back", "Rolled back"))
    )
    sections = (
        ("before", "Before the window", _steps(plan.before, "before")),
        ("window", "The window", _window(plan)),
        ("rollback", "Rollback", _rollback(plan)),
        ("after", "After: cleanup and decisions", _steps(plan.after, "after")),
        ("status", "Status template", status),
    )
    return "".join(f'<section id="{sid}"><h2>{escape(title)}</h2>{html}</section>' for sid, title, html in sections)


def render_plan_html(plan: Plan) -> str:
    findings = "".join(
        f'<tr><td class="sev {f.severity.label}">{f.severity.label}</td><td><code>{escape(f.code)}</code></td>'
        f"<td>{escape(f.message)}</td></tr>"
        for f in sorted(plan.findings, key=lambda f: -f.severity)
    )
    verdict = f" · verdict {escape(plan.verdict.upper())}" if plan.verdict else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        f"<title>shipgate plan: {escape(plan.title)}</title><style>{PLAN_STYLE}</style></head><body>"
        f"<h1>Upgrade plan: {escape(plan.title)}</h1>"
        f"<p>{escape(plan.vendor)} · compared with {escape(plan.compared_with)}{verdict}</p>"
        + (f'<table id="findings"><thead><tr><th>severity</th><th>code</th><th>what</th></tr></thead>'
           f"<tbody>{findings}</tbody></table>" if findings else "")
        + render_plan_sections(plan)
        + "<p><small>shipgate plan schema shipgate.plan/v1</small></p></body></html>\n"
    )
