"""The status page's two assets, served by the server itself (``/status/page.css``, ``/status/page.js``) so that
the page's Content-Security-Policy can forbid everything else: no inline script or style, nothing from another
origin. The script only listens: it opens the event stream and puts each section it receives in place."""

from __future__ import annotations

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:78rem;color:#1d1d1f;padding:0 1rem}
header{display:flex;align-items:baseline;gap:1rem;border-bottom:1px solid #ddd;margin-bottom:.5rem}
h1{font-size:1.5rem;margin:.2rem 0} h2{font-size:1.1rem;margin:1.2rem 0 .3rem}
.live{color:#666;font-size:.85rem} .live.on{color:#1e7b34} .live.off{color:#a86400}
table{border-collapse:collapse;width:100%} th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;
border-bottom:1px solid #eee} th{background:#f4f4f6;font-weight:600}
.verdict{padding:.05rem .45rem;border-radius:.3rem;color:#fff;font-size:.8rem;font-weight:600}
.deny{background:#b3261e} .warn{background:#a86400} .allow{background:#1e7b34}
.ok{color:#1e7b34;font-weight:600} .bad{color:#b3261e;font-weight:600} .none{color:#666}
.stage{font-weight:600} progress{width:8rem;vertical-align:middle}
.sev{font-weight:600;text-transform:uppercase;font-size:.8rem}
.critical,.high{color:#b3261e} .medium{color:#a86400} .low{color:#205d9e} .info{color:#666}
code{font:13px ui-monospace,monospace;word-break:break-all} .remedy{color:#333;margin-top:.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem} dt{color:#666} dd{margin:0}
""".strip()

JS = """
"use strict";
(function () {
  var live = document.getElementById("live");
  if (!live || !window.EventSource) return;
  var stream = new EventSource("/status/events");
  stream.addEventListener("status", function (event) {
    var sections = JSON.parse(event.data);
    Object.keys(sections).forEach(function (id) {
      var element = document.getElementById(id);
      if (element) element.innerHTML = sections[id];
    });
    live.textContent = "live";
    live.className = "live on";
  });
  stream.addEventListener("error", function () {
    live.textContent = "reconnecting";
    live.className = "live off";
  });
})();
""".strip()
