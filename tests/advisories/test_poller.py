"""The feed poller: interval on success, jittered exponential backoff on failure, reset on recovery — run
against real syncs of real feed directories, with the clock, waiting and randomness injected.

Risk covered: a failing feed hammered in a tight loop, or a poller that never recovers.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from advisories.conftest import FeedBuilder
from shipgate.advisories.poller import Backoff, Poller, configured_pollers, start_pollers
from shipgate.advisories.sync import SyncResult
from shipgate.store import Store
from shipgate.trust import TrustConfig, VendorConfig


def test_backoff_doubles_to_the_cap_with_bounded_jitter() -> None:
    b = Backoff(initial=30, factor=2, maximum=300, jitter=0.2)
    assert [b.delay(n, 0.5) for n in range(1, 7)] == [30, 60, 120, 240, 300, 300]
    assert b.delay(1, 0.0) == 24.0  # -20 %
    assert round(b.delay(3, 0.999999), 3) == 144.0  # +20 %


def test_poller_backs_off_while_the_feed_fails_and_recovers(
    store: Store, vendor: VendorConfig, feeds: FeedBuilder, tmp_path: Path
) -> None:
    source = tmp_path / "mirror"
    source.mkdir()
    poller = Poller(
        store=store, vendor=vendor, source=str(source), interval=600, backoff=Backoff(initial=10, maximum=40),
        rnd=lambda: 0.5,
    )  # fmt: skip
    # Nothing there yet: each failure waits longer, up to the cap.
    assert [poller.poll_once() for _ in range(4)] == [10, 20, 40, 40]
    status = poller.status()
    assert (status.failures, status.last_status, status.last_code) == (4, "rejected", "advisory.feed_unavailable")
    assert [e.details["code"] for e in store.audit_entries(action="feed.reject")] == ["advisory.feed_unavailable"] * 4

    # The feed appears: accepted, the interval again, failures reset.
    made = feeds.write(feeds.document(3, []))
    for name in ("feed.json", "feed.json.sig", "feed-chain.pem"):
        (source / name).write_bytes((made / name).read_bytes())
    assert poller.poll_once() == 600
    assert poller.poll_once() == 600  # unchanged is a success too
    status = poller.status()
    assert (status.failures, status.last_status, status.polls) == (0, "unchanged", 6)
    assert status.last_success is not None


def test_run_waits_the_returned_delays_until_stopped(store: Store, vendor: VendorConfig, tmp_path: Path) -> None:
    poller = Poller(
        store=store, vendor=vendor, source=str(tmp_path / "none"), backoff=Backoff(initial=1), rnd=lambda: 0.5
    )
    waited: list[float] = []
    stop = threading.Event()

    def wait(seconds: float) -> bool:
        waited.append(seconds)
        return len(waited) == 3

    poller.run(stop, wait=wait)
    assert waited == [1, 2, 4]
    stop.set()
    poller.run(stop, wait=wait)  # a set event stops before polling
    assert poller.status().polls == 3


def test_pollers_for_vendors_with_a_configured_feed(store: Store, trust_home: Path) -> None:
    config = TrustConfig.load(trust_home / "trust")
    assert configured_pollers(store, config) == []
    toml = trust_home / "trust" / "example.toml"
    toml.write_text(
        toml.read_text().replace("\n[feed_signer]", '\nfeed = "https://feeds.example.net/exn/"\n[feed_signer]')
    )
    (poller,) = configured_pollers(store, TrustConfig.load(trust_home / "trust"), interval=60)
    assert (poller.vendor.name, poller.source, poller.interval) == (
        "Example Networks",
        "https://feeds.example.net/exn/",
        60,
    )


def test_started_pollers_sync_then_stop(store: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    poller = Poller(store=store, vendor=vendor, source=str(feeds.write(feeds.document(4, []))), interval=3600)
    stop = threading.Event()
    (thread,) = start_pollers([poller], stop)
    deadline = time.monotonic() + 10
    while poller.status().polls == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert (poller.status().polls, poller.status().last_status) == (1, "accepted")
    state = store.feed_state(vendor.name)
    assert state is not None and state.feed_version == 4


def test_an_unexpected_error_is_retried_with_backoff(store: Store, vendor: VendorConfig) -> None:
    calls: list[str] = []

    def broken(*args: object, **kwargs: object) -> SyncResult:
        calls.append("sync")
        raise RuntimeError("disk on fire")

    poller = Poller(
        store=store, vendor=vendor, source="/nowhere", backoff=Backoff(initial=5), rnd=lambda: 0.5, sync=broken
    )
    assert [poller.poll_once(), poller.poll_once()] == [5, 10]
    status = poller.status()
    assert (status.failures, status.last_status, len(calls)) == (2, "error", 2)
