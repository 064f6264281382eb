"""What the status page shows from the store: the last verdicts, the superseded ones, each vendor's trust version
and feed freshness, the recent trust changes and the audit head. Read in one pass on the lookup pool
(:func:`read_store`), shared by every open page (:class:`StoreSnapshots`: at most one read per
:data:`REFRESH_SECONDS`, or sooner when an upload ended here)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from shipgate.store import StoreError
from shipgate.store.records import FeedState, TrustChange, VerdictRecord

if TYPE_CHECKING:
    from shipgate.service.state import ServiceState

VERDICTS = 15
TRUST_CHANGES = 10
REFRESH_SECONDS = 2.0


@dataclass(frozen=True, kw_only=True)
class VendorView:
    name: str
    trust_version: int
    feed: FeedState | None


@dataclass(frozen=True, kw_only=True)
class StoreView:
    verdicts: list[VerdictRecord] = field(default_factory=list)
    superseded: list[VerdictRecord] | None = None
    """None: this store does not record supersession."""
    vendors: list[VendorView] = field(default_factory=list)
    trust_changes: list[TrustChange] = field(default_factory=list)
    audit_head: tuple[int, str] = (0, "")
    backend: str = ""
    error: str = ""
    """Why the store could not be read ('' when it was)."""
    read_at: float = 0.0


def _superseded(store: Any, limit: int) -> list[VerdictRecord] | None:
    """The latest superseded verdicts, where the store keeps them (``verdicts(superseded=True)``)."""
    try:
        found: list[VerdictRecord] = store.verdicts(limit=limit, superseded=True)
    except TypeError:
        return None
    return found


def read_store(state: ServiceState) -> StoreView:
    """Everything the page shows from the store (blocking). A store that fails is reported, not raised."""
    from shipgate.trust import TrustConfig, TrustStore, trust_dir

    store = state.store
    try:
        changes = store.trust_changes()
        vendors = TrustStore(store=store, config=TrustConfig.load(trust_dir(state.home))).vendors()
        feeds = {f.vendor: f for f in store.feed_states()}
        with store.transaction(write=False) as tx:
            head = tx.audit_head()
        return StoreView(
            verdicts=store.verdicts(limit=VERDICTS),
            superseded=_superseded(store, VERDICTS),
            vendors=[
                VendorView(name=v, trust_version=store.latest_trust_version(v), feed=feeds.get(v)) for v in vendors
            ],
            trust_changes=sorted(changes, key=lambda c: c.created, reverse=True)[:TRUST_CHANGES],
            audit_head=head,
            backend=store.url.partition(":")[0],
            read_at=time.time(),
        )
    except StoreError as exc:
        return StoreView(error=f"the state store cannot be read: {exc.diagnostics()}", read_at=time.time())
    except Exception as exc:  # a trust file that no longer parses, say: the page still shows the rest
        return StoreView(error=f"the state cannot be read: {type(exc).__name__}: {exc}", read_at=time.time())


class StoreSnapshots:
    """The last :class:`StoreView`, read again when it is older than :data:`REFRESH_SECONDS` or when an upload
    ended since (its verdict is in the store now); concurrent pages wait for one read."""

    def __init__(self, state: ServiceState) -> None:
        self.state = state
        self.view = StoreView()
        self._ended_seen: int | None = -1
        self._lock = asyncio.Lock()

    async def current(self) -> StoreView:
        async with self._lock:
            newest = self.state.activity.recent[0].key if self.state.activity.recent else None
            if time.time() - self.view.read_at < REFRESH_SECONDS and newest == self._ended_seen:
                return self.view
            loop = asyncio.get_running_loop()
            self.view = await loop.run_in_executor(self.state.lookup_pool, read_store, self.state)
            self._ended_seen = newest
            return self.view


def age(moment: datetime, now: datetime) -> str:
    """``3 min ago``, ``in 2 d``: how far ``moment`` is from ``now``, in the largest whole unit."""
    seconds = (now - moment).total_seconds()
    ahead, seconds = seconds < 0, abs(seconds)
    for unit, size in (("d", 86_400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            amount = f"{int(seconds // size)} {unit}"
            break
    else:
        amount = f"{int(seconds)} s"
    return f"in {amount}" if ahead else f"{amount} ago"
