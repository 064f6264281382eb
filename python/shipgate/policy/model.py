"""The policy model: actions, rules, waivers, and the decision over a set of findings.

How one finding is judged, in order:
1. an unexpired waiver whose code and scope match → allow (recorded in ``applied_waivers``);
2. a safe floor (unsigned, unknown issuer, revoked, withdrawn, any high/critical ``zip.*`` or ``trust.*``,
   any ``manifest.*``, anything critical) → deny; policy rules cannot relax a floor, only a waiver can;
3. the first policy rule whose code glob and minimum severity match → its action;
4. the severity table (default: critical/high → deny, medium → warn, low/info → allow).
The verdict is the strongest action over all findings: any deny wins, then warn, else allow.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from typing import Any

from shipgate.findings import Finding, Severity
from shipgate.package.versions import Constraint, ConstraintError, same_version


class Action(enum.StrEnum):
    """allow < warn < deny. A str enum, so ``verdict == "deny"`` and ``json.dumps`` read naturally."""

    ALLOW = "allow"
    WARN = "warn"
    DENY = "deny"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        return self.value

    def stronger(self, other: Action) -> Action:
        return self if self.rank >= other.rank else other


_RANK = {Action.ALLOW: 0, Action.WARN: 1, Action.DENY: 2}

# The verdict of a decision is the strongest action; the same three words.
Verdict = Action


def code_matches(pattern: str, code: str) -> bool:
    """Exact code, or a glob (``zip.*``, ``*.unsigned``, ``trust.revoked*``)."""
    return pattern == code or fnmatchcase(code, pattern)


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
class Waiver:
    """An accepted risk: a code (or glob) within a scope, with a reason, an owner and an expiry.

    Scope fields that are None match anything; at least one of ``vendor``/``package`` is always set (the
    loader refuses a waiver for every vendor's every package). ``version`` is an exact version or a
    constraint (``>=7.4,<7.5``); ``path`` is a glob over the finding's path.
    """

    index: int
    code: str
    reason: str
    owner: str
    expires: datetime
    vendor: str | None = None
    package: str | None = None
    version: str | None = None
    path: str | None = None

    def in_scope(self, finding: Finding, *, vendor: str | None, package: str | None, version: str | None) -> bool:
        if not code_matches(self.code, finding.code):
            return False
        if self.vendor is not None and self.vendor != vendor:
            return False
        if self.package is not None and self.package != package:
            return False
        if self.version is not None and not _version_in(self.version, version):
            return False
        return self.path is None or fnmatchcase(finding.path, self.path)

    def expired(self, now: datetime) -> bool:
        return now >= self.expires

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "index": self.index,
            "code": self.code,
            "reason": self.reason,
            "owner": self.owner,
            "expires": self.expires.isoformat(),
        }
        for key in ("vendor", "package", "version", "path"):
            if (value := getattr(self, key)) is not None:
                out[key] = value
        return out


def _version_in(scope: str, version: str | None) -> bool:
    if version is None:
        return False
    if scope.lstrip()[:1] in "<>=!~*" or "," in scope:
        try:
            return Constraint.parse(scope).admits(version) is True
        except ConstraintError:
            return False
    return same_version(scope, version)


@dataclass(frozen=True, kw_only=True)
class AppliedWaiver:
    waiver: Waiver
    finding: Finding
    # What the finding would have been without the waiver.
    instead: Action

    def to_dict(self) -> dict[str, Any]:
        return {
            "waiver": self.waiver.to_dict(),
            "code": self.finding.code,
            "path": self.finding.path,
            "instead": self.instead.label,
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

    def decide(
        self,
        findings: Iterable[Finding],
        *,
        vendor: str | None,
        package: str | None,
        version: str | None,
        now: datetime | None = None,
    ) -> Decision:
        now = now or datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        verdict = Action.ALLOW
        reasons: list[Reason] = []
        applied: list[AppliedWaiver] = []
        added: list[Finding] = []
        expired_reported: set[int] = set()
        for finding in findings:
            action, rule = self.judge(finding)
            waiver = None
            for candidate in self.waivers:
                if not candidate.in_scope(finding, vendor=vendor, package=package, version=version):
                    continue
                if candidate.expired(now):
                    if candidate.index not in expired_reported:
                        expired_reported.add(candidate.index)
                        added.append(_expired(candidate, finding, self.source))
                    continue
                waiver = candidate
                break
            if waiver is not None and action is not Action.ALLOW:
                applied.append(AppliedWaiver(waiver=waiver, finding=finding, instead=action))
                added.append(_applied(waiver, finding, action, self.source))
                continue
            if action is not Action.ALLOW:
                reasons.append(Reason(finding=finding, action=action, rule=rule))
            verdict = verdict.stronger(action)
        reasons.sort(key=lambda r: (-r.action.rank, -r.finding.severity))
        return Decision(verdict=verdict, applied_waivers=tuple(applied), reasons=tuple(reasons), findings=tuple(added))


def _applied(waiver: Waiver, finding: Finding, instead: Action, source: str) -> Finding:
    return Finding(
        code="policy.waiver_applied",
        severity=Severity.INFO,
        path=finding.path,
        message=f"{finding.code} waived by {source} waivers[{waiver.index}] (owner {waiver.owner}, expires "
        f"{waiver.expires:%Y-%m-%d}): {waiver.reason}; it would have been {instead.label}",
        remedy="Re-evaluate the accepted risk before the waiver expires.",
        evidence={"waived_code": finding.code, "instead": instead.label, **waiver.to_dict()},
    )


def _expired(waiver: Waiver, finding: Finding, source: str) -> Finding:
    return Finding(
        code="policy.waiver_expired",
        severity=Severity.INFO,
        path=finding.path,
        message=f"{source} waivers[{waiver.index}] for {waiver.code} (owner {waiver.owner}) expired on "
        f"{waiver.expires:%Y-%m-%d} and was not applied",
        remedy="Renew the waiver with a new expiry and a current reason, or fix the finding.",
        evidence={"waived_code": finding.code, **waiver.to_dict()},
    )
