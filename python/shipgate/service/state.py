"""What every handler of one server shares: configuration, the store, the spool, metrics, executors."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shipgate.service.config import ServiceConfig
from shipgate.service.identity import Caller, caller_from_certificate, caller_from_names
from shipgate.service.metrics import Metrics
from shipgate.service.spool import Spool

if TYPE_CHECKING:
    from shipgate.admission import Admission
    from shipgate.service.polling import Background
    from shipgate.store import Store

log = logging.getLogger("shipgate.service")


@dataclass(kw_only=True)
class ServiceState:
    config: ServiceConfig
    home: Path
    store: Store
    admission: Admission
    """Answers admission questions under the configured policy and environment (``[admission]``)."""
    spool: Spool
    metrics: Metrics
    verify_pool: ThreadPoolExecutor
    """Runs verifications (bounded by max_concurrent_uploads, so store connections are bounded too)."""
    lookup_pool: ThreadPoolExecutor
    """Runs verdict lookups and admin calls off the event loop (a fixed set of threads and connections)."""
    background: Background | None = None
    """The feed pollers and the event deliverer (``shipgate.service.polling``), started with the server."""
    uploads_in_flight: int = 0
    draining: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def grpc_caller(self, context: Any) -> Caller:
        """The caller of a gRPC call, from the TLS peer certificate the transport verified."""
        auth = context.auth_context() or {}
        pem = auth.get("x509_pem_cert")
        if pem:
            return caller_from_certificate(pem[0], self.config)
        return caller_from_names((), self.config, authenticated=False)
