"""A one-line progress bar on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """``label  42%  1.23 GB/s``, redrawn at most ten times a second; silent when not a terminal."""

    def __init__(self, label: str, total: int, *, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(total, 1)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self._last_draw = 0.0

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw < 0.1 and done < self.total:
            return
        self._last_draw = now
        rate = done / max(now - self.started, 1e-9) / 1e9
        percent = min(100, done * 100 // self.total)
        width = 30
        filled = width * percent // 100
        self.stream.write(f"\r{self.label}  [{'#' * filled}{'.' * (width - filled)}] {percent:3d}%  {rate:5.2f} GB/s")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
