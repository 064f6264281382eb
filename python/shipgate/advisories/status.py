"""Feed freshness per vendor: what ``shipgate advisories status`` prints and a metric exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from shipgate.advisories.source import is_url
from shipgate.store import FeedState
from shipgate.trust import TrustConfig, VendorConfig


class FeedStates(Protocol):
    def feed_states(self) -> list[FeedState]: ...


@dataclass(frozen=True, kw_only=True)
class FeedFreshness:
    vendor: str
    configured_source: str | None  # the vendor's `feed` from its trust config
    feed_version: int | None  # None: never synced
    source: str | None
    issued: dt.datetime | None
    expires: dt.datetime | None
    fetched: dt.datetime | None
    age_seconds: float | None  # since the feed was accepted
    expires_in_seconds: float | None  # negative once stale
    stale: bool  # past expires, or configured but never synced

    def to_dict(self) -> dict[str, Any]:
        def t(moment: dt.datetime | None) -> str | None:
            return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None

        return {
            "vendor": self.vendor,
            "configured_source": self.configured_source,
            "feed_version": self.feed_version,
            "source": self.source,
            "issued": t(self.issued),
            "expires": t(self.expires),
            "fetched": t(self.fetched),
            "age_seconds": self.age_seconds,
            "expires_in_seconds": self.expires_in_seconds,
            "stale": self.stale,
        }


def configured_source(vendor: VendorConfig) -> str | None:
    """The vendor's ``feed`` setting; a relative directory is relative to its config file."""
    if vendor.feed is None:
        return None
    if is_url(vendor.feed) or vendor.feed.startswith("file://") or vendor.source is None:
        return vendor.feed
    path = Path(vendor.feed).expanduser()
    return str(path if path.is_absolute() else vendor.source.parent / path)


def feed_freshness(state: FeedStates, config: TrustConfig, *, now: dt.datetime | None = None) -> list[FeedFreshness]:
    """One entry per vendor with an accepted feed or a configured feed source, by vendor name."""
    now = now or dt.datetime.now(dt.UTC)
    states = {s.vendor: s for s in state.feed_states()}
    out = []
    for name in sorted(set(states) | {v.name for v in config.vendors.values() if v.feed}):
        feed = states.get(name)
        source = configured_source(config.get(name))
        if feed is None:
            out.append(
                FeedFreshness(
                    vendor=name,
                    configured_source=source,
                    feed_version=None,
                    source=None,
                    issued=None,
                    expires=None,
                    fetched=None,
                    age_seconds=None,
                    expires_in_seconds=None,
                    stale=True,
                )
            )
            continue
        out.append(
            FeedFreshness(
                vendor=name,
                configured_source=source,
                feed_version=feed.feed_version,
                source=feed.source,
                issued=feed.issued,
                expires=feed.expires,
                fetched=feed.fetched,
                age_seconds=(now - feed.fetched).total_seconds(),
                expires_in_seconds=(feed.expires - now).total_seconds(),
                stale=feed.is_stale(now),
            )
        )
    return out
