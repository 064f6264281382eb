"""The package index: a compact, bounded summary of one verified package, kept in the store so a later
package can be compared with the version that runs (``shipgate diff``, the plan's *Before* and *After*).

What it holds, per package: every file with its digest, size and mode; the keys and values of each
configuration file (``plan.config_files``); the systemd units shipped; the flag-like strings the native
inspector found in each binary (dotted config keys, ``--long-options``, environment variable names) and
which of them a text file of the package names; the scheduled jobs, endpoints, migration statements and
scripts' commands that preflight read; and the manifest's own statements (removed/renamed/required keys,
services, upgrade path). Each part is capped (``MAX_*``); a capped part says so (``truncated``).

Serialized as canonical JSON (schema ``shipgate.index/v1``), stored zlib-compressed.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from shipgate.plan.config_files import ConfigFile

SCHEMA = "shipgate.index/v1"
# Caps on each part: together they keep an index of a 100,000-entry package to a few MiB compressed.
MAX_FILES = 200_000
MAX_FLAGS_PER_BINARY = 4_096
MAX_ITEMS = 2_000
# What is stored: an index larger than this compressed is not an index (the store refuses 48 MiB of text).
MAX_STORED_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class IndexedFile:
    path: str
    digest: str
    """``sha256:<hex>`` (or ``blake3:``/``sha512:``): the algorithm the inspector used, named."""
    size: int
    mode: int | None = None
    binary: bool = False

    def to_list(self) -> list[Any]:
        return [self.path, self.digest, self.size, None if self.mode is None else f"{self.mode:04o}", self.binary]

    @classmethod
    def from_list(cls, row: list[Any]) -> IndexedFile:
        path, digest, size, mode, binary = row
        return cls(path=path, digest=digest, size=int(size), mode=None if mode is None else int(mode, 8),
                   binary=bool(binary))


@dataclass(frozen=True, kw_only=True)
class Located:
    """A fact preflight read at a place in the package: a job, an endpoint, a statement, a command."""

    what: str
    """The fact itself: the cron line, the host, the statement, the command."""
    file: str
    line: int | None = None
    kind: str = ""
    """What sort of fact (``cron``, ``systemd-timer``; ``https URL``; ``ALTER TABLE``; ``registration``)."""
    detail: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"what": self.what, "file": self.file, "line": self.line, "kind": self.kind}
        if self.detail:
            out["detail"] = dict(self.detail)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Located:
        return cls(
            what=str(data["what"]),
            file=str(data.get("file", "")),
            line=data.get("line"),
            kind=str(data.get("kind", "")),
            detail=dict(data.get("detail") or {}),
        )

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, kw_only=True)
class ManifestStatements:
    """What the manifest itself says about the change (what the diff holds the package to)."""

    removed: tuple[str, ...] = ()
    renamed: Mapping[str, str] = field(default_factory=dict)
    required: Mapping[str, Any] = field(default_factory=dict)
    services: tuple[str, ...] = ()
    migrations: tuple[str, ...] = ()
    upgrades_from: tuple[str, ...] = ()
    reboot: str = "none"
    downtime_seconds: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "removed": list(self.removed),
            "renamed": dict(self.renamed),
            "required": dict(self.required),
            "services": list(self.services),
            "migrations": list(self.migrations),
            "upgrades_from": list(self.upgrades_from),
            "reboot": self.reboot,
            "downtime_seconds": self.downtime_seconds,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ManifestStatements:
        return cls(
            removed=tuple(data.get("removed", ())),
            renamed=dict(data.get("renamed", {})),
            required=dict(data.get("required", {})),
            services=tuple(data.get("services", ())),
            migrations=tuple(data.get("migrations", ())),
            upgrades_from=tuple(data.get("upgrades_from", ())),
            reboot=str(data.get("reboot", "none")),
            downtime_seconds=data.get("downtime_seconds"),
        )


_FACTS = ("jobs", "endpoints", "statements", "commands", "units_used")


@dataclass(frozen=True, kw_only=True)
class PackageIndex:
    name: str
    version: str
    vendor: str
    sha256: str
    """Of the whole archive: the key the store keeps the index under."""
    size: int
    files: tuple[IndexedFile, ...] = ()
    config: Mapping[str, ConfigFile] = field(default_factory=dict)
    """Configuration files (and systemd units, which are INI-like) by entry path."""
    units: Mapping[str, str] = field(default_factory=dict)
    """systemd unit name → the entry that ships it."""
    flags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Binary entry → the flag-like strings the native inspector found in it."""
    documented_flags: frozenset[str] = frozenset()
    """Flags of the binaries that some text file of the package (a document, config or script) names."""
    jobs: tuple[Located, ...] = ()
    endpoints: tuple[Located, ...] = ()
    statements: tuple[Located, ...] = ()
    """Migration statements (from preflight's reading of the SQL files)."""
    commands: tuple[Located, ...] = ()
    """Commands of the scripts that change the target (stop/start units, copy, register, create users…)."""
    units_used: tuple[Located, ...] = ()
    """Units the scripts and the manifest name (stop/start/restart)."""
    manifest: ManifestStatements = field(default_factory=ManifestStatements)
    truncated: tuple[str, ...] = ()
    """Parts that hit their cap."""

    def file(self, path: str) -> IndexedFile | None:
        return next((f for f in self.files if f.path == path), None)

    @property
    def all_flags(self) -> frozenset[str]:
        return frozenset(f for flags in self.flags.values() for f in flags)

    @property
    def config_keys(self) -> dict[str, str]:
        """Every key any configuration file sets (the first file in path order wins a repeated key)."""
        out: dict[str, str] = {}
        for path in sorted(self.config):
            for key, value in self.config[path].keys.items():
                out.setdefault(key, value)
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "package": {"name": self.name, "version": self.version, "vendor": self.vendor},
            "sha256": self.sha256,
            "size": self.size,
            "files": [f.to_list() for f in self.files],
            "config": {path: c.to_dict() for path, c in sorted(self.config.items())},
            "units": dict(sorted(self.units.items())),
            "flags": {path: list(flags) for path, flags in sorted(self.flags.items())},
            "documented_flags": sorted(self.documented_flags),
            "manifest": self.manifest.to_dict(),
            "truncated": list(self.truncated),
        }
        for part in _FACTS:
            out[part] = [item.to_dict() for item in getattr(self, part)]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PackageIndex:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema {data.get('schema')!r})")
        package = data["package"]
        facts = {part: tuple(Located.from_dict(d) for d in data.get(part, ())) for part in _FACTS}
        return cls(
            name=str(package["name"]),
            version=str(package["version"]),
            vendor=str(package["vendor"]),
            sha256=str(data["sha256"]),
            size=int(data["size"]),
            files=tuple(IndexedFile.from_list(row) for row in data.get("files", ())),
            config={path: ConfigFile.from_dict(path, c) for path, c in dict(data.get("config", {})).items()},
            units=dict(data.get("units", {})),
            flags={path: tuple(flags) for path, flags in dict(data.get("flags", {})).items()},
            documented_flags=frozenset(data.get("documented_flags", ())),
            manifest=ManifestStatements.from_dict(data.get("manifest", {})),
            truncated=tuple(data.get("truncated", ())),
            **facts,
        )

    def to_bytes(self) -> bytes:
        """Canonical JSON, zlib-compressed: what the store keeps."""
        text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return zlib.compress(text.encode(), 6)

    def to_stored(self) -> str:
        """The text the store keeps (``shipgate.store.package_index``): base64 of :meth:`to_bytes`."""
        data = self.to_bytes()
        if len(data) > MAX_STORED_BYTES:
            raise ValueError(f"the index of {self.sha256} compresses to {len(data)} bytes, over {MAX_STORED_BYTES}")
        return base64.b64encode(data).decode("ascii")

    @classmethod
    def from_stored(cls, text: str) -> PackageIndex:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, MAX_STORED_BYTES * 8)
        if inflater.unconsumed_tail:
            raise ValueError("the stored index inflates past its bound")
        return cls.from_dict(json.loads(data))
