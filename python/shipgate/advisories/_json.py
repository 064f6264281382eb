"""Strict, bounded JSON for feeds and CSAF documents, refused as an advisory error with the caller's code.

The reader is :func:`shipgate.inputs.parse_json` (UTF-8, no duplicate keys, no NaN, bounded size and depth).
"""

from __future__ import annotations

from typing import Any

from shipgate.advisories.errors import AdvisoryError
from shipgate.inputs import InputRefused, parse_json

# Real feeds nest 4 levels, CSAF product trees about 20; validators recurse per level, so bound it well
# below the interpreter's recursion limit.
MAX_DEPTH = 64


def load_json(data: bytes, *, what: str, code: str, max_bytes: int) -> Any:
    """The parsed document; raises :class:`AdvisoryError` with ``code`` naming the problem."""
    try:
        return parse_json(data, limit=max_bytes, max_depth=MAX_DEPTH, what=what)
    except InputRefused as exc:
        raise AdvisoryError(code, str(exc)) from None
