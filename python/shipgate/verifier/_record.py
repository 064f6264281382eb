"""Step 8: the verdict stored by archive digest with what it rests on, and the waivers that shaped it
audited, atomically."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from shipgate.report.model import Report
from shipgate.store.records import Evidence, VerdictRecord, parse_time

if TYPE_CHECKING:
    from shipgate.store import Store


def _earliest_waiver_expiry(waivers: tuple[Mapping[str, Any], ...]) -> datetime | None:
    """A verdict that rests on waivers holds only until the first of them expires."""
    times = [parse_time(str(w["waiver"]["expires"])) for w in waivers if "expires" in w.get("waiver", {})]
    return min(times) if times else None


def verdict_record(report: Report) -> VerdictRecord:
    digests = report.archive.digests
    package = report.package
    basis = report.basis or {}
    return VerdictRecord(
        sha256=digests["sha256"],
        blake3=digests.get("blake3"),
        package_name=package.name if package else "",
        package_version=package.version if package else "",
        vendor=(package.vendor if package else "") or (report.vendor or ""),
        verdict=report.verdict,
        findings=report.findings,
        policy_id=report.policy,
        verifier_version=report.shipgate_version,
        expires=_earliest_waiver_expiry(report.applied_waivers),
        policy_digest=str(basis.get("policy_digest") or ""),
        env_digest=str(basis.get("env_digest") or ""),
        trust_version=int(basis.get("trust_version") or 0),
        feed_version=basis.get("feed_version"),
        evidence=Evidence.from_dict(basis.get("evidence") or {}),
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
