"""What ``shipgate serve`` runs beside its listeners: one advisory-feed poller per vendor whose trust file
names a ``feed``, and the webhook deliverer when ``[events] webhook`` is set; each a daemon thread that
stops with the server.

``[advisories]`` of the service configuration::

    [advisories]
    poll = true              # false: no polling (feeds are synced by `shipgate advisories sync` elsewhere)
    poll_interval = "15m"    # between successful polls, jittered ±10 % so replicas spread out
    retry_initial = 30       # seconds after a failed poll, doubled per failure, at most retry_max
    retry_max = "1h"

A poll never waits past the accepted feed's own ``expires``: when the feed is about to go stale the next
poll comes then, so a vendor that publishes on time never goes stale here.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from shipgate.admission.settings import parse_duration
from shipgate.errors import MalformedInput
from shipgate.service.config_table import ConfigTable

if TYPE_CHECKING:
    from shipgate.advisories.poller import Poller, PollStatus
    from shipgate.events import Deliverer, EventSettings
    from shipgate.store import Store

log = logging.getLogger("shipgate.service")


@dataclass(frozen=True, kw_only=True)
class PollSettings:
    poll: bool = True
    interval: float = 900.0
    retry_initial: float = 30.0
    retry_max: float = 3600.0

    @classmethod
    def read(cls, table: ConfigTable) -> PollSettings:
        from shipgate.service.config import ServiceConfigError

        try:
            values = {
                key: parse_duration(table.data.pop(key, default), what=f"{table.where}: {key}")
                for key, default in (("poll_interval", 900.0), ("retry_initial", 30.0), ("retry_max", 3600.0))
            }
        except MalformedInput as exc:
            raise ServiceConfigError(exc.diagnostics()) from None
        settings = cls(
            poll=table.boolean("poll", True),
            interval=values["poll_interval"],
            retry_initial=values["retry_initial"],
            retry_max=values["retry_max"],
        )
        table.done()
        return settings


@dataclass(kw_only=True)
class Background:
    """The running pollers and deliverer of one server; ``stop()`` ends them."""

    pollers: list[Poller] = field(default_factory=list)
    deliverer: Deliverer | None = None
    threads: list[threading.Thread] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def stop(self, timeout: float = 5.0) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout)

    def poll_statuses(self) -> list[PollStatus]:
        """Each feed poller's last attempt, outcome, error and next poll, by vendor."""
        return [p.status() for p in self.pollers]

    def status(self) -> list[dict[str, Any]]:
        return [s.to_dict() for s in self.poll_statuses()]


def _wait_until_expiry(store: Store, vendor: str, stop: threading.Event) -> Any:
    def wait(seconds: float) -> bool:
        try:
            feed = store.feed_state(vendor)
        except Exception:  # the store is the poller's problem to report; waiting goes on
            feed = None
        if feed is not None:
            left = (feed.expires - dt.datetime.now(dt.UTC)).total_seconds()
            if left > 0:
                seconds = min(seconds, left + 1.0)
        return stop.wait(seconds)

    return wait


def start(store: Store, *, home: Path, polling: PollSettings, events: EventSettings) -> Background:
    """Start a poller per configured feed (unless ``poll = false``) and the deliverer (with a webhook)."""
    from shipgate.advisories.poller import Backoff, configured_pollers
    from shipgate.events import Deliverer
    from shipgate.trust.config import TrustConfig, trust_dir

    background = Background()
    if polling.poll:
        backoff = Backoff(initial=polling.retry_initial, maximum=polling.retry_max)
        config = TrustConfig.load(trust_dir(home))
        background.pollers = configured_pollers(store, config, interval=polling.interval, backoff=backoff)
    for poller in background.pollers:
        wait = _wait_until_expiry(store, poller.vendor.name, background.stopping)
        thread = threading.Thread(
            target=poller.run, args=(background.stopping,), kwargs={"wait": wait}, name=f"feed {poller.vendor.name}"
        )
        background.threads.append(thread)
        log.info(
            "polling advisory feed",
            extra={"event": "feed.polling", "vendor": poller.vendor.name, "source": poller.source},
        )
    if events.webhook:
        background.deliverer = Deliverer(store, events)
        background.threads.append(
            threading.Thread(target=background.deliverer.run, args=(background.stopping,), name="events")
        )
    for thread in background.threads:
        thread.daemon = True
        thread.start()
    return background


class BackgroundCollector(Collector):
    """``/metrics``: feed polls per vendor, superseded verdicts, the event outbox."""

    def __init__(self, store: Store, background: Background) -> None:
        self.store = store
        self.background = background

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily]:
        polls = CounterMetricFamily("shipgate_feed_polls", "Advisory feed polls by vendor", labels=["vendor"])
        failing = GaugeMetricFamily(
            "shipgate_feed_poll_failures", "Consecutive failed polls of the vendor's feed", labels=["vendor"]
        )
        for status in self.background.status():
            polls.add_metric([status["vendor"]], status["polls"])
            failing.add_metric([status["vendor"]], status["failures"])
        yield polls
        yield failing
        try:
            superseded, pending = self.store.count_verdicts(superseded=True), self.store.pending_events()
        except Exception as exc:  # a scrape must not fail because the store does
            log.warning("store unavailable for metrics: %s", exc)
            return
        yield GaugeMetricFamily(
            "shipgate_verdicts_superseded",
            "Stored verdicts a later trust change or advisory superseded",
            value=superseded,
        )
        yield GaugeMetricFamily("shipgate_events_pending", "Events in the outbox not yet delivered", value=pending)
        deliverer = self.background.deliverer
        if deliverer is not None:
            yield CounterMetricFamily(
                "shipgate_events_delivered", "Events delivered by this server", value=deliverer.delivered
            )
