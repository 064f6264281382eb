"""Matching a package against a CSAF 2.0 document's ``product_tree`` and ``product_status``.

A product matches a package when

- a ``product_identification_helper.hashes`` file hash (sha256) equals the archive's SHA-256, or
- its ``product_name`` (or ``product_family``) branch equals the package name, case-insensitively, and one
  of its version branches (``product_version``, ``service_pack``, ``patch_level``) equals the version, or
- its full product name is exactly "NAME VERSION".

A relationship's product (``X as a component of Y``) matches as its ``product_reference`` does.
``known_affected``/``first_affected``/``last_affected`` are affected (a finding), ``fixed``/``first_fixed``
are not; the fixed versions of the same product name are reported as the remedy. A
``product_version_range`` branch in the ``vers:`` syntax (``vers:generic/>=2.9|<=4.1``, ``vers:all/*``)
matches the versions it contains; a range in any other syntax never matches.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from packaging.version import InvalidVersion, Version

from shipgate.advisories.csaf import MAX_PRODUCTS
from shipgate.advisories.errors import CsafInvalid
from shipgate.findings import Severity
from shipgate.package.versions import release_key, same_version

AFFECTED = ("known_affected", "first_affected", "last_affected")
FIXED = ("fixed", "first_fixed")
NOT_AFFECTED = "known_not_affected"
_VERSION_BRANCHES = ("product_version", "service_pack", "patch_level")
_NAME_BRANCHES = ("product_name", "product_family")
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
    ranges: tuple[str, ...] = ()  # product_version_range branches on its path
    sha256: tuple[str, ...] = ()  # file hashes from product_identification_helper


def _hashes(product: Mapping[str, Any]) -> tuple[str, ...]:
    helper = product.get("product_identification_helper")
    out: list[str] = []
    if isinstance(helper, Mapping):
        for entry in helper.get("hashes") or []:
            for fh in entry.get("file_hashes") or [] if isinstance(entry, Mapping) else []:
                if isinstance(fh, Mapping) and str(fh.get("algorithm", "")).lower() in ("sha256", "sha-256"):
                    out.append(str(fh.get("value", "")).lower())
    return tuple(out)


def products(doc: Mapping[str, Any]) -> dict[str, Product]:
    """Every product of the tree by product id (branches walked without recursion, bounded)."""
    tree = doc.get("product_tree") or {}
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
        elif category in _VERSION_BRANCHES:
            versions = (*versions, label)
        elif category == "product_version_range":
            ranges = (*ranges, label)
        product = branch.get("product")
        if isinstance(product, Mapping) and "product_id" in product:
            pid = str(product["product_id"])
            found[pid] = Product(
                product_id=pid,
                name=str(product.get("name", "")),
                product_names=names,
                versions=versions,
                ranges=ranges,
                sha256=_hashes(product),
            )
        stack.extend(
            (b, names, versions, ranges) for b in reversed(branch.get("branches") or []) if isinstance(b, Mapping)
        )
    for product in tree.get("full_product_names") or []:
        if isinstance(product, Mapping) and "product_id" in product:
            pid = str(product["product_id"])
            found[pid] = Product(product_id=pid, name=str(product.get("name", "")), sha256=_hashes(product))
    # A relationship's product is its component (product_reference) placed into another product.
    for rel in tree.get("relationships") or []:
        if not isinstance(rel, Mapping):
            continue
        full = rel.get("full_product_name") or {}
        component = found.get(str(rel.get("product_reference", "")))
        if isinstance(full, Mapping) and "product_id" in full and component is not None:
            pid = str(full["product_id"])
            found[pid] = Product(
                product_id=pid,
                name=str(full.get("name", "")),
                product_names=component.product_names,
                versions=component.versions,
                ranges=component.ranges,
                sha256=component.sha256 + _hashes(full),
            )
    return found


def _pep440(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _compare(a: str, b: str) -> int | None:
    """-1, 0 or 1 (PEP 440 when both parse, else the leading numeric releases), None if incomparable."""
    va, vb = _pep440(a), _pep440(b)
    if va is not None and vb is not None:
        return (va > vb) - (va < vb)
    ka, kb = release_key(a), release_key(b)
    if ka is None or kb is None:
        return None
    return (ka > kb) - (ka < kb)


_VERS_OPS = ("<=", ">=", "!=", "<", ">", "=")


def vers_contains(spec: str, version: str) -> bool:
    """Whether ``version`` is in a ``vers:`` range (the vers specification's containment algorithm)."""
    scheme, _, constraints = spec.strip().partition("/")
    if not scheme.startswith("vers:") or not constraints:
        return False
    if constraints.strip() == "*":
        return True
    parsed: list[tuple[str, str]] = []
    for raw in constraints.split("|")[:64]:
        item = raw.strip()
        op = next((o for o in _VERS_OPS if item.startswith(o)), "=")
        parsed.append((op, item[len(op) :].strip() if item.startswith(op) else item))
    bounds: list[tuple[str, str, int]] = []
    for op, value in parsed:
        order = _compare(version, value)
        if order is None:
            return False
        if op == "=" and order == 0:
            return True
        if op == "!=" and order == 0:
            return False
        if op not in ("=", "!="):
            bounds.append((op, value, order))
    if not bounds:
        return False
    ordered: list[tuple[str, str, int]] = []
    for bound in bounds:  # sort by the constraint's version (a few items: insertion sort on _compare)
        i = len(ordered)
        while i > 0 and (_compare(ordered[i - 1][1], bound[1]) or 0) > 0:
            i -= 1
        ordered.insert(i, bound)

    def holds(op: str, order: int) -> bool:  # order: version compared with the constraint's value
        return {"<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0}[op]

    if len(ordered) == 1:
        return holds(ordered[0][0], ordered[0][2])
    for i, (op, _, order) in enumerate(ordered[:-1]):
        next_op, _, next_order = ordered[i + 1]
        if i == 0 and op in ("<", "<=") and holds(op, order):
            return True
        if i == len(ordered) - 2 and next_op in (">", ">=") and holds(next_op, next_order):
            return True
        if op in (">", ">=") and next_op in ("<", "<=") and holds(op, order) and holds(next_op, next_order):
            return True
    return False


def _matches(product: Product, name: str, version: str, sha256: str | None) -> str | None:
    """How the product matches the package ("sha256", "name+version", "full name"), or None."""
    if sha256 and sha256.lower() in product.sha256:
        return "sha256"
    wanted = name.casefold()
    if any(n.casefold() == wanted for n in product.product_names):
        if any(same_version(v, version) for v in product.versions):
            return "name+version"
        if any(vers_contains(r, version) for r in product.ranges):
            return "name+range"
    if product.name.casefold() == f"{name} {version}".casefold():
        return "full name"
    return None


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


def iter_matches(doc: Mapping[str, Any], *, name: str, version: str, sha256: str | None = None) -> Iterator[CsafMatch]:
    """Each vulnerability of ``doc`` whose affected products include the package."""
    table = products(doc)
    matched = {pid: how for pid, p in table.items() if (how := _matches(p, name, version, sha256))}
    if not matched:
        return
    meta = doc.get("document") or {}
    doc_id = str((meta.get("tracking") or {}).get("id", ""))
    for vuln in doc.get("vulnerabilities") or []:
        if not isinstance(vuln, Mapping):
            continue
        status = vuln.get("product_status") or {}
        fixed = {pid for key in FIXED for pid in status.get(key) or []}
        for key in AFFECTED:
            hit = sorted({pid for pid in status.get(key) or [] if pid in matched and pid not in fixed})
            if not hit:
                continue
            names = {n.casefold() for pid in hit for n in table[pid].product_names} or {name.casefold()}
            yield CsafMatch(
                document_id=doc_id,
                title=str(meta.get("title", "")),
                cve=str(vuln["cve"]) if vuln.get("cve") else None,
                ids=tuple(str(i.get("text")) for i in vuln.get("ids") or [] if isinstance(i, Mapping)),
                status=key,
                product_ids=tuple(hit),
                product_names=tuple(table[pid].name for pid in hit),
                matched_by=matched[hit[0]],
                fixed_versions=_fixed_versions(status, table, names),
                severity=_severity(vuln, set(hit), doc),
                remediations=_remediations(vuln, set(hit)),
            )
            break


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
    matched = {pid for pid, p in table.items() if _matches(p, name, version, sha256)}
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
