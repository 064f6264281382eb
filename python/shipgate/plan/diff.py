"""The upgrade diff: what the new version changes against the running one, from their two indexes.

Each difference is one :class:`Change`, at the finest level that explains it: a configuration file whose
keys changed is reported by its keys (not also as a changed file), a unit file that moved under another
name with the same program is one ``unit_renamed`` (not a removal and an addition). A change the manifest
(or a vendor advisory) should have stated and did not carries a finding code (``plan.*``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from shipgate.findings import Finding, Severity
from shipgate.plan.findings import plan_finding
from shipgate.plan.index import PackageIndex

_SEVERITY = {
    "plan.undeclared_removed_key": Severity.MEDIUM,
    "plan.undocumented_flag": Severity.MEDIUM,
    "plan.unit_renamed": Severity.MEDIUM,
    "plan.new_endpoint": Severity.LOW,
}
# Unit keys that say which program a unit runs: equal values mean the same service under another name.
_UNIT_IDENTITY = ("Service.ExecStart", "Socket.ListenStream", "Timer.OnCalendar", "Unit.Description")


@dataclass(frozen=True, kw_only=True)
class Change:
    kind: str
    """file_added, file_removed, file_changed, mode_changed, binary_changed, key_added, key_removed,
    value_changed, flag_added, flag_removed, unit_added, unit_removed, unit_renamed, job_added,
    endpoint_added, migration_added."""
    subject: str
    where: str
    old: str | None = None
    new: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    code: str | None = None
    """The finding this change is, when it is one (an undeclared change)."""
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "subject": self.subject, "where": self.where}
        for key in ("old", "new", "code"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.evidence:
            out["evidence"] = dict(self.evidence)
        if self.message:
            out["message"] = self.message
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        return cls(kind=str(data["kind"]), subject=str(data["subject"]), where=str(data.get("where", "")),
                   old=data.get("old"), new=data.get("new"), evidence=dict(data.get("evidence") or {}),
                   code=data.get("code"), message=str(data.get("message", "")))

    def finding(self) -> Finding | None:
        if self.code is None:
            return None
        file, _, line = self.where.partition(":")
        evidence: dict[str, Any] = {"file": file, "change": self.kind, "subject": self.subject, **self.evidence}
        if line.isdigit():
            evidence["line"] = int(line)
        if self.old is not None:
            evidence["old"] = self.old
        if self.new is not None:
            evidence["new"] = self.new
        evidence.pop("file")
        return plan_finding(self.code, _SEVERITY[self.code], path=file, message=self.message, **evidence)


@dataclass(frozen=True, kw_only=True)
class Diff:
    old: PackageIndex
    new: PackageIndex
    changes: tuple[Change, ...]

    def of_kind(self, *kinds: str) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]

    def findings(self) -> list[Finding]:
        return [f for c in self.changes if (f := c.finding()) is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "shipgate.diff/v1",
            "old": {"name": self.old.name, "version": self.old.version, "sha256": self.old.sha256},
            "new": {"name": self.new.name, "version": self.new.version, "sha256": self.new.sha256},
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True, kw_only=True)
class Declared:
    """What the vendor stated about the change outside the package's files: removed and renamed keys and
    the text of notices (an advisory naming a flag documents it)."""

    removed: frozenset[str] = frozenset()
    texts: tuple[str, ...] = ()

    @classmethod
    def from_advisories(cls, advisories: Iterable[Mapping[str, Any]]) -> Declared:
        removed: set[str] = set()
        texts: list[str] = []
        for a in advisories:
            for key in a.get("removed") or ():
                removed.add(str(key))
            renamed = a.get("renamed")
            if isinstance(renamed, Mapping):
                removed.update(str(k) for k in renamed)
            texts.append(str(a.get("text", "")) + " " + str(a.get("title", "")))
        return cls(removed=frozenset(removed), texts=tuple(texts))


def diff_indexes(old: PackageIndex, new: PackageIndex, *, declared: Declared | None = None) -> Diff:
    declared = declared or Declared()
    changes: list[Change] = []
    renamed_units = _units(old, new, changes)
    explained = set(renamed_units) | _keys(old, new, declared, changes)
    _files(old, new, explained, changes)
    _flags(old, new, declared, changes)
    _facts(old, new, changes)
    return Diff(old=old, new=new, changes=tuple(changes))


def _files(old: PackageIndex, new: PackageIndex, explained: set[str], out: list[Change]) -> None:
    before = {f.path: f for f in old.files}
    after = {f.path: f for f in new.files}
    for path in sorted(after.keys() - before.keys() - explained):
        f = after[path]
        out.append(Change(kind="file_added", subject=path, where=path, new=f.digest, evidence={"size": f.size}))
    for path in sorted(before.keys() - after.keys() - explained):
        out.append(Change(kind="file_removed", subject=path, where=path, old=before[path].digest))
    for path in sorted(before.keys() & after.keys()):
        a, b = before[path], after[path]
        if a.digest != b.digest and path not in explained:
            kind = "binary_changed" if a.binary or b.binary else "file_changed"
            out.append(Change(kind=kind, subject=path, where=path, old=a.digest, new=b.digest,
                              evidence={"old_size": a.size, "new_size": b.size}))
        if a.mode != b.mode and a.mode is not None and b.mode is not None:
            out.append(Change(kind="mode_changed", subject=path, where=path, old=f"{a.mode:04o}", new=f"{b.mode:04o}"))


def _key_sources(index: PackageIndex) -> dict[str, tuple[str, str]]:
    """key → (file, value) over the configuration files (units excluded: they are compared as units)."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(index.config):
        parsed = index.config[path]
        if parsed.format == "systemd":
            continue
        for key, value in parsed.keys.items():
            out.setdefault(key, (path, value))
    return out


def _keys(old: PackageIndex, new: PackageIndex, declared: Declared, out: list[Change]) -> set[str]:
    """Key changes; returns the configuration files whose change they explain."""
    before, after = _key_sources(old), _key_sources(new)
    stated = set(new.manifest.removed) | set(new.manifest.renamed) | declared.removed
    touched: set[str] = set()
    for key in sorted(before.keys() - after.keys()):
        path, value = before[key]
        undeclared = key not in stated
        out.append(Change(
            kind="key_removed", subject=key, where=path, old=value,
            code="plan.undeclared_removed_key" if undeclared else None,
            message=f"{path}: {key} (= {value}) in {old.version} is gone in {new.version}; the manifest does not "
            "say it was removed or renamed" if undeclared else "",
            evidence={"old_file": path, "declared": not undeclared},
        ))
        touched.add(path)
    for key in sorted(after.keys() - before.keys()):
        path, value = after[key]
        out.append(Change(kind="key_added", subject=key, where=path, new=value))
        touched.add(path)
    for key in sorted(before.keys() & after.keys()):
        if before[key][1] != after[key][1]:
            out.append(Change(kind="value_changed", subject=key, where=after[key][0], old=before[key][1],
                              new=after[key][1]))
            touched.add(after[key][0])
    # A file is explained by its key changes only when its keys are all that changed in it.
    return {p for p in touched if p in old.config and p in new.config and not old.config[p].error}


def product_namespaces(index: PackageIndex, extra_keys: Iterable[str] = ()) -> frozenset[str]:
    """First segments of the product's own dotted keys: its name and its configuration's top-level names."""
    keys = [*index.config_keys, *index.manifest.removed, *index.manifest.required, *index.manifest.renamed, *extra_keys]
    return frozenset({index.name.lower(), *(k.split(".", 1)[0].lower() for k in keys if "." in k)} - {""})


def is_product_flag(flag: str, namespaces: frozenset[str], name: str) -> bool:
    """A dotted key in the product's namespace, or an environment variable named after the product."""
    if "." in flag and not flag.startswith("-"):
        return flag.split(".", 1)[0].lower() in namespaces
    prefix = re.sub(r"[^A-Z0-9]", "_", name.upper())
    return bool(prefix) and flag.startswith(prefix + "_")


def documented(flag: str, index: PackageIndex, declared: Declared) -> str | None:
    """Where ``flag`` is named: a file of the package, its configuration, its manifest or an advisory."""
    if flag in index.documented_flags:
        return "a file of the package"
    if flag in index.config_keys or flag in index.manifest.required or flag in index.manifest.removed:
        return "the configuration"
    if any(flag in text for text in declared.texts):
        return "a vendor advisory"
    return None


def _flags(old: PackageIndex, new: PackageIndex, declared: Declared, out: list[Change]) -> None:
    before, after = old.all_flags, new.all_flags
    namespaces = product_namespaces(new) | product_namespaces(old)
    for flag in sorted(after - before):
        binary = next(path for path, flags in sorted(new.flags.items()) if flag in flags)
        named = documented(flag, new, declared)
        product = is_product_flag(flag, namespaces, new.name)
        code = "plan.undocumented_flag" if named is None and product else None
        out.append(Change(
            kind="flag_added", subject=flag, where=binary, new=flag, code=code,
            message=f"{binary}: {flag!r} appears in {new.version} ({binary} did not carry it in {old.version}) and"
            " no file, manifest or advisory names it" if code else "",
            evidence={"binary": binary, "documented_in": named, "product_flag": product},
        ))
    for flag in sorted(before - after):
        binary = next(path for path, flags in sorted(old.flags.items()) if flag in flags)
        out.append(Change(kind="flag_removed", subject=flag, where=binary, old=flag))


def _unit_identity(index: PackageIndex, path: str) -> dict[str, str]:
    parsed = index.config.get(path)
    keys = parsed.keys if parsed else {}
    return {k: keys[k] for k in _UNIT_IDENTITY if k in keys}


def _units(old: PackageIndex, new: PackageIndex, out: list[Change]) -> list[str]:
    """Unit changes; returns the unit files a rename explains."""
    gone = sorted(old.units.keys() - new.units.keys())
    came = sorted(new.units.keys() - old.units.keys())
    explained: list[str] = []
    for name in gone:
        old_path = old.units[name]
        identity = _unit_identity(old, old_path)
        old_file = old.file(old_path)
        match = None
        for candidate in came:
            new_path = new.units[candidate]
            same = {k: v for k, v in _unit_identity(new, new_path).items() if identity.get(k) == v}
            new_file = new.file(new_path)
            if same or (old_file and new_file and old_file.digest == new_file.digest):
                match = (candidate, new_path, same)
                break
        if match is None:
            out.append(Change(kind="unit_removed", subject=name, where=old_path, old=name))
            continue
        candidate, new_path, same = match
        came.remove(candidate)
        explained += [old_path, new_path]
        out.append(Change(
            kind="unit_renamed", subject=name, where=new_path, old=name, new=candidate, code="plan.unit_renamed",
            message=f"{new_path}: unit {name} of {old.version} is {candidate} in {new.version} "
            f"(same {', '.join(sorted(same)) or 'content'}); anything that names {name} stops working",
            evidence={"old_file": old_path, "new_file": new_path, "same": dict(same)},
        ))
    for name in came:
        out.append(Change(kind="unit_added", subject=name, where=new.units[name], new=name))
    return explained


def _facts(old: PackageIndex, new: PackageIndex, out: list[Change]) -> None:
    old_jobs = {j.what for j in old.jobs}
    for job in new.jobs:
        if job.what not in old_jobs:
            out.append(Change(kind="job_added", subject=job.what, where=job.where, new=job.what,
                              evidence={"mechanism": job.kind}))
    old_hosts = {e.what for e in old.endpoints}
    seen: set[str] = set()
    for endpoint in new.endpoints:
        if endpoint.what in old_hosts or endpoint.what in seen:
            continue
        seen.add(endpoint.what)
        out.append(Change(
            kind="endpoint_added", subject=endpoint.what, where=endpoint.where, new=endpoint.what,
            code="plan.new_endpoint",
            message=f"{endpoint.where}: {new.version} contacts {endpoint.what}, which {old.version} did not",
            evidence={"text": endpoint.detail.get("text", "")},
        ))
    old_migrations = set(old.manifest.migrations)
    for path in new.manifest.migrations:
        if path not in old_migrations:
            out.append(Change(kind="migration_added", subject=path, where=path, new=path))
