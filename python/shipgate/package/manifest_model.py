"""The manifest's data model (docs/formats.md §1): frozen dataclasses, built by :mod:`shipgate.package.manifest`.

Unknown fields are kept in ``extra`` (forward compatible); ``raw`` keeps the exact bytes parsed so that
findings can cite a line.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from shipgate.package.versions import Constraint


class Reboot(enum.Enum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"
    NONE = "none"


@dataclass(frozen=True, kw_only=True)
class PackageInfo:
    name: str
    version: str
    vendor: str
    built: datetime | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class FileEntry:
    path: str
    size: int
    sha256: str | None = None
    blake3: str | None = None
    sha512: str | None = None
    mode: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def digests(self) -> dict[str, str]:
        """The digests given, by algorithm name (lower-case hex)."""
        return {a: d for a, d in (("sha256", self.sha256), ("blake3", self.blake3), ("sha512", self.sha512)) if d}

    @property
    def executable(self) -> bool:
        return self.mode is not None and bool(self.mode & 0o111)


@dataclass(frozen=True, kw_only=True)
class Dependency:
    name: str
    constraint: Constraint
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class ConfigChanges:
    removed: tuple[str, ...] = ()
    renamed: Mapping[str, str] = field(default_factory=dict)
    required: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Manifest:
    manifest_version: int
    package: PackageInfo
    files: tuple[FileEntry, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    reboot: Reboot = Reboot.NONE
    services: tuple[str, ...] = ()
    config: ConfigChanges = field(default_factory=ConfigChanges)
    migrations: tuple[str, ...] = ()
    hooks: Mapping[str, str] = field(default_factory=dict)
    upgrades_from: tuple[Constraint, ...] = ()
    """The running versions this package upgrades from (any one admits); empty: not declared (docs/plan.md)."""
    downtime: timedelta | None = None
    """The downtime the vendor declares for the upgrade, when it says (docs/plan.md)."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    # The exact bytes parsed, kept so findings can cite a line; not part of equality.
    raw: bytes = field(default=b"", compare=False, repr=False)

    def file(self, path: str) -> FileEntry | None:
        return self._files_by_path.get(path)

    def line_of(self, text: str) -> int | None:
        """The 1-based line of the first JSON string literal equal to ``text`` in the raw manifest."""
        return self._string_lines.get(text)

    # Indexes built once on first use, so checking 100,000 files stays linear (a frozen dataclass has a
    # __dict__, which functools.cached_property writes to directly).
    @cached_property
    def _files_by_path(self) -> dict[str, FileEntry]:
        index: dict[str, FileEntry] = {}
        for entry in self.files:
            index.setdefault(entry.path, entry)
        return index

    @cached_property
    def _string_lines(self) -> dict[str, int]:
        lines: dict[str, int] = {}
        line, scanned = 1, 0
        for match in _JSON_STRING.finditer(self.raw):
            line += self.raw.count(b"\n", scanned, match.start())
            scanned = match.start()
            literal = match.group()
            try:
                # Most literals hold no escape: decode them directly, json only for the rest.
                value = literal[1:-1].decode() if b"\\" not in literal else json.loads(literal)
            except ValueError:
                continue
            lines.setdefault(value, line)
        return lines


# A JSON string literal: quotes around anything but a quote or backslash, or an escape. Linear to scan.
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
