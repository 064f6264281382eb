"""*Before*: everything to do before the window opens — the upgrade path, dependencies to upgrade first,
trust to install, configuration changes, unit names to fix, privileges to arrange, backups to take (the
configuration and tables the upgrade changes; the product's data when no script backs anything up)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from shipgate.findings import Finding
from shipgate.plan.diff import Diff
from shipgate.plan.inputs import PlanInputs
from shipgate.plan.model import Rollback, Step
from shipgate.preflight.config import same_value


def _where(f: Finding) -> str:
    file, line = f.evidence.get("file") or f.path, f.evidence.get("line")
    return f"{file}:{line}" if line else str(file)


def _path(path_findings: list[Finding]) -> Iterator[Step]:
    for f in path_findings:
        if f.code == "plan.upgrade_path_skipped" and f.evidence.get("intermediate"):
            yield Step(kind="upgrade-path", text=f"Install {f.evidence['intermediate']} first", why=f.message,
                       where="manifest.json", code=f.code)


def _dependencies(inputs: PlanInputs) -> Iterator[Step]:
    for f in inputs.of("preflight.dependency_unsatisfied", "preflight.dependency_missing"):
        name, constraint = f.evidence.get("dependency", "?"), f.evidence.get("constraint", "")
        yield Step(kind="dependency", text=f"Upgrade {name} to {constraint} first".strip(), why=f.message,
                   where=_where(f), code=f.code)


def _trust(inputs: PlanInputs) -> Iterator[Step]:
    for f in inputs.of("trust.unknown_issuer"):
        command = f.evidence.get("remedy_command") or "shipgate advisories sync --vendor VENDOR SOURCE"
        issuer = f.evidence.get("issuer", "the signer's issuer")
        yield Step(kind="trust", text=f"Make {issuer} trusted: {command} (or pin the root after checking it)",
                   why=f.message, where=_where(f), code=f.code)


def _value(value: Any) -> str:
    return json.dumps(value)


def _config(inputs: PlanInputs) -> Iterator[Step]:
    current = inputs.inventory.config if inputs.inventory else {}
    seen: set[tuple[str, str]] = set()
    for what, key, value, source in inputs.config_changes():
        if (what, key) in seen:
            continue
        seen.add((what, key))
        if what == "required" and not (key in current and same_value(current[key], value)):
            now = f" (the target has {_value(current[key])})" if key in current else ""
            yield Step(kind="config", text=f"Set {key} = {_value(value)}", why=f"required by the {source}{now}",
                       where="manifest.json" if source == "manifest" else source)
        elif what == "removed" and (key in current or inputs.inventory is None):
            now = f" = {_value(current[key])}" if key in current else ""
            yield Step(kind="config", text=f"Move {key}{now}: carry its intent to its replacement, then delete it",
                       why=f"removed by the {source}; after the upgrade the setting is ignored",
                       where="manifest.json" if source == "manifest" else source)
        elif what == "renamed" and (key in current or inputs.inventory is None):
            yield Step(kind="config", text=f"Rename {key} to {value}", why=f"renamed by the {source}",
                       where="manifest.json" if source == "manifest" else source)


def _units(inputs: PlanInputs, diff: Diff | None) -> Iterator[Step]:
    by_unit: dict[str, list[Finding]] = {}
    for f in inputs.of("preflight.systemd_unit_missing"):
        by_unit.setdefault(str(f.evidence.get("unit", "?")), []).append(f)
    for unit, found in sorted(by_unit.items()):
        suggestion = found[0].evidence.get("suggestion")
        fix = f"; the target runs {suggestion}" if suggestion else ""
        places = ", ".join(sorted({_where(f) for f in found}))
        yield Step(kind="unit", text=f"Fix the unit name {unit}{fix} (alias it or correct the scripts)",
                   why=f"{unit} is named by the package but not installed on the target", where=places,
                   code="preflight.systemd_unit_missing")
    for change in diff.of_kind("unit_renamed") if diff else ():
        yield Step(kind="unit", text=f"Update what names {change.old} to {change.new}",
                   why=change.message, where=change.where, code=change.code)


def _privilege(inputs: PlanInputs) -> Iterator[Step]:
    found = list(inputs.of("preflight.sudo_unavailable"))
    if found:
        yield Step(kind="privilege", text="Arrange the privilege the scripts assume (they run sudo; the target's "
                   "installers get none), or run those steps as root by the sanctioned route",
                   why=found[0].message, where=", ".join(_where(f) for f in found), code=found[0].code)


def _backups(rollback: Rollback) -> Iterator[Step]:
    if rollback.config_files or rollback.config_keys:
        names = [*rollback.config_files, *(f"key {k}" for k in rollback.config_keys)]
        done = f" (a script does: {rollback.config_backup})" if rollback.config_backup else ""
        yield Step(kind="backup", text=f"Back up the configuration: {', '.join(names)}{done}",
                   why="the upgrade changes it; a rollback restores it",
                   code=None if rollback.config_backup else "plan.config_backup_missing")
    if not rollback.backed_up and not rollback.migrations:
        yield Step(kind="backup", text="Back up the product's data and configuration (a snapshot of the host, or a "
                   "copy of its data directories and a database dump)",
                   why="no script of the package takes a backup: without one a rollback has nothing to restore")
    tables = sorted({t for m in rollback.migrations for t in m.tables})
    if rollback.migrations:
        what = f"tables {', '.join(tables)}" if tables else "the database the migrations alter"
        done = f" (a script does: {rollback.database_backup})" if rollback.database_backup else ""
        yield Step(kind="backup", text=f"Back up {what} (schema and rows){done}",
                   why="migrations: " + ", ".join(f"{m.path} ({m.classification})" for m in rollback.migrations),
                   where=", ".join(m.path for m in rollback.migrations))


def before_steps(inputs: PlanInputs, *, diff: Diff | None, rollback: Rollback, path: list[Finding]) -> tuple[Step, ...]:
    return (
        *_path(path),
        *_dependencies(inputs),
        *_trust(inputs),
        *_config(inputs),
        *_units(inputs, diff),
        *_privilege(inputs),
        *_backups(rollback),
    )
