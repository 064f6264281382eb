"""Upload slots: at most ``max_concurrent_uploads`` Verify calls hold one at once, and at most
``uploads_per_caller`` of them belong to one identity, so a caller that opens upload streams and sends
nothing (or sends slowly) blocks its own uploads, not everyone's.

A slot is taken when the call starts, before its header is read: memory held by uploads is bounded by the
slots, not by how many streams a client opens. Callers without a certificate share one identity
(``anonymous``). Used from the event loop only (no lock).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from shipgate.errors import LimitExceeded


class UploadSlots:
    def __init__(self, *, total: int, per_caller: int) -> None:
        self.total = total
        self.per_caller = per_caller
        self.by_caller: Counter[str] = Counter()
        self.in_use = 0

    @contextmanager
    def hold(self, caller: str) -> Iterator[None]:
        """One slot for ``caller`` while the block runs; :class:`LimitExceeded` when none is free."""
        if self.in_use >= self.total:
            raise LimitExceeded(f"{self.in_use} uploads in flight, the server's limit; retry later")
        if self.by_caller[caller] >= self.per_caller:
            raise LimitExceeded(f"{self.by_caller[caller]} uploads of this caller in flight, its limit; retry later")
        self.in_use += 1
        self.by_caller[caller] += 1
        try:
            yield
        finally:
            self.in_use -= 1
            self.by_caller[caller] -= 1
            if not self.by_caller[caller]:
                del self.by_caller[caller]
