"""Type stubs for the Rust extension ``shipgate._native``."""

from collections.abc import Callable, Sequence
from os import PathLike
from typing import Any

from typing_extensions import Buffer

__version__: str
ALGORITHMS: list[str]

class MultiDigest:
    """Several digests (any of ``sha256``, ``sha512``, ``blake3``) over one stream, in one pass.

    ``update`` releases the GIL for buffers of 2 KiB and more; updates from several threads are
    serialised by an internal lock (each update is atomic; the order between threads is the callers').
    """

    def __init__(self, algorithms: Sequence[str] = ("sha256", "blake3")) -> None: ...
    def update(self, data: Buffer, /) -> None: ...
    def hexdigests(self) -> dict[str, str]: ...
    @property
    def bytes_hashed(self) -> int: ...
    @property
    def algorithms(self) -> list[str]: ...

def hash_file(
    path: str | PathLike[str],
    algorithms: Sequence[str] = ("sha256",),
    progress: Callable[[int], object] | None = None,
) -> dict[str, str]:
    """Hash a file: memory-mapped in bounded windows when large, plain reads otherwise."""

class SpoolWriter:
    """An upload spooled to a new file (mode 0600; ``FileExistsError`` if ``path`` exists), hashed as it
    arrives: ``write`` updates the whole-archive digests and queues the bytes for a background writer
    thread, with ``O_DIRECT`` when ``direct`` and the filesystem allows it and is not in memory (tmpfs,
    ramfs); ``direct`` then reads True.

    Every call releases the GIL while it hashes, copies or waits for the disk. A failed background write
    (``ENOSPC``, ``EDQUOT``, ``EIO``) is raised as ``OSError`` with its errno by the next ``write`` or by
    ``finish``, and again by every later call; ``write`` or ``finish`` after ``finish`` or ``close`` raises
    ``ValueError``. ``finish`` leaves exactly ``written`` bytes in the file and closes it; ``close``
    abandons an unfinished upload. Neither removes the file: the caller does.

    ``entry_digests`` also reads back what is written on a third thread, at idle priority, walks it as a ZIP
    archive and verifies each stored entry (CRC-32 and those digests), stopping where it is at ``finish``;
    ``streamed()`` then returns the results and ``walked`` counts the bytes it covered.
    """

    def __init__(
        self,
        path: str | PathLike[str],
        algorithms: Sequence[str],
        *,
        direct: bool = True,
        entry_digests: Sequence[str] = (),
    ) -> None: ...
    def write(self, data: Buffer, /) -> None: ...
    def finish(self) -> dict[str, str]:
        """The hex digests of everything written, keyed by algorithm name."""
    def streamed(self) -> StreamedEntries | None:
        """After ``finish``: the stored entries verified behind the writer before then (None without
        ``entry_digests``, or once taken)."""
    def close(self) -> None:
        """Stop the writer thread and close the file, dropping queued data; idempotent."""
    @property
    def written(self) -> int: ...
    @property
    def walked(self) -> int: ...
    @property
    def direct(self) -> bool: ...

class StreamedEntries:
    """What a ``SpoolWriter`` verified while its upload streamed in, for ``inspect_zip(streamed=)`` of the
    file it wrote. Opaque; ``len()`` counts the entries."""

    def __len__(self) -> int: ...

ZIP_DEFAULT_LIMITS: dict[str, int | float]
ZIP_CODES: dict[str, list[str]]
"""Every finding code the ZIP inspector reports, with the severities it reports it at (the usual one first)."""

def inspect_zip(
    path: str,
    *,
    max_entry_size: int,
    max_total_size: int,
    max_ratio: int,
    max_high_ratio_size: int,
    max_entries: int,
    max_depth: int,
    max_time: float,
    digests: Sequence[str],
    verify: bool = True,
    direct: bool = False,
    streamed: StreamedEntries | None = None,
    flags: bool = False,
) -> dict[str, Any]:
    """Inspect a ZIP archive without the GIL; ``shipgate.archive.inspect`` wraps this. ``direct=True``
    reads with ``O_DIRECT`` (plain reads where the filesystem refuses it); ``streamed`` supplies the stored
    entries a spool writer verified (not read again); ``flags=True`` collects each regular file's
    flag-like strings."""

def zip_names(path: str, *, max_entries: int) -> list[str]:
    """The names a ZIP central directory lists; raises ``MalformedArchive`` when it cannot be read."""
