"""The upgrade plan: before, window, rollback, after, and a status template — what the people who run the
upgrade need, built from facts shipgate already holds (``plan.build``). Frozen values; ``to_dict`` is the
``plan`` object of ``shipgate plan --format json`` and of the verify report (schema ``shipgate.plan/v1``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from shipgate.findings import Finding
from shipgate.package.durations import format_duration
from shipgate.plan.diff import Change

SCHEMA = "shipgate.plan/v1"
NOT_ESTIMATED = ("shipgate found no step that takes the service down (no service a script stops or restarts, no "
                 "manifest services, migrations or reboot); that is not knowing that nothing does: ask the vendor "
                 "what the upgrade interrupts")


@dataclass(frozen=True, kw_only=True)
class Step:
    """One checklist item: what to do, why (with the evidence), where the evidence is."""

    kind: str
    text: str
    why: str = ""
    where: str = ""
    code: str | None = None
    """The finding this step answers, when there is one."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        for key in ("why", "where", "code"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        return cls(kind=str(data["kind"]), text=str(data["text"]), why=str(data.get("why", "")),
                   where=str(data.get("where", "")), code=data.get("code"))


@dataclass(frozen=True, kw_only=True)
class WindowPart:
    """One reason the upgrade takes time, and the time shipgate gives it."""

    what: str
    seconds: float
    why: str
    where: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "seconds": self.seconds, "why": self.why, "where": self.where}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WindowPart:
        return cls(what=str(data["what"]), seconds=float(data["seconds"]), why=str(data.get("why", "")),
                   where=str(data.get("where", "")))


@dataclass(frozen=True, kw_only=True)
class Window:
    parts: tuple[WindowPart, ...]
    buffer: timedelta
    declared: timedelta | None = None
    negotiated: timedelta | None = None

    @property
    def steps_total(self) -> timedelta:
        return timedelta(seconds=sum(p.seconds for p in self.parts))

    @property
    def estimate(self) -> timedelta:
        return self.steps_total + self.buffer

    @property
    def estimated(self) -> bool:
        """Whether any step was found that takes the service down (else there is no estimate, not one of 0 s)."""
        return bool(self.parts)

    def to_dict(self) -> dict[str, Any]:
        def secs(t: timedelta | None) -> float | None:
            return None if t is None else t.total_seconds()

        return {
            "estimated": self.estimated,
            "estimate_seconds": self.estimate.total_seconds(),
            "estimate": format_duration(self.estimate),
            "buffer_seconds": self.buffer.total_seconds(),
            "declared_seconds": secs(self.declared),
            "negotiated_seconds": secs(self.negotiated),
            "parts": [p.to_dict() for p in self.parts],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Window:
        def span(key: str) -> timedelta | None:
            return None if data.get(key) is None else timedelta(seconds=float(data[key]))

        return cls(parts=tuple(WindowPart.from_dict(p) for p in data.get("parts", ())),
                   buffer=span("buffer_seconds") or timedelta(0), declared=span("declared_seconds"),
                   negotiated=span("negotiated_seconds"))


@dataclass(frozen=True, kw_only=True)
class MigrationRollback:
    """The data level of the rollback for one migration file."""

    path: str
    classification: str
    """``reversible`` | ``data_loss`` (reversible with data loss) | ``irreversible`` | ``unknown``."""
    statements: tuple[Mapping[str, Any], ...] = ()
    """``{line, text, reversibility, tables}`` per statement."""
    down: str | None = None
    """The down migration the package ships for it, if any."""
    tables: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "classification": self.classification, "down": self.down,
                "tables": list(self.tables), "statements": [dict(s) for s in self.statements]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MigrationRollback:
        return cls(path=str(data["path"]), classification=str(data["classification"]), down=data.get("down"),
                   tables=tuple(data.get("tables", ())), statements=tuple(dict(s) for s in data.get("statements", ())))


@dataclass(frozen=True, kw_only=True)
class Rollback:
    migrations: tuple[MigrationRollback, ...] = ()
    database_backup: str | None = None
    """Where a script backs the database up (file:line), or None."""
    config_files: tuple[str, ...] = ()
    """Configuration files the upgrade installs or changes (to restore on rollback)."""
    config_keys: tuple[str, ...] = ()
    """Target configuration keys the upgrade removes, renames or requires (their current values to restore)."""
    config_backup: str | None = None
    """Where a script backs the configuration up (file:line), or None."""
    data_backup: str | None = None
    """Where a script backs the product's data up (a data directory copied or archived; file:line), or None."""
    steps: tuple[Step, ...] = ()

    @property
    def backed_up(self) -> bool:
        """Whether a script takes any backup (database, data or configuration)."""
        return bool(self.database_backup or self.data_backup or self.config_backup)

    def to_dict(self) -> dict[str, Any]:
        return {
            "migrations": [m.to_dict() for m in self.migrations],
            "database_backup": self.database_backup,
            "config_files": list(self.config_files),
            "config_keys": list(self.config_keys),
            "config_backup": self.config_backup,
            "data_backup": self.data_backup,
            "steps": [s.to_dict() for s in self.steps],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rollback:
        return cls(
            migrations=tuple(MigrationRollback.from_dict(m) for m in data.get("migrations", ())),
            database_backup=data.get("database_backup"),
            config_files=tuple(data.get("config_files", ())),
            config_keys=tuple(data.get("config_keys", ())),
            config_backup=data.get("config_backup"),
            data_backup=data.get("data_backup"),
            steps=tuple(Step.from_dict(st) for st in data.get("steps", ())),
        )


@dataclass(frozen=True, kw_only=True)
class Status:
    """A conservative stakeholder update per phase, for one channel."""

    messages: Mapping[str, str]
    """``before``, ``during``, ``done``, ``rolled_back`` → the text."""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.messages)


@dataclass(frozen=True, kw_only=True)
class Plan:
    name: str
    version: str
    vendor: str
    running: str | None
    """The version the inventory says runs (``components.<name>``)."""
    compared_with: str
    """What the diff was made against: ``stored index of 7.1.2``, ``--previous old.zip``, or ``nothing``."""
    before: tuple[Step, ...]
    window: Window
    rollback: Rollback
    after: tuple[Step, ...]
    status: Status
    findings: tuple[Finding, ...] = ()
    """The plan's own findings (``plan.*``)."""
    changes: tuple[Change, ...] | None = None
    """What the upgrade changes against ``compared_with`` (None: nothing to compare with)."""
    verdict: str | None = None
    """The verification verdict the plan was made with, when made by ``verify``."""
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        arrow = f"{self.running} → {self.version}" if self.running else self.version
        return f"{self.name} {arrow}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "package": {"name": self.name, "version": self.version, "vendor": self.vendor},
            "running": self.running,
            "compared_with": self.compared_with,
            "verdict": self.verdict,
            "before": [s.to_dict() for s in self.before],
            "window": self.window.to_dict(),
            "rollback": self.rollback.to_dict(),
            "after": [s.to_dict() for s in self.after],
            "status": self.status.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "diff": None if self.changes is None else [c.to_dict() for c in self.changes],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """The inverse of :meth:`to_dict` (a report a server sends back)."""
        package = data["package"]
        changes = data.get("diff")
        return cls(
            name=str(package["name"]), version=str(package["version"]), vendor=str(package["vendor"]),
            running=data.get("running"), compared_with=str(data.get("compared_with", "")),
            before=tuple(Step.from_dict(st) for st in data.get("before", ())),
            window=Window.from_dict(data["window"]),
            rollback=Rollback.from_dict(data.get("rollback", {})),
            after=tuple(Step.from_dict(st) for st in data.get("after", ())),
            status=Status(messages=dict(data.get("status", {}))),
            findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
            changes=None if changes is None else tuple(Change.from_dict(c) for c in changes),
            verdict=data.get("verdict"),
        )
