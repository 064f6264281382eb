"""Builds packages (manifest + file texts) and inventories for the preflight tests."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from shipgate.findings import Finding, Severity
from shipgate.inventory import Inventory
from shipgate.package.manifest import parse_manifest
from shipgate.preflight import PackageContents, run_preflight

INVENTORY = Inventory(
    os="debian-12",
    sudo=False,
    components={"dten": "7.1.2", "openssl": "3.0.11", "postgresql": "15.4"},
    units=("dten-agentd.service", "postgresql.service"),
    config={"dten.legacy.mode": "on", "dten.hybrid.enable": False},
    allowed_endpoints=("updates.example.net",),
)


def package(
    files: dict[str, str | bytes],
    *,
    mtimes: dict[str, datetime] | None = None,
    archive_sha256: str | None = None,
    **manifest: Any,
) -> PackageContents:
    """A package whose manifest lists ``files`` (with their real digests) plus ``manifest`` fields."""
    blobs = {p: (c if isinstance(c, bytes) else c.encode()) for p, c in files.items()}
    doc: dict[str, Any] = {
        "manifest_version": 1,
        "package": {
            "name": "dten",
            "version": "7.4.0",
            "vendor": "Example Networks",
            "built": "2026-10-02T09:00:00Z",
        },
        "files": [
            {"path": p, "size": len(b), "sha256": hashlib.sha256(b).hexdigest(), "mode": "0755"}
            for p, b in blobs.items()
        ],
    }
    doc.update(manifest)
    parsed, findings = parse_manifest(json.dumps(doc, indent=2).encode())
    assert parsed is not None and findings == [], findings
    return PackageContents(manifest=parsed, files=blobs, mtimes=mtimes or {}, archive_sha256=archive_sha256)


def run(contents: PackageContents, inventory: Inventory | None = INVENTORY, **kw: Any) -> list[Finding]:
    return run_preflight(contents, inventory=inventory, **kw)


def located(findings: list[Finding], prefix: str = "") -> list[tuple[str, str, int | None]]:
    """(code, file, line) of each finding whose code starts with ``prefix``."""
    return [(f.code, f.path, f.evidence.get("line")) for f in findings if f.code.startswith(prefix)]


def script(*lines: str) -> str:
    return "\n".join(("#!/bin/sh", "set -eu", *lines)) + "\n"


def findings(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    """(code, line) of the findings above info of a package of ``files``, sorted."""
    return sorted((f.code, f.evidence.get("line")) for f in run(package(files)) if f.severity > Severity.INFO)


def codes_at(files: dict[str, str | bytes], code: str) -> list[int | None]:
    """Lines of the findings above info with ``code``."""
    return [line for c, line in findings(files) if c == code]


def in_script(code: str, *lines: str) -> list[int | None]:
    """Lines of the ``code`` findings in ``scripts/upgrade.sh`` made of ``lines`` (after :func:`script`'s two)."""
    return codes_at({"scripts/upgrade.sh": script(*lines)}, code)
