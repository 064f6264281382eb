"""Which documents a CSAF provider lists, and which of them changed since the last sync (CSAF 2.0 §7.1).

Two distribution forms, both read from ``provider-metadata.json``'s ``distributions``:

- directory-based (§7.1.11-14): ``changes.csv`` (``path,current_release_date``, newest first) under the
  ``directory_url``; without it, ``index.txt`` (every document, no times). Each document has ``.sha256`` /
  ``.sha512`` and ``.asc`` beside it;
- ROLIE (§7.1.15): one feed per TLP label; each entry links the document (``self`` / ``content.src``), its
  hash files (``rel: hash``) and signature (``rel: signature``).

Every source's newest time is remembered per source URL; a source that now shows an older newest time is
a rollback (refused). Documents changed at or after that time are listed again (a tie may hide a
document published after the last sync; one that is unchanged is recognised when stored). Paths from a
directory listing must stay under the directory. Everything read is bounded.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from shipgate.advisories._json import load_json
from shipgate.advisories.csaf_provider import Fetcher, Subscription, normalize_tlp
from shipgate.advisories.errors import CSAF_INVALID, CSAF_ROLLBACK, AdvisoryError, CsafInvalid, CsafRejected
from shipgate.inputs import InputRefused, parse_time

# A large vendor lists a few thousand documents; a listing longer than this is not a provider's.
MAX_DOCUMENTS = 20_000
MAX_LISTING_BYTES = 16 << 20


@dataclass(frozen=True, kw_only=True)
class Listed:
    url: str
    name: str  # as the listing names it (for messages)
    changed: dt.datetime | None
    hash_urls: tuple[str, ...]
    signature_url: str
    tlp: str | None = None  # the ROLIE feed's label; documents carry their own too


@dataclass
class Listing:
    documents: list[Listed] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # source URL → newest time it shows (ISO)
    withheld: list[tuple[str, str]] = field(default_factory=list)  # (feed URL, why not read)


def _time(text: str, *, where: str) -> dt.datetime:
    try:
        return parse_time(text, what=where, naive="utc")
    except InputRefused as exc:
        raise CsafInvalid(f"{where}: {text[:64]!r} is not an RFC 3339 time") from exc


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _check_rollback(sub: Subscription, source: str, newest: dt.datetime | None) -> dt.datetime | None:
    """The time from which documents are listed again; raises on a source that went back in time."""
    accepted = sub.feeds.get(source)
    if accepted is None:
        return None
    since = _time(accepted, where=source)
    if newest is None or newest < since:
        shown = newest.isoformat() if newest else "nothing"
        raise CsafRejected(
            CSAF_ROLLBACK,
            f"{source} now shows {shown} as its newest change, older than the {since.isoformat()} already accepted",
            evidence={"source": source, "accepted": accepted, "shown": shown},
        )
    return since


def _relative(path: str, base: str, where: str) -> str:
    parts = PurePosixPath(path).parts
    if urlsplit(path).scheme or path.startswith("/") or ".." in parts or not path.endswith(".json"):
        raise CsafInvalid(f"{where} names {path[:200]!r}, which is not a .json path inside the distribution")
    return urljoin(base, path)


def _directory(fetcher: Fetcher, sub: Subscription, base: str, listing: Listing) -> None:
    base = base if base.endswith("/") else base + "/"
    changes = fetcher.get(urljoin(base, "changes.csv"), MAX_LISTING_BYTES, missing_ok=True)
    entries: dict[str, dt.datetime | None] = {}
    if changes is not None:
        for row in csv.reader(io.StringIO(changes.decode("utf-8", "replace"))):
            if not row or not row[0].strip():
                continue
            if len(row) < 2:
                raise CsafInvalid(f"{base}changes.csv: a line without a time: {row[0][:200]!r}")
            when = _time(row[1], where=f"{base}changes.csv")
            path = row[0].strip()
            previous = entries.get(path)
            entries[path] = when if previous is None or when > previous else previous
    else:  # no changes.csv: every document of index.txt, no times (nothing to compare a rollback with)
        index = fetcher.need(urljoin(base, "index.txt"), MAX_LISTING_BYTES)
        entries = {line.strip(): None for line in index.decode("utf-8", "replace").splitlines() if line.strip()}
    if len(entries) > MAX_DOCUMENTS:
        raise CsafInvalid(f"{base} lists {len(entries)} documents; at most {MAX_DOCUMENTS} are read")
    times = [t for t in entries.values() if t is not None]
    newest = max(times) if times else None
    since = _check_rollback(sub, base, newest) if changes is not None else None
    if newest is not None:
        listing.sources[base] = _iso(newest)
    for path, changed in entries.items():
        if since is not None and changed is not None and changed < since:
            continue
        url = _relative(path, base, f"{base}changes.csv" if changes is not None else f"{base}index.txt")
        listing.documents.append(
            Listed(
                url=url,
                name=path,
                changed=changed,
                hash_urls=(url + ".sha256", url + ".sha512"),
                signature_url=url + ".asc",
            )
        )


def _links(entry: Mapping[str, Any], rel: str) -> list[str]:
    return [
        str(link["href"])
        for link in entry.get("link") or []
        if isinstance(link, Mapping) and link.get("rel") == rel and isinstance(link.get("href"), str)
    ]


def _rolie(fetcher: Fetcher, sub: Subscription, feed: Mapping[str, Any], listing: Listing) -> None:
    url, label = str(feed.get("url", "")), str(feed.get("tlp_label", "UNLABELED"))
    if not sub.allows(label):
        listing.withheld.append((url, f"TLP:{normalize_tlp(label)} is not allowed for this subscription"))
        return
    try:
        doc = load_json(fetcher.need(url, MAX_LISTING_BYTES), what=url, code=CSAF_INVALID, max_bytes=MAX_LISTING_BYTES)
    except AdvisoryError as exc:
        raise CsafInvalid(exc.message) from None
    body = doc.get("feed") if isinstance(doc, Mapping) else None
    if not isinstance(body, Mapping) or not isinstance(body.get("entry", []), list):
        raise CsafInvalid(f"{url} is not a ROLIE feed (RFC 8322): no feed object with entries")
    entries = body.get("entry") or []
    if len(entries) > MAX_DOCUMENTS:
        raise CsafInvalid(f"{url} lists {len(entries)} entries; at most {MAX_DOCUMENTS} are read")
    newest = _time(str(body["updated"]), where=f"{url} feed.updated") if body.get("updated") else None
    since = _check_rollback(sub, url, newest)
    if newest is not None:
        listing.sources[url] = _iso(newest)
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        content = entry.get("content")
        src = content.get("src") if isinstance(content, Mapping) else None
        targets = _links(entry, "self") or ([src] if isinstance(src, str) else [])
        target = targets[0] if targets else None
        if target is None or urlsplit(urljoin(url, target)).scheme not in ("http", "https"):
            raise CsafInvalid(f"{url}: entry {str(entry.get('id', '?'))[:100]!r} links no HTTP(S) document")
        when = _time(str(entry["updated"]), where=f"{url} entry updated") if entry.get("updated") else None
        if since is not None and when is not None and when < since:
            continue
        doc_url = urljoin(url, target)
        hashes = tuple(urljoin(url, h) for h in _links(entry, "hash")) or (doc_url + ".sha256", doc_url + ".sha512")
        signature = (_links(entry, "signature") or [doc_url + ".asc"])[0]
        listing.documents.append(
            Listed(
                url=doc_url,
                name=str(entry.get("id") or target),
                changed=when,
                hash_urls=hashes,
                signature_url=urljoin(url, signature),
                tlp=label,
            )
        )


def list_documents(fetcher: Fetcher, sub: Subscription, metadata: Mapping[str, Any]) -> Listing:
    """Every document changed since the last sync, over all distributions; raises CsafRejected/CsafInvalid."""
    listing = Listing()
    for dist in metadata.get("distributions") or []:
        if not isinstance(dist, Mapping):
            continue
        if isinstance(dist.get("directory_url"), str):
            _directory(fetcher, sub, dist["directory_url"], listing)
        rolie = dist.get("rolie")
        for feed in (rolie.get("feeds") or []) if isinstance(rolie, Mapping) else []:
            if isinstance(feed, Mapping):
                _rolie(fetcher, sub, feed, listing)
    listing.documents = list({d.url: d for d in listing.documents}.values())  # one per URL, first-listed order
    if len(listing.documents) > MAX_DOCUMENTS:
        raise CsafInvalid(f"the provider lists {len(listing.documents)} documents; at most {MAX_DOCUMENTS}")
    return listing
