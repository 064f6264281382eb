"""The report as one self-contained HTML page: inline CSS, no scripts, no external resources, every
value escaped (finding messages quote hostile package content)."""

from __future__ import annotations

from html import escape

from shipgate.findings import Severity
from shipgate.plan.render_html import PLAN_STYLE, render_plan_sections
from shipgate.report.model import Report
from shipgate.report.text import location


def render_html(report: Report) -> str:
    pkg = report.package
    title = f"{pkg.name} {pkg.version} ({pkg.vendor})" if pkg else "unidentified package"
    sig = report.signature
    meta = [
        ("archive", report.archive.path),
        ("size", f"{report.archive.size} bytes, {report.archive.entries} entries"),
        *((f"{alg}", digest) for alg, digest in sorted(report.archive.digests.items())),
        ("signer", str(sig.get("signer")) if sig else "not verified"),
        ("trusted because", str(sig.get("trusted_because")) if sig else "—"),
        ("policy", report.policy),
        ("verified", report.to_dict()["verified_at"]),
    ]
    rows = []
    for f in report.sorted_findings():
        remedy = f'<div class="remedy">Remedy: {escape(f.remedy)}</div>' if f.remedy else ""
        rows.append(
            f'<tr><td class="sev {f.severity.label}">{f.severity.label}</td><td><code>{escape(f.code)}</code></td>'
            f"<td><code>{escape(location(f))}</code></td><td>{escape(f.message)}{remedy}</td></tr>"
        )
    counts = ", ".join(
        f"{n} {s.label}" for s in sorted(Severity, reverse=True) if (n := sum(x.severity is s for x in report.findings))
    )
    table = (
        "<table><thead><tr><th>severity</th><th>code</th><th>where</th><th>what and what to do</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>No findings.</p>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        f"<title>shipgate: {escape(report.verdict.upper())} {escape(title)}</title>"
        f"<style>{PLAN_STYLE}</style></head><body>"
        f'<h1><span class="verdict {escape(report.verdict)}">{escape(report.verdict.upper())}</span> '
        f"{escape(title)}</h1>"
        f"<p>{len(report.findings)} finding(s){': ' + escape(counts) if counts else ''}</p>"
        "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd><code>{escape(v)}</code></dd>" for k, v in meta) + "</dl>"
        f"{table}{_plan(report)}"
        f"<p><small>shipgate {escape(report.shipgate_version)} · report schema shipgate.report/v1</small></p>"
        "</body></html>\n"
    )


def _plan(report: Report) -> str:
    if report.plan is None:
        return ""
    return (f'<div id="plan"><h2>Upgrade plan: {escape(report.plan.title)}</h2>'
            f"<p>compared with {escape(report.plan.compared_with)}</p>{render_plan_sections(report.plan)}</div>")
