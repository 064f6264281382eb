"""Webhook events: written to the store's outbox with the change they report, delivered by ``serve`` to a
real receiver on 127.0.0.1, HMAC-SHA256 signed, in order, retried with backoff while the receiver is down
(10 s here, with a server restart in between), exactly once per event id, each delivery recorded."""

from __future__ import annotations

import json
import time
from pathlib import Path

from admission.kit import VENDOR, Vendor, advisory, package, shipgate, write_feed, write_trust
from events.receiver import Receiver, free_port, receiving
from service.kit import Server, wait_for
from shipgate.events import Deliverer, EventSettings
from shipgate.store import VerdictRecord, open_store

SECRET = b"s3cret-shared-with-the-repository"
DOWN_SECONDS = 10.0
KINDS = {"verdict.recorded", "verdict.superseded", "trust.changed", "advisory.applied", "feed.rejected"}


def configure(home: Path, url: str) -> Path:
    (home.parent / "webhook.secret").write_bytes(SECRET + b"\n")
    config = home.parent / "serve.toml"
    config.write_text(
        f'[events]\nwebhook = "{url}"\nsecret_file = "webhook.secret"\nretry_initial = 0.5\nretry_max = 2\n'
        "[advisories]\npoll = false\n"
    )
    return config


def test_delivered_exactly_once_after_the_receiver_was_down_and_the_server_restarted(
    home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """Risk: an artifact repository never learns that what it stored was superseded (no events, or events
    lost while it was down or while shipgate restarted, or sent twice)."""
    write_trust(home, vendor)
    port = free_port()
    config = configure(home, f"http://127.0.0.1:{port}/hooks/shipgate")
    archive = package(tmp_path / "dten.zip", vendor.signer)
    down_since = time.monotonic()
    with Server(home, config) as first:
        shipgate(home, "verify", str(archive), "--server", first.grpc_address)
        feed = write_feed(tmp_path / "feed", vendor, version=1, advisories=[advisory("withdraw", vendor)])
        assert shipgate(home, "advisories", "sync", "--vendor", VENDOR, str(feed)).returncode == 0
        stale = write_feed(tmp_path / "stale", vendor, version=1, advisories=[])
        assert shipgate(home, "advisories", "sync", "--vendor", VENDOR, str(stale)).returncode == 1  # rollback
        (tmp_path / "new-root.pem").write_bytes(vendor.new_root.pem)
        pinned = shipgate(home, "trust", "pin", "--vendor", VENDOR, str(tmp_path / "new-root.pem"), "--reason", "r")
        assert pinned.returncode == 0, pinned.stderr
        time.sleep(1.5)  # the deliverer tries (and fails) while this server runs
        assert first.stop() == 0
    with open_store(home=home) as store:
        pending = {e.event_id: e for e in store.events(pending_only=True, limit=1000)}
    assert {e.kind for e in pending.values()} == KINDS
    assert max(e.attempts for e in pending.values()) >= 1 and all(e.delivered is None for e in pending.values())

    receiver = Receiver(secret=SECRET)
    with Server(home, config) as second:
        time.sleep(max(0.0, DOWN_SECONDS - (time.monotonic() - down_since)))
        with receiving(receiver, port):
            wait_for(lambda: set(receiver.ids()) >= set(pending), 30, "every pending event delivered")
            time.sleep(2.5)  # longer than retry_max: nothing is sent again
        assert second.stop() == 0
    ids = receiver.ids()
    assert sorted(ids) == sorted(set(ids)) and set(ids) == set(pending)  # exactly once per event id
    assert all(r.signed and r.body["id"] == r.event_id and r.body["type"] == r.event_type for r in receiver.received)
    by_order = [r.body["audit_seq"] for r in receiver.received]
    assert by_order == sorted(by_order)  # in the order the changes committed
    with open_store(home=home) as store:
        recorded = {e.event_id: e for e in store.events(limit=1000)}
    assert all(recorded[i].delivered is not None and recorded[i].status == 200 for i in ids)
    superseded = next(r for r in receiver.received if r.event_type == "verdict.superseded")
    assert superseded.body["data"]["advisory_id"] == "EXN-2027-0101"
    verified = json.loads(shipgate(home, "verdicts", "list", "--superseded", "--json").stdout)
    assert superseded.body["data"]["sha256"] == [v["sha256"] for v in verified]


def test_a_refused_event_is_recorded_and_does_not_stop_the_queue(
    home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """A receiver that answers 400 to one event (not 408/429/5xx) gets it once; the events after it flow."""
    write_trust(home, vendor)
    receiver = Receiver(secret=SECRET, refuse={"trust.changed"})
    with open_store(home=home) as store, receiving(receiver) as url:
        settings = EventSettings(webhook=url, secret=SECRET, retry_initial=0.1, retry_max=0.2)
        store.append_trust_change(vendor=VENDOR, kind="revoke", payload={"certificates": [{"sha256": "0" * 64}]},
                                  actor="ops", reason="test")
        store.put_verdict(_verdict(), actor="test")
        deliverer = Deliverer(store, settings)
        while store.pending_events():
            time.sleep(deliverer.deliver_once())
        [refused, accepted] = sorted(store.events(limit=10), key=lambda e: e.id)
        assert (refused.kind, refused.status, refused.attempts) == ("trust.changed", 400, 1)
        assert refused.delivered is not None and refused.last_error.startswith("HTTP 400")
        assert (accepted.kind, accepted.status) == ("verdict.recorded", 200)
        assert receiver.ids() == [accepted.event_id]


def test_wrongly_signed_events_are_refused_by_the_receiver(home: Path, tmp_path: Path) -> None:
    """The signature is over the exact body with the shared secret: another secret is refused (401)."""
    receiver = Receiver(secret=b"another secret")
    with open_store(home=home) as store, receiving(receiver) as url:
        store.put_verdict(_verdict(), actor="test")
        deliverer = Deliverer(store, EventSettings(webhook=url, secret=SECRET, retry_initial=0.1, retry_max=0.2))
        deliverer.deliver_once()
        [event] = store.events()
        assert (event.status, receiver.ids()) == (401, [])
        assert event.delivered is not None and event.last_error.startswith("HTTP 401")


def _verdict() -> VerdictRecord:
    return VerdictRecord(
        sha256="a" * 64, blake3=None, package_name="dten", package_version="7.4.0", vendor=VENDOR, verdict="allow"
    )
