"""The policy model: actions, rules, waivers, and the decision over a set of findings.

How one finding is judged, in order:
1. an unexpired waiver whose code and scope match → allow (recorded in ``applied_waivers``); a trust or
   structure floor (``shipgate.policy.waiver.is_hard_floor``) only when the waiver names the exact archive
   sha256, any other scope is refused (``policy.waiver_refused``);
2. a safe floor (unsigned, unknown issuer, revoked, withdrawn, any high/critical ``zip.*`` or ``trust.*``,
   any ``manifest.*``, anything critical) → deny; policy rules cannot relax a floor, only a waiver can;
3. the first policy rule whose code glob and minimum severity match → its action;
4. the severity table (default: critical/high → deny, medium → warn, low/info → allow).
The verdict is the strongest action over all findings: any deny wins, then warn, else allow.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, TypedDict

from shipgate.findings import Finding, Severity
from shipgate.policy.waiver import (
    AppliedWaiver,
    Waiver,
    applied_finding,
    code_matches,
    expired_finding,
    refused_finding,
)
from shipgate.verdict import Verdict

# The verdict of a decision is the strongest action over its findings: the same three words, one enum.
Action = Verdict


@dataclass(frozen=True, kw_only=True)
class Rule:
    code: str
    action: Action
    min_severity: Severity = Severity.INFO
    why: str = ""

    def matches(self, finding: Finding) -> bool:
        return finding.severity >= self.min_severity and code_matches(self.code, finding.code)

    def describe(self) -> str:
        at = f" at {self.min_severity.label} or above" if self.min_severity > Severity.INFO else ""
        return f"{self.code}{at} → {self.action.label}"


# Safe floors: deny whatever the policy's rules say. Only a scoped, expiring, audited waiver lifts one.
SAFE_FLOORS: tuple[Rule, ...] = (
    Rule(code="trust.no_signature", action=Action.DENY, why="unsigned package"),
    Rule(code="trust.unsigned*", action=Action.DENY, why="unsigned package"),
    Rule(code="trust.unknown_issuer", action=Action.DENY, why="signed by an issuer no pinned root vouches for"),
    Rule(code="trust.revoked*", action=Action.DENY, why="revoked certificate"),
    Rule(code="*.revoked*", action=Action.DENY, why="revoked"),
    Rule(code="*.withdrawn*", action=Action.DENY, why="withdrawn by the vendor"),
    Rule(
        code="manifest.*",
        action=Action.DENY,
        min_severity=Severity.LOW,
        why="the manifest is malformed or does not match the archive",
    ),
    Rule(code="zip.*", action=Action.DENY, min_severity=Severity.HIGH, why="archive ambiguity or damage"),
    Rule(code="trust.*", action=Action.DENY, min_severity=Severity.HIGH, why="the signature cannot be trusted"),
    Rule(code="*", action=Action.DENY, min_severity=Severity.CRITICAL, why="critical finding"),
)

DEFAULT_SEVERITY_ACTIONS: Mapping[Severity, Action] = {
    Severity.CRITICAL: Action.DENY,
    Severity.HIGH: Action.DENY,
    Severity.MEDIUM: Action.WARN,
    Severity.LOW: Action.ALLOW,
    Severity.INFO: Action.ALLOW,
}


@dataclass(frozen=True, kw_only=True)
class Reason:
    """Why one finding counts: its action and the rule that gave it."""

    finding: Finding
    action: Action
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.finding.code,
            "severity": self.finding.severity.label,
            "path": self.finding.path,
            "action": self.action.label,
            "rule": self.rule,
        }


@dataclass(frozen=True, kw_only=True)
class Decision:
    verdict: Verdict
    applied_waivers: tuple[AppliedWaiver, ...] = ()
    # Every finding that made the verdict warn or deny, strongest first.
    reasons: tuple[Reason, ...] = ()
    # Findings the decision adds: policy.waiver_applied and policy.waiver_expired (info).
    findings: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.label,
            "reasons": [r.to_dict() for r in self.reasons],
            "applied_waivers": [w.to_dict() for w in self.applied_waivers],
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True, kw_only=True)
class Policy:
    """Rules, a severity table and waivers. ``Policy.default()`` is the safe default; ``Policy.load`` reads
    TOML (see ``shipgate.policy.load``)."""

    rules: tuple[Rule, ...] = ()
    severity_actions: Mapping[Severity, Action] = field(default_factory=lambda: dict(DEFAULT_SEVERITY_ACTIONS))
    waivers: tuple[Waiver, ...] = ()
    source: str = "default policy"

    @classmethod
    def default(cls) -> Policy:
        return cls()

    @classmethod
    def load(cls, path: Any) -> Policy:
        # Imported here: shipgate.policy.load imports this module.
        from shipgate.policy.load import load_policy

        return load_policy(path)

    def judge(self, finding: Finding) -> tuple[Action, str]:
        """The action for one finding before waivers, and the rule that gave it."""
        for floor in SAFE_FLOORS:
            if floor.matches(finding):
                return Action.DENY, f"safe default: {floor.describe()} ({floor.why})"
        for i, rule in enumerate(self.rules):
            if rule.matches(finding):
                return rule.action, f"{self.source} rules[{i}]: {rule.describe()}"
        action = self.severity_actions.get(finding.severity, DEFAULT_SEVERITY_ACTIONS[finding.severity])
        return action, f"{self.source} severity: {finding.severity.label} → {action.label}"

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the policy's content (rules, severity table, waivers; not where it was read from): what
        a stored verdict names, so admission answers only from verdicts made under the policy it accepts."""
        content = {
            "rules": [
                {"code": r.code, "action": r.action.value, "min_severity": r.min_severity.label, "why": r.why}
                for r in self.rules
            ],
            "severity": {s.label: a.value for s, a in sorted(self.severity_actions.items())},
            "waivers": [w.to_dict() for w in self.waivers],
        }
        text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _waiver_for(self, finding: Finding, scope: _Scope, now: datetime, added: list[Finding]) -> Waiver | None:
        """The first unexpired waiver that matches and may lift ``finding``; the others are findings."""
        for candidate in self.waivers:
            if not candidate.in_scope(finding, **scope):
                continue
            if candidate.expired(now):
                added.append(expired_finding(candidate, finding, self.source))
                continue
            if not candidate.may_lift(finding):
                added.append(refused_finding(candidate, finding, self.source))
                continue
            return candidate
        return None

    def decide(
        self,
        findings: Iterable[Finding],
        *,
        vendor: str | None,
        package: str | None,
        version: str | None,
        sha256: str | None = None,
        now: datetime | None = None,
    ) -> Decision:
        """The verdict over ``findings`` for the package (``vendor``, ``package``, ``version``) in the archive
        whose SHA-256 is ``sha256`` (the only scope that lifts a trust or structure floor)."""
        now = now or datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        scope: _Scope = {"vendor": vendor, "package": package, "version": version, "sha256": sha256}
        verdict = Verdict.ALLOW
        reasons: list[Reason] = []
        applied: list[AppliedWaiver] = []
        added: list[Finding] = []
        for finding in findings:
            action, rule = self.judge(finding)
            waiver = self._waiver_for(finding, scope, now, added) if action is not Verdict.ALLOW else None
            if waiver is not None:
                applied.append(AppliedWaiver(waiver=waiver, finding=finding, instead=action))
                added.append(applied_finding(waiver, finding, action, self.source))
                continue
            if action is not Verdict.ALLOW:
                reasons.append(Reason(finding=finding, action=action, rule=rule))
            verdict = verdict.stronger(action)
        reasons.sort(key=lambda r: (-r.action.rank, -r.finding.severity))
        return Decision(
            verdict=verdict, applied_waivers=tuple(applied), reasons=tuple(reasons), findings=tuple(_once(added))
        )


class _Scope(TypedDict):
    vendor: str | None
    package: str | None
    version: str | None
    sha256: str | None


def _once(findings: list[Finding]) -> list[Finding]:
    """Each waiver's expired or refused note once (one waiver may match many findings); every applied one."""
    seen: set[tuple[str, Any]] = set()
    out = []
    for finding in findings:
        key = (finding.code, finding.evidence.get("index"))
        if finding.code == "policy.waiver_applied" or key not in seen:
            seen.add(key)
            out.append(finding)
    return out
