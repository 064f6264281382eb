"""*Rollback*: how to get back, at two levels.

Data: each migration file classified from preflight's reading of its SQL — ``reversible`` (``ADD COLUMN``,
``CREATE INDEX``: the reverse statement loses nothing that existed before), ``data_loss`` (reversible with
data loss), ``irreversible`` (``DROP COLUMN``, ``DROP TABLE``, a narrowing type change) — whether the
package ships a down migration for it, and whether a script backs the database up first.
Configuration: the files the package installs and the target keys the upgrade removes, renames or
requires, and whether a script backs them up. Data: whether a script copies or archives the product's data.
An irreversible migration without a backup step is a high finding; configuration changed without a backup is a
medium one.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Iterable

from shipgate.findings import Finding, Severity
from shipgate.plan.findings import plan_finding
from shipgate.plan.index import Located, PackageIndex
from shipgate.plan.inputs import PlanInputs
from shipgate.plan.model import MigrationRollback, Rollback, Step

_ORDER = {"reversible": 0, "unknown": 1, "data_loss": 2, "irreversible": 3}
_DOWN_WORDS = re.compile(r"(?i)(?:^|[._-])(?:down|rollback|revert|undo)(?:[._-]|$)")
_CONFIG_DIRS = frozenset({"config", "conf", "etc"})


def classify(reversibilities: Iterable[str]) -> str:
    """A migration is as reversible as its least reversible statement; ``unknown`` when none was read."""
    worst = max(reversibilities, key=lambda r: _ORDER.get(r, 1), default="unknown")
    return worst if worst in _ORDER else "unknown"


def down_migration(path: str, index: PackageIndex) -> str | None:
    """A file beside ``path`` that undoes it: same number prefix (``0042``) or name, marked down/rollback."""
    folder, name = posixpath.split(path)
    stem = name.split(".", 1)[0]
    number = re.match(r"\d+", stem)
    for f in index.files:
        other_folder, other = posixpath.split(f.path)
        marked = _DOWN_WORDS.search(other.rsplit(".", 1)[0]) or _DOWN_WORDS.search(posixpath.basename(other_folder))
        if f.path == path or not marked:
            continue
        near = other_folder == folder or posixpath.dirname(other_folder) == folder
        same = (number and other.startswith(number.group(0))) or stem.split("_", 1)[-1] in other
        if near and same:
            return f.path
    return None


def _statements(path: str, facts: Iterable[Located]) -> tuple[dict[str, object], ...]:
    return tuple(
        {"line": s.line, "text": s.detail.get("text", s.what), "kind": s.kind,
         "reversibility": s.detail.get("reversibility", "unknown"), "tables": list(s.detail.get("tables", ())),
         "rewrites_table": bool(s.detail.get("rewrites_table", False))}
        for s in facts if s.file == path
    )


def migrations_of(inputs: PlanInputs) -> tuple[MigrationRollback, ...]:
    out: list[MigrationRollback] = []
    for path in inputs.manifest.migrations:
        statements = _statements(path, inputs.index.statements)
        tables = tuple(sorted({str(t) for s in statements for t in s["tables"]}))  # type: ignore[attr-defined]
        out.append(MigrationRollback(
            path=path,
            classification=classify(str(s["reversibility"]) for s in statements),
            statements=statements,
            down=down_migration(path, inputs.index),
            tables=tables,
        ))
    return tuple(out)


def _config_files(index: PackageIndex) -> tuple[str, ...]:
    return tuple(sorted(
        p for p, c in index.config.items()
        if c.format != "systemd" and any(part in _CONFIG_DIRS for part in p.split("/")[:-1])
    ))


def _backup_of(index: PackageIndex, kind: str) -> str | None:
    """Where a script backs up ``config``, ``data`` or ``database`` (the plan's reading of the scripts' commands)."""
    found = next((c for c in index.commands if c.kind == f"backup-{kind}"), None)
    return found.where if found else None


def plan_rollback(inputs: PlanInputs) -> tuple[Rollback, list[Finding]]:
    migrations = migrations_of(inputs)
    keys = tuple(sorted({key for _, key, _, _ in inputs.config_changes()}))
    config_files = _config_files(inputs.index)
    rollback = Rollback(
        migrations=migrations,
        database_backup=_backup_of(inputs.index, "database"),
        config_files=config_files,
        config_keys=keys,
        config_backup=_backup_of(inputs.index, "config"),
        data_backup=_backup_of(inputs.index, "data"),
    )
    findings: list[Finding] = []
    steps: list[Step] = []
    for m in migrations:
        how = f"run {m.down}" if m.down else "no down migration is shipped: write the reverse statements or restore"
        steps.append(Step(kind="data", text=f"{m.path}: {m.classification.replace('_', ' ')}; {how}", where=m.path))
        if m.classification == "irreversible" and rollback.database_backup is None:
            findings.append(_finding("plan.irreversible_without_backup", Severity.HIGH, m.path,
                                     f"{m.path}: the migration cannot be undone ({_first(m, 'irreversible')}) and no "
                                     "script backs the database up first", tables=list(m.tables)))
    if (config_files or keys) and rollback.config_backup is None:
        what = ", ".join([*config_files, *keys])
        findings.append(_finding("plan.config_backup_missing", Severity.MEDIUM, config_files[0] if config_files else
                                 "manifest.json", f"the upgrade changes {what} and no script backs the "
                                 "configuration up first: a rollback has nothing to restore",
                                 files=list(config_files), keys=list(keys)))
    if config_files or keys:
        source = f"the script takes ({rollback.config_backup})" if rollback.config_backup else "taken before the window"
        steps.append(Step(kind="config", text=f"Restore {', '.join([*config_files, *keys])} from the backup {source}"))
    return dataclasses.replace(rollback, steps=tuple(steps)), findings


def _first(m: MigrationRollback, reversibility: str) -> str:
    hit = next((s for s in m.statements if s.get("reversibility") == reversibility), None)
    return f"line {hit['line']}: {hit['text']}" if hit else reversibility


def _finding(code: str, severity: Severity, path: str, message: str, **evidence: object) -> Finding:
    return plan_finding(code, severity, path=path, message=message, **evidence)
