"""Configuration the upgrade changes, against what the target sets today.

Sources: the manifest's ``config`` (removed, renamed, required) and every ``config-change`` advisory that
applies to the package. Keys the package removes that the target still sets are silently ignored after the
upgrade; a required key that is missing or has another value (``dten.hybrid.enable`` must be ``true``)
makes the product fall back without an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from shipgate.advisories.query import applies
from shipgate.findings import Finding, Severity
from shipgate.preflight.advisories import advisory_id
from shipgate.preflight.contents import Context, at_line

_TRUE = frozenset({"true", "on", "yes", "1", "enabled"})
_FALSE = frozenset({"false", "off", "no", "0", "disabled"})


@dataclass(frozen=True)
class _Source:
    path: str
    line: int | None
    advisory: str | None = None
    note: str | None = None


def same_value(current: Any, wanted: Any) -> bool:
    """Equality across TOML and JSON spellings: ``"on"`` == ``true``, ``"5"`` == ``5``."""
    if isinstance(wanted, bool) or isinstance(current, bool):

        def truth(v: Any) -> bool | None:
            if isinstance(v, bool):
                return v
            text = str(v).strip().lower()
            return True if text in _TRUE else False if text in _FALSE else None

        return truth(current) is not None and truth(current) == truth(wanted)
    if isinstance(wanted, int | float) or isinstance(current, int | float):
        try:
            return float(current) == float(wanted)
        except (TypeError, ValueError):
            return False
    return str(current) == str(wanted)


def _changes(ctx: Context) -> Iterator[tuple[str, str, Any, _Source]]:
    """(what, key, value, source) with what in removed / renamed / required."""
    manifest = ctx.manifest
    for key in manifest.config.removed:
        yield "removed", key, None, _Source("manifest.json", manifest.line_of(key))
    for old, new in manifest.config.renamed.items():
        yield "renamed", old, new, _Source("manifest.json", manifest.line_of(old))
    for key, value in manifest.config.required.items():
        yield "required", key, value, _Source("manifest.json", manifest.line_of(key))
    package = manifest.package
    for advisory in ctx.advisories:
        if advisory.get("kind") != "config-change" or applies(advisory, package.name, package.version) is not True:
            continue
        ident = advisory_id(advisory)
        source = _Source(f"advisory:{ident}", None, ident, str(advisory.get("text", "")) or None)
        removed = advisory.get("removed", [])
        for key in removed if isinstance(removed, list) else []:
            if isinstance(key, str):
                yield "removed", key, None, source
        renamed = advisory.get("renamed", {})
        for old, new in renamed.items() if isinstance(renamed, Mapping) else []:
            if isinstance(new, str):
                yield "renamed", old, new, source
        required = advisory.get("required", {})
        for key, value in required.items() if isinstance(required, Mapping) else []:
            yield "required", key, value, source


def _evidence(source: _Source) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if source.advisory:
        out["advisory"] = source.advisory
    if source.note:
        out["advisory_text"] = source.note
    return out


def scan(ctx: Context) -> Iterator[Finding]:
    if ctx.inventory is None:
        return
    current = ctx.inventory.config
    seen: set[tuple[str, str]] = set()
    for what, key, value, source in _changes(ctx):
        if (what, key) in seen:  # the manifest and an advisory often say the same thing
            continue
        seen.add((what, key))
        why = f" ({source.note})" if source.note else ""
        if what == "removed" and key in current:
            yield at_line(
                "config.removed_key_set",
                Severity.MEDIUM,
                path=source.path,
                line=source.line,
                text=f"{key} = {json.dumps(current[key])}",
                key=key,
                current=current[key],
                **_evidence(source),
                message=f"the upgrade removes {key!r} but the target still sets it to {current[key]!r}; "
                f"the setting will be ignored{why}",
                remedy=f"Move the intent of {key!r} to its replacement and delete the key before upgrading.",
            )
        elif what == "renamed" and key in current and value not in current:
            yield at_line(
                "config.renamed_key",
                Severity.MEDIUM,
                path=source.path,
                line=source.line,
                text=f"{key} = {json.dumps(current[key])}",
                key=key,
                new_key=value,
                current=current[key],
                **_evidence(source),
                message=f"{key!r} is renamed to {value!r} by the upgrade; the target sets only the old name",
                remedy=f"Set {value!r} = {json.dumps(current[key])} before upgrading.",
            )
        elif what == "required" and key not in current:
            yield at_line(
                "config.required_key_missing",
                Severity.HIGH,
                path=source.path,
                line=source.line,
                text=f"{key} = {json.dumps(value)}",
                key=key,
                required=value,
                **_evidence(source),
                message=f"the upgrade requires {key} = {json.dumps(value)} and the target does not set it{why}",
                remedy=f"Set {key} = {json.dumps(value)} in the target configuration before upgrading.",
            )
        elif what == "required" and not same_value(current[key], value):
            yield at_line(
                "config.required_value_mismatch",
                Severity.HIGH,
                path=source.path,
                line=source.line,
                text=f"{key} = {json.dumps(value)}",
                key=key,
                required=value,
                current=current[key],
                **_evidence(source),
                message=f"the upgrade requires {key} = {json.dumps(value)}; the target has "
                f"{json.dumps(current[key])}{why}",
                remedy=f"Set {key} = {json.dumps(value)} in the target configuration before upgrading.",
            )
