"""A value generated at install time with a literal to fall back on: ``DB_PASS=$(openssl rand -base64 24 2>/dev/null
|| echo "dashboard_pass123")``. When the generator fails (openssl missing, ``/dev/urandom`` unreadable) the variable
holds the literal, which every copy of the package shares: the same risk as ``${DB_PASS:-dashboard_pass123}``
(``preflight.default_credential``; holdout138). Read from the command substitution the assignment holds: its last
list element after ``||`` is an ``echo``/``printf`` of one literal word, and something else comes before it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.model import ParameterDefault, Script

# ``$( GENERATOR || echo [-n] "literal" )``: the generator, then the echoed literal (no expansion, no quote inside).
_FALLBACK = re.compile(
    r"""^\$\(\s*(?P<gen>[^()`]{1,400}?)\s*\|\|\s*(?:echo|printf)\s+(?:-n\s+)?"""
    r"""(?P<q>["']?)(?P<lit>[^"'$`\\\s|;&()]{1,128})(?P=q)\s*\)$"""
)
_ECHOES = re.compile(r"^(?:echo|printf)\b")


def substitution_fallbacks(script: Script) -> Iterator[ParameterDefault]:
    """``NAME=$(generator || echo literal)``: NAME falls back to the literal when the generator fails."""
    for a in script.assignments:
        if a.generated_by is None or a.shape is None or "||" not in a.shape:
            continue
        m = _FALLBACK.match(a.shape)
        if m is not None and not _ECHOES.match(m.group("gen")):
            yield ParameterDefault(a.name, m.group("lit"), a.line, a.raw)
