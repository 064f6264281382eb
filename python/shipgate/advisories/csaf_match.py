"""Matching a package against a CSAF 2.0 document's ``product_tree`` and ``product_status``.

A product matches a package when

- a ``product_identification_helper.hashes`` file hash (sha256) equals the archive's SHA-256, or
- its ``product_name`` (or ``product_family``) branch equals the package name, case-insensitively, and one
  of its version branches (``product_version``, ``service_pack``, ``patch_level``) is the version, or one of
  its ranges contains it (:mod:`shipgate.advisories.csaf_versions` says how versions compare and which range
  texts are read: ``vers:`` ranges, comparators such as ``<=V3.1`` or ``>=11.36.0|<11.36.46``, ``*``, ``All
  versions``; a ``product_version`` written as a range, ``vers:all/*`` or ``<2025-04-16``, is a range), or
- its full product name is exactly "NAME VERSION".

A range that cannot be read, or whose versions cannot be compared with the package's, is a *possible* match
(``matched_by`` = ``name+unreadable range``): never silently "not affected".

A relationship's product (``X as a component of Y``) matches as its ``product_reference`` X does; for
``default_component_of`` and ``installed_with`` also as the product Y it relates to does (a package of Y ships
or runs X).

``known_affected``/``first_affected``/``last_affected`` are affected (a finding); ``fixed``/``first_fixed``
are not, and the most specific match decides: a fixed product that matches more exactly (file hash, then the
exact version, then a range, then an unreadable range) than every affected one means not affected; a tie
leaves the package affected. The fixed versions of the same product name are reported as the remedy.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from shipgate.advisories.csaf import MAX_PRODUCTS
from shipgate.advisories.csaf_versions import (
    RangeUnreadable,
    looks_like_range,
    parse_range,
    per_release_line,
    same_version,
    upper_bound,
)
from shipgate.advisories.errors import CsafInvalid
from shipgate.findings import Severity

AFFECTED = ("known_affected", "first_affected", "last_affected")
FIXED = ("fixed", "first_fixed")
NOT_AFFECTED = "known_not_affected"
UNREADABLE = "name+unreadable range"
_VERSION_BRANCHES = ("product_version", "service_pack", "patch_level")
_NAME_BRANCHES = ("product_name", "product_family")
# Relationships whose product Y (relates_to_product_reference) carries the component: a package of Y matches.
_CARRIED_BY = ("default_component_of", "installed_with")
# How exactly a product matched: the most exact statement about the package wins.
_RANK = {"sha256": 4, "name+version": 3, "full name": 3, "name+range": 2, UNREADABLE: 1}
_MAX_RELATED = 64  # products looked at through relationships for one product
# CVSS qualitative ratings and the words publishers use for aggregate_severity (Red Hat: important, moderate).
_SEVERITY = {"critical": Severity.CRITICAL, "high": Severity.HIGH, "important": Severity.HIGH,
             "medium": Severity.MEDIUM, "moderate": Severity.MEDIUM, "low": Severity.LOW,
             "none": Severity.INFO}  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Product:
    product_id: str
    name: str  # the full product name
    product_names: tuple[str, ...] = ()  # product_name / product_family branches on its path
    versions: tuple[str, ...] = ()  # product_version / service_pack / patch_level branches on its path
    ranges: tuple[str, ...] = ()  # product_version_range branches (and range-like product_version) on its path
    sha256: tuple[str, ...] = ()  # file hashes from product_identification_helper
    related: tuple[Product, ...] = ()  # a relationship's component, and the product carrying it


def _hashes(product: Mapping[str, Any]) -> tuple[str, ...]:
    helper = product.get("product_identification_helper")
    out: list[str] = []
    if isinstance(helper, Mapping):
        for entry in helper.get("hashes") or []:
            for fh in entry.get("file_hashes") or [] if isinstance(entry, Mapping) else []:
                if isinstance(fh, Mapping) and str(fh.get("algorithm", "")).lower() in ("sha256", "sha-256"):
                    out.append(str(fh.get("value", "")).lower())
    return tuple(out)


def _branch_products(tree: Mapping[str, Any]) -> dict[str, Product]:
    """The products defined in ``branches`` (walked without recursion, bounded)."""
    found: dict[str, Product] = {}
    stack: list[tuple[Mapping[str, Any], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = [
        (b, (), (), ()) for b in reversed(tree.get("branches") or []) if isinstance(b, Mapping)
    ]
    walked = 0
    while stack:
        walked += 1
        if walked > MAX_PRODUCTS:
            raise CsafInvalid(f"the product tree has more than {MAX_PRODUCTS} branches")
        branch, names, versions, ranges = stack.pop()
        category, label = branch.get("category"), str(branch.get("name", ""))
        if category in _NAME_BRANCHES:
            names = (*names, label)
        elif category in _VERSION_BRANCHES and not looks_like_range(label):
            versions = (*versions, label)
        elif category in _VERSION_BRANCHES or category == "product_version_range":
            ranges = (*ranges, label)
        product = branch.get("product")
        if isinstance(product, Mapping) and "product_id" in product:
            pid = str(product["product_id"])
            found[pid] = Product(product_id=pid, name=str(product.get("name", "")), product_names=names,
                                 versions=versions, ranges=ranges, sha256=_hashes(product))  # fmt: skip
        stack.extend(
            (b, names, versions, ranges) for b in reversed(branch.get("branches") or []) if isinstance(b, Mapping)
        )
    return found


def _relationship_products(relationships: list[Any], found: dict[str, Product]) -> None:
    """Adds each relationship's product once its component is known, in any order (a worklist: linear in the
    number of relationships; one referring to a product never defined is left out)."""
    waiting: dict[str, list[Mapping[str, Any]]] = {}
    for rel in relationships:
        if isinstance(rel, Mapping) and isinstance(rel.get("full_product_name"), Mapping):
            waiting.setdefault(str(rel.get("product_reference", "")), []).append(rel)
    ready = [pid for pid in waiting if pid in found]
    while ready:
        for rel in waiting.pop(ready.pop(), []):
            full, component = rel["full_product_name"], found[str(rel.get("product_reference", ""))]
            if "product_id" not in full:
                continue
            carrier = found.get(str(rel.get("relates_to_product_reference", "")))
            related: tuple[Product, ...] = (component,)
            if carrier is not None and rel.get("category") in _CARRIED_BY:
                related = (component, carrier)
            pid = str(full["product_id"])
            found[pid] = Product(product_id=pid, name=str(full.get("name", "")), product_names=component.product_names,
                                 versions=component.versions, ranges=component.ranges,
                                 sha256=component.sha256 + _hashes(full), related=related)  # fmt: skip
            if pid in waiting:
                ready.append(pid)


def products(doc: Mapping[str, Any]) -> dict[str, Product]:
    """Every product of the tree by product id."""
    tree = doc.get("product_tree") or {}
    found = _branch_products(tree)
    for product in tree.get("full_product_names") or []:
        if isinstance(product, Mapping) and "product_id" in product:
            pid = str(product["product_id"])
            found[pid] = Product(product_id=pid, name=str(product.get("name", "")), sha256=_hashes(product))
    _relationship_products(list(tree.get("relationships") or []), found)
    return found


def vers_contains(spec: str, version: str) -> bool:
    """Whether ``version`` is certainly in the range ``spec`` (a range that cannot be read contains nothing)."""
    try:
        return parse_range(spec).contains(version) is True
    except RangeUnreadable:
        return False


def _in_range(text: str, version: str) -> bool | None:
    try:
        return parse_range(text).contains(version)
    except RangeUnreadable:
        return None


def _match_one(product: Product, name: str, version: str, sha256: str | None) -> tuple[str, str] | None:
    """How this product itself matches ("sha256", "name+version", ...) and the range text it matched by."""
    if sha256 and sha256.lower() in product.sha256:
        return ("sha256", "")
    wanted = name.casefold()
    if any(n.casefold() == wanted for n in product.product_names):
        if any(same_version(v, version) for v in product.versions):
            return ("name+version", "")
        inside = [(_in_range(r, version), r) for r in product.ranges]
        if hit := next((r for state, r in inside if state is True), None):
            return ("name+range", hit)
        if unread := next((r for state, r in inside if state is None), None):
            return (UNREADABLE, unread)
    if product.name.casefold() == f"{name} {version}".casefold():
        return ("full name", "")
    return None


def _matches(product: Product, name: str, version: str, sha256: str | None) -> tuple[str, str] | None:
    """The best way the product, or a product it relates to, matches the package."""
    best: tuple[str, str] | None = None
    stack, seen = [product], 0
    while stack and seen < _MAX_RELATED:
        current = stack.pop()
        seen += 1
        how = _match_one(current, name, version, sha256)
        if how is not None and (best is None or _RANK[how[0]] > _RANK[best[0]]):
            best = how
        stack.extend(current.related)
    return best


@dataclass(frozen=True, kw_only=True)
class CsafMatch:
    """One vulnerability of one CSAF document that affects the package."""

    document_id: str
    title: str
    cve: str | None
    ids: tuple[str, ...]  # other vulnerability ids (vendor bug ids...)
    status: str  # known_affected | first_affected | last_affected
    product_ids: tuple[str, ...]
    product_names: tuple[str, ...]
    matched_by: str
    fixed_versions: tuple[str, ...]
    severity: Severity
    remediations: tuple[str, ...] = field(default=())
    range_text: str = ""  # the range that could not be read, when matched_by is "name+unreadable range"

    @property
    def possible(self) -> bool:
        """Matched only through a range that could not be read: the package may or may not be affected."""
        return self.matched_by == UNREADABLE

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "cve": self.cve,
            "ids": list(self.ids),
            "status": self.status,
            "product_ids": list(self.product_ids),
            "products": list(self.product_names),
            "matched_by": self.matched_by,
            "fixed_versions": list(self.fixed_versions),
            "severity": self.severity.label,
            "remediations": list(self.remediations),
            **({"unreadable_range": self.range_text} if self.possible else {}),
        }


def _severity(vuln: Mapping[str, Any], product_ids: set[str], doc: Mapping[str, Any]) -> Severity:
    best: Severity | None = None
    for score in vuln.get("scores") or []:
        if not isinstance(score, Mapping) or not product_ids & set(score.get("products") or []):
            continue
        for key in ("cvss_v3", "cvss_v2"):
            cvss = score.get(key)
            if not isinstance(cvss, Mapping):
                continue
            text = cvss.get("baseSeverity")
            level = _SEVERITY.get(str(text).lower()) if text else None
            if level is None and isinstance(cvss.get("baseScore"), int | float):
                base = float(cvss["baseScore"])
                level = (
                    Severity.CRITICAL if base >= 9 else Severity.HIGH if base >= 7 else Severity.MEDIUM if base >= 4
                    else Severity.LOW
                )  # fmt: skip
            if level is not None:
                best = level if best is None else max(best, level)
    if best is None:
        aggregate = ((doc.get("document") or {}).get("aggregate_severity") or {}).get("text")
        best = _SEVERITY.get(str(aggregate).lower(), Severity.HIGH) if aggregate else Severity.HIGH
    return best


def _fixed_versions(status: Mapping[str, Any], table: Mapping[str, Product], names: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    for key in FIXED:
        for pid in status.get(key) or []:
            product = table.get(pid)
            if product is None:
                continue
            if names and not names & {n.casefold() for n in product.product_names}:
                continue
            label = product.versions[-1] if product.versions else product.name
            if label not in out:
                out.append(label)
    return tuple(out)


def _remediations(vuln: Mapping[str, Any], product_ids: set[str]) -> tuple[str, ...]:
    out = []
    for rem in vuln.get("remediations") or []:
        if isinstance(rem, Mapping) and product_ids & set(rem.get("product_ids") or []):
            text = f"{rem.get('category', '')}: {str(rem.get('details', ''))[:300]}"
            if rem.get("url"):
                text += f" ({rem['url']})"
            out.append(text)
    return tuple(out)


def _standing(status: Mapping[str, Any], matched: Mapping[str, tuple[str, str]]) -> tuple[str, list[str]] | None:
    """The affected status and the matched product ids that stand: each must match more exactly than every
    matched fixed product of the same vulnerability."""
    fixed_rank = max((_RANK[matched[p][0]] for k in FIXED for p in status.get(k) or [] if p in matched), default=0)
    for key in AFFECTED:
        hit = sorted({pid for pid in status.get(key) or [] if pid in matched and _RANK[matched[pid][0]] > fixed_rank})
        if hit:
            return key, hit
    return None


def _read_per_line(
    status: Mapping[str, Any],
    table: Mapping[str, Product],
    matched: dict[str, tuple[str, str]],
    name: str,
    version: str,
) -> dict[str, tuple[str, str]]:
    """``matched`` for one vulnerability, with the range matches re-read per release line when its affected
    products of the package's name carry several plain upper bounds."""
    wanted = name.casefold()
    bounds = {
        b
        for key in AFFECTED
        for pid in status.get(key) or []
        if pid in table and wanted in {n.casefold() for n in table[pid].product_names}
        for r in table[pid].ranges
        if (b := upper_bound(r)) is not None
    }
    by_bound = [pid for pid, (how, text) in matched.items() if how == "name+range" and upper_bound(text) is not None]
    if len({v for _, v in bounds}) < 2 or not by_bound:
        return matched
    reading = per_release_line(sorted(bounds), version)
    if reading is True:
        return matched
    out = dict(matched)
    lines = ", ".join(op + v for op, v in sorted(bounds))
    for pid in by_bound:
        if reading is None:  # in no listed release line: the document does not say
            out[pid] = (UNREADABLE, f"{lines}, one range per release line, none of them this version's")
        else:
            del out[pid]
    return out


def iter_matches(doc: Mapping[str, Any], *, name: str, version: str, sha256: str | None = None) -> Iterator[CsafMatch]:
    """Each vulnerability of ``doc`` whose affected products include the package."""
    table = products(doc)
    matched = {pid: m for pid, p in table.items() if (m := _matches(p, name, version, sha256))}
    if not matched:
        return
    meta = doc.get("document") or {}
    doc_id = str((meta.get("tracking") or {}).get("id", ""))
    for vuln in doc.get("vulnerabilities") or []:
        if not isinstance(vuln, Mapping):
            continue
        status = vuln.get("product_status") or {}
        read = _read_per_line(status, table, matched, name, version)
        standing = _standing(status, read)
        if standing is None:
            continue
        key, hit = standing
        how, range_text = max((read[pid] for pid in hit), key=lambda m: _RANK[m[0]])
        names = {n.casefold() for pid in hit for n in table[pid].product_names} or {name.casefold()}
        yield CsafMatch(
            document_id=doc_id,
            title=str(meta.get("title", "")),
            cve=str(vuln["cve"]) if vuln.get("cve") else None,
            ids=tuple(str(i.get("text")) for i in vuln.get("ids") or [] if isinstance(i, Mapping)),
            status=key,
            product_ids=tuple(hit),
            product_names=tuple(table[pid].name for pid in hit),
            matched_by=how,
            fixed_versions=_fixed_versions(status, table, names),
            severity=_severity(vuln, set(hit), doc),
            remediations=_remediations(vuln, set(hit)),
            range_text=range_text if how == UNREADABLE else "",
        )


def match_package(doc: Mapping[str, Any], *, name: str, version: str, sha256: str | None = None) -> list[CsafMatch]:
    return list(iter_matches(doc, name=name, version=version, sha256=sha256))


@dataclass(frozen=True, kw_only=True)
class VexStatement:
    """A vulnerability the document says does not affect the package (``known_not_affected``), and why."""

    document_id: str
    cve: str | None
    ids: tuple[str, ...]
    product_ids: tuple[str, ...]
    justification: str  # CSAF 2.0 §3.2.3.5 flag labels and §3.2.3.12 impact statements for these products

    @property
    def key(self) -> str:
        return vulnerability_key(self.cve, self.ids)

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document_id, "cve": self.cve, "ids": list(self.ids),
                "product_ids": list(self.product_ids), "justification": self.justification}  # fmt: skip


def vulnerability_key(cve: str | None, ids: tuple[str, ...]) -> str:
    """What identifies a vulnerability across documents: its CVE, else its first other id."""
    return (cve or (ids[0] if ids else "")).upper()


def _justification(vuln: Mapping[str, Any], product_ids: set[str], groups: Mapping[str, set[str]]) -> str:
    def covers(item: Mapping[str, Any]) -> bool:
        members = set(item.get("product_ids") or [])
        for group in item.get("group_ids") or []:
            members |= groups.get(str(group), set())
        return bool(members & product_ids)

    parts = [
        str(flag.get("label", "")).replace("_", " ")
        for flag in vuln.get("flags") or []
        if isinstance(flag, Mapping) and covers(flag)
    ]
    parts += [
        str(threat.get("details", ""))[:500]
        for threat in vuln.get("threats") or []
        if isinstance(threat, Mapping) and threat.get("category") == "impact" and covers(threat)
    ]
    return "; ".join(p for p in parts if p) or "no justification given"


def not_affected(doc: Mapping[str, Any], *, name: str, version: str, sha256: str | None = None) -> list[VexStatement]:
    """The document's ``known_not_affected`` statements about the package (VEX, CSAF 2.0 §4.5)."""
    table = products(doc)
    matched = {pid for pid, p in table.items() if (how := _matches(p, name, version, sha256)) and how[0] != UNREADABLE}
    if not matched:
        return []
    groups = {
        str(g.get("group_id")): set(g.get("product_ids") or [])
        for g in (doc.get("product_tree") or {}).get("product_groups") or []
        if isinstance(g, Mapping)
    }
    doc_id = str(((doc.get("document") or {}).get("tracking") or {}).get("id", ""))
    out: list[VexStatement] = []
    for vuln in doc.get("vulnerabilities") or []:
        if not isinstance(vuln, Mapping):
            continue
        hit = sorted(set((vuln.get("product_status") or {}).get(NOT_AFFECTED) or []) & matched)
        if hit:
            out.append(
                VexStatement(
                    document_id=doc_id,
                    cve=str(vuln["cve"]) if vuln.get("cve") else None,
                    ids=tuple(str(i.get("text")) for i in vuln.get("ids") or [] if isinstance(i, Mapping)),
                    product_ids=tuple(hit),
                    justification=_justification(vuln, set(hit), groups),
                )
            )
    return out
