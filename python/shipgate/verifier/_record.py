"""Step 8: the verdict stored by archive digest with what it rests on, and the waivers that shaped it
audited, atomically."""

from __future__ import annotations

from typing import TYPE_CHECKING

from shipgate.report.model import Report
from shipgate.store.records import VerdictRecord

if TYPE_CHECKING:
    from shipgate.store import Store


def verdict_record(report: Report) -> VerdictRecord:
    digests = report.archive.digests
    package = report.package
    return VerdictRecord.from_basis(
        report.basis or {},
        sha256=digests["sha256"],
        blake3=digests.get("blake3"),
        package_name=package.name if package else "",
        package_version=package.version if package else "",
        vendor=(package.vendor if package else "") or (report.vendor or ""),
        verdict=report.verdict,
        findings=report.findings,
        policy_id=report.policy,
        verifier_version=report.shipgate_version,
    )


def record_verdict(store: Store, report: Report, *, actor: str) -> VerdictRecord:
    digests = report.archive.digests
    with store.transaction() as tx:
        stored = tx.put_verdict(verdict_record(report), actor=actor, reason=f"shipgate verify {report.archive.path}")
        for waiver in report.applied_waivers:
            tx.append_audit(
                actor=actor,
                action="policy.waiver_applied",
                subject=digests["sha256"],
                details={"waiver": waiver, "verdict": report.verdict.value, "owner": waiver["waiver"].get("owner")},
            )
    return stored
