"""Bounded reads of entry contents (the manifest, signature files, scripts) from an inspected archive.

The native inspector verifies structure and every entry but returns no contents. This reader reads an
entry exactly where the inspector found it (``Entry.data_offset``, ``compressed_size``, ``method``) and
**only** in an archive where :func:`shipgate.archive.inspect` found no high or critical ``zip.`` finding:
then names, central directory and local headers agree, so the bytes read are the bytes verified — no
second ZIP parser (with its own idea of the archive) is involved. Stored and deflated entries are read;
each read is bounded in bytes (a larger entry raises :class:`~shipgate.errors.LimitExceeded`), and a full
read is cross-checked against a digest the inspector computed.
"""

from __future__ import annotations

import hmac
import zlib
from collections.abc import Mapping
from types import TracebackType
from typing import BinaryIO

from shipgate import _native
from shipgate.archive import ArchiveReport, Entry
from shipgate.errors import LimitExceeded, MalformedInput, UnsupportedInput

# Reads never ask for more than this, whatever the caller's limit (the manifest bound is 4 MiB).
MAX_READ_BYTES = 64 * 1024 * 1024
# APPNOTE 4.4.5 compression methods this reader inflates (the inspector reports any other).
STORED, DEFLATED = 0, 8
_CHUNK = 64 * 1024


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
            self._file: BinaryIO = open(report.path, "rb")  # noqa: SIM115 - closed by close()/__exit__
        except OSError as exc:
            raise MalformedInput(f"{report.path}: cannot be opened for reading entries: {exc.strerror}") from None

    def __enter__(self) -> EntryReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def _entry(self, name: str) -> Entry:
        entry = self.entries.get(name)
        if entry is None:
            raise MalformedInput(f"{name}: no such entry in {self.report.path}")
        return entry

    def read(self, name: str, *, limit: int) -> bytes:
        """The whole uncompressed entry, at most ``limit`` bytes, checked against the inspector's digest."""
        entry = self._entry(name)
        limit = min(limit, MAX_READ_BYTES)
        if entry.uncompressed_size > limit:
            raise LimitExceeded(f"{name}: {entry.uncompressed_size} bytes, more than the {limit} read")
        data = self._read(entry, limit + 1)
        if len(data) > limit:
            raise LimitExceeded(f"{name}: more than the {limit} bytes read")
        if len(data) != entry.uncompressed_size:
            raise MalformedInput(f"{name}: {len(data)} bytes read, {entry.uncompressed_size} declared")
        if entry.digests:
            algorithm, expected = min(entry.digests.items())
            hasher = _native.MultiDigest([algorithm])
            hasher.update(data)
            if not hmac.compare_digest(hasher.hexdigests()[algorithm], expected):
                raise MalformedInput(f"{name}: the bytes read differ from the bytes the inspector verified")
        return data

    def head(self, name: str, size: int = 128) -> bytes:
        """The first ``size`` bytes of an entry (for content sniffing; not digest-checked)."""
        return self._read(self._entry(name), size)

    def _read(self, entry: Entry, size: int) -> bytes:
        """At most ``size`` uncompressed bytes of ``entry``, from its data offset."""
        if entry.encrypted:
            raise UnsupportedInput(f"{entry.name}: encrypted entries are not read")
        if entry.data_offset <= 0:
            raise MalformedInput(f"{entry.name}: the inspector could not locate its data")
        self._file.seek(entry.data_offset)
        if entry.method == STORED:
            return self._file.read(min(size, entry.compressed_size))
        if entry.method != DEFLATED:
            raise UnsupportedInput(f"{entry.name}: compression method {entry.method} is not read")
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        out = bytearray()
        remaining = entry.compressed_size
        try:
            while remaining > 0 and len(out) < size:
                chunk = self._file.read(min(_CHUNK, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                out += inflater.decompress(chunk, size - len(out))
                while inflater.unconsumed_tail and len(out) < size:
                    out += inflater.decompress(inflater.unconsumed_tail, size - len(out))
            if len(out) < size and not inflater.eof:
                out += inflater.flush()[: size - len(out)]
        except zlib.error as exc:
            raise MalformedInput(f"{entry.name}: cannot be inflated: {exc}") from None
        return bytes(out[:size])
