"""The verification report: the verdict, what was verified, and every finding with its evidence.

``Report.to_dict()`` is the JSON of docs/formats.md §4 (schema ``shipgate.report/v1``); the extra keys
(``reasons``, ``applied_waivers``, ``policy``, ``verified_at``, ``shipgate_version``, ``basis``) are
additions a forward-compatible reader ignores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from shipgate.findings import Finding, by_severity
from shipgate.plan.index import PackageIndex
from shipgate.plan.model import Plan
from shipgate.verdict import Verdict

SCHEMA = "shipgate.report/v1"

@dataclass(frozen=True, kw_only=True)
class PackageSummary:
    name: str
    version: str
    vendor: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "vendor": self.vendor}


@dataclass(frozen=True, kw_only=True)
class ArchiveSummary:
    path: str
    size: int
    entries: int
    digests: Mapping[str, str] = field(default_factory=dict)
    """Digests of the whole archive file (``sha256``, ``blake3``)."""

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "entries": self.entries, "digests": dict(self.digests)}


@dataclass(frozen=True, kw_only=True)
class Report:
    verdict: Verdict
    archive: ArchiveSummary
    package: PackageSummary | None = None
    vendor: str | None = None
    """The vendor whose trust applied (``--vendor``, else the manifest's)."""
    findings: tuple[Finding, ...] = ()
    signature: Mapping[str, Any] | None = None
    reasons: tuple[Mapping[str, Any], ...] = ()
    """Why the verdict is warn or deny: one entry per finding that counted, with the rule that judged it."""
    applied_waivers: tuple[Mapping[str, Any], ...] = ()
    policy: str = "default policy"
    verified_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    shipgate_version: str = ""
    plan: Plan | None = None
    """The upgrade plan (docs/plan.md), when the manifest could be read."""
    index: PackageIndex | None = field(default=None, compare=False, repr=False)
    """The package index the plan was made from (kept in the store; not part of the report's JSON)."""
    basis: Mapping[str, Any] | None = None
    """What the verdict rests on: policy and environment digests, trust and feed versions, evidence
    (``shipgate.verifier._basis``), and why it was not recorded when it was not."""

    def __post_init__(self) -> None:
        if not isinstance(self.verdict, Verdict):  # a report read back from JSON carries the word
            object.__setattr__(self, "verdict", Verdict.parse(str(self.verdict)))

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def sorted_findings(self) -> list[Finding]:
        return by_severity(self.findings)

    def to_dict(self) -> dict[str, Any]:
        package = self.package.to_dict() if self.package else {"name": "", "version": "", "vendor": self.vendor or ""}
        return {
            "schema": SCHEMA,
            "verdict": self.verdict.value,
            "package": package,
            "archive": self.archive.to_dict(),
            "findings": [f.to_dict() for f in self.sorted_findings()],
            "signature": dict(self.signature) if self.signature is not None else None,
            "reasons": [dict(r) for r in self.reasons],
            "applied_waivers": [dict(w) for w in self.applied_waivers],
            "policy": self.policy,
            "verified_at": self.verified_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "shipgate_version": self.shipgate_version,
            "plan": self.plan.to_dict() if self.plan else None,
            "basis": dict(self.basis) if self.basis is not None else None,
        }
