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

The quota counts the bytes uploads in flight have *received*, reserved as each chunk arrives (a declared
size reserves nothing: two clients declaring 8 GiB each and sending nothing cannot lock everyone out); the
upload whose chunk does not fit is refused. The directory is locked by one server (``.lock``, ``flock``): at
startup that server removes every ``*.part`` left by a previous crash (SIGKILL, power loss), which is safe
only because no other server can be writing there.

Nobody else's bytes (issue 15.1). The directory is the server's own: created with mode 0700 when missing, and
an existing one is refused unless it is a real directory (not a symlink) owned by the server's user with no
group or other access. It is then held open, and every later path goes through that descriptor
(``/proc/self/fd/N/<name>``): renaming or replacing the directory's path, or any parent's, changes nothing.
Files are created ``O_CREAT|O_EXCL`` (which never follows a symlink) and ``.lock`` ``O_NOFOLLOW``. The
inspection reads the very file the writer wrote (same directory descriptor, same name, and the device and
inode recorded at creation are checked again before it starts: :meth:`SpoolFile.inspect_path`), and the
verdict binds to the digests computed as the bytes arrived, never to a re-read.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import sys
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from shipgate import _native
from shipgate.errors import LimitExceeded, ShipgateError

ARCHIVE_DIGESTS = ("sha256", "blake3")
# Per-entry digests computed behind the writer: the one every manifest gives (docs/formats.md §1
# ``files[].sha256``). A manifest that also gives ``blake3`` or ``sha512`` gets its entries hashed by the
# inspection instead (a record is taken only when it has every digest asked for).
ENTRY_DIGESTS = ("sha256",)
PART_SUFFIX = ".part"
LOCK_NAME = ".lock"
T = TypeVar("T")


class SpoolError(ShipgateError):
    """The spool directory cannot be used (locked by another server, not writable)."""


class SpoolFull(LimitExceeded):
    """The spool quota or the disk cannot take this upload."""


def _private_directory(directory: Path, what: str = "spool directory", doc: str = "docs/deploying.md, Spool") -> int:
    """Open ``directory`` (creating it 0700 if missing) and return its descriptor, if it is the server's own:
    a directory, not a symlink, owned by this user, no group/other access. Raises :class:`SpoolError`.
    (``what`` and ``doc`` name it in the error: the gate's quarantine is held the same way.)"""
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            directory.mkdir(mode=0o700)
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            raise SpoolError(f"{what} {directory} is not a directory (a symlink or a file); refused") from None
        raise SpoolError(f"{what} {directory}: {exc.strerror}") from None
    info = os.fstat(fd)
    problem = ""
    if info.st_uid != os.geteuid():
        problem = f"is owned by uid {info.st_uid}, not by this server's user (uid {os.geteuid()})"
    elif info.st_mode & 0o077:
        problem = f"has mode {stat.S_IMODE(info.st_mode):04o}: other users could reach uploads there (needs 0700)"
    if problem:
        os.close(fd)
        raise SpoolError(f"{what} {directory} {problem}; refused. Use a directory only this user can write ({doc})")
    return fd


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
        self._dir_fd: int | None = None

    def open(self) -> list[str]:
        """Check and hold the directory, lock it for this server and sweep stale uploads; returns the names
        removed."""
        dir_fd = _private_directory(self.directory)
        try:
            flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
            fd = os.open(LOCK_NAME, flags, 0o600, dir_fd=dir_fd)
        except OSError as exc:
            os.close(dir_fd)
            raise SpoolError(f"spool directory {self.directory}: {LOCK_NAME}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
            os.close(fd)
            os.close(dir_fd)
            raise SpoolError(
                f"spool directory {self.directory} is in use by another shipgate serve (pid {holder or '?'}); "
                "give each server its own [limits].spool_dir"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._lock_fd, self._dir_fd = fd, dir_fd
        removed = []
        for name in sorted(os.listdir(dir_fd)):
            if name.endswith(PART_SUFFIX):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name, dir_fd=dir_fd)
                    removed.append(name)
        return removed

    def close(self) -> None:
        for fd in (self._lock_fd, self._dir_fd):
            if fd is not None:
                os.close(fd)  # the lock's close releases the flock
        self._lock_fd = self._dir_fd = None

    @property
    def reserved(self) -> int:
        return self._reserved

    def held_path(self, name: str) -> Path:
        """``name`` in the held directory, by a path that goes through its descriptor (Linux), so that no
        rename of the directory or its parents redirects it."""
        if self._dir_fd is None:
            raise SpoolError("the spool is not open")
        if sys.platform == "linux":
            return Path(f"/proc/self/fd/{self._dir_fd}") / name
        return self.directory / name

    def parts(self) -> list[Path]:
        return sorted(self.directory.glob(f"*{PART_SUFFIX}"))

    def create(self, *, upload_id: str) -> SpoolFile:
        """Create the upload's file (mode 0600, O_EXCL); quota is reserved as its bytes arrive."""
        safe = "".join(c for c in upload_id if c.isalnum() or c in "-_")[:64]
        name = f"upload-{uuid.uuid4().hex}-{safe}{PART_SUFFIX}"
        path = self.held_path(name)
        try:
            writer = _native.SpoolWriter(
                path, ARCHIVE_DIGESTS, direct=self.direct_io, entry_digests=list(self.entry_digests)
            )
            info = os.stat(name, dir_fd=self._dir_fd, follow_symlinks=False)
        except OSError as exc:
            raise SpoolError(f"cannot create a spool file in {self.directory}: {exc.strerror}") from None
        return SpoolFile(self, path, writer, identity=(info.st_dev, info.st_ino))

    def reserve(self, size: int) -> None:
        with self._lock:
            if self._reserved + size > self.quota_bytes:
                raise SpoolFull(
                    f"spool quota: {self._reserved} of {self.quota_bytes} bytes are held by uploads in flight; "
                    "retry later"
                )
            self._reserved += size

    def _release(self, size: int) -> None:
        with self._lock:
            self._reserved -= size


class SpoolFile:
    """One upload: ``write`` hashes and appends (call it from one thread at a time); ``close`` removes it."""

    def __init__(self, spool: Spool, path: Path, writer: _native.SpoolWriter, *, identity: tuple[int, int]) -> None:
        self.spool = spool
        self.path = path
        self.identity = identity
        """(device, inode) of the file the writer created."""
        self.written = 0
        self._writer = writer
        self._writable = True
        self._reserved = 0
        self._held: int | None = None
        """A descriptor of the file kept by :meth:`unlink`, so that the blocks are freed by :meth:`close`."""
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

    def reserve(self, size: int) -> None:
        """Take quota for ``size`` more bytes ahead of writing them (Verify does, on the event loop, so that a
        full quota refuses the upload at once); raises :class:`SpoolFull`."""
        self.spool.reserve(size)
        self._reserved += size

    def write(self, data: bytes | memoryview) -> None:
        """Append ``data``, taking the quota it needs beyond what :meth:`reserve` took."""
        if not self._writable:
            raise SpoolError("the spool file is closed for writing")
        missing = self.written + len(data) - self._reserved
        if missing > 0:
            self.reserve(missing)
        self._io(self._writer.write, data)
        self.written += len(data)

    def finish(self) -> dict[str, str]:
        """The end of the upload: the last bytes reach the file, which stays for inspection; no more writes.
        Returns the archive digests."""
        self._writable = False
        digests = dict(self._io(self._writer.finish))
        self.streamed = self._writer.streamed()
        return digests

    def inspect_path(self) -> Path:
        """The path the inspection reads: the writer's file, checked to still be it (device and inode)."""
        try:
            info = os.stat(self.path, follow_symlinks=False)
        except OSError as exc:
            raise SpoolError(f"the spool file is gone before inspection: {exc.strerror}") from None
        if (info.st_dev, info.st_ino) != self.identity or not stat.S_ISREG(info.st_mode):
            raise SpoolError("the spool file was replaced before inspection; the upload is refused")
        return self.path

    def _io(self, call: Callable[..., T], *args: object) -> T:
        try:
            return call(*args)
        except OSError as exc:
            self._writable = False
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise SpoolFull("the spool disk is full; retry later") from None
            raise SpoolError(f"cannot write the spool file: {exc.strerror or exc}") from None

    def unlink(self) -> None:
        """Remove the file's name now, cheaply: a descriptor of the file is held until :meth:`close`, which frees
        its blocks (on ext4 ~90 ms per GiB) wherever it runs. The writer has closed its own descriptor by
        :meth:`finish`, so without this removing the name would free them here, on the event loop."""
        if self._held is None:
            with contextlib.suppress(OSError):
                self._held = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def close(self) -> None:
        """Remove the file and give back its quota; safe to call more than once."""
        self._writable = False
        self.unlink()
        self._writer.close()
        held, self._held = self._held, None
        if held is not None:
            os.close(held)
        reserved, self._reserved = self._reserved, 0
        if reserved:
            self.spool._release(reserved)
