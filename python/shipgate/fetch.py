"""A bounded HTTP(S) client: one request, capped in bytes and in time, for everything shipgate fetches
(advisory feeds and CSAF providers, OCSP responders and CRL distribution points).

Every read is capped (streamed; the download stops as soon as the cap is passed) and timed (a connect
timeout, a per-read timeout and a :class:`Deadline` for the whole operation, so a server trickling one
byte at a time cannot hold a caller forever). Redirects are followed up to a bound and never from HTTPS
to plain HTTP. Environment proxies are not used. Failures raise :class:`FetchFailed` with ``kind``
``unavailable`` (unreachable, timeout, deadline, reset, truncated) or ``too_large``.
"""

from __future__ import annotations

import http.client
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin, urlsplit

from shipgate.errors import ShipgateError

_CHUNK = 64 << 10
USER_AGENT = "shipgate/1"


class FetchFailed(ShipgateError):
    def __init__(self, kind: Literal["unavailable", "too_large"], message: str, *, url: str, limit: int = 0) -> None:
        super().__init__(message)
        self.kind, self.message, self.url, self.limit = kind, message, url, limit


@dataclass(frozen=True, kw_only=True)
class HttpLimits:
    connect_timeout: float = 10.0  # seconds to establish a connection
    read_timeout: float = 30.0  # seconds any one read may wait for bytes
    total_timeout: float = 120.0  # seconds for the whole operation (all its requests)
    max_redirects: int = 5
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes  # only for 200
    headers: Mapping[str, str]  # lower-cased names


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self, url: str) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise FetchFailed("unavailable", f"fetching {url} took longer than {self.seconds:g} s; aborted", url=url)
        return left


def _connection(url: str, limits: HttpLimits, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    if parts.hostname is None:
        raise FetchFailed("unavailable", f"{url} has no host", url=url)
    if parts.scheme == "https":
        context = limits.ssl_context or ssl.create_default_context()
        return http.client.HTTPSConnection(parts.hostname, parts.port, timeout=timeout, context=context)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)


def _too_large(url: str, cap: int) -> FetchFailed:
    return FetchFailed("too_large", f"{url} is larger than {cap} bytes; not read", url=url, limit=cap)


def _once(
    url: str, *, method: str, body: bytes | None, headers: Mapping[str, str], cap: int, limits: HttpLimits,
    deadline: Deadline,
) -> Response:  # fmt: skip
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn = _connection(url, limits, min(limits.connect_timeout, deadline.remaining(url)))
    try:
        conn.connect()
        sock = conn.sock  # kept: http.client drops conn.sock when the server says "Connection: close"
        assert sock is not None
        sock.settimeout(min(limits.read_timeout, deadline.remaining(url)))
        sent = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **headers}
        conn.request(method, target, body=body, headers=sent)
        response = conn.getresponse()
        found = {k.lower(): v for k, v in response.getheaders()}
        if response.status != 200:
            return Response(response.status, b"", found)
        declared = found.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > cap:
            raise _too_large(url, cap)
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
                raise _too_large(url, cap)
        data = b"".join(chunks)
        if declared is not None and declared.isdigit() and len(data) != int(declared):
            raise FetchFailed(
                "unavailable", f"{url}: the response ended after {len(data)} of {declared} bytes", url=url
            )
        return Response(200, data, found)
    except TimeoutError:
        if time.monotonic() >= deadline.end - 0.01:  # the socket timeout was the rest of the deadline
            deadline.remaining(url)
        raise FetchFailed("unavailable", f"{url}: no answer within the timeout", url=url) from None
    except http.client.IncompleteRead as exc:
        raise FetchFailed(
            "unavailable", f"{url}: the response was cut off after {len(exc.partial)} bytes", url=url
        ) from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchFailed("unavailable", f"{url}: {type(exc).__name__}: {exc}", url=url) from None
    finally:
        conn.close()


def http_request(
    url: str,
    *,
    cap: int,
    limits: HttpLimits = HttpLimits(),
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    deadline: Deadline | None = None,
) -> Response:
    """One request (redirects followed; a POST is never re-sent to a redirect target). The body only for 200."""
    deadline = deadline or Deadline(limits.total_timeout)
    current = url
    for _ in range(limits.max_redirects + 1):
        response = _once(current, method=method, body=body, headers=headers or {}, cap=cap, limits=limits,
                         deadline=deadline)  # fmt: skip
        if response.status in (301, 302, 303, 307, 308) and "location" in response.headers and method == "GET":
            target = urljoin(current, response.headers["location"])
            scheme = urlsplit(target).scheme
            if scheme not in ("http", "https") or (urlsplit(current).scheme == "https" and scheme != "https"):
                raise FetchFailed(
                    "unavailable", f"{current} redirects to {target}; only HTTP(S), never HTTPS to HTTP", url=url
                )
            current = target
            continue
        return response
    raise FetchFailed("unavailable", f"{url}: more than {limits.max_redirects} redirects", url=url)
