"""Advisories that apply to the package: withdrawn packages and notices.

``config-change`` advisories are read by the config scanner; ``ca-rotation`` and ``revocation`` belong to
the trust layer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from shipgate.findings import Finding, Severity
from shipgate.package.versions import same_version
from shipgate.preflight.advisory_match import advisory_id, applies
from shipgate.preflight.contents import Context

# A notice informs; its own severity is honoured up to medium (a notice is never a reason to deny).
_NOTICE_CEILING = Severity.MEDIUM


def _withdrawn(entry: Mapping[str, Any], name: str, version: str, archive_sha256: str | None) -> bool:
    if entry.get("name") != name:
        return False
    wanted = entry.get("version")
    if not isinstance(wanted, str) or not same_version(wanted, version):
        return False
    digest = entry.get("sha256")
    if isinstance(digest, str) and digest and archive_sha256:
        return digest.lower() == archive_sha256.lower()
    return True


def scan(ctx: Context) -> Iterator[Finding]:
    package = ctx.manifest.package
    for advisory in ctx.advisories:
        kind = advisory.get("kind")
        ident = advisory_id(advisory)
        path = f"advisory:{ident}"
        if kind == "withdrawn-package":
            entries = advisory.get("packages", [])
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, Mapping) and _withdrawn(entry, package.name, package.version, ctx.archive_sha256):
                    reason = str(advisory.get("reason", "")) or "no reason given"
                    yield Finding(
                        code="advisory.withdrawn_package",
                        severity=Severity.CRITICAL,
                        path=path,
                        message=f"{package.name} {package.version} was withdrawn by the vendor ({ident}): {reason}",
                        remedy="Do not deploy this package; ask the vendor for the replacement release.",
                        evidence={
                            "file": path,
                            "advisory": ident,
                            "published": advisory.get("published"),
                            "reason": reason,
                            "package": package.name,
                            "version": package.version,
                        },
                    )
                    break
        elif kind in ("notice", "config-change") and applies(advisory, package) is None:
            yield Finding(
                code="preflight.advisory_ignored",
                severity=Severity.LOW,
                path=path,
                message=f"{path}: its applies_to cannot be read (name and a version constraint expected); not applied",
                remedy="Check the advisory with the vendor; it may concern this package.",
                evidence={"file": path, "advisory": ident, "applies_to": repr(advisory.get("applies_to"))[:200]},
            )
        elif kind == "notice" and applies(advisory, package) is True:
            try:
                severity = Severity.parse(str(advisory.get("severity", "info")))
            except ValueError:
                severity = Severity.INFO
            text = str(advisory.get("text", "")) or str(advisory.get("title", ""))
            yield Finding(
                code="advisory.notice",
                severity=min(severity, _NOTICE_CEILING),
                path=path,
                message=f"vendor notice {ident}: {text}",
                remedy="Read the notice and plan the change it describes.",
                evidence={
                    "file": path,
                    "advisory": ident,
                    "published": advisory.get("published"),
                    "declared_severity": advisory.get("severity"),
                },
            )
