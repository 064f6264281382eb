"""Delivering the outbox to the webhook, in order, until it is empty; backing off while the receiver fails.

    deliverer = Deliverer(store, settings)
    threading.Thread(target=deliverer.run, args=(stop,), daemon=True).start()     # what `serve` runs

One round: claim the oldest pending events (a lease, so replicas sharing the store do not send one event
twice), POST them one by one, record each delivery as its receiver acknowledges it. The first failure
backs that event off (``retry_initial`` doubled per attempt, at most ``retry_max``, ±20 % jitter) and
gives back the rest, so events arrive in the order their changes committed. A receiver that refuses an
event (a 4xx other than 408/429) has it recorded as refused and not retried, so one bad event cannot stop
the queue. The outbox is in the store: a restart resumes where delivery stopped; an event whose POST was
answered but not yet recorded when the process died is sent again (receivers drop repeated event ids).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from shipgate.errors import ShipgateError
from shipgate.events.settings import EventSettings
from shipgate.events.webhook import Outcome, post
from shipgate.store import EventRecord, Store
from shipgate.store.audit import canonical_json
from shipgate.store.records import utcnow

log = logging.getLogger("shipgate.events")

# Events claimed per round, and how long the claim holds if this process dies mid-round.
BATCH = 50
LEASE = timedelta(seconds=120)
# How often an idle deliverer looks for new events (a replica's or the CLI's changes land in the store).
IDLE_SECONDS = 1.0
JITTER = 0.2


class Deliverer:
    def __init__(
        self,
        store: Store,
        settings: EventSettings,
        *,
        send: Callable[..., Outcome] = post,
        rnd: Callable[[], float] = random.random,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.settings = settings
        self._send = send
        self._rnd = rnd
        self._now = now
        self.delivered = 0
        self.failures = 0

    def backoff(self, attempts: int) -> float:
        """Seconds before retrying an event that failed ``attempts`` times (>= 1)."""
        s = self.settings
        base: float = min(s.retry_max, s.retry_initial * 2.0 ** max(0, attempts - 1))
        return max(0.0, base * (1 + JITTER * (2 * self._rnd() - 1)))

    def deliver_once(self) -> float:
        """One round; returns how long to wait before the next."""
        if not self.store.pending_events():
            return IDLE_SECONDS
        events = self.store.claim_events(limit=BATCH, lease=LEASE)
        if not events:  # backing off, or another replica holds the head of the queue
            due = self.store.next_event_due()
            wait = (due - self._now()).total_seconds() if due else IDLE_SECONDS
            return min(max(wait, 0.05), IDLE_SECONDS * 5)
        for index, event in enumerate(events):
            outcome = self._deliver(event)
            if outcome.ok or not outcome.retry:
                self.store.event_delivered(event, status=outcome.status or 0, error=outcome.error)
                if outcome.ok:
                    self.delivered += 1
                else:
                    log.warning(
                        "event refused by the receiver; not retried",
                        extra={"event": "events.refused", "event_id": event.event_id, "error": outcome.error},
                    )
                continue
            self.failures += 1
            delay = self.backoff(event.attempts + 1)
            self.store.event_failed(
                event, status=outcome.status, error=outcome.error, retry_at=self._now() + timedelta(seconds=delay)
            )
            log.warning(
                "event delivery failed; retrying",
                extra={
                    "event": "events.retry",
                    "event_id": event.event_id,
                    "attempts": event.attempts + 1,
                    "retry_in": round(delay, 2),
                    "error": outcome.error,
                    "pending_in_round": len(events) - index,
                },
            )
            return delay
        return 0.0

    def _deliver(self, event: EventRecord) -> Outcome:
        body = canonical_json(dict(event.body)).encode("utf-8")
        return self._send(
            self.settings.webhook,
            body,
            secret=self.settings.secret,
            event_type=event.kind,
            event_id=event.event_id,
            timeout=self.settings.timeout,
        )

    def run(self, stop: threading.Event) -> None:
        """Deliver until ``stop`` is set; a failing store is logged and retried, never ends the thread."""
        while not stop.is_set():
            try:
                wait = self.deliver_once()
            except ShipgateError as exc:
                log.warning("event delivery paused: %s", exc.diagnostics(), extra={"event": "events.store_error"})
                wait = IDLE_SECONDS * 5
            except Exception:
                log.exception("event delivery failed unexpectedly", extra={"event": "events.error"})
                wait = IDLE_SECONDS * 5
            stop.wait(wait)
