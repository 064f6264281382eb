"""Step 8: the verdict stored by archive digest, and the waivers that shaped it audited, atomically."""

from __future__ import annotations

from typing import Any

from shipgate.report.model import Report
from shipgate.store import VerdictRecord


def record_verdict(store: Any, report: Report, *, actor: str) -> VerdictRecord:
    digests = report.archive.digests
    package = report.package
    record = VerdictRecord(
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
    with store.transaction() as tx:
        stored: VerdictRecord = tx.put_verdict(record, actor=actor, reason=f"shipgate verify {report.archive.path}")
        for waiver in report.applied_waivers:
            tx.append_audit(
                actor=actor,
                action="policy.waiver_applied",
                subject=digests["sha256"],
                details={"waiver": waiver, "verdict": report.verdict},
            )
    return stored
