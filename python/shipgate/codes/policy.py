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
        "policy.waiver_expired",
        S.INFO,
        "a waiver matched a finding but has expired, so it was not applied",
        "Renew the waiver with a new expiry and a current reason, or fix the finding.",
    ),
)
