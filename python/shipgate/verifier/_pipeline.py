"""The verification pipeline, step by step (numbered as in docs/architecture.md's data flow)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shipgate import __version__
from shipgate.archive import ArchiveReport, Limits, StreamedEntries, inspect
from shipgate.errors import MalformedInput, ShipgateError
from shipgate.findings import Finding, Severity
from shipgate.inventory import Inventory, load_inventory
from shipgate.package.checks import check_expected_digests, check_files
from shipgate.package.manifest import MAX_MANIFEST_BYTES, Manifest, parse_manifest
from shipgate.package.profile import PackageProfile
from shipgate.package.reader import EntryReader
from shipgate.plan.index import PackageIndex
from shipgate.plan.model import Plan
from shipgate.plan.step import PlanRequest, plan_step, save_index
from shipgate.policy import Policy
from shipgate.preflight import PackageContents, PreflightOptions, preflight_and_facts
from shipgate.preflight.contents import ScanBudget, scanned_kind
from shipgate.preflight.scan_order import budget_order
from shipgate.report.model import ArchiveSummary, PackageSummary, Report
from shipgate.trust.config import TrustConfig
from shipgate.verifier._basis import StateSeen, basis, inventory_digest, not_recorded_because
from shipgate.verifier._signature import load_trust_config, verify_signature

if TYPE_CHECKING:
    from shipgate.store import Store

ARCHIVE_DIGESTS = ("sha256", "blake3")


@dataclass(frozen=True, kw_only=True)
class VerifyRequest:
    """What the caller knows besides the archive. Every field is optional."""

    vendor: str | None = None
    """Whose trust applies; default: the manifest's ``package.vendor``."""
    inventory: Inventory | None = None
    env: Path | None = None
    """An inventory TOML file (docs/formats.md §3), read when ``inventory`` is not given."""
    policy: Policy | None = None
    policy_path: Path | None = None
    profile: PackageProfile | None = None
    expect_sha256: str | None = None
    expect_blake3: str | None = None
    archive_digests: Mapping[str, str] = field(default_factory=dict)
    """Whole-archive digests the caller already computed (the service hashes while the upload streams);
    the ones given are not computed again."""
    actor: str = "verify"
    display_name: str | None = None
    """The archive's name in the report and the audit, when the path read is not one a person knows (the
    service's spool file: the client's file name instead)."""
    direct_io: bool = False
    """Read the archive with ``O_DIRECT``, bypassing the page cache (the service's spool: written once,
    read once)."""
    streamed: StreamedEntries | None = None
    """The stored entries the service's spool writer verified while the upload streamed in (for the spool
    file only: they are taken as that file's bytes)."""
    limits: Limits | None = None
    preflight: PreflightOptions | None = None
    plan: PlanRequest | None = None
    """What to compare the package with and a negotiated window, for its upgrade plan (docs/plan.md)."""
    record: bool = True
    """Store the verdict (the store is read either way: ``--no-store`` only does not record)."""


def _internal(step: str, exc: BaseException) -> Finding:
    return Finding(
        code="package.check_failed",
        severity=Severity.CRITICAL,
        path="",
        message=f"the {step} step failed on this input ({type(exc).__name__}: {exc}); the package cannot be judged",
        remedy="Do not install; report the archive to the shipgate maintainers with this message.",
        evidence={"step": step, "error": type(exc).__name__},
    )


def _manifest_digests(manifest_bytes: bytes | None) -> list[str]:
    """The per-entry algorithms the manifest's files[] use (a superset: any key spelled like one), so the
    inspector computes exactly those; SHA-256 when the manifest is unreadable or names none."""
    if not manifest_bytes:
        return ["sha256"]
    wanted = [a for a in ("sha256", "blake3", "sha512") if f'"{a}"'.encode() in manifest_bytes]
    return wanted or ["sha256"]


def _mtimes(report: ArchiveReport) -> dict[str, datetime]:
    out: dict[str, datetime] = {}
    for e in report.entries:
        if e.mtime is not None and not e.is_dir:
            try:
                out[e.name] = datetime.fromtimestamp(e.mtime, UTC)
            except (OverflowError, OSError, ValueError):
                continue
    return out


def _contents(
    reader: EntryReader,
    *,
    manifest: Manifest,
    profile: PackageProfile,
    report: ArchiveReport,
    options: PreflightOptions,
    archive_sha256: str | None,
) -> tuple[PackageContents, list[Finding]]:
    """The files preflight scans, read within its budget (``PreflightOptions.max_file_bytes`` each,
    ``max_total_bytes`` together), so memory does not grow with the archive (docs/architecture.md invariant 5); the
    others are ``preflight.file_skipped``."""
    extra_hooks = {f"profile:{p}": p for p in reader.entries if profile.is_script(p)}
    view = dataclasses.replace(manifest, hooks={**manifest.hooks, **extra_hooks}) if extra_hooks else manifest
    hooks, migrations = tuple(view.hooks.values()), view.migrations
    files: dict[str, bytes] = {}
    skipped: list[Finding] = []
    budget = ScanBudget(options)
    for name in budget_order(reader.entries):  # the order preflight counts its budget in (scan_order)
        entry = reader.entries[name]
        if name in profile.unlisted_allowed or entry.is_symlink:
            continue
        if entry.uncompressed_size == 0:
            continue
        # Content decides (text vs binary, shebang), not the name: every text entry is read.
        kind = scanned_kind(name, reader.head(name), hooks=hooks, migrations=migrations)
        if kind is None:
            continue  # binary content (the package layer checks its digest) or the manifest's own files
        over = budget.admit(name, entry.uncompressed_size)
        if over is not None:
            skipped.append(over)
            continue
        files[name] = reader.read(name, limit=options.max_file_bytes)
    contents = PackageContents(manifest=view, files=files, mtimes=_mtimes(report), archive_sha256=archive_sha256)
    return contents, skipped


@dataclass(kw_only=True)
class _PackageSteps:
    """What steps 4-6 found out about the package besides its findings."""

    manifest: Manifest | None = None
    vendor: str | None = None
    signature: Mapping[str, Any] | None = None
    seen: StateSeen = field(default_factory=StateSeen)
    advisories: list[str] = field(default_factory=list)
    index: PackageIndex | None = None
    plan: Plan | None = None


def verify_package(
    archive_path: str | os.PathLike[str],
    *,
    request: VerifyRequest | None = None,
    store: Store | None = None,
    home: Path | None = None,
    progress: Callable[[int], object] | None = None,
) -> Report:
    """Verify one package archive. ``store`` gives trust state and advisories, and receives the verdict
    (with both archive digests, what it rests on, and its audit entries) unless ``request.record`` is
    False or the request itself was at fault; ``home`` holds the trust configuration.
    ``progress(bytes_hashed)`` is called while the archive is hashed."""
    request = request or VerifyRequest()
    path = os.fspath(archive_path)
    if not os.path.isfile(path):
        raise MalformedInput(f"{path}: not a readable file")
    # 0. Operator inputs first: a broken inventory or policy is a usage error, reported before any work.
    inventory = request.inventory or (load_inventory(request.env) if request.env else None)
    policy = request.policy or (Policy.load(request.policy_path) if request.policy_path else Policy.default())
    profile = request.profile or PackageProfile.default()
    config = load_trust_config(home)
    options = request.preflight or PreflightOptions()

    # 1. Whole-archive digests (in a thread, during step 3) unless the caller already has them.
    missing = [a for a in ARCHIVE_DIGESTS if a not in request.archive_digests]
    report, manifest_bytes = _inspect_archive(
        path, request=request, profile=profile, missing=missing, progress=progress
    )
    findings: list[Finding] = []
    digests = {**request.archive_digests, **report.digests}
    findings.extend(report.findings)
    findings.extend(
        check_expected_digests(digests, {"sha256": request.expect_sha256, "blake3": request.expect_blake3})
    )
    steps = _PackageSteps(vendor=request.vendor)
    if not report.rejected:
        steps = _package_steps(
            report,
            request=request,
            profile=profile,
            early=manifest_bytes,
            config=config,
            store=store,
            home=home,
            inventory=inventory,
            options=options,
            sha256=digests.get("sha256"),
            findings=findings,
        )

    # 7. Policy.
    manifest = steps.manifest
    package = (
        PackageSummary(name=manifest.package.name, version=manifest.package.version, vendor=manifest.package.vendor)
        if manifest
        else None
    )
    decision = policy.decide(
        findings,
        vendor=steps.vendor,
        package=package.name if package else None,
        version=package.version if package else None,
        sha256=digests.get("sha256"),
    )
    findings.extend(decision.findings)
    not_recorded = not_recorded_because(findings, record=request.record)
    waivers = tuple(w.to_dict() for w in decision.applied_waivers)
    result = Report(
        verdict=decision.verdict,
        archive=ArchiveSummary(
            path=request.display_name or path, size=report.size, entries=report.totals.entries, digests=digests
        ),
        package=package,
        vendor=steps.vendor,
        findings=tuple(findings),
        signature=steps.signature,
        reasons=tuple(r.to_dict() for r in decision.reasons),
        applied_waivers=waivers,
        policy=policy.source,
        shipgate_version=__version__,
        plan=dataclasses.replace(steps.plan, verdict=decision.verdict.label) if steps.plan else None,
        index=steps.index,
        basis=basis(
            policy_digest=policy.digest,
            env_digest=inventory_digest(inventory),
            seen=steps.seen,
            signature=steps.signature,
            advisories=steps.advisories,
            waivers=waivers,
            not_recorded=not_recorded if store is not None else "not recorded (no state store)",
        ),
    )
    # 8. Store the verdict by digest with what it rests on, audited, with the waivers that shaped it.
    if store is not None and not_recorded is None:
        from shipgate.verifier._record import record_verdict

        with store.transaction():
            record_verdict(store, result, actor=request.actor)
            if result.index is not None:
                save_index(store, result.index)
    return result


def _inspect_archive(
    path: str,
    *,
    request: VerifyRequest,
    profile: PackageProfile,
    missing: list[str],
    progress: Callable[[int], object] | None,
) -> tuple[ArchiveReport, bytes | None]:
    """Steps 2 and 3 of :func:`verify_package`: the archive inspected, and the manifest's bytes when its
    structure made them safe to read."""
    manifest_bytes: bytes | None = None
    try:
        # 2. Structure first (fast, no inflation): is it safe to read the manifest at all?
        structure = inspect(path, limits=request.limits, verify=False, direct=request.direct_io)
        if not structure.rejected and profile.manifest in {e.name for e in structure.entries}:
            try:
                with EntryReader(structure) as reader:
                    manifest_bytes = reader.read(profile.manifest, limit=MAX_MANIFEST_BYTES + 1)
            except ShipgateError:
                manifest_bytes = None  # reported below once the full inspection has run
        # 3. Every entry inflated, CRC-checked and hashed with the algorithms the manifest uses (an archive
        #    already ambiguous is denied on its structure: nothing in it is read, only the file hashed).
        report = inspect(
            path,
            limits=request.limits,
            digests=_manifest_digests(manifest_bytes),
            archive_digests=missing,
            verify=not structure.rejected,
            progress=progress,
            direct=request.direct_io,
            streamed=request.streamed,
            flags=True,  # the binaries' flag strings, for the package index (docs/plan.md)
        )
    except OSError as exc:
        raise MalformedInput(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return report, manifest_bytes


def _package_steps(
    report: ArchiveReport,
    *,
    request: VerifyRequest,
    profile: PackageProfile,
    early: bytes | None,
    config: TrustConfig,
    store: Store | None,
    home: Path | None,
    inventory: Inventory | None,
    options: PreflightOptions,
    sha256: str | None,
    findings: list[Finding],
) -> _PackageSteps:
    """Steps 4-6 on an archive safe to read; their findings go to ``findings``."""
    steps = _PackageSteps(vendor=request.vendor)
    try:
        with EntryReader(report) as reader:
            manifest, manifest_bytes, step_findings = _manifest_step(reader, report, profile, early)
            findings.extend(step_findings)
            steps.manifest = manifest
            steps.vendor = steps.vendor or (manifest.package.vendor if manifest else None)
            if manifest is not None and steps.vendor != manifest.package.vendor:
                findings.append(_vendor_differs(steps.vendor, manifest))
            # The vendor's state generation first: a change committed after this read supersedes the verdict.
            steps.seen = StateSeen.read(store, steps.vendor)
            records = _advisory_records(store, steps.vendor)
            # 4. The signature over the exact manifest bytes.
            if manifest_bytes is not None:
                try:
                    outcome = verify_signature(
                        manifest_bytes,
                        reader,
                        profile=profile,
                        vendor=steps.vendor,
                        config=config,
                        store=store,
                        advisories=records,
                        home=home,
                    )
                    steps.signature = outcome.signature
                    findings.extend(outcome.findings)
                except Exception as exc:
                    findings.append(_internal("signature", exc))
            # 5-6. Advisories and preflight against the target environment.
            if manifest is not None:
                try:
                    contents, skipped = _contents(
                        reader,
                        manifest=manifest,
                        profile=profile,
                        report=report,
                        options=options,
                        archive_sha256=sha256,
                    )
                    findings.extend(skipped)
                    applicable, advisory_notes, steps.advisories = _advisories(store, steps.vendor, manifest, sha256)
                    findings.extend(advisory_notes)
                    found, package_facts = preflight_and_facts(
                        contents, inventory=inventory, advisories=applicable, options=options
                    )
                    findings.extend(found)
                except Exception as exc:
                    findings.append(_internal("preflight", exc))
                else:
                    # 6b. The package index and the upgrade plan (shipgate.plan, docs/plan.md).
                    try:
                        steps.index, steps.plan = plan_step(
                            report=report,
                            reader=reader,
                            manifest=manifest,
                            sha256=sha256 or "",
                            files=contents.files,
                            findings=findings,
                            inventory=inventory,
                            advisories=applicable,
                            store=store,
                            request=request.plan,
                            skip=profile.unlisted_allowed,
                            package_facts=package_facts,
                        )
                        findings.extend(steps.plan.findings)
                    except Exception as exc:
                        findings.append(_internal("plan", exc))
    except Exception as exc:  # an unreadable entry or a defect: a finding (DENY), never a traceback
        findings.append(_internal("package", exc))
    return steps


def _vendor_differs(vendor: str | None, manifest: Manifest) -> Finding:
    return Finding(
        code="manifest.vendor_differs",
        severity=Severity.HIGH,
        path="package.vendor",
        message=f"the signed manifest names vendor {manifest.package.vendor!r}, not {vendor!r} as the caller "
        "said (--vendor); the package is not that vendor's, and nothing is recorded",
        remedy="Verify the package without --vendor (the manifest's vendor applies), or ask why it is not "
        "the vendor you expected.",
        evidence={"file": "manifest.json", "manifest_vendor": manifest.package.vendor, "vendor": vendor},
    )


def _manifest_step(
    reader: EntryReader, report: ArchiveReport, profile: PackageProfile, early: bytes | None
) -> tuple[Manifest | None, bytes | None, list[Finding]]:
    name = profile.manifest
    if name not in reader:
        return (
            None,
            None,
            [
                Finding(
                    code="manifest.missing",
                    severity=Severity.CRITICAL,
                    path=name,
                    message=f"the archive has no {name}: nothing says what the package should contain",
                    remedy="Ask the vendor for a complete package (docs/formats.md §1: manifest.json at the root).",
                    evidence={"file": name},
                )
            ],
        )
    try:
        # Read again from the fully verified archive: the digest check ties these bytes to the verified entry.
        data = reader.read(name, limit=MAX_MANIFEST_BYTES + 1)
    except ShipgateError as exc:
        code = "manifest.too_large" if "more than" in str(exc) else "manifest.unreadable"
        return (
            None,
            None,
            [
                Finding(
                    code=code,
                    severity=Severity.HIGH,
                    path=name,
                    message=f"{name}: {exc.diagnostics()}",
                    remedy="Ask the vendor for a manifest that follows the package format (docs/formats.md §1).",
                    evidence={"file": name},
                )
            ],
        )
    del early
    manifest, findings = parse_manifest(data)
    if manifest is not None:
        findings.extend(check_files(manifest, report, profile))
    return manifest, data, findings


def _advisories(
    store: Store | None, vendor: str | None, manifest: Manifest, sha256: str | None
) -> tuple[list[Mapping[str, Any]], list[Finding], list[str]]:
    """Step 5: the vendor's stored advisories that apply to this package, matched once (by name and
    version, or by archive digest): withdrawals, notices, CSAF matches and a stale feed are findings here;
    config changes go to preflight, which compares them with the target's configuration."""
    if store is None or vendor is None:
        return [], [], []
    from shipgate.advisories.query import applicable_advisories, feed_findings, findings_for

    name, version = manifest.package.name, manifest.package.version
    applicable = applicable_advisories(store, vendor=vendor, name=name, version=version, sha256=sha256)
    config_changes: list[Mapping[str, Any]] = [a.to_dict() for a in applicable if a.kind == "config-change"]
    notes = findings_for(applicable, name=name, version=version) + feed_findings(store, vendor)
    return config_changes, notes, [a.id for a in applicable]


def _advisory_records(store: Store | None, vendor: str | None) -> list[Any]:
    if store is None or vendor is None:
        return []
    return list(store.advisories(vendor))
