"""Domain objects to ``shipgate.v1`` messages and back (reports, verdicts, trust changes, feeds)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from shipgate.admission.decision import Decision
from shipgate.findings import Finding, Severity
from shipgate.store import FeedState, TrustChange, VerdictRecord
from shipgate.v1 import admin_service_pb2, report_pb2, shipgate_service_pb2

VERDICT_TO_PB: dict[str, report_pb2.Verdict.ValueType] = {
    "allow": report_pb2.VERDICT_ALLOW,
    "warn": report_pb2.VERDICT_WARN,
    "deny": report_pb2.VERDICT_DENY,
}
VERDICT_FROM_PB = {v: k for k, v in VERDICT_TO_PB.items()}


def verdict_to_pb(verdict: str) -> report_pb2.Verdict.ValueType:
    """``allow``/``warn``/``deny``; anything else (no verdict stored) is VERDICT_UNSPECIFIED."""
    return VERDICT_TO_PB.get(verdict, report_pb2.VERDICT_UNSPECIFIED)


SEVERITY_TO_PB: dict[Severity, report_pb2.Severity.ValueType] = {
    Severity.INFO: report_pb2.SEVERITY_INFO,
    Severity.LOW: report_pb2.SEVERITY_LOW,
    Severity.MEDIUM: report_pb2.SEVERITY_MEDIUM,
    Severity.HIGH: report_pb2.SEVERITY_HIGH,
    Severity.CRITICAL: report_pb2.SEVERITY_CRITICAL,
}


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def finding_message(data: Mapping[str, Any]) -> report_pb2.Finding:
    evidence = data.get("evidence")
    return report_pb2.Finding(
        code=str(data["code"]),
        severity=SEVERITY_TO_PB[Severity.parse(str(data["severity"]))],
        path=str(data.get("path") or ""),
        message=str(data.get("message") or ""),
        remedy=str(data.get("remedy") or ""),
        evidence_json=_json(evidence) if evidence else "",
    )


def finding_of(message: report_pb2.Finding) -> Finding:
    return Finding(
        code=message.code,
        severity=Severity(int(message.severity) - 1),
        path=message.path,
        message=message.message,
        remedy=message.remedy,
        evidence=json.loads(message.evidence_json) if message.evidence_json else {},
    )


def report_message(report: Mapping[str, Any]) -> report_pb2.Report:
    """A ``Report`` message from the docs/formats.md §4 dict (``Report.to_dict()``), carrying that JSON too."""
    package = report.get("package") or {}
    archive = report.get("archive") or {}
    signature = report.get("signature")
    out = report_pb2.Report(
        schema=str(report.get("schema", "")),
        verdict=VERDICT_TO_PB[str(report["verdict"])],
        package=report_pb2.PackageInfo(
            name=str(package.get("name") or ""),
            version=str(package.get("version") or ""),
            vendor=str(package.get("vendor") or ""),
        ),
        archive=report_pb2.ArchiveInfo(
            size=int(archive.get("size") or 0),
            entries=int(archive.get("entries") or 0),
            digests={str(k): str(v) for k, v in (archive.get("digests") or {}).items()},
        ),
        findings=[finding_message(f) for f in report.get("findings") or ()],
        json=json.dumps(report, ensure_ascii=False),
    )
    if isinstance(signature, Mapping):
        chain = signature.get("chain") or []
        out.signature.CopyFrom(
            report_pb2.SignatureInfo(
                signer=str(signature.get("signer") or ""),
                chain=[str(c) for c in chain] if isinstance(chain, list) else [],
                root=str(signature.get("root") or ""),
                trusted_because=str(signature.get("trusted_because") or ""),
            )
        )
    return out


def _timestamp(moment: datetime | None) -> Timestamp | None:
    if moment is None:
        return None
    ts = Timestamp()
    ts.FromDatetime(moment.astimezone(UTC))
    return ts


def verdict_message(record: VerdictRecord) -> report_pb2.StoredVerdict:
    """A ``StoredVerdict`` from a :class:`shipgate.store.VerdictRecord`."""
    out = report_pb2.StoredVerdict(
        sha256=record.sha256,
        blake3=record.blake3 or "",
        package=report_pb2.PackageInfo(name=record.package_name, version=record.package_version, vendor=record.vendor),
        verdict=VERDICT_TO_PB[record.verdict],
        findings=[finding_message(f.to_dict()) for f in record.findings],
        policy_id=record.policy_id,
        verifier_version=record.verifier_version,
        created=_timestamp(record.created),
        expires=_timestamp(record.expires),
        expired=record.is_expired(),
    )
    return out


def trust_change_message(change: TrustChange) -> admin_service_pb2.TrustChange:
    return admin_service_pb2.TrustChange(
        vendor=change.vendor,
        version=change.version,
        kind=change.kind,
        payload_json=_json(dict(change.payload)),
        actor=change.actor,
        reason=change.reason,
        advisory_id=change.advisory_id or "",
        created=_timestamp(change.created),
    )


def feed_message(state: FeedState) -> admin_service_pb2.FeedStatus:
    return admin_service_pb2.FeedStatus(
        vendor=state.vendor,
        feed_version=state.feed_version,
        digest=state.digest,
        issued=_timestamp(state.issued),
        expires=_timestamp(state.expires),
        fetched=_timestamp(state.fetched),
        source=state.source,
        stale=state.is_stale(),
    )


def admit_response(decision: Decision) -> shipgate_service_pb2.AdmitResponse:
    """An ``AdmitResponse`` from an admission answer."""
    return shipgate_service_pb2.AdmitResponse(
        allowed=decision.allowed,
        verdict=VERDICT_TO_PB.get(decision.verdict, report_pb2.VERDICT_UNSPECIFIED),
        reason=decision.reason,
        sha256=decision.sha256,
        cause=decision.cause,
        advisory=decision.advisory or "",
        waivers_json=[_json(w) for w in decision.waivers],
        evidence=decision.evidence,
    )


def decision_of(answer: Any) -> Decision:
    """The admission answer an ``AdmitResponse`` carries (what ``shipgate admit --server`` prints)."""
    from shipgate.admission.decision import CAUSES

    return Decision(
        allowed=answer.allowed,
        verdict=VERDICT_FROM_PB.get(answer.verdict, ""),
        reason=answer.reason,
        sha256=answer.sha256,
        cause=answer.cause if answer.cause in CAUSES else ("allowed" if answer.allowed else "denied"),
        advisory=answer.advisory or None,
        waivers=tuple(json.loads(w) for w in answer.waivers_json),
        evidence=answer.evidence or "stored verdict",
    )
