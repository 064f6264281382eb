"""Waivers: an accepted risk for a code within a scope, with a reason, an owner and an expiry.

Trust and structure floors (:func:`is_hard_floor`: a ``trust.*`` or ``zip.*`` finding at high or above, or
a named trust floor such as ``trust.no_signature``) are different: no scope by vendor, package, version or
path lifts them. Only a waiver that names the exact archive (``sha256``) does, so one risk accepted for one
file never turns every unsigned package of a vendor into ALLOW (docs/admission.md, "Trust floors").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from fnmatch import fnmatchcase
from typing import Any

from shipgate.findings import Finding, Severity
from shipgate.package.versions import Constraint, ConstraintError, same_version
from shipgate.verdict import Verdict

# Floors of the trust layer whatever their severity: no signature, no chain to a pinned root, revoked.
_NAMED_TRUST_FLOORS = ("trust.no_signature", "trust.unsigned*", "trust.unknown_issuer", "trust.revoked*")
_FLOOR_LAYERS = ("trust", "zip")


def code_matches(pattern: str, code: str) -> bool:
    """Exact code, or a glob (``zip.*``, ``*.unsigned``, ``trust.revoked*``)."""
    return pattern == code or fnmatchcase(code, pattern)


def is_hard_floor(finding: Finding) -> bool:
    """A finding only a waiver naming the exact archive digest may lift."""
    if any(code_matches(named, finding.code) for named in _NAMED_TRUST_FLOORS):
        return True
    return finding.layer in _FLOOR_LAYERS and finding.severity >= Severity.HIGH


@dataclass(frozen=True, kw_only=True)
class Waiver:
    """An accepted risk. Scope fields that are None match anything; at least one of ``vendor``, ``package``
    or ``sha256`` is always set (the loader refuses a waiver for every vendor's every package). ``version``
    is an exact version or a constraint (``>=7.4,<7.5``); ``path`` a glob over the finding's path;
    ``sha256`` the exact archive digest (the only scope that lifts a trust or structure floor)."""

    index: int
    code: str
    reason: str
    owner: str
    expires: datetime
    vendor: str | None = None
    package: str | None = None
    version: str | None = None
    path: str | None = None
    sha256: str | None = None

    def in_scope(
        self, finding: Finding, *, vendor: str | None, package: str | None, version: str | None, sha256: str | None
    ) -> bool:
        if not code_matches(self.code, finding.code):
            return False
        if self.sha256 is not None and self.sha256 != (sha256 or "").lower():
            return False
        if self.vendor is not None and self.vendor != vendor:
            return False
        if self.package is not None and self.package != package:
            return False
        if self.version is not None and not _version_in(self.version, version):
            return False
        return self.path is None or fnmatchcase(finding.path, self.path)

    def may_lift(self, finding: Finding) -> bool:
        """Scope alone lifts ordinary findings; a floor needs the exact archive digest."""
        return self.sha256 is not None or not is_hard_floor(finding)

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
        for key in ("vendor", "package", "version", "path", "sha256"):
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
    instead: Verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "waiver": self.waiver.to_dict(),
            "code": self.finding.code,
            "path": self.finding.path,
            "instead": self.instead.label,
        }


def _note(code: str, waiver: Waiver, finding: Finding, message: str, remedy: str, **evidence: Any) -> Finding:
    return Finding(
        code=code,
        severity=Severity.INFO,
        path=finding.path,
        message=message,
        remedy=remedy,
        evidence={"waived_code": finding.code, **evidence, **waiver.to_dict()},
    )


def applied_finding(waiver: Waiver, finding: Finding, instead: Verdict, source: str) -> Finding:
    scope = f"archive sha256 {waiver.sha256}" if waiver.sha256 else "its scope"
    return _note(
        "policy.waiver_applied",
        waiver,
        finding,
        f"{finding.code} waived by {source} waivers[{waiver.index}] for {scope} (owner {waiver.owner}, "
        f"expires {waiver.expires:%Y-%m-%d}): {waiver.reason}; it would have been {instead.label}",
        "Re-evaluate the accepted risk before the waiver expires.",
        instead=instead.label,
    )


def expired_finding(waiver: Waiver, finding: Finding, source: str) -> Finding:
    return _note(
        "policy.waiver_expired",
        waiver,
        finding,
        f"{source} waivers[{waiver.index}] for {waiver.code} (owner {waiver.owner}) expired on "
        f"{waiver.expires:%Y-%m-%d} and was not applied",
        "Renew the waiver with a new expiry and a current reason, or fix the finding.",
    )


def refused_finding(waiver: Waiver, finding: Finding, source: str) -> Finding:
    return _note(
        "policy.waiver_refused",
        waiver,
        finding,
        f"{source} waivers[{waiver.index}] matches {finding.code} ({finding.severity.label}) but is scoped by "
        "vendor, package, version or path: a trust or structure floor is lifted only by a waiver naming the "
        "exact archive sha256",
        "Fix the package (ask the vendor for a signed, well-formed one), or, for this one archive only, scope "
        "the waiver with sha256 = the archive's digest and an expiry.",
    )
