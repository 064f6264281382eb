"""Strict, bounded JSON: UTF-8, no duplicate keys (parsers disagree on which copy counts), no NaN or
Infinity (not JSON), bounded size and nesting depth."""

from __future__ import annotations

import json
from typing import Any

from shipgate.inputs.bounded import InputRefused, decode_utf8


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def depth(value: Any, *, cap: int | None = None) -> int:
    """Nesting depth of a parsed JSON value, computed without recursion; the walk stops once it passes
    ``cap`` (a 4 MiB document need not be walked to the end to know it is too deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if cap is not None and deepest > cap:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest


def parse_json(data: bytes, *, limit: int, max_depth: int, what: str) -> Any:
    """The document in ``data`` (at most ``limit`` bytes, nested at most ``max_depth`` levels)."""
    if len(data) > limit:
        raise InputRefused("too_large", what, f"{len(data)} bytes, more than the {limit} allowed")
    text = decode_utf8(data, what=what)
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except _Duplicate as exc:
        raise InputRefused("duplicate_key", what, f"key {exc.key!r} appears twice in one object", key=exc.key) from None
    except json.JSONDecodeError as exc:
        raise InputRefused(
            "syntax",
            what,
            f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except ValueError as exc:  # NaN / Infinity
        raise InputRefused("syntax", what, f"not JSON: {exc}") from None
    except RecursionError:
        raise InputRefused("too_deep", what, f"nested deeper than {max_depth} levels") from None
    if depth(doc, cap=max_depth) > max_depth:
        raise InputRefused("too_deep", what, f"nested deeper than {max_depth} levels")
    return doc
