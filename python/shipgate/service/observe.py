"""What every admission answer leaves behind, whichever door it came through (gRPC, AdmissionReview, JSON):
a counter, a latency observation and one log line. Client-supplied strings are capped and escaped by the
log formatter (:mod:`shipgate.service.logs`)."""

from __future__ import annotations

import logging

from shipgate.admission import Decision
from shipgate.service.identity import Caller
from shipgate.service.state import ServiceState

log = logging.getLogger("shipgate.service")


def record_admission(
    state: ServiceState,
    *,
    endpoint: str,
    decision: Decision,
    caller: Caller,
    request_id: str,
    seconds: float,
    target: str = "",
) -> None:
    state.metrics.admissions.labels(endpoint, str(decision.allowed).lower()).inc()
    state.metrics.admission_seconds.labels(endpoint).observe(seconds)
    extra: dict[str, object] = {
        "event": "admit",
        "endpoint": endpoint,
        "request_id": request_id,
        "caller": caller.name,
        "sha256": decision.sha256,
        "allowed": decision.allowed,
        "cause": decision.cause,
        "reason": decision.reason,
        "ms": round(seconds * 1000, 3),
    }
    if target:
        extra["target"] = target
    log.info("admission", extra=extra)
