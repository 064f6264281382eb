"""Prometheus metrics of one server (its own registry, served at ``/metrics`` on the HTTP side)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from shipgate.store import Store

log = logging.getLogger("shipgate.service")

_SECONDS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)


class _FeedFreshness(Collector):
    """Age and time to expiry of every vendor's accepted advisory feed, read at scrape time."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> Iterator[GaugeMetricFamily]:
        age = GaugeMetricFamily(
            "shipgate_feed_age_seconds", "Seconds since the vendor's advisory feed was accepted", labels=["vendor"]
        )
        expires = GaugeMetricFamily(
            "shipgate_feed_expires_in_seconds",
            "Seconds until the accepted feed expires (negative: stale)",
            labels=["vendor"],
        )
        now = datetime.now(UTC)
        try:
            states = self.store.feed_states()
        except Exception as exc:
            log.warning("feed state unavailable for metrics: %s", exc)
            states = []
        for state in states:
            age.add_metric([state.vendor], (now - state.fetched).total_seconds())
            expires.add_metric([state.vendor], (state.expires - now).total_seconds())
        yield age
        yield expires


class Metrics:
    def __init__(self, store: Store) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.uploads = Counter(
            "shipgate_uploads", "Verify uploads by outcome (verified, rejected, failed)", ["outcome"], registry=r
        )
        self.upload_bytes = Counter("shipgate_upload_bytes", "Archive bytes received by Verify", registry=r)
        self.walked_bytes = Counter(
            "shipgate_upload_walked_bytes",
            "Archive bytes the walk behind the spool writer covered before the last byte (the rest is read back)",
            registry=r,
        )
        self.in_flight = Gauge("shipgate_uploads_in_flight", "Verify uploads in progress", registry=r)
        self.verdicts = Counter("shipgate_verdicts", "Verdicts given by Verify", ["verdict"], registry=r)
        self.findings = Counter("shipgate_findings", "Findings reported by Verify, by code", ["code"], registry=r)
        self.verify_seconds = Histogram(
            "shipgate_verify_seconds", "Seconds from the last byte to the verdict", buckets=_SECONDS, registry=r
        )
        self.upload_seconds = Histogram(
            "shipgate_upload_seconds", "Seconds from the header to the verdict", buckets=_SECONDS, registry=r
        )
        self.admissions = Counter(
            "shipgate_admission_requests",
            "Admission answers by endpoint (grpc, admission_review, json) and answer",
            ["endpoint", "allowed"],
            registry=r,
        )
        self.admission_seconds = Histogram(
            "shipgate_admission_seconds",
            "Seconds to answer an admission request",
            ["endpoint"],
            buckets=_SECONDS,
            registry=r,
        )
        r.register(_FeedFreshness(store))
