"""Reports of a verification: the model (``Report``) and its renderings (text, JSON, SARIF, HTML)."""

from __future__ import annotations

from shipgate.report.model import SCHEMA, ArchiveSummary, PackageSummary, Report

__all__ = ["SCHEMA", "ArchiveSummary", "PackageSummary", "Report"]
