"""Strict, bounded JSON for feeds and CSAF documents: UTF-8, no duplicate keys, no NaN, bounded size."""

from __future__ import annotations

import json
from typing import Any

from shipgate.advisories.errors import AdvisoryError


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            # Parsers disagree on which copy of a repeated key counts: refuse instead of choosing.
            raise _Duplicate(f"key {key!r} appears twice in one object")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# Real feeds nest 4 levels, CSAF product trees about 20; validators recurse per level, so bound it well
# below the interpreter's recursion limit.
MAX_DEPTH = 64


def depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value, computed without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def load_json(data: bytes, *, what: str, code: str, max_bytes: int) -> Any:
    """The parsed document; raises :class:`AdvisoryError` with ``code`` naming the problem."""
    if len(data) > max_bytes:
        raise AdvisoryError(code, f"{what} is {len(data)} bytes; at most {max_bytes} are read")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AdvisoryError(code, f"{what} is not UTF-8 (byte {exc.start})") from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise AdvisoryError(code, f"{what} is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except _Duplicate as exc:
        raise AdvisoryError(code, f"{what}: {exc}") from None
    except ValueError as exc:
        raise AdvisoryError(code, f"{what}: {exc}") from None
    except RecursionError:
        doc, too_deep = None, True
    else:
        too_deep = depth(doc) > MAX_DEPTH
    if too_deep:
        raise AdvisoryError(code, f"{what} nests deeper than {MAX_DEPTH} levels; not a real document")
    return doc
