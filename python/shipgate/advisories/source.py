"""Fetching a feed's three files (docs/formats.md §2) from a directory or an HTTP(S) base URL, bounded.

Every read is capped in bytes and in time by :mod:`shipgate.fetch` (a deadline covers the whole fetch, so
a server trickling one byte at a time cannot hold a sync forever; redirects bounded, never HTTPS to HTTP).
``feed.json`` is requested conditionally (``If-None-Match`` / ``If-Modified-Since``) with the validators
stored with the accepted feed; a ``304`` answers :class:`NotModified` and nothing else is fetched.
Failures raise :class:`FeedRejected` (``advisory.feed_unavailable`` or ``advisory.feed_too_large``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from shipgate.advisories.errors import FEED_TOO_LARGE, FEED_UNAVAILABLE, FeedRejected
from shipgate.advisories.feed import MAX_FEED_BYTES
from shipgate.fetch import Deadline, FetchFailed, HttpLimits, http_request

FEED_FILE = "feed.json"
SIGNATURE_FILE = "feed.json.sig"
CHAIN_FILE = "feed-chain.pem"
# A detached signature of any supported algorithm is a few hundred bytes (RSA-4096: 512).
MAX_SIGNATURE_BYTES = 64 << 10
# A signer certificate and a few intermediates.
MAX_CHAIN_BYTES = 1 << 20


@dataclass(frozen=True, kw_only=True)
class FetchLimits(HttpLimits):
    """The HTTP bounds (:class:`shipgate.fetch.HttpLimits`; ``total_timeout`` covers all three files) and the
    byte caps of each feed file."""

    max_feed_bytes: int = MAX_FEED_BYTES
    max_signature_bytes: int = MAX_SIGNATURE_BYTES
    max_chain_bytes: int = MAX_CHAIN_BYTES


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


def http_get(
    url: str,
    *,
    cap: int,
    limits: FetchLimits = FetchLimits(),
    headers: Mapping[str, str] | None = None,
    deadline: Deadline | None = None,
) -> tuple[int, bytes, Mapping[str, str]]:
    """GET ``url``: ``(status, body, lower-cased headers)``; the body only for 200. Follows redirects.
    Raises FeedRejected (``advisory.feed_unavailable`` / ``advisory.feed_too_large``)."""
    try:
        response = http_request(url, cap=cap, limits=limits, headers=headers, deadline=deadline)
    except FetchFailed as failed:
        if failed.kind == "too_large":
            raise _too_large(failed.url, failed.limit, failed.url) from None
        raise _unavailable(failed.message, url) from None
    return response.status, response.body, response.headers


def fetch_http(
    base_url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
) -> FeedFiles | NotModified:
    base = base_url if base_url.endswith("/") else base_url + "/"
    deadline = Deadline(limits.total_timeout)
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
