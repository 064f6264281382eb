"""``shipgate serve`` polls the feeds its vendors' trust files name (a real HTTP server on 127.0.0.1): a new
feed version is applied within one poll interval, a stale feed (past its ``expires``) is reported in
``/metrics``, ``advisories status`` and the admission answer, which fails closed for that vendor."""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.request
from pathlib import Path
from typing import Any

from admission.kit import ADVISORY, Vendor, advisory, now, package, shipgate, write_feed, write_trust
from advisories.httpserver import Behaviour, serve
from service.kit import Server, wait_for

INTERVAL = 2.0


def post(url: str, body: Any) -> Any:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def status(home: Path) -> dict[str, Any]:
    [feed] = json.loads(shipgate(home, "advisories", "status", "--json").stdout)["feeds"]
    return dict(feed)


def test_serve_polls_a_new_feed_version_and_reports_a_stale_one(home: Path, vendor: Vendor, tmp_path: Path) -> None:
    """Risk: `serve` never started its pollers, so a service operator got no revocation or withdrawal
    unless they scheduled `advisories sync` themselves; and a feed that stopped was not noticed."""
    published = tmp_path / "published"
    write_feed(published, vendor, version=1, advisories=[])
    with serve() as feeds:
        feeds.routes["exn"] = Behaviour(directory=published)
        write_trust(home, vendor, feed=feeds.url("exn"))
        config = home.parent / "serve.toml"
        config.write_text(f'[advisories]\npoll_interval = {INTERVAL}\nretry_initial = 1\nretry_max = 2\n')
        archive = package(tmp_path / "dten.zip", vendor.signer)
        with Server(home, config) as server:
            wait_for(lambda: status(home)["feed_version"] == 1, 30, "feed v1 polled at startup")
            verified = shipgate(home, "verify", str(archive), "--server", server.grpc_address, "--json")
            sha256 = json.loads(verified.stdout)["archive"]["digests"]["sha256"]

            # A new version, published: applied by the next poll (within one interval, plus the poll itself).
            write_feed(published, vendor, version=2, advisories=[advisory("withdraw", vendor)])
            published_at = time.monotonic()
            wait_for(lambda: status(home)["feed_version"] == 2, 4 * INTERVAL + 10, "feed v2 polled")
            picked_up = time.monotonic() - published_at
            answer = post(f"{server.http_base}/v1/admit", {"digest": sha256})
            assert (answer["allowed"], answer["advisory"]) == (False, ADVISORY["withdraw"])

            # A version that expires in a few seconds and is never followed: stale once it has expired.
            other = package(tmp_path / "other.zip", vendor.signer, version="7.5.0")
            expires = now() + dt.timedelta(seconds=8)
            write_feed(published, vendor, version=3, advisories=[advisory("withdraw", vendor)], expires=expires)
            wait_for(lambda: status(home)["feed_version"] == 3, 4 * INTERVAL + 10, "feed v3 polled")
            fresh = shipgate(home, "verify", str(other), "--server", server.grpc_address, "--json")
            other_sha = json.loads(fresh.stdout)["archive"]["digests"]["sha256"]
            assert post(f"{server.http_base}/v1/admit", {"digest": other_sha})["allowed"] is True
            wait_for(lambda: status(home)["stale"], 30, "the feed to go stale")
            answer = post(f"{server.http_base}/v1/admit", {"digest": other_sha})
            assert (answer["allowed"], answer["cause"]) == (False, "feed_stale")
            with urllib.request.urlopen(f"{server.http_base}/metrics", timeout=10) as response:
                metrics = response.read().decode()
            expires_in = next(
                float(line.rsplit(" ", 1)[1])
                for line in metrics.splitlines()
                if line.startswith('shipgate_feed_expires_in_seconds{vendor="Example Networks"}')
            )
            assert expires_in < 0
            assert 'shipgate_feed_polls_total{vendor="Example Networks"}' in metrics
            assert "shipgate_verdicts_superseded 1.0" in metrics  # the withdrawal's
    print(f"feed v2 applied {picked_up:.1f} s after it was published (poll interval {INTERVAL} s)")
