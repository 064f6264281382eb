"""The values a variable may hold when it is built on another variable that has alternatives:
``if is_china_server; then base_url="https://gitee.com/…"; else base_url="https://github.com/…"; fi`` then
``download_url="$base_url/v$version/app.zip"`` holds a gitee.com URL or a github.com one. The model resolves
``download_url`` with the last value of ``base_url`` only; each alternative of the leading variable
(``shell.reaching.alternatives``: ``if``/``else`` branches, ``case`` items) gives one value, written on that
alternative's line. One level deep, bounded by the alternatives kept."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Assignment, Script
from shipgate.preflight.shell.reaching import alternatives

# A value that starts with a variable: ``"$base_url/v$version/x.zip"``, ``${MIRROR}/pool``.
_LEADING = re.compile(r"""^["']?\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))""")
_KEPT = 8  # alternatives of the leading variable read (as the callers keep the last eight values)


def leading_alternatives(script: Script, assignment: Assignment) -> list[tuple[str, int]]:
    """(value, line) for each literal alternative of the variable ``assignment``'s value starts with, when it has
    more than one; [] otherwise (a single value is the one the model already substituted)."""
    written = assignment.raw.partition("=")[2].strip()
    m = _LEADING.match(written)
    if m is None:
        return []
    leading = alternatives(script, m.group(1) or m.group(2), assignment)
    if len(leading) < 2:
        return []
    rest = written[m.end() :].strip("\"'")
    return [(a.value + rest, a.line) for a in leading[-_KEPT:] if a.value is not None and a.generated_by is None]
