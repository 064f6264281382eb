"""Whether an advisory's ``applies_to`` ({name, version constraint}) covers a package (FORMATS §2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shipgate.package.manifest import PackageInfo
from shipgate.package.versions import Constraint, ConstraintError


def applies(advisory: Mapping[str, Any], package: PackageInfo) -> bool | None:
    """True/False, or None when ``applies_to`` is unreadable. A missing ``applies_to`` applies to all."""
    target = advisory.get("applies_to")
    if target is None:
        return True
    if not isinstance(target, Mapping):
        return None
    name = target.get("name")
    if name is not None and name != package.name:
        return False
    version = target.get("version", "*")
    if not isinstance(version, str):
        return None
    try:
        admitted = Constraint.parse(version).admits(package.version)
    except ConstraintError:
        return None
    return admitted


def advisory_id(advisory: Mapping[str, Any]) -> str:
    value = advisory.get("id")
    return value if isinstance(value, str) and value else "(advisory without id)"
