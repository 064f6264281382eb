"""The advisory-feed pollers of a real ``shipgate serve`` (issue 14), seen where operators look: the status page's
"Feed pollers" table and ``GET /v1/health`` (status role). Two vendors name a feed on a real HTTP server: one
serves a signed feed, the other's path answers 404, and its error shows (escaped) on both."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisories.conftest import FEED_SIGNER_RULE, FeedBuilder
from advisories.conftest import feed_signer as feed_signer  # noqa: PLC0414 - fixtures used here
from advisories.conftest import feeds as feeds  # noqa: PLC0414
from advisories.conftest import trust_home as trust_home  # noqa: PLC0414
from advisories.httpserver import Behaviour, FeedServer, serve
from service.kit import Server, wait_for
from trust.conftest import VENDOR
from trust.conftest import vendor_pki as vendor_pki  # noqa: PLC0414

TOKEN = "status-token-0c4b7e19a2d85f36"
TOKEN_ENV = "SHIPGATE_TEST_STATUS_TOKEN"
HOSTILE = "Other <b>Vendor</b>"


def get(url: str, token: str | None = TOKEN) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def pollers(server: Server) -> dict[str, dict[str, Any]]:
    status, body = get(f"{server.http_base}/v1/health")
    assert status == 200, body
    answer = json.loads(body)
    assert answer["status"] == "ok"
    return {p["vendor"]: p for p in answer["pollers"]}


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    with serve() as running:
        yield running


@pytest.fixture
def server(trust_home: Path, feeds: FeedBuilder, feed_server: FeedServer) -> Iterator[Server]:
    feed_server.routes["exn"] = Behaviour(directory=feeds.write(feeds.document(7, [])))
    trust = trust_home / "trust"
    toml = trust / "example.toml"
    toml.write_text(toml.read_text().replace("\n[feed_signer]", f'\nfeed = "{feed_server.url("exn")}"\n[feed_signer]'))
    (trust / "other.toml").write_text(
        f'name = "{HOSTILE}"\nroots = ["roots/old.pem"]\nfeed = "{feed_server.url("gone")}"\n{FEED_SIGNER_RULE}'
    )
    config = trust_home.parent / "serve-pollers.toml"
    config.write_text(
        f'[tokens]\ndashboard = {{ env = "{TOKEN_ENV}" }}\n'
        '[roles]\nallow_anonymous = []\nstatus = ["token:dashboard"]\n'
        '[advisories]\npoll_interval = "1h"\nretry_initial = 600\n'
    )
    with Server(trust_home, config, env={TOKEN_ENV: TOKEN}) as running:
        yield running


def test_pollers_show_on_the_health_detail_and_the_status_page(server: Server) -> None:
    wait_for(lambda: all(p["polls"] >= 1 for p in pollers(server).values()), timeout=30, what="both feeds polled")
    found = pollers(server)
    assert set(found) == {VENDOR, HOSTILE}
    good, bad = found[VENDOR], found[HOSTILE]
    assert (good["last_status"], good["failures"], good["last_error"]) == ("accepted", 0, None)
    assert good["last_attempt"] and good["last_success"] and good["next_poll"] > good["last_attempt"]
    assert (bad["last_status"], bad["failures"], bad["last_success"]) == ("rejected", 1, None)
    assert bad["last_code"] == "advisory.feed_unavailable" and "404" in bad["last_error"]
    assert bad["next_poll"] > bad["last_attempt"]

    status, html = get(f"{server.http_base}/")
    assert status == 200
    table = html.partition('<div id="pollers">')[2].partition("</div>")[0]
    assert "<th>last error</th>" in table and f"<code>{good['source']}</code>" in table
    assert "Other &lt;b&gt;Vendor&lt;/b&gt;" in table and HOSTILE not in html
    assert "advisory.feed_unavailable" in table and "404" in table and "accepted" in table


def test_the_health_detail_needs_the_status_role_and_healthz_stays_plain(server: Server) -> None:
    status, body = get(f"{server.http_base}/v1/health", token=None)
    assert status == 403 and "needs the status role" in json.loads(body)["error"]
    assert get(f"{server.http_base}/healthz", token=None) == (200, "ok\n")
