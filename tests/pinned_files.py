"""Pinned public files for the real-world corpora (tests/archive/realworld, tests/trust/realworld_sigstore): each
fetched once by URL into $SHIPGATE_CORPUS_CACHE (default ~/.cache/shipgate-corpus) and used while its SHA-256
and size match. A file gone from its mirror fails (re-pin it); no network skips, once, for the whole run."""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CACHE = Path(os.environ.get("SHIPGATE_CORPUS_CACHE", Path.home() / ".cache" / "shipgate-corpus"))
TIMEOUT = 30
_offline: list[str] = []  # the first network failure: every later download skips at once


def matches(path: Path, sha256: str, size: int) -> bool:
    if not path.is_file() or path.stat().st_size != size:
        return False
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest() == sha256


def _download(url: str, dest: Path) -> None:
    if _offline:
        pytest.skip(_offline[0])
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"corpus.toml: {url} is not an http(s) URL")
    part = dest.with_suffix(dest.suffix + ".part")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response, open(part, "wb") as out:
            while chunk := response.read(1 << 20):
                out.write(chunk)
    except urllib.error.HTTPError as e:
        pytest.fail(f"{url}: HTTP {e.code}: the pinned file is gone from its mirror; re-pin it in corpus.toml")
    except (urllib.error.URLError, OSError) as e:
        _offline.append(f"network unreachable ({url}: {e})")
        pytest.skip(_offline[0])
    part.replace(dest)


def fetched(url: str, sha256: str, size: int) -> Path:
    """The pinned file, from the cache or downloaded into it; a download that does not match fails."""
    path = CACHE / f"{sha256[:16]}-{url.rsplit('/', 1)[1]}"
    if not matches(path, sha256, size):
        CACHE.mkdir(parents=True, exist_ok=True)
        _download(url, path)
        assert matches(path, sha256, size), f"{url}: not the pinned file (sha256 {sha256}, {size} bytes)"
    return path


def deb_members(data: bytes) -> Iterator[tuple[str, bytes]]:
    """The members of a .deb (an ar archive): name and bytes."""
    if not data.startswith(b"!<arch>\n"):
        raise ValueError("not an ar archive")
    pos = 8
    while pos + 60 <= len(data):
        header = data[pos : pos + 60]
        size = int(header[48:58])
        yield header[:16].decode().strip().rstrip("/"), data[pos + 60 : pos + 60 + size]
        pos += 60 + size + (size & 1)
