"""Polling a vendor feed on an interval, backing off (exponentially, jittered) while it fails.

    poller = Poller(store=store, vendor=config.get("Example Networks"), source=url, interval=900)
    threading.Thread(target=poller.run, args=(stop_event,), daemon=True).start()

A success (accepted, unchanged, 304) waits ``interval`` (± ``jitter``/2 so replicas spread out); each
consecutive failure (a rejected feed or an error reaching the store) waits ``backoff.delay(n)`` =
``min(maximum, initial · factor^(n-1))`` scaled by a random factor in [1 - jitter, 1 + jitter]. Time,
waiting and randomness are injected, so tests run the schedule without sleeping.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shipgate.advisories.source import FetchLimits
from shipgate.advisories.sync import SyncResult, sync_feed
from shipgate.errors import ShipgateError
from shipgate.store import Store
from shipgate.trust import VendorConfig

log = logging.getLogger("shipgate.advisories.poller")


@dataclass(frozen=True, kw_only=True)
class Backoff:
    initial: float = 30.0  # seconds before the first retry
    factor: float = 2.0
    maximum: float = 3600.0
    jitter: float = 0.2  # ± this fraction, uniformly

    def delay(self, failures: int, rnd: float) -> float:
        """The wait after ``failures`` (>= 1) consecutive failures; ``rnd`` is uniform in [0, 1)."""
        base = min(self.maximum, self.initial * self.factor ** max(0, failures - 1))
        return max(0.0, base * (1 + self.jitter * (2 * rnd - 1)))


@dataclass(frozen=True, kw_only=True)
class PollStatus:
    vendor: str
    source: str
    polls: int
    failures: int  # consecutive, 0 after a success
    last_status: str | None
    last_code: str | None
    last_success: dt.datetime | None
    next_delay: float | None
    last_attempt: dt.datetime | None = None
    """When the last poll ended (None: not polled yet)."""
    last_error: str | None = None
    """Why the last poll failed: the rejection (code and message) or the error; None after a success."""
    next_poll: dt.datetime | None = None
    """``last_attempt + next_delay``: when the next poll is due (sooner if the accepted feed expires first)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "source": self.source,
            "polls": self.polls,
            "failures": self.failures,
            "last_status": self.last_status,
            "last_code": self.last_code,
            "last_success": self.last_success.isoformat() if self.last_success else None,
            "next_delay": self.next_delay,
            "last_attempt": self.last_attempt.isoformat() if self.last_attempt else None,
            "last_error": self.last_error,
            "next_poll": self.next_poll.isoformat() if self.next_poll else None,
        }


class Poller:
    def __init__(
        self,
        *,
        store: Store,
        vendor: VendorConfig,
        source: str,
        interval: float = 900.0,
        backoff: Backoff | None = None,
        limits: FetchLimits | None = None,
        now: Callable[[], dt.datetime] | None = None,
        rnd: Callable[[], float] = random.random,
        sync: Callable[..., SyncResult] = sync_feed,
    ) -> None:
        self.store, self.vendor, self.source = store, vendor, source
        self.interval = interval
        self.backoff = backoff or Backoff()
        self.limits = limits
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._rnd = rnd
        self._sync = sync
        self._lock = threading.Lock()
        self._polls = 0
        self._failures = 0
        self._last: SyncResult | None = None
        self._last_error: str | None = None
        self._last_success: dt.datetime | None = None
        self._next: float | None = None
        self._last_attempt: dt.datetime | None = None

    def poll_once(self) -> float:
        """One sync; returns the seconds to wait before the next. Never raises for a failed sync."""
        result: SyncResult | None = None
        error: str | None = None
        try:
            result = self._sync(self.store, self.vendor, self.source, now=self._now(), limits=self.limits)
        except ShipgateError as exc:  # the store or trust config unavailable: retry like a failed fetch
            error = exc.diagnostics()
            log.warning("advisory feed poll for %s failed: %s", self.vendor.name, error)
        except Exception as exc:  # a bug must not end the polling thread; it is logged and retried
            error = f"{type(exc).__name__}: {exc}"
            log.exception("advisory feed poll for %s failed unexpectedly", self.vendor.name)
        with self._lock:
            self._polls += 1
            self._last_attempt = self._now()
            if result is not None and not result.ok:
                error = f"{result.code}: {result.message}"
            self._last, self._last_error = result, error
            if result is not None and result.ok:
                self._failures = 0
                self._last_success = self._now()
                delay = max(0.0, self.interval * (1 + self.backoff.jitter / 2 * (2 * self._rnd() - 1)))
            else:
                self._failures += 1
                if result is not None:
                    log.warning("advisory feed for %s rejected: %s", self.vendor.name, result.describe())
                delay = self.backoff.delay(self._failures, self._rnd())
            self._next = delay
        return delay

    def run(self, stop: threading.Event, *, wait: Callable[[float], bool] | None = None) -> None:
        """Poll until ``stop`` is set. ``wait(seconds)`` returns True to stop (default: ``stop.wait``)."""
        waiter = wait or stop.wait
        while not stop.is_set():
            if waiter(self.poll_once()):
                return

    def status(self) -> PollStatus:
        with self._lock:
            return PollStatus(
                vendor=self.vendor.name,
                source=self.source,
                polls=self._polls,
                failures=self._failures,
                last_status=self._last.status if self._last else ("error" if self._last_error else None),
                last_code=self._last.code if self._last else None,
                last_success=self._last_success,
                next_delay=self._next,
                last_attempt=self._last_attempt,
                last_error=self._last_error,
                next_poll=(
                    self._last_attempt + dt.timedelta(seconds=self._next)
                    if self._last_attempt and self._next is not None
                    else None
                ),
            )


def configured_pollers(store: Store, config: Any, **options: Any) -> list[Poller]:
    """A poller for every vendor of ``config`` (a ``TrustConfig``) that names a ``feed`` source."""
    from shipgate.advisories.status import configured_source

    pollers = []
    for name in sorted(config.vendors):
        vendor = config.vendors[name]
        source = configured_source(vendor)
        if source:
            pollers.append(Poller(store=store, vendor=vendor, source=source, **options))
    return pollers


def start_pollers(pollers: list[Poller], stop: threading.Event) -> list[threading.Thread]:
    """One daemon thread per poller, polling until ``stop`` is set (what ``shipgate serve`` runs)."""
    threads = []
    for poller in pollers:
        thread = threading.Thread(
            target=poller.run, args=(stop,), name=f"feed-poller {poller.vendor.name}", daemon=True
        )
        thread.start()
        threads.append(thread)
    return threads
