"""The gate's way to the downstream repository: one ``PUT`` of the exact bytes that were verified, read back from
the upload's spool file, with the verdict and the digests as headers.

- The bytes: the spool file the writer wrote (the same file the inspection read, its device and inode checked
  again), read in chunks on a worker thread; each chunk is hashed (BLAKE3) on the way, and the last one is
  sent only once the whole file is known to hash to the digest computed while the upload arrived. A file that
  differs is never completed downstream: the request is cut short, and a repository does not store a ``PUT``
  whose body ended before its ``Content-Length``.
- The headers: ``X-Shipgate-Verdict``, ``X-Shipgate-Sha256``, ``X-Shipgate-Blake3``, ``X-Shipgate-Upload-Id``;
  ``X-Checksum-Sha256`` (Artifactory checks the body against it) and ``Repr-Digest`` (RFC 9530); the route's
  ``Authorization``. ``Content-Length`` always (S3 and others refuse chunked uploads).
- No redirects are followed (they would carry the credentials elsewhere); the proxy environment and
  ``.netrc`` are not read.

Memory: a few chunks of ``CHUNK`` bytes, whatever the archive's size; the chunks read are dropped from the page
cache after sending (the spool is written around it too).
"""

from __future__ import annotations

import asyncio
import base64
import os
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import quote

import aiohttp

from shipgate import _native
from shipgate.service.gate.settings import GateRoute
from shipgate.service.spool import SpoolFile

CHUNK = 1 << 20
# What of the downstream's answer is kept for the log and the client (it may be an HTML error page).
ANSWER_BYTES = 2048
CONNECT_SECONDS = 30.0


class DownstreamFailed(Exception):
    """The downstream did not store the archive; ``message`` says why (no credentials in it)."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True, kw_only=True)
class Stored:
    url: str
    status: int


def target_url(route: GateRoute, rest: str) -> str:
    """``<route url><rest>``, ``rest`` percent-encoded segment by segment."""
    return route.url + quote(rest, safe="/")


def forward_headers(*, verdict: str, digests: dict[str, str], upload_id: str, content_type: str) -> dict[str, str]:
    sha256 = digests["sha256"]
    return {
        "Content-Type": content_type,
        "X-Shipgate-Verdict": verdict,
        "X-Shipgate-Sha256": sha256,
        "X-Shipgate-Blake3": digests.get("blake3", ""),
        "X-Shipgate-Upload-Id": upload_id,
        "X-Checksum-Sha256": sha256,
        "Repr-Digest": f"sha-256=:{base64.b64encode(bytes.fromhex(sha256)).decode('ascii')}:",
    }


def _open_spooled(spooled: SpoolFile) -> tuple[int, int]:
    """A descriptor of the writer's file (checked to be it) and its size."""
    fd = os.open(spooled.inspect_path(), os.O_RDONLY | os.O_CLOEXEC)
    info = os.fstat(fd)
    if (info.st_dev, info.st_ino) != spooled.identity:
        os.close(fd)
        raise DownstreamFailed("the spool file was replaced after verification; nothing was forwarded")
    return fd, info.st_size


def _read_hashed(fd: int, offset: int, digest: _native.MultiDigest) -> bytes:
    data = os.pread(fd, CHUNK, offset)
    digest.update(data)
    os.posix_fadvise(fd, offset, len(data), os.POSIX_FADV_DONTNEED)
    return data


async def verified_bytes(spooled: SpoolFile, blake3: str) -> AsyncIterator[bytes]:
    """The spool file's bytes; raises :class:`DownstreamFailed` before the last chunk if they are not the ones
    whose BLAKE3 is ``blake3``."""
    loop = asyncio.get_running_loop()
    fd, size = await loop.run_in_executor(None, _open_spooled, spooled)
    try:
        digest = _native.MultiDigest(("blake3",))
        offset, held = 0, b""
        while offset < size:
            chunk = await loop.run_in_executor(None, _read_hashed, fd, offset, digest)
            if not chunk:
                break
            offset += len(chunk)
            if held:
                yield held
            held = chunk
        if offset != size or digest.hexdigests()["blake3"] != blake3:
            raise DownstreamFailed("the spool file no longer holds the verified bytes; the upload was cut short")
        if held:
            yield held
    finally:
        os.close(fd)


async def put(
    session: aiohttp.ClientSession,
    url: str,
    body: AsyncIterator[bytes],
    *,
    size: int,
    headers: dict[str, str],
    timeout: float,
    tls: ssl.SSLContext | None,
) -> Stored:
    """``PUT`` ``body`` to ``url``; a 2xx answer is :class:`Stored`, anything else :class:`DownstreamFailed`."""
    try:
        async with session.put(
            url,
            data=body,
            headers={**headers, "Content-Length": str(size)},
            timeout=aiohttp.ClientTimeout(total=timeout, sock_connect=CONNECT_SECONDS),
            allow_redirects=False,
            ssl=tls if tls is not None else True,
        ) as response:
            answer = (await response.content.read(ANSWER_BYTES)).decode("utf-8", errors="replace")
            if 200 <= response.status < 300:
                return Stored(url=url, status=response.status)
            raise DownstreamFailed(
                f"the downstream repository answered {response.status} {response.reason or ''}".rstrip()
                + (f": {answer.strip()[:200]}" if answer.strip() else ""),
                status=response.status,
            )
    except (aiohttp.ClientError, OSError) as exc:
        raise DownstreamFailed(
            f"the downstream repository could not be reached ({type(exc).__name__}: {exc})"
        ) from None
    except TimeoutError:
        raise DownstreamFailed(f"the downstream repository did not answer within {timeout:g} seconds") from None


def tls_context(route: GateRoute) -> ssl.SSLContext | None:
    return ssl.create_default_context(cafile=str(route.ca_file)) if route.ca_file is not None else None
