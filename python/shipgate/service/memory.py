"""Giving memory back after an upload.

An upload passes its bytes through 1 MiB chunks that glibc serves from per-thread heap arenas once its
dynamic mmap threshold has risen; freed, they stay in the arenas, so a server that took several large
uploads at once keeps that memory. ``malloc_trim(0)`` after each upload returns it to the system. A no-op
where the C library has no ``malloc_trim`` (musl, macOS).
"""

from __future__ import annotations

import ctypes
import ctypes.util
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
