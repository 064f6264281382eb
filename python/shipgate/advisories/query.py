"""What the package verifier asks: which stored advisories apply to a package, as data and as findings.

    advisories = applicable_advisories(store, vendor="Example Networks", name="dten", version="7.4.0",
                                       sha256=archive_sha256)
    findings = advisory_findings(store, vendor=..., name=..., version=..., sha256=...)

- ``withdrawn-package`` (by name + version, or by archive digest) → ``advisory.withdrawn_package`` (critical);
- ``notice`` whose ``applies_to`` covers the package → ``advisory.notice`` (its severity, at most medium);
- ``config-change`` whose ``applies_to`` covers the package → returned as data only: the preflight config
  scanner reads it (``Advisory.to_dict()`` is the docs/formats.md §2 object, which ``run_preflight`` accepts);
- CSAF documents filed under the vendor with the package ``known_affected`` →
  ``advisory.csaf_known_affected`` (CVE ids and fixed versions in the message and evidence), or
  ``advisory.csaf_range_unreadable`` when only a version range shipgate cannot read names it, unless a CSAF
  document of the vendor released later says ``known_not_affected`` for the same vulnerability (VEX):
  then ``advisory.vex_not_affected`` (info) with the document's justification instead;
- a stored feed past its ``expires`` → ``advisory.feed_stale`` (withdrawals may be missing).

``ca-rotation`` and ``revocation`` act on trust when the feed is accepted and are not returned here.

This module owns the matching (``applies``, ``withdrawn_by``) and the advisory findings
(``findings_for``); preflight uses the same ones for advisory objects handed to ``run_preflight`` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from shipgate.advisories.csaf_match import CsafMatch, VexStatement, match_package, not_affected, vulnerability_key
from shipgate.findings import Finding, Severity
from shipgate.package.versions import Constraint, ConstraintError, same_version
from shipgate.store import AdvisoryRecord, FeedState

CSAF_KIND = "csaf"
_NOTICE_CEILING = Severity.MEDIUM
FINDING_KINDS = ("withdrawn", "notice", "csaf", "stale")


class AdvisoryState(Protocol):
    """What this module reads from ``shipgate.store`` (a ``Store`` or a ``Transaction``)."""

    def advisories(self, vendor: str | None = None, *, kind: str | None = None) -> list[AdvisoryRecord]: ...
    def feed_state(self, vendor: str) -> FeedState | None: ...


@dataclass(frozen=True, kw_only=True)
class Advisory:
    """A stored advisory that applies to one package."""

    vendor: str
    id: str
    kind: str  # withdrawn-package | config-change | notice | csaf
    published: dt.datetime | None
    title: str
    body: Mapping[str, Any]  # the docs/formats.md §2 object, or the whole CSAF document
    feed_version: int | None = None
    csaf: tuple[CsafMatch, ...] = field(default=())  # for kind "csaf": the affected vulnerabilities
    vex: tuple[VexStatement, ...] = field(default=())  # for kind "csaf": known_not_affected statements
    withdrawn_by: str | None = None  # for kind "withdrawn-package": "sha256" or "name+version"

    def to_dict(self) -> dict[str, Any]:
        """The advisory object itself (what ``shipgate.preflight.run_preflight`` takes)."""
        return dict(self.body)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "vendor": self.vendor,
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "feed_version": self.feed_version,
        }
        if self.csaf:
            out["vulnerabilities"] = [m.to_dict() for m in self.csaf]
        if self.vex:
            out["not_affected"] = [v.to_dict() for v in self.vex]
        return out

    @property
    def released(self) -> dt.datetime | None:
        """A CSAF document's current_release_date (which of two statements is the later one)."""
        from shipgate.advisories.csaf import csaf_time

        text = ((self.body.get("document") or {}).get("tracking") or {}).get("current_release_date")
        return csaf_time(text) or self.published


def applies(body: Mapping[str, Any], name: str, version: str) -> bool | None:
    """docs/formats.md §2 ``applies_to``: absent → every package of the vendor; None when it cannot be read
    (a caller applies only ``True``; preflight reports ``None`` as ``preflight.advisory_ignored``)."""
    target = body.get("applies_to")
    if target is None:
        return True
    if not isinstance(target, Mapping):
        return None
    wanted = target.get("name")
    if wanted is not None and wanted != name:
        return False
    constraint = target.get("version", "*")
    if not isinstance(constraint, str):
        return None
    try:
        return Constraint.parse(constraint).admits(version)
    except ConstraintError:
        return None


def withdrawn_by(body: Mapping[str, Any], name: str, version: str, sha256: str | None) -> str | None:
    """How a ``withdrawn-package`` advisory's ``packages[]`` names this package: ``"sha256"`` (the same
    archive digest, whatever the name), ``"name+version"`` (unless the entry names a digest and the
    package's is known and different: another build), or None."""
    digest_wanted = (sha256 or "").lower()
    entries = body.get("packages")
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping):
            continue
        digest = str(entry.get("sha256") or "").lower()
        if digest and digest_wanted and digest == digest_wanted:
            return "sha256"
        if entry.get("name") != name or not isinstance(entry.get("version"), str):
            continue
        if not same_version(entry["version"], version):
            continue
        if digest and digest_wanted and digest != digest_wanted:
            continue
        return "name+version"
    return None


def _record(
    record: AdvisoryRecord,
    csaf: tuple[CsafMatch, ...] = (),
    withdrawn: str | None = None,
    vex: tuple[VexStatement, ...] = (),
) -> Advisory:
    body = record.body
    title = body.get("title")
    if record.kind == CSAF_KIND:
        title = (body.get("document") or {}).get("title")
    return Advisory(
        vendor=record.vendor,
        id=record.advisory_id,
        kind=record.kind,
        published=record.published,
        title=str(title or ""),
        body=body,
        feed_version=record.feed_version,
        csaf=csaf,
        vex=vex,
        withdrawn_by=withdrawn,
    )


def applicable_advisories(
    state: AdvisoryState, *, vendor: str, name: str, version: str, sha256: str | None = None
) -> list[Advisory]:
    """Stored advisories of ``vendor`` that apply to the package, in advisory id order."""
    out: list[Advisory] = []
    for record in state.advisories(vendor):
        body = record.body
        if record.kind == "withdrawn-package":
            how = withdrawn_by(body, name, version, sha256)
            if how is not None:
                out.append(_record(record, withdrawn=how))
        elif record.kind in ("config-change", "notice"):
            if applies(body, name, version) is True:
                out.append(_record(record))
        elif record.kind == CSAF_KIND:
            matches = tuple(match_package(body, name=name, version=version, sha256=sha256))
            vex = tuple(not_affected(body, name=name, version=version, sha256=sha256))
            if matches or vex:
                out.append(_record(record, matches, vex=vex))
    return out


def config_change_advisories(
    state: AdvisoryState, *, vendor: str, name: str, version: str, sha256: str | None = None
) -> list[Mapping[str, Any]]:
    """The ``config-change`` advisory objects that apply, for ``run_preflight(advisories=...)``."""
    return [
        a.to_dict()
        for a in applicable_advisories(state, vendor=vendor, name=name, version=version, sha256=sha256)
        if a.kind == "config-change"
    ]


def stale_finding(state: FeedState, now: dt.datetime) -> Finding | None:
    if not state.is_stale(now):
        return None
    return Finding(
        code="advisory.feed_stale",
        severity=Severity.MEDIUM,
        path=f"feed:{state.vendor}",
        message=f"the advisory feed of {state.vendor} (v{state.feed_version}) expired at "
        f"{state.expires:%Y-%m-%dT%H:%M:%SZ}: withdrawals and revocations published since may be missing",
        remedy=f"Sync the vendor's feed (shipgate advisories sync --vendor {state.vendor!r} SOURCE).",
        evidence={
            "vendor": state.vendor,
            "feed_version": state.feed_version,
            "expires": state.expires.isoformat(),
            "source": state.source,
        },
    )


def withdrawn_finding(
    body: Mapping[str, Any], *, ident: str, vendor: str, name: str, version: str, published: str | None, how: str
) -> Finding:
    """``advisory.withdrawn_package`` for a package that ``withdrawn_by`` matched (``how``)."""
    path = f"advisory:{ident}"
    reason = str(body.get("reason") or "") or "no reason given"
    return Finding(
        code="advisory.withdrawn_package",
        severity=Severity.CRITICAL,
        path=path,
        message=f"{name} {version} was withdrawn by {vendor or 'the vendor'} ({ident}): {reason}",
        remedy="Do not deploy this package; ask the vendor for the replacement release.",
        evidence={
            "file": path,
            "advisory": ident,
            "published": published,
            "reason": reason,
            "package": name,
            "version": version,
            "matched_by": how,
        },
    )


def notice_finding(body: Mapping[str, Any], *, ident: str, published: str | None) -> Finding:
    """``advisory.notice`` for a notice that ``applies``: its own severity, at most medium."""
    path = f"advisory:{ident}"
    try:
        declared = Severity.parse(str(body.get("severity", "info")))
    except ValueError:
        declared = Severity.INFO
    return Finding(
        code="advisory.notice",
        severity=min(declared, _NOTICE_CEILING),
        path=path,
        message=f"vendor notice {ident}: {body.get('text') or body.get('title') or ''}",
        remedy="Read the notice and plan the change it describes.",
        evidence={"file": path, "advisory": ident, "published": published, "declared_severity": body.get("severity")},
    )


def _latest_vex(advisories: Iterable[Advisory]) -> dict[str, tuple[Advisory, VexStatement]]:
    """Per vulnerability, the latest-released known_not_affected statement."""
    latest: dict[str, tuple[Advisory, VexStatement]] = {}
    for advisory in advisories:
        for statement in advisory.vex:
            held = latest.get(statement.key)
            if held is None or _later(advisory, held[0]):
                latest[statement.key] = (advisory, statement)
    return latest


def _later(a: Advisory, b: Advisory) -> bool:
    """``a`` was released after ``b`` (unknown times never win)."""
    return a.released is not None and (b.released is None or a.released > b.released)


def vex_finding(advisory: Advisory, statement: VexStatement, *, name: str, version: str, silenced: str) -> Finding:
    """``advisory.vex_not_affected``: a known_affected finding silenced by a VEX statement, and why."""
    label = statement.cve or (statement.ids[0] if statement.ids else "a vulnerability")
    return Finding(
        code="advisory.vex_not_affected",
        severity=Severity.INFO,
        path=f"advisory:{advisory.id}",
        message=f"{name} {version} is not affected by {label} ({advisory.id}): {statement.justification}; "
        f"the known_affected finding of {silenced} is silenced",
        remedy="Nothing to do; keep the vendor's statement with the deployment record.",
        evidence={"advisory": advisory.id, "silenced": silenced, **statement.to_dict()},
    )


def _possible_finding(advisory: Advisory, match: CsafMatch, *, name: str, version: str, label: str) -> Finding:
    """``advisory.csaf_range_unreadable``: the product named like the package is affected in a version range
    shipgate cannot read, so the package may be affected."""
    return Finding(
        code="advisory.csaf_range_unreadable",
        severity=Severity.MEDIUM,
        path=f"advisory:{advisory.id}",
        message=f"{name} {version} may be {match.status.replace('_', ' ')} by {label} ({advisory.id}: "
        f"{advisory.title}): the affected range {match.range_text!r} of {', '.join(match.product_names)} "
        "could not be read or compared with this version",
        remedy="Read the advisory and decide for this version by hand; ask the vendor to publish the range in "
        "vers syntax (vers:generic/<1.2.3).",
        evidence={"advisory": advisory.id, **match.to_dict()},
    )


def _csaf_findings(
    advisory: Advisory, name: str, version: str, vex: dict[str, tuple[Advisory, VexStatement]]
) -> Iterator[Finding]:
    for match in advisory.csaf:
        held = vex.get(vulnerability_key(match.cve, match.ids))
        if held is not None and _later(held[0], advisory):  # a later statement says not affected (a tie: affected)
            yield vex_finding(held[0], held[1], name=name, version=version, silenced=advisory.id)
            continue
        label = match.cve or (match.ids[0] if match.ids else "a vulnerability")
        fixed = f"; fixed in {', '.join(match.fixed_versions)}" if match.fixed_versions else "; no fixed version named"
        if match.possible:
            yield _possible_finding(advisory, match, name=name, version=version, label=label)
            continue
        yield Finding(
            code="advisory.csaf_known_affected",
            severity=match.severity,
            path=f"advisory:{advisory.id}",
            message=f"{name} {version} is {match.status.replace('_', ' ')} by {label} "
            f"({advisory.id}: {advisory.title}){fixed}",
            remedy="Upgrade to a fixed version or apply the vendor's remediation before deploying."
            + (f" {match.remediations[0]}" if match.remediations else ""),
            evidence={"advisory": advisory.id, **match.to_dict()},
        )


def findings_for(advisories: Iterable[Advisory], *, name: str, version: str) -> list[Finding]:
    """The findings of advisories ``applicable_advisories`` returned (config changes are data, not findings)."""
    advisories = list(advisories)
    vex = _latest_vex(advisories)
    out: list[Finding] = []
    for advisory in advisories:
        published = advisory.published.isoformat() if advisory.published else None
        if advisory.kind == "withdrawn-package" and advisory.withdrawn_by is not None:
            out.append(
                withdrawn_finding(
                    advisory.body,
                    ident=advisory.id,
                    vendor=advisory.vendor,
                    name=name,
                    version=version,
                    published=published,
                    how=advisory.withdrawn_by,
                )
            )
        elif advisory.kind == "notice":
            out.append(notice_finding(advisory.body, ident=advisory.id, published=published))
        out.extend(_csaf_findings(advisory, name, version, vex))
    return list({(f.code, f.path, f.message): f for f in out}.values())  # one VEX note per silenced finding


def advisory_findings(
    state: AdvisoryState,
    *,
    vendor: str,
    name: str,
    version: str,
    sha256: str | None = None,
    now: dt.datetime | None = None,
    kinds: Collection[str] = FINDING_KINDS,
) -> list[Finding]:
    """Findings for the package: ``kinds`` ⊆ withdrawn, notice, csaf, stale (all by default)."""
    wanted = {"withdrawn": "withdrawn-package", "notice": "notice", "csaf": CSAF_KIND}
    kinds_wanted = {wanted[k] for k in kinds if k in wanted}
    applicable = applicable_advisories(state, vendor=vendor, name=name, version=version, sha256=sha256)
    findings = findings_for([a for a in applicable if a.kind in kinds_wanted], name=name, version=version)
    if "stale" in kinds:
        findings.extend(feed_findings(state, vendor, now))
    return findings


def feed_findings(state: AdvisoryState, vendor: str, now: dt.datetime | None = None) -> list[Finding]:
    """``advisory.feed_stale`` when the vendor's stored feed has expired; nothing without a stored feed."""
    feed = state.feed_state(vendor)
    stale = stale_finding(feed, now or dt.datetime.now(dt.UTC)) if feed else None
    return [stale] if stale is not None else []
