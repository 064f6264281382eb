"""Fetching a feed's three files (FORMATS §2) from a directory or an HTTP(S) base URL, bounded.

Every read is capped in bytes (streamed; the download stops as soon as the cap is passed) and in time
(a connect timeout, a per-read timeout and a deadline for the whole fetch, so a server trickling one byte
at a time cannot hold a sync forever). ``feed.json`` is requested conditionally (``If-None-Match`` /
``If-Modified-Since``) with the validators stored with the accepted feed; a ``304`` answers
:class:`NotModified` and nothing else is fetched. Redirects are followed up to a bound and never from
HTTPS to plain HTTP. Environment proxies are not used. Failures raise :class:`FeedRejected`
(``advisory.feed_unavailable`` or ``advisory.feed_too_large``).
"""

from __future__ import annotations

import http.client
import os
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from shipgate.advisories.errors import FEED_TOO_LARGE, FEED_UNAVAILABLE, FeedRejected
from shipgate.advisories.feed import MAX_FEED_BYTES

FEED_FILE = "feed.json"
SIGNATURE_FILE = "feed.json.sig"
CHAIN_FILE = "feed-chain.pem"
# A detached signature of any supported algorithm is a few hundred bytes (RSA-4096: 512).
MAX_SIGNATURE_BYTES = 64 << 10
# A signer certificate and a few intermediates.
MAX_CHAIN_BYTES = 1 << 20
_CHUNK = 64 << 10
_USER_AGENT = "shipgate-advisories/1"


@dataclass(frozen=True, kw_only=True)
class FetchLimits:
    max_feed_bytes: int = MAX_FEED_BYTES
    max_signature_bytes: int = MAX_SIGNATURE_BYTES
    max_chain_bytes: int = MAX_CHAIN_BYTES
    connect_timeout: float = 10.0  # seconds to establish a connection
    read_timeout: float = 30.0  # seconds any one read may wait for bytes
    total_timeout: float = 120.0  # seconds for the whole fetch (all three files)
    max_redirects: int = 5
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)


@dataclass(frozen=True, kw_only=True)
class FeedFiles:
    source: str
    feed: bytes
    signature: bytes
    chain: bytes
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, kw_only=True)
class NotModified:
    """The server says ``feed.json`` is unchanged since the accepted feed (HTTP 304)."""

    source: str


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def _unavailable(message: str, source: str) -> FeedRejected:
    return FeedRejected(FEED_UNAVAILABLE, message, evidence={"source": source})


def _too_large(name: str, cap: int, source: str) -> FeedRejected:
    return FeedRejected(
        FEED_TOO_LARGE, f"{name} is larger than {cap} bytes; not read", evidence={"source": source, "limit": cap}
    )


# -- directories ---------------------------------------------------------------------------------------


def _read_file(path: Path, cap: int, source: str) -> bytes:
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > cap:
                raise _too_large(path.name, cap, source)
            data = handle.read(cap + 1)  # the file may grow between fstat and read
    except FileNotFoundError:
        raise _unavailable(f"{path} does not exist", source) from None
    except OSError as exc:
        raise _unavailable(f"cannot read {path}: {exc.strerror or exc}", source) from None
    if len(data) > cap:
        raise _too_large(path.name, cap, source)
    return data


def fetch_directory(directory: Path, *, limits: FetchLimits = FetchLimits()) -> FeedFiles:
    source = str(directory)
    if not directory.is_dir():
        raise _unavailable(f"feed source {directory} is not a directory", source)
    return FeedFiles(
        source=source,
        feed=_read_file(directory / FEED_FILE, limits.max_feed_bytes, source),
        signature=_read_file(directory / SIGNATURE_FILE, limits.max_signature_bytes, source),
        chain=_read_file(directory / CHAIN_FILE, limits.max_chain_bytes, source),
    )


# -- HTTP ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Response:
    status: int
    body: bytes
    headers: Mapping[str, str]


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self, url: str) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise _unavailable(f"fetching {url} took longer than {self.seconds:g} s; aborted", url)
        return left


def _connection(url: str, limits: FetchLimits, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    if parts.hostname is None:
        raise _unavailable(f"{url} has no host", url)
    if parts.scheme == "https":
        context = limits.ssl_context or ssl.create_default_context()
        return http.client.HTTPSConnection(parts.hostname, parts.port, timeout=timeout, context=context)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)


def _get_once(url: str, *, headers: Mapping[str, str], cap: int, limits: FetchLimits, deadline: _Deadline) -> _Response:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn = _connection(url, limits, min(limits.connect_timeout, deadline.remaining(url)))
    try:
        conn.connect()
        sock = conn.sock  # kept: http.client drops conn.sock when the server says "Connection: close"
        assert sock is not None
        sock.settimeout(min(limits.read_timeout, deadline.remaining(url)))
        conn.request("GET", target, headers={"User-Agent": _USER_AGENT, "Accept-Encoding": "identity", **headers})
        response = conn.getresponse()
        found = {k.lower(): v for k, v in response.getheaders()}
        if response.status != 200:
            return _Response(response.status, b"", found)
        declared = found.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > cap:
            raise _too_large(url, cap, url)
        chunks: list[bytes] = []
        total = 0
        while True:
            sock.settimeout(min(limits.read_timeout, deadline.remaining(url)))
            chunk = response.read1(min(_CHUNK, cap + 1 - total))  # what has arrived, not a full buffer
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > cap:
                raise _too_large(url, cap, url)
        body = b"".join(chunks)
        if declared is not None and declared.isdigit() and len(body) != int(declared):
            raise _unavailable(f"{url}: the response ended after {len(body)} of {declared} bytes", url)
        return _Response(200, body, found)
    except TimeoutError:
        if time.monotonic() >= deadline.end - 0.01:  # the socket timeout was the rest of the deadline
            deadline.remaining(url)
        raise _unavailable(f"{url}: no answer within the timeout", url) from None
    except http.client.IncompleteRead as exc:
        raise _unavailable(f"{url}: the response was cut off after {len(exc.partial)} bytes", url) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _unavailable(f"{url}: {type(exc).__name__}: {exc}", url) from None
    finally:
        conn.close()


def http_get(
    url: str,
    *,
    cap: int,
    limits: FetchLimits = FetchLimits(),
    headers: Mapping[str, str] | None = None,
    deadline: _Deadline | None = None,
) -> tuple[int, bytes, Mapping[str, str]]:
    """GET ``url``: ``(status, body, lower-cased headers)``; the body only for 200. Follows redirects."""
    deadline = deadline or _Deadline(limits.total_timeout)
    current = url
    for _ in range(limits.max_redirects + 1):
        response = _get_once(current, headers=headers or {}, cap=cap, limits=limits, deadline=deadline)
        if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
            target = urljoin(current, response.headers["location"])
            scheme = urlsplit(target).scheme
            if scheme not in ("http", "https") or (urlsplit(current).scheme == "https" and scheme != "https"):
                raise _unavailable(f"{current} redirects to {target}; only HTTP(S), never HTTPS to HTTP", url)
            current = target
            continue
        return response.status, response.body, response.headers
    raise _unavailable(f"{url}: more than {limits.max_redirects} redirects", url)


def fetch_http(
    base_url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
) -> FeedFiles | NotModified:
    base = base_url if base_url.endswith("/") else base_url + "/"
    deadline = _Deadline(limits.total_timeout)
    conditional: dict[str, str] = {}
    if etag:
        conditional["If-None-Match"] = etag
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    files: dict[str, bytes] = {}
    validators: Mapping[str, str] = {}
    for name, cap in (
        (FEED_FILE, limits.max_feed_bytes),
        (SIGNATURE_FILE, limits.max_signature_bytes),
        (CHAIN_FILE, limits.max_chain_bytes),
    ):
        url = urljoin(base, name)
        status, body, headers = http_get(
            url, cap=cap, limits=limits, headers=conditional if name == FEED_FILE else None, deadline=deadline
        )
        if status == 304 and name == FEED_FILE and conditional:
            return NotModified(source=base_url)
        if status != 200:
            raise _unavailable(f"{url} answered HTTP {status}", base_url)
        if name == FEED_FILE:
            validators = headers
        files[name] = body
    return FeedFiles(
        source=base_url,
        feed=files[FEED_FILE],
        signature=files[SIGNATURE_FILE],
        chain=files[CHAIN_FILE],
        etag=validators.get("etag"),
        last_modified=validators.get("last-modified"),
    )


def fetch(
    source: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
) -> FeedFiles | NotModified:
    """A directory path (or ``file://`` URL) or an ``http(s)://`` base URL."""
    if is_url(source):
        return fetch_http(source, etag=etag, last_modified=last_modified, limits=limits)
    parts = urlsplit(source)
    if parts.scheme == "file":
        return fetch_directory(Path(parts.path), limits=limits)
    if parts.scheme and len(parts.scheme) > 1:
        raise _unavailable(f"feed source {source!r}: only a directory, file://, http:// or https:// is read", source)
    return fetch_directory(Path(source), limits=limits)
