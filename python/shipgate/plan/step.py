"""The plan as a step of verification (``shipgate.verifier``): index the package, find what to compare it
with (``--previous``, else the stored index of the version the inventory says runs), and make the plan.
Also where the index is kept and found again (``shipgate.store.package_index``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from shipgate.archive import ArchiveReport
from shipgate.findings import Finding
from shipgate.inventory import Inventory
from shipgate.package.manifest import Manifest
from shipgate.package.reader import EntryReader
from shipgate.plan.build import make_plan
from shipgate.plan.facts import from_preflight
from shipgate.plan.index import SCHEMA, PackageIndex
from shipgate.plan.indexer import build_index
from shipgate.plan.inputs import PlanInputs
from shipgate.plan.model import Plan
from shipgate.plan.paths import KnownVersion
from shipgate.preflight import PackageFacts, facts


@dataclass(frozen=True, kw_only=True)
class PlanRequest:
    """What the caller adds to the plan: an index to compare with (``--previous``) and a negotiated window."""

    previous: PackageIndex | None = None
    previous_label: str = ""
    window: timedelta | None = None


def save_index(store: Any, index: PackageIndex) -> int:
    """Keep ``index`` in the store (joins the caller's transaction); returns the characters stored."""
    from shipgate.store.package_index import record_index

    stored = record_index(store, sha256=index.sha256, name=index.name, version=index.version, vendor=index.vendor,
                          schema=SCHEMA, body=index.to_stored())
    return stored.size


def stored_index(store: Any, *, name: str, version: str, vendor: str | None) -> PackageIndex | None:
    from shipgate.store.package_index import index_by_version

    found = index_by_version(store, name=name, version=version, vendor=vendor)
    if found is None or found.schema != SCHEMA:
        return None
    return PackageIndex.from_stored(found.body)


def known_versions(store: Any, *, name: str, vendor: str | None) -> tuple[KnownVersion, ...]:
    from shipgate.store.package_index import indexed_versions

    out: dict[str, KnownVersion] = {}
    for s in indexed_versions(store, name=name, vendor=vendor):
        if s.schema == SCHEMA and s.version not in out:
            out[s.version] = KnownVersion(version=s.version,
                                          upgrades_from=PackageIndex.from_stored(s.body).manifest.upgrades_from)
    return tuple(out.values())


def plan_step(
    *,
    report: ArchiveReport,
    reader: EntryReader,
    manifest: Manifest,
    sha256: str,
    files: Mapping[str, bytes],
    findings: Sequence[Finding],
    inventory: Inventory | None,
    advisories: Sequence[Mapping[str, Any]],
    store: Any | None,
    request: PlanRequest | None,
    skip: Iterable[str] = (),
    package_facts: PackageFacts | None = None,
) -> tuple[PackageIndex, Plan]:
    """Index the package and plan its upgrade. ``findings`` are the verification's so far (preflight's
    reading of the package); the plan's own findings are in ``Plan.findings``. ``package_facts`` is
    preflight's parse of ``files`` when the caller has it (else the files are read here)."""
    request = request or PlanRequest()
    if package_facts is None:
        package_facts = facts(manifest, files=dict(files))
    parsed = from_preflight(package_facts, findings, files)
    index = build_index(report, reader, manifest=manifest, sha256=sha256, facts=parsed, skip=skip, texts=files)
    name, vendor = manifest.package.name, manifest.package.vendor
    running = inventory.components.get(name) if inventory else None
    previous, label = request.previous, request.previous_label
    if previous is None and store is not None and running is not None:
        previous = stored_index(store, name=name, version=running, vendor=vendor)
        label = f"the stored index of {name} {running}" if previous else label
    known = known_versions(store, name=name, vendor=vendor) if store is not None else ()
    advisories = [*advisories, *_notices(store, manifest, sha256, {str(a.get("id")) for a in advisories})]
    plan = make_plan(PlanInputs(
        manifest=manifest,
        index=index,
        previous=previous,
        compared_with=label if previous else "nothing (no previous version indexed)",
        inventory=inventory,
        advisories=tuple(advisories),
        findings=tuple(findings),
        window=request.window,
        known=known,
        files=files,
    ))
    return index, plan


def _notices(store: Any | None, manifest: Manifest, sha256: str, have: set[str]) -> list[Mapping[str, Any]]:
    """The vendor's notices that apply to the package (a notice naming a flag documents it)."""
    if store is None:
        return []
    from shipgate.advisories.query import applicable_advisories

    package = manifest.package
    found = applicable_advisories(store, vendor=package.vendor, name=package.name, version=package.version,
                                  sha256=sha256)
    return [a.to_dict() for a in found if a.kind == "notice" and a.to_dict().get("id") not in have]
