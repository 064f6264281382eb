"""The stylesheet of shipgate's HTML pages (the report, the upgrade plan): one look, inline, no external
resources."""

from __future__ import annotations

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .3rem} .verdict{padding:.15rem .6rem;border-radius:.3rem;color:#fff}
.deny{background:#b3261e} .warn{background:#a86400} .allow{background:#1e7b34}
table{border-collapse:collapse;width:100%;margin-top:1rem} th,td{text-align:left;vertical-align:top;
padding:.45rem .5rem;border-bottom:1px solid #ddd} th{background:#f4f4f6}
.sev{font-weight:600;text-transform:uppercase;font-size:.8rem}
.critical,.high{color:#b3261e} .medium{color:#a86400} .low{color:#205d9e} .info{color:#666}
code{font:13px ui-monospace,monospace;word-break:break-all} .remedy{color:#333;margin-top:.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem} dt{color:#666}
""".strip()
