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

    def finding(
        self, code: str, severity: Severity, *, key: str, message: str, remedy: str, **evidence: Any
    ) -> Finding:
        """A finding about ``key`` where this change is stated (the manifest line, or the advisory)."""
        if self.advisory:
            evidence["advisory"] = self.advisory
        if self.note:
            evidence["advisory_text"] = self.note
        return at_line(
            code, severity, path=self.path, line=self.line, message=message, remedy=remedy, key=key, **evidence
        )


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
            yield source.finding(
                "config.removed_key_set",
                Severity.MEDIUM,
                key=key,
                text=f"{key} = {json.dumps(current[key])}",
                current=current[key],
                message=f"the upgrade removes {key!r} but the target still sets it to {current[key]!r}; "
                f"the setting will be ignored{why}",
                remedy=f"Move the intent of {key!r} to its replacement and delete the key before upgrading.",
            )
        elif what == "renamed" and key in current and value not in current:
            yield source.finding(
                "config.renamed_key",
                Severity.MEDIUM,
                key=key,
                text=f"{key} = {json.dumps(current[key])}",
                new_key=value,
                current=current[key],
                message=f"{key!r} is renamed to {value!r} by the upgrade; the target sets only the old name",
                remedy=f"Set {value!r} = {json.dumps(current[key])} before upgrading.",
            )
        elif what == "required" and (key not in current or not same_value(current[key], value)):
            wanted = f"{key} = {json.dumps(value)}"
            remedy = f"Set {wanted} in the target configuration before upgrading."
            if key not in current:
                yield source.finding(
                    "config.required_key_missing",
                    Severity.HIGH,
                    key=key,
                    text=wanted,
                    required=value,
                    message=f"the upgrade requires {wanted} and the target does not set it{why}",
                    remedy=remedy,
                )
            else:
                yield source.finding(
                    "config.required_value_mismatch",
                    Severity.HIGH,
                    key=key,
                    text=wanted,
                    required=value,
                    current=current[key],
                    message=f"the upgrade requires {wanted}; the target has {json.dumps(current[key])}{why}",
                    remedy=remedy,
                )
