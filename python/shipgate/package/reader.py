"""Bounded reads of entry contents (the manifest, signature files, scripts) from an inspected archive.

The native inspector verifies structure and every entry but returns no contents. This reader opens the
archive with :mod:`zipfile` **only after** :func:`shipgate.archive.inspect` found no high or critical
``zip.`` finding: then the central directory, the local headers and the entry names are unambiguous, so
the entry ``zipfile`` reads is the entry the inspector verified. Each read is bounded in bytes (a larger
entry raises :class:`~shipgate.errors.LimitExceeded`), and a full read is cross-checked against a digest
the inspector computed, so the bytes later layers see are exactly the verified ones.
"""

from __future__ import annotations

import hmac
import zipfile
from collections.abc import Mapping
from types import TracebackType

from shipgate import _native
from shipgate.archive import ArchiveReport, Entry
from shipgate.errors import LimitExceeded, MalformedInput, UnsupportedInput

# Reads never ask for more than this, whatever the caller's limit (the manifest bound is 4 MiB).
MAX_READ_BYTES = 64 * 1024 * 1024


class EntryReader:
    """``with EntryReader(report) as r: data = r.read("manifest.json", limit=4 << 20)``"""

    def __init__(self, report: ArchiveReport) -> None:
        if report.rejected:
            raise UnsupportedInput(
                f"{report.path}: the archive has high or critical zip findings; its entries are not read"
            )
        self.report = report
        self.entries: Mapping[str, Entry] = {e.name: e for e in report.entries if not e.is_dir}
        try:
            self._zip = zipfile.ZipFile(report.path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise MalformedInput(f"{report.path}: cannot be opened for reading entries: {exc}") from None

    def __enter__(self) -> EntryReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def read(self, name: str, *, limit: int) -> bytes:
        """The whole uncompressed entry, at most ``limit`` bytes, checked against the inspector's digest."""
        entry = self.entries.get(name)
        if entry is None:
            raise MalformedInput(f"{name}: no such entry in {self.report.path}")
        limit = min(limit, MAX_READ_BYTES)
        if entry.uncompressed_size > limit:
            raise LimitExceeded(f"{name}: {entry.uncompressed_size} bytes, more than the {limit} read")
        data = self._read(name, limit + 1)
        if len(data) > limit:
            raise LimitExceeded(f"{name}: more than the {limit} bytes read")
        if entry.digests:
            algorithm, expected = next(iter(sorted(entry.digests.items())))
            hasher = _native.MultiDigest([algorithm])
            hasher.update(data)
            if not hmac.compare_digest(hasher.hexdigests()[algorithm], expected):
                raise MalformedInput(f"{name}: the bytes read differ from the bytes the inspector verified")
        return data

    def head(self, name: str, size: int = 128) -> bytes:
        """The first ``size`` bytes of an entry (for content sniffing; not digest-checked)."""
        if name not in self.entries:
            raise MalformedInput(f"{name}: no such entry in {self.report.path}")
        return self._read(name, size)

    def _read(self, name: str, size: int) -> bytes:
        try:
            with self._zip.open(name) as f:
                return f.read(size)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError) as exc:
            raise MalformedInput(f"{name}: cannot be read: {exc}") from None
