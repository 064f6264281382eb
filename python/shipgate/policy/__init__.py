"""Policy: findings → ALLOW / WARN / DENY, with safe floors and audited, expiring waivers.

``Policy.default()`` or ``Policy.load(path)``; then ``policy.decide(findings, vendor=, package=, version=,
sha256=, now=) -> Decision(verdict, applied_waivers, reasons, findings)``; ``policy.digest`` names its
content (what stored verdicts and admission compare). The order of judgement and the file
format are documented in ``shipgate.policy.model`` and ``shipgate.policy.load``.
"""

from __future__ import annotations

from shipgate.policy.load import load_policy, parse_policy
from shipgate.policy.model import (
    DEFAULT_SEVERITY_ACTIONS,
    SAFE_FLOORS,
    Action,
    Decision,
    Policy,
    Reason,
    Rule,
)
from shipgate.policy.waiver import AppliedWaiver, Waiver, is_hard_floor
from shipgate.verdict import Verdict

__all__ = [
    "DEFAULT_SEVERITY_ACTIONS",
    "SAFE_FLOORS",
    "Action",
    "AppliedWaiver",
    "Decision",
    "Policy",
    "Reason",
    "Rule",
    "Verdict",
    "Waiver",
    "is_hard_floor",
    "load_policy",
    "parse_policy",
]
