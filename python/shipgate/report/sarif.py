"""The report as SARIF 2.1.0 (OASIS, errata 01): one run, one rule per finding code, one result per finding.

Locations are entries of the package archive, relative to the base ``PACKAGE`` (the archive itself);
the line, when the finding knows one, is the region's ``startLine``. Severity maps to SARIF levels
(critical/high → error, medium → warning, low/info → note) and is kept exactly in ``properties``, with
the remedy, the evidence and (on the run) the verdict and the archive digests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from shipgate.codes import lookup
from shipgate.findings import Finding, Severity
from shipgate.report.model import Report

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
_HASH_NAMES = {"sha256": "sha-256", "sha512": "sha-512", "blake3": "blake3"}
# GitHub code scanning reads a 0.0-10.0 "security-severity" from rule properties.
_SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "0.0",
}


def _rule_texts(finding: Finding) -> tuple[str, str]:
    """(meaning, remedy) of the finding's code from the registry; the finding's own texts for a code that
    is not registered (a custom layer)."""
    info = lookup(finding.code)
    if info is None:
        return finding.code, finding.remedy or finding.code
    return info.meaning, info.remedy


def _line(finding: Finding) -> int | None:
    ev = finding.evidence
    line = ev.get("line") if "line" in ev else None
    return line if isinstance(line, int) and line >= 1 else None


def _location(finding: Finding) -> dict[str, Any] | None:
    file = finding.evidence.get("file") or finding.path
    if not isinstance(file, str) or not file or file.startswith("advisory:"):
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(file, safe="/"), "uriBaseId": "PACKAGE"}}
    line = _line(finding)
    if line is not None:
        physical["region"] = {"startLine": line}
        text = finding.evidence.get("text")
        if isinstance(text, str) and text:
            physical["region"]["snippet"] = {"text": text}
    return {"physicalLocation": physical}


def to_sarif(report: Report) -> dict[str, Any]:
    findings = report.sorted_findings()
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for f in findings:
        if f.code in index:
            continue
        index[f.code] = len(rules)
        meaning, remedy = _rule_texts(f)
        rules.append(
            {
                "id": f.code,
                "name": f.code.replace(".", "_"),
                "shortDescription": {"text": meaning},
                "fullDescription": {"text": meaning},
                "help": {"text": remedy},
                "defaultConfiguration": {"level": _LEVEL[f.severity]},
                "properties": {"security-severity": _SECURITY_SEVERITY[f.severity], "layer": f.layer},
            }
        )
    results: list[dict[str, Any]] = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" Remedy: {f.remedy}" if f.remedy else "")},
            "properties": {"severity": f.severity.label, "path": f.path, "remedy": f.remedy},
        }
        if f.evidence:
            result["properties"]["evidence"] = dict(f.evidence)
        location = _location(f)
        if location is not None:
            result["locations"] = [location]
        results.append(result)
    archive_uri = Path(report.archive.path).resolve().as_uri()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "shipgate",
                "version": report.shipgate_version or "0",
                "rules": rules,
            }
        },
        "originalUriBaseIds": {
            "PACKAGE": {
                "uri": archive_uri.rstrip("/") + "/",
                "description": {"text": "the entries of the verified package archive"},
            }
        },
        "artifacts": [
            {
                "location": {"uri": archive_uri},
                "length": report.archive.size,
                # SARIF names hashes as IANA does ("sha-256").
                "hashes": {_HASH_NAMES[k]: v for k, v in report.archive.digests.items() if k in _HASH_NAMES},
            }
        ],
        "invocations": [{"executionSuccessful": True}],
        "results": results,
        "properties": {
            "verdict": report.verdict,
            "package": report.package.to_dict() if report.package else None,
            "policy": report.policy,
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
