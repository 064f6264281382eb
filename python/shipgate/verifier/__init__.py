"""The verifier: one archive in, one :class:`~shipgate.report.Report` out (ALLOW / WARN / DENY + findings).

    report = verify_package("pkg.zip", request=VerifyRequest(env=Path("env.toml")), store=store, home=home)
    report.verdict, report.to_dict()

The pipeline (each step's findings feed the policy; unknown or unparsable input is a finding, never an
exception): archive inspect → manifest → package checks → signature/trust → advisories → preflight →
policy → store → report. Operator mistakes (an unreadable inventory, policy or trust file, a missing
archive) raise a :class:`~shipgate.errors.ShipgateError`.
"""

from __future__ import annotations

from shipgate.report.model import ArchiveSummary, PackageSummary, Report
from shipgate.verifier._pipeline import VerifyRequest, verify_package

__all__ = ["ArchiveSummary", "PackageSummary", "Report", "VerifyRequest", "verify_package"]
