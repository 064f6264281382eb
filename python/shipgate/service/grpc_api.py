"""The gRPC servicers (``grpc.aio``): ``shipgate.v1.ShipgateService`` and ``shipgate.v1.AdminService``.

Blocking work (store lookups, verification, administration) runs on the state's thread pools, never on
the event loop. Errors are status codes with a human message, never a stack trace on the wire.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import grpc

from shipgate.admission import Decision
from shipgate.errors import MalformedInput, ShipgateError
from shipgate.service import admission, convert
from shipgate.service.identity import Caller
from shipgate.service.observe import record_admission
from shipgate.service.state import ServiceState
from shipgate.service.upload import handle_verify, parse_request
from shipgate.store import StoreError
from shipgate.textsafe import printable
from shipgate.v1 import (
    admin_service_pb2,
    admin_service_pb2_grpc,
    shipgate_service_pb2,
    shipgate_service_pb2_grpc,
)

log = logging.getLogger("shipgate.service")
T = TypeVar("T")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


async def _require(state: ServiceState, context: Any, role: str, method: str) -> Caller:
    caller = state.grpc_caller(context)
    if not caller.has(role):
        log.warning(
            "permission denied",
            extra={"event": "grpc.denied", "method": method, "caller": caller.name, "role": role},
        )
        await context.abort(
            grpc.StatusCode.PERMISSION_DENIED,
            f"{method} needs the {role} role; {caller.name} has {', '.join(sorted(caller.roles)) or 'no roles'}",
        )
    return caller


async def _off_loop(state: ServiceState, context: Any, fn: Callable[[], T]) -> T:
    """Run blocking ``fn`` on the lookup pool; store and usage errors become statuses."""
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(state.lookup_pool, fn)
    except MalformedInput as exc:
        await context.abort(grpc.StatusCode.INVALID_ARGUMENT, exc.diagnostics())
    except StoreError as exc:
        await context.abort(grpc.StatusCode.UNAVAILABLE, f"state store: {exc.diagnostics()}")
    except ShipgateError as exc:
        await context.abort(grpc.StatusCode.FAILED_PRECONDITION, exc.diagnostics())
    raise AssertionError("unreachable: abort raises")


class ShipgateServicer(shipgate_service_pb2_grpc.ShipgateServiceServicer):
    def __init__(self, state: ServiceState) -> None:
        self.state = state

    async def Verify(self, request_iterator: Any, context: Any) -> AsyncIterator[Any]:
        caller = await _require(self.state, context, "uploader", "Verify")
        async for event in handle_verify(self.state, request_iterator, context, caller):
            yield event

    async def GetVerdict(self, request: Any, context: Any) -> Any:
        await _require(self.state, context, "admission", "GetVerdict")
        if not request.digest:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "digest is required")
        record = await _off_loop(self.state, context, lambda: self.state.store.get_verdict(request.digest))
        if record is None:
            return shipgate_service_pb2.GetVerdictResponse(found=False)
        return shipgate_service_pb2.GetVerdictResponse(found=True, verdict=convert.verdict_message(record))

    async def Admit(self, request: Any, context: Any) -> Any:
        caller = await _require(self.state, context, "admission", "Admit")
        started = time.perf_counter()
        state = self.state
        subject = request.WhichOneof("subject")
        if subject == "digest":
            question = admission.AdmitQuestion(digest=request.digest, vsa=bytes(request.vsa) or None)
        elif subject == "package" and request.package.name and request.package.version:
            pkg = request.package
            question = admission.AdmitQuestion(name=pkg.name, version=pkg.version, vendor=pkg.vendor)
        else:
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT, "name the package by digest, or by package name and version"
            )
        if len(request.vsa) > admission.MAX_VSA_BYTES:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"vsa is larger than {admission.MAX_VSA_BYTES} bytes")

        def decide() -> Decision:
            return admission.answer(state.admission, question)

        decision = await _off_loop(state, context, decide)
        metadata = dict(context.invocation_metadata() or ())
        given = metadata.get("x-request-id")
        record_admission(
            state,
            endpoint="grpc",
            decision=decision,
            caller=caller,
            request_id=given if isinstance(given, str) and _REQUEST_ID.match(given) else new_request_id(),
            seconds=time.perf_counter() - started,
            target=request.target,
        )
        return convert.admit_response(dataclasses.replace(decision, reason=printable(decision.reason)))


class AdminServicer(admin_service_pb2_grpc.AdminServiceServicer):
    """Advisory and trust administration; every method needs the admin role."""

    def __init__(self, state: ServiceState) -> None:
        self.state = state

    def _trust(self) -> Any:
        from shipgate.trust import TrustConfig, TrustStore, trust_dir

        return TrustStore(store=self.state.store, config=TrustConfig.load(trust_dir(self.state.home)))

    async def SyncAdvisories(self, request: Any, context: Any) -> Any:
        caller = await _require(self.state, context, "admin", "SyncAdvisories")
        if not request.vendor or not request.source:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "vendor and source are required")

        def sync() -> Any:
            from shipgate.advisories.sync import sync_feed

            return sync_feed(self.state.store, self._trust().vendor(request.vendor), request.source)

        result = await _off_loop(self.state, context, sync)
        log.info(
            "advisory sync",
            extra={"event": "admin.sync", "caller": caller.name, "vendor": request.vendor, "status": result.status},
        )
        return admin_service_pb2.SyncAdvisoriesResponse(
            accepted=result.status == "accepted",
            feed_version=result.feed_version or 0,
            message=result.describe(),
        )

    async def GetAdvisoryStatus(self, request: Any, context: Any) -> Any:
        await _require(self.state, context, "admin", "GetAdvisoryStatus")
        states = await _off_loop(self.state, context, self.state.store.feed_states)
        return admin_service_pb2.GetAdvisoryStatusResponse(feeds=[convert.feed_message(s) for s in states])

    async def PinRoot(self, request: Any, context: Any) -> Any:
        caller = await _require(self.state, context, "admin", "PinRoot")
        if not request.vendor or not request.root_pem:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "vendor and root_pem are required")

        def pin() -> Any:
            from shipgate.trust.pem import load_certificate

            cert = load_certificate(request.root_pem.encode(), what="root_pem")
            return self._trust().pin(
                request.vendor, cert, reason=request.reason or "pinned over gRPC", actor=f"grpc:{caller.name}"
            )

        change = await _off_loop(self.state, context, pin)
        log.info("trust pin", extra={"event": "admin.pin", "caller": caller.name, "vendor": request.vendor})
        return admin_service_pb2.PinRootResponse(change=convert.trust_change_message(change))

    async def GetTrustHistory(self, request: Any, context: Any) -> Any:
        await _require(self.state, context, "admin", "GetTrustHistory")
        changes = await _off_loop(self.state, context, lambda: self.state.store.trust_changes(request.vendor or None))
        return admin_service_pb2.GetTrustHistoryResponse(changes=[convert.trust_change_message(c) for c in changes])

    async def RollbackTrust(self, request: Any, context: Any) -> Any:
        caller = await _require(self.state, context, "admin", "RollbackTrust")
        if not request.vendor:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "vendor is required")
        change = await _off_loop(
            self.state,
            context,
            lambda: self._trust().rollback(
                request.vendor,
                int(request.version),
                reason=request.reason or "rolled back over gRPC",
                actor=f"grpc:{caller.name}",
            ),
        )
        log.info("trust rollback", extra={"event": "admin.rollback", "caller": caller.name, "vendor": request.vendor})
        return admin_service_pb2.RollbackTrustResponse(change=convert.trust_change_message(change))


def add_shipgate_service(servicer: ShipgateServicer, server: Any) -> None:
    """The generated ``add_ShipgateServiceServicer_to_server``, with Verify's requests parsed by
    :func:`~shipgate.service.upload.parse_request` (chunks without copies)."""
    pb = shipgate_service_pb2
    handlers = {
        "Verify": grpc.stream_stream_rpc_method_handler(
            servicer.Verify,
            request_deserializer=parse_request,
            response_serializer=pb.VerifyResponse.SerializeToString,
        ),
        "GetVerdict": grpc.unary_unary_rpc_method_handler(
            servicer.GetVerdict,
            request_deserializer=pb.GetVerdictRequest.FromString,
            response_serializer=pb.GetVerdictResponse.SerializeToString,
        ),
        "Admit": grpc.unary_unary_rpc_method_handler(
            servicer.Admit,
            request_deserializer=pb.AdmitRequest.FromString,
            response_serializer=pb.AdmitResponse.SerializeToString,
        ),
    }
    name = pb.DESCRIPTOR.services_by_name["ShipgateService"].full_name
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(name, handlers),))
    server.add_registered_method_handlers(name, handlers)


def new_request_id() -> str:
    return uuid.uuid4().hex[:16]
