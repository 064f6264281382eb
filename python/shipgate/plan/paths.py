"""Upgrade paths: the running version against the versions the package declares it upgrades from
(manifest ``upgrades_from``, docs/plan.md). Outside the path, the finding names the version to install
first: a stored version that sits on both paths when shipgate has seen one, else the lowest version the
declaration admits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.package.versions import Constraint, ConstraintError, release_key
from shipgate.plan.findings import plan_finding


@dataclass(frozen=True, kw_only=True)
class KnownVersion:
    """A version of the product shipgate has indexed, with the path it declares."""

    version: str
    upgrades_from: tuple[str, ...] = ()


def _admits(constraints: Sequence[Constraint], version: str) -> bool | None:
    results = [c.admits(version) for c in constraints]
    if any(r is True for r in results):
        return True
    return None if any(r is None for r in results) else False


def _parse(texts: Iterable[str]) -> list[Constraint]:
    out: list[Constraint] = []
    for text in texts:
        try:
            out.append(Constraint.parse(text))
        except ConstraintError:
            continue
    return out


def _key(version: str) -> tuple[int, ...]:
    return release_key(version) or ()


def intermediate(
    constraints: Sequence[Constraint], running: str, known: Iterable[KnownVersion]
) -> tuple[str, str] | None:
    """(version, why) to install first: a known version on both paths, else the declaration's lowest bound."""
    bridges = [
        k.version for k in known
        if _admits(constraints, k.version) is True
        and (not k.upgrades_from or _admits(_parse(k.upgrades_from), running) is True)
        and _key(k.version) > _key(running)
    ]
    if bridges:
        return min(bridges, key=_key), "a version shipgate has verified, which upgrades from the running one"
    floors = [c.version for con in constraints for c in con.clauses if c.op in (">=", "==", "~=", "===", ">")]
    if floors:
        return min(floors, key=_key), "the lowest version the package upgrades from"
    return None


def check_path(
    *,
    name: str,
    version: str,
    upgrades_from: Sequence[Constraint],
    running: str | None,
    known: Iterable[KnownVersion] = (),
) -> list[Finding]:
    """Findings about upgrading ``name`` from ``running`` (the inventory's ``components.<name>``) to
    ``version``: skipped versions (high), not newer (medium)."""
    if running is None:
        return []
    out: list[Finding] = []
    have, want = release_key(running), release_key(version)
    if have is not None and want is not None and want <= have:
        out.append(_finding(
            "plan.version_not_newer", Severity.MEDIUM,
            f"the target runs {name} {running}; this package is {version}: not an upgrade",
            running=running, version=version,
        ))
    if not upgrades_from or _admits(upgrades_from, running) is not False:
        return out
    declared = " or ".join(c.text for c in upgrades_from)
    step = intermediate(upgrades_from, running, known)
    first = f"; install {name} {step[0]} first ({step[1]})" if step else ""
    out.append(_finding(
        "plan.upgrade_path_skipped", Severity.HIGH,
        f"{name} {version} upgrades from {declared}; the target runs {running}, outside that path{first}",
        running=running, version=version, upgrades_from=declared, intermediate=step[0] if step else None,
    ))
    return out


def _finding(code: str, severity: Severity, message: str, **evidence: object) -> Finding:
    return plan_finding(code, severity, path="manifest.json", message=f"manifest.json: {message}", **evidence)
