"""The plan's findings: one constructor, with the registry's remedy (``shipgate.codes.plan``)."""

from __future__ import annotations

from typing import Any

from shipgate import codes
from shipgate.findings import Finding, Severity


def plan_finding(code: str, severity: Severity, *, path: str, message: str, **evidence: Any) -> Finding:
    """A ``plan.`` finding about ``path`` (its evidence names the file), remedied as the registry says."""
    registered = codes.lookup(code)
    return Finding(code=code, severity=severity, path=path, message=message,
                   remedy=registered.remedy if registered else "", evidence={"file": path, **evidence})
