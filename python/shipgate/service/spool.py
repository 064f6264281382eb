"""The spool: where an upload's bytes wait, hashed as they arrive, while the archive is verified in place.

One file per upload (``upload-<id>.part``, mode 0600) in the spool directory, removed whatever happens
(``SpoolFile.close``). The native ``SpoolWriter`` hashes each chunk (SHA-256 and BLAKE3, GIL released),
copies it into aligned 8 MiB buffers and writes those from a thread of its own with ``O_DIRECT``, so an
upload never fills the page cache: the file is written once and read once (by the inspector, also with
``O_DIRECT``), and filling the page cache cost more CPU than hashing on the machine measured (README,
Benchmarks). ``direct_io = false``, a filesystem that refuses ``O_DIRECT``, or tmpfs (where it would bypass
nothing) writes through the page cache instead.

With ``entry_digests`` (``[limits] verify_while_uploading``, SHA-256), a third native thread follows the
writer at ``SCHED_IDLE`` priority: it reads back what is written, walks it as a ZIP archive and verifies
each stored entry (CRC-32 and digests; deflated entries are left to the inspection). It gets a core only
when nothing else wants one, the upload never waits for it, and it stops where it is at the last byte;
``SpoolFile.streamed`` hands what it verified to the inspection, which reads back only the rest.

The quota counts the *declared* sizes of uploads in flight, so an upload that could not fit is refused
before its first byte. The directory is locked by one server (``.lock``, ``flock``): at startup that server
removes every ``*.part`` left by a previous crash (SIGKILL, power loss), which is safe only because no other
server can be writing there.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import uuid
from pathlib import Path
from typing import Any

from shipgate import _native
from shipgate.errors import LimitExceeded, ShipgateError

ARCHIVE_DIGESTS = ("sha256", "blake3")
# Per-entry digests computed behind the writer: the one every manifest gives (FORMATS.md §1
# ``files[].sha256``). A manifest that also gives ``blake3`` or ``sha512`` gets its entries hashed by the
# inspection instead (a record is taken only when it has every digest asked for).
ENTRY_DIGESTS = ("sha256",)
PART_SUFFIX = ".part"


class SpoolError(ShipgateError):
    """The spool directory cannot be used (locked by another server, not writable)."""


class SpoolFull(LimitExceeded):
    """The spool quota or the disk cannot take this upload."""


class Spool:
    def __init__(
        self, directory: Path, *, quota_bytes: int, direct_io: bool = True, verify_while_uploading: bool = True
    ) -> None:
        self.directory = directory
        self.quota_bytes = quota_bytes
        self.direct_io = direct_io
        self.entry_digests = ENTRY_DIGESTS if verify_while_uploading else ()
        self._reserved = 0
        self._lock = threading.Lock()
        self._lock_fd: int | None = None

    def open(self) -> list[str]:
        """Lock the directory for this server and sweep stale uploads; returns the names removed."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.directory / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise SpoolError(f"spool directory {self.directory}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
            os.close(fd)
            raise SpoolError(
                f"spool directory {self.directory} is in use by another shipgate serve (pid {holder or '?'}); "
                "give each server its own [limits].spool_dir"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._lock_fd = fd
        removed = []
        for stale in sorted(self.directory.glob(f"*{PART_SUFFIX}")):
            try:
                stale.unlink()
                removed.append(stale.name)
            except FileNotFoundError:
                continue
        return removed

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the flock
            self._lock_fd = None

    @property
    def reserved(self) -> int:
        return self._reserved

    def parts(self) -> list[Path]:
        return sorted(self.directory.glob(f"*{PART_SUFFIX}"))

    def create(self, declared_size: int, *, upload_id: str) -> SpoolFile:
        """Reserve ``declared_size`` bytes of quota and create the upload's file (raises :class:`SpoolFull`)."""
        with self._lock:
            if self._reserved + declared_size > self.quota_bytes:
                raise SpoolFull(
                    f"spool quota: {declared_size} bytes do not fit ({self._reserved} of {self.quota_bytes} "
                    "bytes reserved by uploads in flight); retry later"
                )
            self._reserved += declared_size
        try:
            safe = "".join(c for c in upload_id if c.isalnum() or c in "-_")[:64]
            path = self.directory / f"upload-{uuid.uuid4().hex}-{safe}{PART_SUFFIX}"
            writer = _native.SpoolWriter(
                path, ARCHIVE_DIGESTS, direct=self.direct_io, entry_digests=list(self.entry_digests)
            )
        except OSError as exc:
            self._release(declared_size)
            raise SpoolError(f"cannot create a spool file in {self.directory}: {exc.strerror}") from None
        return SpoolFile(self, path, writer, declared_size)

    def _release(self, size: int) -> None:
        with self._lock:
            self._reserved -= size


class SpoolFile:
    """One upload: ``write`` hashes and appends (call it from one thread at a time); ``close`` removes it."""

    def __init__(self, spool: Spool, path: Path, writer: _native.SpoolWriter, declared_size: int) -> None:
        self.spool = spool
        self.path = path
        self.declared_size = declared_size
        self.written = 0
        self._writer = writer
        self._writable = True
        self._released = False
        self.streamed: _native.StreamedEntries | None = None
        """After :meth:`finish`: the stored entries verified behind the writer before the last byte, for
        ``shipgate.archive.inspect(..., streamed=)`` of this file."""

    @property
    def walked(self) -> int:
        """Bytes the walk behind the writer has covered so far (read back, or passed over: a deflated entry's
        data); after :meth:`finish`, by the last byte."""
        return int(self._writer.walked)

    @property
    def direct(self) -> bool:
        """Written with ``O_DIRECT`` (so it is best read that way too)."""
        return bool(self._writer.direct)

    def write(self, data: bytes | memoryview) -> None:
        if not self._writable:
            raise SpoolError(f"{self.path} is closed for writing")
        if self.written + len(data) > self.declared_size:
            raise LimitExceeded(
                f"more bytes than declared: {self.written + len(data)} > declared_size {self.declared_size}"
            )
        self._io(self._writer.write, data)
        self.written += len(data)

    def finish(self) -> dict[str, str]:
        """The end of the upload: the last bytes reach the file, which stays for inspection; no more writes.
        Returns the archive digests."""
        self._writable = False
        digests = dict(self._io(self._writer.finish))
        self.streamed = self._writer.streamed()
        return digests

    def _io(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except OSError as exc:
            self._writable = False
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise SpoolFull(f"the spool disk is full ({self.spool.directory}); retry later") from None
            raise SpoolError(f"cannot write the spool file {self.path}: {exc.strerror or exc}") from None

    def unlink(self) -> None:
        """Remove the file's name; its descriptor stays open until :meth:`close`."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def close(self) -> None:
        """Remove the file and give back its quota; safe to call more than once."""
        self._writable = False
        self.unlink()
        self._writer.close()
        if not self._released:
            self._released = True
            self.spool._release(self.declared_size)
