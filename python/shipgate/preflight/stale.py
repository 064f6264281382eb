"""Binaries whose timestamps are far older than the package build time (stale builds)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context

_BINARY_DIRS = ("binaries/", "bin/", "sbin/", "lib/", "lib64/", "libexec/")
_BINARY_SUFFIXES = (".so", ".ko", ".bin", ".exe", ".dll", ".jar", ".a")


def _utc(value: object) -> datetime | None:
    """A datetime (naive ZIP times are UTC) or Unix seconds (``shipgate.archive.Entry.mtime``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, datetime):
        return None
    # ZIP times carry no zone; they are read as UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def scan(ctx: Context) -> Iterator[Finding]:
    manifest = ctx.manifest
    scanned = {t.path for t in ctx.texts}
    times = {path: t for path, raw in ctx.mtimes.items() if (t := _utc(raw)) is not None}
    built = manifest.package.built or max(times.values(), default=None)
    if built is None:
        return
    threshold = ctx.options.stale_after
    for entry in manifest.files:
        mtime = times.get(entry.path)
        if mtime is None or entry.path in scanned:
            continue
        is_binary = (
            entry.path.startswith(_BINARY_DIRS)
            or "/bin/" in entry.path
            or entry.path.endswith(_BINARY_SUFFIXES)
            or ".so." in entry.path
            or entry.executable
        )
        age = built - mtime
        if is_binary and age > threshold:
            # The binary has no lines: the evidence cites the manifest line that lists it.
            yield Finding(
                code="preflight.stale_binary",
                severity=Severity.MEDIUM,
                path=entry.path,
                message=f"{entry.path}: built {age.days} days before the package ({mtime:%Y-%m-%d} vs "
                f"{built:%Y-%m-%d}); it may not contain the fixes the release notes promise",
                remedy="Ask the vendor to confirm the binary's version, or to rebuild it for this release.",
                evidence={
                    "file": "manifest.json",
                    "line": manifest.line_of(entry.path),
                    "entry": entry.path,
                    "mtime": mtime.isoformat(),
                    "built": built.isoformat(),
                    "age_days": age.days,
                    "threshold_days": threshold.days,
                },
            )
