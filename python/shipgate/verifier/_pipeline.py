"""The verification pipeline, step by step (numbered as in DESIGN.md's data flow)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shipgate import __version__
from shipgate.archive import ArchiveReport, Limits, StreamedEntries, inspect
from shipgate.errors import MalformedInput, ShipgateError
from shipgate.findings import Finding, Severity
from shipgate.inventory import Inventory, load_inventory
from shipgate.package.checks import check_expected_digests, check_files
from shipgate.package.manifest import MAX_MANIFEST_BYTES, Manifest, parse_manifest
from shipgate.package.profile import PackageProfile
from shipgate.package.reader import EntryReader
from shipgate.plan.step import PlanRequest, plan_step, save_index
from shipgate.policy import Policy
from shipgate.preflight import PackageContents, PreflightOptions, run_preflight
from shipgate.preflight.contents import ScanBudget, scanned_kind
from shipgate.report.model import ArchiveSummary, PackageSummary, Report
from shipgate.verifier._signature import load_trust_config, verify_signature

ARCHIVE_DIGESTS = ("sha256", "blake3")


@dataclass(frozen=True, kw_only=True)
class VerifyRequest:
    """What the caller knows besides the archive. Every field is optional."""

    vendor: str | None = None
    """Whose trust applies; default: the manifest's ``package.vendor``."""
    inventory: Inventory | None = None
    env: Path | None = None
    """An inventory TOML file (FORMATS §3), read when ``inventory`` is not given."""
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
    ``max_total_bytes`` together), so memory does not grow with the archive (DESIGN invariant 5); the
    others are ``preflight.file_skipped``."""
    extra_hooks = {f"profile:{p}": p for p in reader.entries if profile.is_script(p)}
    view = dataclasses.replace(manifest, hooks={**manifest.hooks, **extra_hooks}) if extra_hooks else manifest
    hooks, migrations = tuple(view.hooks.values()), view.migrations
    files: dict[str, bytes] = {}
    skipped: list[Finding] = []
    budget = ScanBudget(options)
    for name in sorted(reader.entries):  # path order, as preflight counts its budget
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


def verify_package(
    archive_path: str | os.PathLike[str],
    *,
    request: VerifyRequest | None = None,
    store: Any | None = None,
    home: Path | None = None,
    progress: Callable[[int], object] | None = None,
) -> Report:
    """Verify one package archive. ``store`` (a :class:`shipgate.store.Store`) gives trust state and
    advisories, and receives the verdict (with both archive digests) and its audit entries; ``home`` holds
    the trust configuration. ``progress(bytes_hashed)`` is called while the archive is hashed."""
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
    findings: list[Finding] = []
    manifest: Manifest | None = None
    manifest_bytes: bytes | None = None
    signature: Mapping[str, Any] | None = None
    plan_result: tuple[Any, Any] | None = None
    vendor = request.vendor
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
    digests = {**request.archive_digests, **report.digests}
    findings.extend(report.findings)
    findings.extend(check_expected_digests(digests, {"sha256": request.expect_sha256, "blake3": request.expect_blake3}))

    if not report.rejected:
        try:
            with EntryReader(report) as reader:
                manifest, manifest_bytes, step_findings = _manifest_step(reader, report, profile, manifest_bytes)
                findings.extend(step_findings)
                vendor = vendor or (manifest.package.vendor if manifest else None)
                if manifest is not None and vendor != manifest.package.vendor:
                    findings.append(_vendor_differs(vendor, manifest))
                records = _advisory_records(store, vendor)
                # 4. The signature over the exact manifest bytes.
                if manifest_bytes is not None:
                    try:
                        outcome = verify_signature(
                            manifest_bytes,
                            reader,
                            profile=profile,
                            vendor=vendor,
                            config=config,
                            store=store,
                            advisories=records,
                            home=home,
                        )
                        signature = outcome.signature
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
                            archive_sha256=digests.get("sha256"),
                        )
                        findings.extend(skipped)
                        applicable, advisory_notes = _advisories(store, vendor, manifest, digests.get("sha256"))
                        findings.extend(advisory_notes)
                        findings.extend(
                            run_preflight(contents, inventory=inventory, advisories=applicable, options=options)
                        )
                    except Exception as exc:
                        findings.append(_internal("preflight", exc))
                    else:
                        # 6b. The package index and the upgrade plan (shipgate.plan, docs/plan.md).
                        try:
                            plan_result = plan_step(
                                report=report, reader=reader, manifest=manifest, sha256=digests["sha256"],
                                files=contents.files, findings=findings, inventory=inventory,
                                advisories=applicable, store=store, request=request.plan,
                                skip=profile.unlisted_allowed,
                            )
                            findings.extend(plan_result[1].findings)
                        except Exception as exc:
                            findings.append(_internal("plan", exc))
        except Exception as exc:  # an unreadable entry or a defect: a finding (DENY), never a traceback
            findings.append(_internal("package", exc))

    # 7. Policy.
    package = (
        PackageSummary(name=manifest.package.name, version=manifest.package.version, vendor=manifest.package.vendor)
        if manifest
        else None
    )
    decision = policy.decide(
        findings,
        vendor=vendor,
        package=package.name if package else None,
        version=package.version if package else None,
    )
    findings.extend(decision.findings)
    result = Report(
        verdict=decision.verdict.label,  # type: ignore[arg-type]
        archive=ArchiveSummary(
            path=request.display_name or path, size=report.size, entries=report.totals.entries, digests=digests
        ),
        package=package,
        vendor=vendor,
        findings=tuple(findings),
        signature=signature,
        reasons=tuple(r.to_dict() for r in decision.reasons),
        applied_waivers=tuple(w.to_dict() for w in decision.applied_waivers),
        policy=policy.source,
        shipgate_version=__version__,
        plan=dataclasses.replace(plan_result[1], verdict=decision.verdict.label) if plan_result else None,
        index=plan_result[0] if plan_result else None,
    )
    # 8. Store the verdict by digest, audited, with the waivers that shaped it (and the package index).
    if store is not None:
        from shipgate.verifier._record import record_verdict

        with store.transaction():
            record_verdict(store, result, actor=request.actor)
            if result.index is not None:
                save_index(store, result.index)
    return result


def _vendor_differs(vendor: str | None, manifest: Manifest) -> Finding:
    return Finding(
        code="manifest.vendor_differs",
        severity=Severity.INFO,
        path="package.vendor",
        message=f"the manifest names vendor {manifest.package.vendor!r}; the trust of {vendor!r} (--vendor) was "
        "used for the signature",
        remedy="Make sure the package really comes from the vendor given with --vendor.",
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
                    remedy="Ask the vendor for a complete package (FORMATS §1: manifest.json at the root).",
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
                    remedy="Ask the vendor for a manifest that follows the package format (FORMATS §1).",
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
    store: Any | None, vendor: str | None, manifest: Manifest, sha256: str | None
) -> tuple[list[Mapping[str, Any]], list[Finding]]:
    """Step 5: the vendor's stored advisories that apply to this package, matched once (by name and
    version, or by archive digest): withdrawals, notices, CSAF matches and a stale feed are findings here;
    config changes go to preflight, which compares them with the target's configuration."""
    if store is None or vendor is None:
        return [], []
    from shipgate.advisories.query import applicable_advisories, feed_findings, findings_for

    name, version = manifest.package.name, manifest.package.version
    applicable = applicable_advisories(store, vendor=vendor, name=name, version=version, sha256=sha256)
    config_changes: list[Mapping[str, Any]] = [a.to_dict() for a in applicable if a.kind == "config-change"]
    return config_changes, findings_for(applicable, name=name, version=version) + feed_findings(store, vendor)


def _advisory_records(store: Any | None, vendor: str | None) -> list[Any]:
    if store is None or vendor is None:
        return []
    return list(store.advisories(vendor))
