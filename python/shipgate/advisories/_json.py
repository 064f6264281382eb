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


def load_json(data: bytes, *, what: str, code: str, max_bytes: int) -> Any:
    """The parsed document; raises :class:`AdvisoryError` with ``code`` naming the problem."""
    if len(data) > max_bytes:
        raise AdvisoryError(code, f"{what} is {len(data)} bytes; at most {max_bytes} are read")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AdvisoryError(code, f"{what} is not UTF-8 (byte {exc.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise AdvisoryError(code, f"{what} is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except _Duplicate as exc:
        raise AdvisoryError(code, f"{what}: {exc}") from None
    except ValueError as exc:
        raise AdvisoryError(code, f"{what}: {exc}") from None
    except RecursionError:
        raise AdvisoryError(code, f"{what} nests too deeply to be a real document") from None
