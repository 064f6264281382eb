"""The manifest parser (docs/formats.md §1): ``manifest.json`` bytes → the frozen dataclasses of
:mod:`shipgate.package.manifest_model`, plus findings.

``parse_manifest`` never raises on bad input. Every schema problem is a ``manifest.`` finding whose ``path``
names the field (``files[3].sha256``); unknown fields are kept in ``extra`` (forward compatible). A manifest
is returned whenever its top level is usable (an object, ``manifest_version`` 1, a ``package`` with name,
version and vendor); items that are invalid are left out of it and reported, so later layers still run and
the policy still sees every problem. ``None`` comes back only when nothing trustworthy can be built.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from shipgate.findings import Finding, Severity
from shipgate.inputs import InputRefused, parse_json, parse_time
from shipgate.package._lines import field_lines
from shipgate.package.durations import DurationError, parse_duration
from shipgate.package.manifest_model import (
    ConfigChanges,
    Dependency,
    FileEntry,
    Manifest,
    PackageInfo,
    Reboot,
)
from shipgate.package.versions import Constraint, ConstraintError

# The model's names, importable from here as before.
__all__ = [
    "MANIFEST_PATH",
    "MAX_MANIFEST_BYTES",
    "ConfigChanges",
    "Dependency",
    "FileEntry",
    "Manifest",
    "PackageInfo",
    "Reboot",
    "parse_manifest",
]

MANIFEST_PATH = "manifest.json"
# 4 MiB holds ~30,000 file entries with three digests each; anything larger is not a manifest.
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
# Nesting deeper than this is never needed by §1 (the deepest field is 3 levels) and can exhaust a parser.
MAX_DEPTH = 32
MAX_FILES = 100_000
MAX_LIST_ITEMS = 10_000
MAX_PATH_CHARS = 1024
# Field findings cite a line only in manifests up to this size (about a second of tokenizing at worst).
MAX_LOCATE_CHARS = 1024 * 1024

_HEX = {"sha256": 64, "blake3": 64, "sha512": 128}
_HEX_RE = re.compile(r"^[0-9a-fA-F]+$")
_MODE_RE = re.compile(r"^0?[0-7]{3,4}$")


# Why the strict JSON reader refused the bytes (shipgate.inputs), as the manifest's finding codes.
_REFUSED = {
    "too_large": "manifest.too_large",
    "not_utf8": "manifest.not_utf8",
    "duplicate_key": "manifest.duplicate_key",
    "too_deep": "manifest.too_deep",
    "syntax": "manifest.invalid_json",
}


def _refusal_evidence(exc: InputRefused, size: int) -> dict[str, Any]:
    if exc.kind == "too_large":
        return {"size": size, "limit": MAX_MANIFEST_BYTES}
    if exc.kind == "too_deep":
        return {"limit": MAX_DEPTH}
    found = {"offset": exc.offset, "key": exc.key, "line": exc.line, "column": exc.column}
    return {k: v for k, v in found.items() if v is not None}


class _Reader:
    """Collects findings while the fields of one manifest are read."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def problem(
        self,
        code: str,
        field_path: str,
        message: str,
        *,
        severity: Severity = Severity.HIGH,
        remedy: str = "",
        **evidence: Any,
    ) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=severity,
                path=field_path,
                message=f"{MANIFEST_PATH}: {field_path}: {message}",
                remedy=remedy or "Ask the vendor for a manifest that follows the package format (docs/formats.md §1).",
                evidence={"file": MANIFEST_PATH, "field": field_path, **evidence},
            )
        )

    def missing(self, field_path: str) -> None:
        self.problem("manifest.field_missing", field_path, "required field is missing")

    def invalid(self, field_path: str, why: str, value: Any = None) -> None:
        shown = repr(value)
        self.problem("manifest.field_invalid", field_path, why, value=shown if len(shown) <= 200 else shown[:200] + "…")

    def string(self, obj: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
        if key not in obj:
            if required:
                self.missing(f"{where}{key}")
            return None
        value = obj[key]
        if not isinstance(value, str) or not value.strip():
            self.invalid(f"{where}{key}", "must be a non-empty string", value)
            return None
        return value

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.invalid(where, "must be a list of strings", value)
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.problem("manifest.limit_exceeded", where, f"more than {MAX_LIST_ITEMS} items", count=len(value))
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item)
            else:
                self.invalid(f"{where}[{i}]", "must be a non-empty string", item)
        return tuple(out)


def _path_problem(path: str) -> str | None:
    if len(path) > MAX_PATH_CHARS:
        return f"longer than {MAX_PATH_CHARS} characters"
    if "\x00" in path or "\\" in path:
        return "contains a NUL or a backslash"
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return "is absolute"
    if any(part in ("..", ".", "") for part in path.split("/")):
        return "has an empty, '.' or '..' component"
    return None


def _parse_time(text: str) -> datetime | None:
    """package.built as an aware UTC time, or None when it is not an RFC 3339 time with a zone."""
    try:
        return parse_time(text, what="package.built")
    except InputRefused:
        return None


def parse_manifest(data: bytes | bytearray | memoryview | str) -> tuple[Manifest | None, list[Finding]]:
    """Parse ``manifest.json`` bytes (a ``str`` is taken as its UTF-8 encoding); never raises on bad input."""
    data = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    r = _Reader()
    try:
        doc = parse_json(data, limit=MAX_MANIFEST_BYTES, max_depth=MAX_DEPTH, what="manifest.json")
    except InputRefused as exc:
        code, evidence = _REFUSED[exc.kind], _refusal_evidence(exc, len(data))
        message = "parsers disagree on which copy counts" if exc.kind == "duplicate_key" else ""
        r.problem(code, "$", exc.detail + (f"; {message}" if message else ""), **evidence)
        return None, r.findings
    text = data.decode("utf-8")
    if not isinstance(doc, dict):
        r.invalid("$", "the manifest must be a JSON object", type(doc).__name__)
        return None, r.findings
    manifest = _read(doc, r, data)
    return manifest, _with_lines(r.findings, text)


def _with_lines(findings: list[Finding], text: str) -> list[Finding]:
    """Each field finding gets the line of its field (or of the nearest parent that exists).

    Locating walks the text token by token in Python, so it is done only for manifests up to
    ``MAX_LOCATE_CHARS``; larger ones keep the field path without a line.
    """
    fields = {str(f.evidence["field"]) for f in findings if "field" in f.evidence and "line" not in f.evidence}
    if not fields or len(text) > MAX_LOCATE_CHARS:
        return findings
    lines = field_lines(text.removeprefix("\ufeff"), fields)
    out: list[Finding] = []
    for f in findings:
        line = lines.get(str(f.evidence.get("field")))
        located = line is not None and "line" not in f.evidence
        out.append(replace(f, evidence={**f.evidence, "line": line}) if located else f)
    return out


def _read(doc: dict[str, Any], r: _Reader, raw: bytes) -> Manifest | None:
    doc = dict(doc)
    # 1. Format version: only version 1 is understood; a later one may mean something else.
    version = _version(doc.pop("manifest_version", None), r)
    if version is None:
        return None
    # 2. The package identity: without it there is nothing to decide about.
    package = _package(doc.pop("package", None), r)
    if package is None:
        return None
    raw_files = doc.pop("files", None)
    files = _files(raw_files, r)
    dependencies = _dependencies(doc.pop("dependencies", []), r)
    reboot = _reboot(doc.pop("reboot"), r) if "reboot" in doc else Reboot.NONE
    services = r.strings(doc.pop("services"), "services") if "services" in doc else ()
    config = _config(doc.pop("config", {}), r)
    migrations = r.strings(doc.pop("migrations"), "migrations") if "migrations" in doc else ()
    hooks = _hooks(doc.pop("hooks", {}), r)
    upgrades_from = _upgrades_from(doc.pop("upgrades_from"), r) if "upgrades_from" in doc else ()
    downtime = _downtime(doc.pop("downtime"), r) if "downtime" in doc else None
    # 3. Migrations and hooks name files of the package: each must be listed, or it runs unverified.
    _check_references(raw_files, migrations, hooks, r)
    return Manifest(
        manifest_version=version,
        package=package,
        files=files,
        dependencies=dependencies,
        reboot=reboot,
        services=services,
        config=config,
        migrations=migrations,
        hooks=hooks,
        upgrades_from=upgrades_from,
        downtime=downtime,
        extra=doc,
        raw=raw,
    )


def _version(version: Any, r: _Reader) -> int | None:
    """``manifest_version`` when it is 1, the only version this parser understands."""
    if version is None:
        r.missing("manifest_version")
        return None
    if isinstance(version, bool) or not isinstance(version, int):
        r.invalid("manifest_version", "must be an integer", version)
        return None
    if version != 1:
        r.problem(
            "manifest.unsupported_version",
            "manifest_version",
            f"version {version} is not supported (this shipgate reads version 1)",
            version=version,
        )
        return None
    return version


def _reboot(value: Any, r: _Reader) -> Reboot:
    try:
        return Reboot(value)
    except (ValueError, TypeError):
        r.invalid("reboot", "must be one of required, recommended, none", value)
        return Reboot.NONE


def _check_references(raw_files: Any, migrations: tuple[str, ...], hooks: Mapping[str, str], r: _Reader) -> None:
    """Each migration and hook path must be listed in files[] (as the raw list has it).

    Entries already reported as invalid, or a missing files[], are not reported a second time.
    """
    if not isinstance(raw_files, list):
        return
    listed = {f["path"] for f in raw_files if isinstance(f, dict) and isinstance(f.get("path"), str)}
    for i, path in enumerate(migrations):
        if path not in listed:
            r.problem(
                "manifest.reference_missing",
                f"migrations[{i}]",
                f"{path!r} is not listed in files[]",
                referenced=path,
            )
    for phase, path in hooks.items():
        if path not in listed:
            r.problem(
                "manifest.reference_missing",
                f"hooks.{phase}",
                f"{path!r} is not listed in files[]",
                referenced=path,
            )


def _package(value: Any, r: _Reader) -> PackageInfo | None:
    if value is None:
        r.missing("package")
        return None
    if not isinstance(value, dict):
        r.invalid("package", "must be an object", value)
        return None
    rest = dict(value)
    name = r.string(rest, "name", "package.")
    version = r.string(rest, "version", "package.")
    vendor = r.string(rest, "vendor", "package.")
    built: datetime | None = None
    if "built" in rest:
        text = rest["built"]
        built = _parse_time(text) if isinstance(text, str) else None
        if built is None:
            r.invalid("package.built", "must be an RFC 3339 time with a zone (2026-10-02T09:00:00Z)", text)
    for key in ("name", "version", "vendor", "built"):
        rest.pop(key, None)
    if name is None or version is None or vendor is None:
        return None
    return PackageInfo(name=name, version=version, vendor=vendor, built=built, extra=rest)


def _files(value: Any, r: _Reader) -> tuple[FileEntry, ...]:
    if value is None:
        r.missing("files")
        return ()
    if not isinstance(value, list):
        r.invalid("files", "must be a list of objects", type(value).__name__)
        return ()
    if len(value) > MAX_FILES:
        r.problem(
            "manifest.limit_exceeded",
            "files",
            f"{len(value)} entries, more than {MAX_FILES}",
            count=len(value),
            limit=MAX_FILES,
        )
        return ()
    out: list[FileEntry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(value):
        where = f"files[{i}]"
        entry = _file(item, where, r)
        if entry is None:
            continue
        if entry.path in seen:
            r.problem(
                "manifest.duplicate_file",
                f"{where}.path",
                f"{entry.path!r} is listed twice (first at files[{seen[entry.path]}])",
                first=f"files[{seen[entry.path]}]",
            )
            continue
        seen[entry.path] = i
        out.append(entry)
    return tuple(out)


def _file(item: Any, where: str, r: _Reader) -> FileEntry | None:
    if not isinstance(item, dict):
        r.invalid(where, "must be an object", item)
        return None
    rest = dict(item)
    ok = True
    path = r.string(rest, "path", f"{where}.")
    if path is not None and (why := _path_problem(path)):
        r.problem("manifest.unsafe_path", f"{where}.path", f"{path!r} {why}", entry=path)
        ok = False
    size = rest.get("size")
    if "size" not in rest:
        r.missing(f"{where}.size")
        ok = False
    elif isinstance(size, bool) or not isinstance(size, int) or size < 0:
        r.invalid(f"{where}.size", "must be a non-negative integer", size)
        ok = False
    digests: dict[str, str] = {}
    for algorithm, length in _HEX.items():
        if algorithm not in rest:
            continue
        digest = rest[algorithm]
        if not isinstance(digest, str) or len(digest) != length or not _HEX_RE.match(digest):
            r.invalid(f"{where}.{algorithm}", f"must be {length} hexadecimal digits", digest)
            ok = False
        else:
            digests[algorithm] = digest.lower()
    if ok and not digests and not any(a in rest for a in _HEX):
        r.missing(f"{where}.sha256")
        ok = False
    mode: int | None = None
    if "mode" in rest:
        raw_mode = rest["mode"]
        if isinstance(raw_mode, str) and _MODE_RE.match(raw_mode):
            mode = int(raw_mode, 8)
        elif isinstance(raw_mode, int) and not isinstance(raw_mode, bool) and 0 <= raw_mode <= 0o7777:
            mode = raw_mode
        else:
            r.invalid(f"{where}.mode", 'must be an octal string such as "0755"', raw_mode)
            ok = False
    for key in ("path", "size", "mode", *_HEX):
        rest.pop(key, None)
    if not ok or path is None or not isinstance(size, int):
        return None
    return FileEntry(path=path, size=size, mode=mode, extra=rest, **digests)


def _dependencies(value: Any, r: _Reader) -> tuple[Dependency, ...]:
    if not isinstance(value, list):
        r.invalid("dependencies", "must be a list of objects", type(value).__name__)
        return ()
    if len(value) > MAX_LIST_ITEMS:
        r.problem("manifest.limit_exceeded", "dependencies", f"more than {MAX_LIST_ITEMS} items")
        return ()
    out: list[Dependency] = []
    for i, item in enumerate(value):
        where = f"dependencies[{i}]"
        if not isinstance(item, dict):
            r.invalid(where, "must be an object", item)
            continue
        rest = dict(item)
        name = r.string(rest, "name", f"{where}.")
        # A dependency without a version constraint admits any version: read as "*" (unbounded), which
        # the dependency scanner reports.
        text = rest.get("version", "*")
        rest.pop("name", None)
        rest.pop("version", None)
        if not isinstance(text, str):
            r.invalid(f"{where}.version", 'must be a constraint string such as ">=14,<17"', text)
            continue
        try:
            constraint = Constraint.parse(text)
        except ConstraintError as exc:
            r.invalid(f"{where}.version", f"not a version constraint: {exc}", text)
            continue
        if name is not None:
            out.append(Dependency(name=name, constraint=constraint, extra=rest))
    return tuple(out)


def _config(value: Any, r: _Reader) -> ConfigChanges:
    if not isinstance(value, dict):
        r.invalid("config", "must be an object", type(value).__name__)
        return ConfigChanges()
    rest = dict(value)
    removed = r.strings(rest.pop("removed"), "config.removed") if "removed" in rest else ()
    renamed: dict[str, str] = {}
    raw_renamed = rest.pop("renamed", {})
    if not isinstance(raw_renamed, dict):
        r.invalid("config.renamed", "must be an object of old key → new key", raw_renamed)
    else:
        for old, new in raw_renamed.items():
            if isinstance(new, str) and new.strip():
                renamed[old] = new
            else:
                r.invalid(f"config.renamed.{old}", "must be the new key name", new)
    required: dict[str, Any] = {}
    raw_required = rest.pop("required", {})
    if not isinstance(raw_required, dict):
        r.invalid("config.required", "must be an object of key → value", raw_required)
    else:
        for key, wanted in raw_required.items():
            if isinstance(wanted, str | int | float | bool) or wanted is None:
                required[key] = wanted
            else:
                r.invalid(f"config.required.{key}", "must be a string, number, boolean or null", wanted)
    return ConfigChanges(removed=removed, renamed=renamed, required=required, extra=rest)


def _hooks(value: Any, r: _Reader) -> dict[str, str]:
    if not isinstance(value, dict):
        r.invalid("hooks", "must be an object of phase → script path", value)
        return {}
    out: dict[str, str] = {}
    for phase, path in value.items():
        if isinstance(path, str) and path.strip():
            out[phase] = path
        else:
            r.invalid(f"hooks.{phase}", "must be a script path", path)
    return out


def _upgrades_from(value: Any, r: _Reader) -> tuple[Constraint, ...]:
    """``"upgrades_from": ">=7.2,<7.4"`` or a list of versions/constraints (any one admits)."""
    texts = (value,) if isinstance(value, str) else r.strings(value, "upgrades_from")
    out: list[Constraint] = []
    for i, text in enumerate(texts):
        where = "upgrades_from" if isinstance(value, str) else f"upgrades_from[{i}]"
        try:
            out.append(Constraint.parse(text))
        except ConstraintError as exc:
            r.invalid(where, f"not a version or constraint: {exc}", text)
    return tuple(out)


def _downtime(value: Any, r: _Reader) -> timedelta | None:
    """``"downtime": "5m"`` (also ``PT5M``, or a number of minutes)."""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        r.invalid("downtime", 'must be a duration such as "5m" or "PT5M"', value)
        return None
    try:
        return parse_duration(value)
    except DurationError as exc:
        r.invalid("downtime", str(exc), value)
        return None
