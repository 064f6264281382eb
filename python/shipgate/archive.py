"""ZIP archive inspection: structure, anomalies and per-entry verification, without extracting.

``inspect(path)`` runs the native inspector (``shipgate._native.inspect_zip``, GIL released) and returns
an :class:`ArchiveReport` of frozen dataclasses. Everything wrong with the archive is a
:class:`~shipgate.findings.Finding` with a ``zip.`` code; only a file that cannot be read raises (OSError).
Whole-archive digests (``archive_digests``) are computed by a second thread while the entries are
inspected, so the file is hashed in the time the inspection takes where cores allow.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, Protocol

from shipgate import _native, codes
from shipgate.errors import UnsupportedInput
from shipgate.findings import Finding, Severity, worst

_DEFAULTS: Mapping[str, Any] = _native.ZIP_DEFAULT_LIMITS

StreamedEntries = _native.StreamedEntries
"""What the service's spool writer verified while an upload streamed in: see :func:`inspect`."""


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Bounds on one inspection. Crossing one stops the work and becomes a ``zip.`` finding."""

    max_entry_size: int = int(_DEFAULTS["max_entry_size"])
    """Uncompressed bytes of one entry."""
    max_total_size: int = int(_DEFAULTS["max_total_size"])
    """Uncompressed bytes over all entries, nested archives included."""
    max_ratio: int = int(_DEFAULTS["max_ratio"])
    """Uncompressed / compressed, for entries of 1 MiB and more."""
    max_high_ratio_size: int = int(_DEFAULTS["max_high_ratio_size"])
    """Uncompressed bytes, over the whole inspection, that entries may inflate at more than ``max_ratio``
    (padding, sparse images: reported low and verified) before the archive counts as a bomb."""
    max_entries: int = int(_DEFAULTS["max_entries"])
    max_depth: int = int(_DEFAULTS["max_depth"])
    """Archives inside archives that are inspected in turn."""
    max_time: float = float(_DEFAULTS["max_time"])
    """Seconds of wall-clock time."""

    def __post_init__(self) -> None:
        for name in (
            "max_entry_size",
            "max_total_size",
            "max_ratio",
            "max_high_ratio_size",
            "max_entries",
            "max_depth",
            "max_time",
        ):
            if getattr(self, name) < 0:
                raise UnsupportedInput(f"limit {name} must not be negative")


@dataclass(frozen=True, kw_only=True)
class Entry:
    name: str
    method: int
    """APPNOTE 4.4.5 compression method (docs/zip.md lists the ones verified)."""
    bit_flags: int
    """APPNOTE 4.4.4 general purpose bit flags."""
    crc32: int
    compressed_size: int
    uncompressed_size: int
    header_offset: int
    data_offset: int
    """Where the compressed bytes start; 0 when the local header could not be read."""
    mode: int | None
    """Unix type and permission bits, when the entry was made on a Unix-like host."""
    mtime: int | None
    """Modification time in Unix seconds (extended timestamp or NTFS extra, else the DOS fields as UTC)."""
    is_dir: bool
    is_symlink: bool
    encrypted: bool
    symlink_target: str | None
    verified: bool
    """The inflated bytes matched the declared CRC-32 and size. Never true for an entry whose bytes overlap
    another entry's (``zip.overlapping_entries``): those are not inflated at all."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """Hex digests of the uncompressed bytes, by algorithm; empty unless verified."""
    flags: tuple[str, ...] = ()
    """Flag-like strings in the uncompressed bytes, sorted: dotted configuration keys (``dten.backoff.v2``),
    ``--long-options`` and environment-variable names (``DTEN_RETRY_MAX``). Collected for regular files
    only when :func:`inspect` is called with ``flags=True``; empty unless verified (docs/zip.md)."""


@dataclass(frozen=True, kw_only=True)
class Totals:
    entries: int
    compressed: int
    uncompressed: int
    """Sum of the declared uncompressed sizes."""
    verified_bytes: int
    """Uncompressed bytes actually inflated and checked."""
    verified_entries: int = 0
    """File entries (not directories) whose CRC-32 and size were checked and matched."""
    file_entries: int = 0
    """Entries that are not directories."""


class _NativeEntries(Protocol):
    """``shipgate._native.ZipEntries``: the entries, still held by the extension."""

    def __len__(self) -> int: ...

    def to_dicts(self) -> list[dict[str, Any]]: ...


@dataclass(frozen=True, kw_only=True)
class ArchiveReport:
    path: str
    size: int
    """Bytes of the whole archive file."""
    comment: str
    zip64: bool
    findings: tuple[Finding, ...]
    totals: Totals
    native_entries: _NativeEntries = field(repr=False, compare=False)
    """The entries as the extension holds them; read :attr:`entries`."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """Hex digests of the whole archive file, by algorithm; empty unless ``archive_digests`` were asked."""

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in central-directory order. Built on first use: a verdict on the totals and findings
        (``shipgate inspect`` without ``--json``) never pays for 100,000 Python objects."""
        gc_was_enabled = gc.isenabled()
        gc.disable()  # 100,000 new dicts and no cycles among them: see inspect()
        try:
            return _entries(self.native_entries.to_dicts())
        finally:
            if gc_was_enabled:
                gc.enable()

    @property
    def worst(self) -> Severity | None:
        return worst(self.findings)

    @property
    def rejected(self) -> bool:
        """A high or critical finding exists: the archive must not be trusted as it is."""
        w = self.worst
        return w is not None and w >= Severity.HIGH

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        """``{"archive": {...}, "entries": [...], "findings": [...]}`` (docs/formats.md §4)."""
        return {
            "archive": {
                "path": self.path,
                "size": self.size,
                "entries": self.totals.entries,
                "compressed": self.totals.compressed,
                "uncompressed": self.totals.uncompressed,
                "verified_bytes": self.totals.verified_bytes,
                "zip64": self.zip64,
                "comment": self.comment,
                "digests": dict(self.digests),
            },
            "entries": [
                {
                    "name": e.name,
                    "size": e.uncompressed_size,
                    "compressed_size": e.compressed_size,
                    "method": e.method,
                    "crc32": f"{e.crc32:08x}",
                    "mode": None if e.mode is None else f"{e.mode:o}",
                    "mtime": e.mtime,
                    "header_offset": e.header_offset,
                    "data_offset": e.data_offset,
                    "is_dir": e.is_dir,
                    "is_symlink": e.is_symlink,
                    "symlink_target": e.symlink_target,
                    "encrypted": e.encrypted,
                    "verified": e.verified,
                    "digests": dict(e.digests),
                    **({"flags": list(e.flags)} if e.flags else {}),
                }
                for e in self.entries
            ],
            "findings": [f.to_dict() for f in self.findings],
        }


_ENTRY_FIELDS = frozenset(f.name for f in fields(Entry))


def _entry(d: dict[str, Any]) -> Entry:
    # The native dict has exactly Entry's fields (checked on the first entry of every report), so the
    # instance takes it as its __dict__: 4x faster than the frozen __init__ on 100,000-entry archives.
    entry = Entry.__new__(Entry)
    entry.__dict__.update(d)
    return entry


def _entries(raw: list[dict[str, Any]]) -> tuple[Entry, ...]:
    if raw and set(raw[0]) != _ENTRY_FIELDS:
        raise RuntimeError(
            f"shipgate._native reports entry fields {sorted(raw[0])}, not {sorted(_ENTRY_FIELDS)}: the extension "
            "is out of step with shipgate.archive; rebuild it (pip install -e .)"
        )
    return tuple(map(_entry, raw))


class ArchiveHasher(threading.Thread):
    """Whole-archive digests of a file, computed in a thread (the native hasher releases the GIL)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        algorithms: Sequence[str],
        progress: Callable[[int], object] | None = None,
    ) -> None:
        super().__init__(name="shipgate-archive-hash", daemon=True)
        self.path, self.algorithms, self.progress = os.fspath(path), list(algorithms), progress
        self._digests: dict[str, str] = {}
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            computed = _native.hash_file(self.path, self.algorithms, self.progress)
            self._digests = {a: computed[a] for a in self.algorithms}  # in the order asked
        except BaseException as exc:
            self._error = exc

    def result(self) -> dict[str, str]:
        """Wait for the digests; re-raises what hashing raised (OSError for an unreadable file)."""
        self.join()
        if self._error is not None:
            raise self._error
        return self._digests


def _check_algorithms(algorithms: Sequence[str]) -> None:
    unknown = [d for d in algorithms if d not in _native.ALGORITHMS]
    if unknown:
        raise UnsupportedInput(f"unknown digest {', '.join(unknown)}; choose from {', '.join(_native.ALGORITHMS)}")


def inspect(
    path: str | os.PathLike[str],
    *,
    limits: Limits | None = None,
    digests: Sequence[str] = ("sha256",),
    archive_digests: Sequence[str] = (),
    verify: bool = True,
    progress: Callable[[int], object] | None = None,
    direct: bool = False,
    streamed: StreamedEntries | None = None,
    flags: bool = False,
) -> ArchiveReport:
    """Inspect the ZIP archive at ``path`` (any readable file, including a spool file still open by its
    writer: its size at open is what is inspected).

    ``digests`` are computed over every entry's uncompressed bytes, ``archive_digests`` over the whole
    file (docs/formats.md §4 ``archive.digests``), ``progress(bytes_hashed)`` reporting the latter.
    ``verify=False`` parses the structure only (central directory and local headers): a fast listing
    with structural findings but no CRC, size or digest checks. ``direct=True`` reads the entries with
    ``O_DIRECT`` (in large aligned blocks), bypassing the page cache: for a file written once and read once,
    such as the service's spool, where filling the page cache costs more than the read (plain reads where
    the filesystem refuses ``O_DIRECT``). ``streamed`` is what the spool writer that wrote ``path`` verified
    while the bytes arrived (``SpoolWriter.streamed()``): the stored entries it covers exactly are not read
    again, their CRC-32 and digests are taken from it. Pass it only for the file that writer wrote.
    ``flags=True`` also collects every regular file's flag-like strings (:attr:`Entry.flags`) in the same
    pass over its bytes; stored entries in ``streamed`` are then read again, since it holds no strings.
    """
    limits = limits or Limits()
    _check_algorithms([*digests, *archive_digests])
    hasher = ArchiveHasher(path, list(dict.fromkeys(archive_digests)), progress) if archive_digests else None
    if hasher is not None:
        hasher.start()
    # The report of a 100,000-entry archive is 100,000 dicts: the cyclic GC would walk them over and over
    # while they are built, for no garbage (they form no cycles).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        report = _report(path, limits, digests, verify, direct, streamed=streamed, flags=flags)
    finally:
        if gc_was_enabled:
            gc.enable()
        if hasher is not None:
            hasher.join()
    return report if hasher is None else dataclasses.replace(report, digests=hasher.result())


def _report(
    path: str | os.PathLike[str],
    limits: Limits,
    digests: Sequence[str],
    verify: bool,
    direct: bool,
    *,
    streamed: StreamedEntries | None = None,
    flags: bool = False,
) -> ArchiveReport:
    raw = _native.inspect_zip(
        os.fspath(path),
        max_entry_size=limits.max_entry_size,
        max_total_size=limits.max_total_size,
        max_ratio=limits.max_ratio,
        max_high_ratio_size=limits.max_high_ratio_size,
        max_entries=limits.max_entries,
        max_depth=limits.max_depth,
        max_time=limits.max_time,
        digests=list(dict.fromkeys(digests)),
        verify=verify,
        direct=direct,
        streamed=streamed,
        flags=flags,
    )
    totals = raw["totals"]
    return ArchiveReport(
        path=os.fspath(path),
        size=raw["size"],
        comment=raw["comment"],
        zip64=raw["zip64"],
        findings=tuple(_native_finding(f) for f in raw["findings"]),
        totals=Totals(
            entries=totals["entries"],
            compressed=totals["compressed"],
            uncompressed=totals["uncompressed"],
            verified_bytes=totals["verified_bytes"],
            verified_entries=totals["verified_entries"],
            file_entries=totals["file_entries"],
        ),
        native_entries=raw["entries"],
    )


def _native_finding(raw: Mapping[str, Any]) -> Finding:
    """A native finding with the registry's remedy (``shipgate.codes``): one text per code, wherever emitted."""
    finding = Finding.from_dict(raw)
    registered = codes.lookup(finding.code)
    return dataclasses.replace(finding, remedy=registered.remedy) if registered else finding


def names(path: str | os.PathLike[str], *, max_entries: int | None = None) -> list[str]:
    """The entry names the central directory lists, in order: a listing that reads nothing else (no local
    headers, no data), like ``unzip -Z1``. Raises :class:`~shipgate.errors.MalformedArchive` when the
    directory cannot be read; use :func:`inspect` to learn whether the archive is safe.
    """
    limit = Limits().max_entries if max_entries is None else max_entries
    return _native.zip_names(os.fspath(path), max_entries=limit)
