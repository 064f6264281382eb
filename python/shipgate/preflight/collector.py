"""Python's cyclic garbage collector paused while a package is read and scanned.

Reading a package allocates hundreds of thousands of small objects (commands, words, findings) that all stay
alive until the run ends: each automatic collection would walk them all again for nothing. The collector's
state is restored after; its next automatic collection frees whatever cycles the run left behind."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (when it was on), back on after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
