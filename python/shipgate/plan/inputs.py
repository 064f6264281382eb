"""What the plan is built from: the new package (its manifest and index), the index of the version that
runs (or of ``--previous``), the target's inventory, the vendor's applicable advisories, the verification's
findings (preflight's reading of scripts, units and migrations), and a negotiated window."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from shipgate.findings import Finding
from shipgate.inventory import Inventory
from shipgate.package.manifest import Manifest
from shipgate.plan.index import PackageIndex
from shipgate.plan.paths import KnownVersion


@dataclass(frozen=True, kw_only=True)
class PlanInputs:
    manifest: Manifest
    index: PackageIndex
    previous: PackageIndex | None = None
    compared_with: str = "nothing"
    inventory: Inventory | None = None
    advisories: tuple[Mapping[str, Any], ...] = ()
    """docs/formats.md §2 advisories that apply to the package (config changes and notices)."""
    findings: tuple[Finding, ...] = ()
    window: timedelta | None = None
    known: tuple[KnownVersion, ...] = ()
    """Versions of the product shipgate has indexed (for the intermediate of a skipped path)."""
    verdict: str | None = None
    files: Mapping[str, bytes] = field(default_factory=dict)
    """The package's scripts, migrations and config as preflight read them (entry path → bytes)."""

    def of(self, *codes: str) -> Iterator[Finding]:
        return (f for f in self.findings if f.code in codes)

    @property
    def running(self) -> str | None:
        if self.inventory is None:
            return None
        return self.inventory.components.get(self.manifest.package.name)

    def config_changes(self) -> Iterator[tuple[str, str, Any, str]]:
        """(what, key, value, source) for removed / renamed / required, from the manifest and advisories."""
        config = self.manifest.config
        for key in config.removed:
            yield "removed", key, None, "manifest"
        for old, new in config.renamed.items():
            yield "renamed", old, new, "manifest"
        for key, value in config.required.items():
            yield "required", key, value, "manifest"
        for a in self.advisories:
            if a.get("kind") != "config-change":
                continue
            source = f"advisory {a.get('id', '?')}"
            for key in a.get("removed") or ():
                yield "removed", str(key), None, source
            renamed = a.get("renamed")
            for old, new in renamed.items() if isinstance(renamed, Mapping) else ():
                yield "renamed", str(old), new, source
            required = a.get("required")
            for key, value in required.items() if isinstance(required, Mapping) else ():
                yield "required", str(key), value, source
