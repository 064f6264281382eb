"""Giving memory back after an upload or a wave of connections, and keeping garbage collection short.

An upload passes its bytes through 1 MiB chunks that glibc serves from per-thread heap arenas once its
dynamic mmap threshold has risen; freed, they stay in the arenas, so a server that took several large
uploads at once keeps that memory. ``malloc_trim(0)`` after each upload returns it to the system. A no-op
where the C library has no ``malloc_trim`` (musl, macOS).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable

_trim: Callable[[int], int] | None = None
try:
    _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    _trim = _libc.malloc_trim
except (OSError, AttributeError):
    _trim = None


def release_free_memory() -> None:
    if _trim is not None:
        _trim(0)


def release_garbage() -> None:
    """Collect reference cycles, then :func:`release_free_memory`. A TLS handshake that asyncio abandons
    leaves its protocol (and its 256 KiB buffer) in a cycle with the exception, freed only by a collection."""
    gc.collect()
    release_free_memory()


def freeze_startup_heap() -> None:
    """Move every object alive now (modules, classes, configuration: ~90,000 in a started server) out of the
    collector's sight. A full collection then looks only at objects made since, ~1 ms instead of the ~30 ms
    during which it would hold every request on the event loop."""
    gc.collect()
    gc.freeze()
