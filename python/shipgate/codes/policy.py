"""Finding codes of the ``policy.`` layer: the decision itself (shipgate.policy)."""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "policy.waiver_applied",
        S.INFO,
        "a waiver turned a finding into allow (owner, reason and expiry in evidence)",
        "Re-evaluate the accepted risk before the waiver expires.",
    ),
    Code(
        "policy.waiver_refused",
        S.INFO,
        "a waiver matched a trust or structure floor (trust.* / zip.* high or critical, no signature, unknown "
        "issuer, revoked) but is scoped by vendor, package, version or path; only a waiver naming the exact "
        "archive sha256 lifts a floor, so it was not applied",
        "Fix the package (ask the vendor for a signed, well-formed one), or, for this one archive only, scope "
        "the waiver with sha256 = the archive's digest and an expiry.",
    ),
    Code(
        "policy.waiver_expired",
        S.INFO,
        "a waiver matched a finding but has expired, so it was not applied",
        "Renew the waiver with a new expiry and a current reason, or fix the finding.",
    ),
)
