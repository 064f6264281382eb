"""The vendor's current state as admission re-checks a verdict against it, cached by the vendor's generation.

A verdict that admits is re-checked on every request against what holds *now*: the vendor's effective
trust (revoked certificates, roots removed, roots past their retirement date, rollbacks below the version
it was verified under), its withdrawn packages, and its advisory feed's freshness. Deriving that state
replays the trust history and reads the withdrawals; it is cached per vendor and rebuilt only when the
vendor's generation (bumped in the transaction of every trust change, stored advisory or accepted feed,
by any process sharing the store) or the trust configuration files change. A request costs one indexed
read of the generation and in-memory checks; no archive is read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shipgate.store.records import AdvisoryRecord, FeedState, VerdictRecord
from shipgate.trust.config import TrustConfig, trust_dir
from shipgate.trust.state import RootState, VendorTrust, replay

if TYPE_CHECKING:
    from shipgate.store import Store

# The trust configuration files are checked for changes at most this often (seconds).
CONFIG_RECHECK_SECONDS = 1.0


@dataclass(frozen=True, kw_only=True)
class Problem:
    """Why a verdict no longer holds: a cause (``Decision.cause``), words, and the advisory if one."""

    cause: str
    reason: str
    advisory: str | None = None


@dataclass(frozen=True, kw_only=True)
class VendorView:
    vendor: str
    generation: int
    trust: VendorTrust
    retired_by: dict[str, str] = field(default_factory=dict)  # root fingerprint → what retired it
    rollbacks: tuple[tuple[int, int, str], ...] = ()  # (version, to_version, who/why)
    withdrawn: tuple[AdvisoryRecord, ...] = ()
    feed: FeedState | None = None
    feed_configured: bool = False

    def feed_problem(self, now: datetime) -> Problem | None:
        if self.feed is None:
            if not self.feed_configured:
                return None
            return Problem(
                cause="feed_stale",
                reason=f"the advisory feed of {self.vendor} is configured but has never been synced: "
                "withdrawals and revocations may be missing",
            )
        if not self.feed.is_stale(now):
            return None
        return Problem(
            cause="feed_stale",
            reason=f"the advisory feed of {self.vendor} (v{self.feed.feed_version}) expired at "
            f"{self.feed.expires:%Y-%m-%dT%H:%M:%SZ}: withdrawals and revocations since may be missing",
        )

    def trust_problem(self, record: VerdictRecord, now: datetime) -> Problem | None:
        """The verdict's signing chain against the vendor's effective trust now."""
        evidence = record.evidence
        for fp in evidence.chain_sha256:
            revoked = self.trust.revocation(fp)
            if revoked is not None:
                by = f"advisory {revoked.advisory_id}" if revoked.advisory_id else "an operator revocation"
                return Problem(
                    cause="revoked",
                    reason=f"certificate {fp} of its signing chain was revoked by {by}"
                    + (f" ({revoked.reason})" if revoked.reason else ""),
                    advisory=revoked.advisory_id,
                )
        for rollback_version, target, who in self.rollbacks:
            if rollback_version > record.trust_version > target:
                return Problem(
                    cause="trust_rolled_back",
                    reason=f"the trust of {self.vendor} was rolled back to v{target} at v{rollback_version} ({who}), "
                    f"below v{record.trust_version} it was verified under",
                )
        root_fp = evidence.root_sha256
        if root_fp is None:
            return None
        root = self.trust.roots.get(root_fp)
        if root is None:
            return Problem(
                cause="root_untrusted",
                reason=f"its signing root {root_fp} is no longer a root of {self.vendor} "
                f"(unpinned, rolled back or removed from the configuration; trust v{self.trust.version})",
            )
        if root.state(now) is RootState.RETIRED:
            by = self.retired_by.get(root_fp, "a rotation")
            advisory = by.removeprefix("advisory ") if by.startswith("advisory ") else None
            return Problem(
                cause="root_retired",
                reason=f"its signing root {root.subject} ({root_fp}) was retired by {by} "
                f"as of {root.retire_after:%Y-%m-%dT%H:%M:%SZ}",
                advisory=advisory,
            )
        return None

    def withdrawn_problem(self, record: VerdictRecord) -> Problem | None:
        from shipgate.advisories.query import withdrawn_by

        for advisory in self.withdrawn:
            if withdrawn_by(advisory.body, record.package_name, record.package_version, record.sha256):
                why = str(advisory.body.get("reason") or "no reason given")
                return Problem(
                    cause="withdrawn",
                    reason=f"{record.package_name} {record.package_version} was withdrawn by {self.vendor} "
                    f"(advisory {advisory.advisory_id}: {why})",
                    advisory=advisory.advisory_id,
                )
        return None


def _retirements(changes: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for change in changes:
        if change.kind == "rotate":
            by = f"advisory {change.advisory_id}" if change.advisory_id else f"trust v{change.version} ({change.actor})"
            for item in change.payload.get("retire_roots") or ():
                out[str(item.get("sha256", "")).lower()] = by
    return out


class VendorViews:
    """``get(vendor)``: the vendor's :class:`VendorView`, rebuilt when its generation or the trust
    configuration changed. Thread-safe (the service answers from a pool of threads)."""

    def __init__(self, store: Store, *, home: Path | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.home = home
        self._clock = clock
        self._lock = threading.Lock()
        self._views: dict[str, VendorView] = {}
        self._config: TrustConfig | None = None
        self._stamp: tuple[tuple[str, int, int], ...] = ()
        self._checked = float("-inf")

    def _trust_config(self) -> TrustConfig:
        """The vendor configuration files, re-read when one of them changed (checked once a second)."""
        if self.home is None:
            return TrustConfig({})
        now = self._clock()
        if self._config is not None and now - self._checked < CONFIG_RECHECK_SECONDS:
            return self._config
        directory = trust_dir(self.home)
        stamp = tuple(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("**/*")) if p.is_file()
        ) if directory.is_dir() else ()
        if self._config is None or stamp != self._stamp:
            self._config, self._stamp = TrustConfig.load(directory), stamp
            self._views.clear()
        self._checked = now
        return self._config

    def get(self, vendor: str, *, generation: int | None = None) -> VendorView:
        """The view at ``generation`` (read from the store when the caller has not read it already)."""
        if generation is None:
            generation = self.store.vendor_generation(vendor)
        with self._lock:
            config = self._trust_config()
            cached = self._views.get(vendor)
            if cached is not None and cached.generation == generation:
                return cached
        view = self._build(vendor, config)
        with self._lock:
            current = self._views.get(vendor)
            if current is None or current.generation <= view.generation:
                self._views[vendor] = view
        return view

    def _build(self, vendor: str, config: TrustConfig) -> VendorView:
        settings = config.get(vendor)
        with self.store.transaction(write=False) as tx:  # one snapshot of the vendor's state
            generation = tx.vendor_generation(vendor)
            changes = tx.trust_changes(vendor)
            withdrawn = tx.advisories(vendor, kind="withdrawn-package")
            feed = tx.feed_state(vendor)
        return VendorView(
            vendor=vendor,
            generation=generation,
            trust=replay(vendor, settings.roots, changes),
            retired_by=_retirements(changes),
            rollbacks=tuple(
                (c.version, int(c.payload.get("to_version", -1)), f"by {c.actor}: {c.reason}")
                for c in changes
                if c.kind == "rollback"
            ),
            withdrawn=tuple(withdrawn),
            feed=feed,
            feed_configured=settings.feed is not None,
        )
