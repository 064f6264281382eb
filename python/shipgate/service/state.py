"""What every handler of one server shares: configuration, the store, the spool, upload slots, the
policies and inventories loaded at startup, metrics, executors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import grpc

from shipgate.service.activity import Activity
from shipgate.service.config import ServiceConfig
from shipgate.service.identity import Caller, caller_from_certificate, caller_from_names
from shipgate.service.metrics import Metrics
from shipgate.service.slots import UploadSlots
from shipgate.service.spool import Spool

if TYPE_CHECKING:
    from shipgate.admission import Admission
    from shipgate.inventory import Inventory
    from shipgate.policy import Policy
    from shipgate.service.polling import Background
    from shipgate.store import Store

log = logging.getLogger("shipgate.service")
T = TypeVar("T")


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
    slots: UploadSlots
    policies: dict[str, Policy] = field(default_factory=dict)
    """By configured name; each one's ``source`` is ``policy NAME (sha256:...)``, never the server's path."""
    inventories: dict[str, Inventory] = field(default_factory=dict)
    background: Background | None = None
    """The feed pollers and the event deliverer (``shipgate.service.polling``), started with the server."""
    draining: bool = False
    activity: Activity = field(default_factory=Activity)
    """Uploads in progress and the last ones ended, for the status page (:mod:`shipgate.service.activity`)."""

    async def lookup(self, fn: Callable[[], T]) -> T:
        """Run a store lookup for a handler. With SQLite (a local file in WAL mode, where readers never wait
        for the writer) it runs right here: an indexed lookup takes ~0.1 ms, less than the two thread hops of
        running it elsewhere, which on a busy machine added tens of milliseconds to admission's p99
        (benches/service.py). A networked store (PostgreSQL) runs on the lookup pool, off the event loop."""
        if self.store.dialect.name == "sqlite":
            return fn()
        return await asyncio.get_running_loop().run_in_executor(self.lookup_pool, fn)

    @property
    def uploads_in_flight(self) -> int:
        return self.slots.in_use

    def grpc_caller(self, context: grpc.aio.ServicerContext[Any, Any]) -> Caller:
        """The caller of a gRPC call, from the TLS peer certificate the transport verified."""
        auth = context.auth_context() or {}
        pem = next(iter(auth.get("x509_pem_cert") or ()), None)
        if pem:
            return caller_from_certificate(pem, self.config)
        return caller_from_names((), self.config, authenticated=False)
