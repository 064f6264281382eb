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

ZIP_DEFAULT_LIMITS: dict[str, int | float]

def inspect_zip(
    path: str,
    *,
    max_entry_size: int,
    max_total_size: int,
    max_ratio: int,
    max_entries: int,
    max_depth: int,
    max_time: float,
    digests: Sequence[str],
    verify: bool = True,
) -> dict[str, Any]:
    """Inspect a ZIP archive without the GIL; ``shipgate.archive.inspect`` wraps this."""

def zip_names(path: str, *, max_entries: int) -> list[str]:
    """The names a ZIP central directory lists; raises ``MalformedArchive`` when it cannot be read."""
