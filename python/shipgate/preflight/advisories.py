"""Advisory objects handed to ``run_preflight`` directly: withdrawn packages and notices.

Matching and the findings belong to ``shipgate.advisories.query`` (the package verifier asks it once, with
the archive digest, and hands preflight only the config changes); this scanner applies the same rules to
docs/formats.md §2 objects a caller passes in, and reports an ``applies_to`` it cannot read. ``config-change``
advisories are read by the config scanner; ``ca-rotation`` and ``revocation`` belong to the trust layer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from shipgate.advisories.query import applies, notice_finding, withdrawn_by, withdrawn_finding
from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context


def advisory_id(advisory: Mapping[str, Any]) -> str:
    value = advisory.get("id")
    return value if isinstance(value, str) and value else "(advisory without id)"


def scan(ctx: Context) -> Iterator[Finding]:
    package = ctx.manifest.package
    for advisory in ctx.advisories:
        kind = advisory.get("kind")
        ident = advisory_id(advisory)
        published = advisory.get("published")
        if kind == "withdrawn-package":
            how = withdrawn_by(advisory, package.name, package.version, ctx.archive_sha256)
            if how is not None:
                yield withdrawn_finding(
                    advisory,
                    ident=ident,
                    vendor=package.vendor,
                    name=package.name,
                    version=package.version,
                    published=published,
                    how=how,
                )
        elif kind in ("notice", "config-change"):
            applied = applies(advisory, package.name, package.version)
            if applied is None:
                path = f"advisory:{ident}"
                yield Finding(
                    code="preflight.advisory_ignored",
                    severity=Severity.LOW,
                    path=path,
                    message=f"{path}: its applies_to cannot be read (name and a version constraint expected); "
                    "not applied",
                    remedy="Check the advisory with the vendor; it may concern this package.",
                    evidence={"file": path, "advisory": ident, "applies_to": repr(advisory.get("applies_to"))[:200]},
                )
            elif applied and kind == "notice":
                yield notice_finding(advisory, ident=ident, published=published)
