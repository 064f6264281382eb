"""The HTTP feed source against a real local server: normal, 304, slow, trickling, huge, truncated, reset.

Risk covered: a hostile or broken feed server hangs a sync, exhausts memory, or gets a partial feed
accepted; a conditional request is sent with validators of a feed that was never accepted.
"""

from __future__ import annotations

import ipaddress
import ssl
import time
from collections.abc import Iterator

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID

from advisories.conftest import FeedBuilder, dump
from advisories.httpserver import Behaviour, FeedServer, serve
from shipgate.advisories.errors import FeedRejected
from shipgate.advisories.source import FetchLimits, NotModified, fetch_http, http_get
from shipgate.advisories.sync import sync_feed
from shipgate.store import Store
from shipgate.trust import VendorConfig
from trust import pki
from trust.conftest import VENDOR

FAST = FetchLimits(connect_timeout=2, read_timeout=0.5, total_timeout=3)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serve() as s:
        yield s


def test_normal_then_not_modified_then_a_new_version(
    server: FeedServer, store: Store, vendor: VendorConfig, feeds: FeedBuilder
) -> None:
    directory = feeds.write(feeds.document(12, []))
    server.routes["exn"] = Behaviour(directory=directory)
    first = sync_feed(store, vendor, server.url("exn"), limits=FAST)
    assert (first.status, first.feed_version) == ("accepted", 12), first.describe()
    state = store.feed_state(VENDOR)
    assert state is not None and state.etag and state.last_modified
    assert "if-none-match" not in server.requests[0][1]

    before, audit = dump(store), len(store.audit_entries())
    second = sync_feed(store, vendor, server.url("exn"), limits=FAST)
    assert (second.status, second.feed_version) == ("not-modified", 12)
    assert server.requests[-1][0] == "/exn/feed.json"  # nothing else fetched after the 304
    assert server.requests[-1][1]["if-none-match"] == state.etag
    assert server.requests[-1][1]["if-modified-since"] == state.last_modified
    assert (dump(store), len(store.audit_entries())) == (before, audit)

    server.routes["exn"] = Behaviour(directory=feeds.write(feeds.document(13, [])))
    third = sync_feed(store, vendor, server.url("exn"), limits=FAST)
    assert (third.status, third.feed_version, third.previous_version) == ("accepted", 13, 12)


def test_validators_are_not_sent_to_another_source(
    server: FeedServer, store: Store, vendor: VendorConfig, feeds: FeedBuilder
) -> None:
    directory = feeds.write(feeds.document(12, []))
    server.routes["a"] = Behaviour(directory=directory)
    server.routes["b"] = Behaviour(directory=directory)
    assert sync_feed(store, vendor, server.url("a"), limits=FAST).status == "accepted"
    assert sync_feed(store, vendor, server.url("b"), limits=FAST).status == "unchanged"
    assert "if-none-match" not in server.requests[-3][1]


def test_a_slow_server_times_out(server: FeedServer, store: Store, vendor: VendorConfig, feeds: FeedBuilder) -> None:
    server.routes["slow"] = Behaviour(directory=feeds.write(feeds.document(12, [])), mode="slow", delay=2.0)
    before = dump(store)
    started = time.monotonic()
    result = sync_feed(store, vendor, server.url("slow"), limits=FAST)
    assert time.monotonic() - started < 1.5
    assert (result.status, result.code) == ("rejected", "advisory.feed_unavailable")
    assert "no answer within the timeout" in result.message
    assert dump(store) == before
    assert store.audit_entries()[-1].action == "feed.reject"


def test_a_trickling_server_hits_the_deadline(server: FeedServer, feeds: FeedBuilder) -> None:
    # Each byte arrives well within the read timeout; only the whole-fetch deadline stops it.
    server.routes["drip"] = Behaviour(directory=feeds.write(feeds.document(12, [])), mode="trickle", delay=0.05)
    started = time.monotonic()
    with pytest.raises(FeedRejected, match="took longer than 1 s") as info:
        fetch_http(server.url("drip"), limits=FetchLimits(read_timeout=0.5, total_timeout=1))
    assert info.value.code == "advisory.feed_unavailable"
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("mode", ["huge", "huge-declared"])
def test_a_huge_response_stops_at_the_cap(server: FeedServer, mode: str) -> None:
    server.routes["big"] = Behaviour(mode=mode)
    with pytest.raises(FeedRejected, match="larger than 16777216 bytes") as info:
        http_get(server.url("big") + "feed.json", cap=16 << 20, limits=FAST)
    assert info.value.code == "advisory.feed_too_large"


def test_a_huge_feed_is_rejected_by_sync(server: FeedServer, store: Store, vendor: VendorConfig) -> None:
    server.routes["big"] = Behaviour(mode="huge")
    result = sync_feed(store, vendor, server.url("big"), limits=FAST)
    assert (result.status, result.code) == ("rejected", "advisory.feed_too_large")


@pytest.mark.parametrize(
    ("mode", "message"), [("truncated", "the response ended after"), ("reset", "ConnectionResetError")]
)
def test_a_broken_response_is_unavailable(
    server: FeedServer, store: Store, vendor: VendorConfig, feeds: FeedBuilder, *, mode: str, message: str
) -> None:
    server.routes["broken"] = Behaviour(directory=feeds.write(feeds.document(12, [])), mode=mode)
    before = dump(store)
    result = sync_feed(store, vendor, server.url("broken"), limits=FAST)
    assert (result.status, result.code) == ("rejected", "advisory.feed_unavailable"), result.describe()
    assert message in result.message, result.message
    assert dump(store) == before


def test_a_missing_file_is_unavailable(server: FeedServer, store: Store, vendor: VendorConfig) -> None:
    result = sync_feed(store, vendor, server.url("nowhere"), limits=FAST)
    assert (result.code, result.message) == (
        "advisory.feed_unavailable",
        f"{server.url('nowhere')}feed.json answered HTTP 404",
    )


def test_redirects_are_followed_but_bounded(server: FeedServer, feeds: FeedBuilder) -> None:
    server.routes["real"] = Behaviour(directory=feeds.write(feeds.document(12, [])))
    server.routes["moved"] = Behaviour(mode="redirect", target=server.url("real"))
    files = fetch_http(server.url("moved"), limits=FAST)
    assert not isinstance(files, NotModified)
    assert b'"feed_version": 12' in files.feed
    server.routes["loop"] = Behaviour(mode="redirect", target=server.url("loop"))
    with pytest.raises(FeedRejected, match="more than 5 redirects"):
        fetch_http(server.url("loop"), limits=FAST)


def test_a_refused_connection_is_unavailable() -> None:
    with serve() as gone:
        url = gone.url("x")
    with pytest.raises(FeedRejected, match="ConnectionRefusedError") as info:
        fetch_http(url, limits=FAST)
    assert info.value.code == "advisory.feed_unavailable"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context for 127.0.0.1 under a test CA, and a client context trusting only that CA."""
    ca = pki.root("Feed Mirror Test CA")
    server = pki.make_cert(
        subject=pki.name("127.0.0.1"), key=pki.ec_key(), issuer=ca, ca=False,
        eku=[ExtendedKeyUsageOID.SERVER_AUTH], san=[x509.IPAddress(ipaddress.ip_address("127.0.0.1"))],
    )  # fmt: skip
    directory = tmp_path_factory.mktemp("tls")
    (directory / "server.pem").write_bytes(server.pem + ca.pem)
    (directory / "server.key").write_bytes(
        server.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(directory / "server.pem", directory / "server.key")
    client_context = ssl.create_default_context(cadata=ca.pem.decode())
    return server_context, client_context


def test_https_verifies_the_server_and_never_redirects_to_http(
    tls: tuple[ssl.SSLContext, ssl.SSLContext], feeds: FeedBuilder
) -> None:
    server_context, client_context = tls
    directory = feeds.write(feeds.document(12, []))
    trusting = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=5, ssl_context=client_context)
    with serve(tls=server_context) as https, serve() as plain:
        https.routes["exn"] = Behaviour(directory=directory)
        plain.routes["exn"] = Behaviour(directory=directory)
        https.routes["down"] = Behaviour(mode="redirect", target=plain.url("exn"))
        files = fetch_http(https.url("exn"), limits=trusting)
        assert not isinstance(files, NotModified)
        assert files.feed == (directory / "feed.json").read_bytes()
        with pytest.raises(FeedRejected, match="CERTIFICATE_VERIFY_FAILED"):
            fetch_http(https.url("exn"), limits=FAST)  # the system roots do not know the test CA
        with pytest.raises(FeedRejected, match="never HTTPS to HTTP"):
            fetch_http(https.url("down"), limits=trusting)
