"""The gRPC servicers (``grpc.aio``): ``shipgate.v1.ShipgateService`` and ``shipgate.v1.AdminService``.

Blocking work (store lookups, verification, administration) runs on the state's thread pools, never on
the event loop. Errors are status codes with a human message, never a stack trace on the wire; messages
quote client- and package-supplied strings escaped and capped (:mod:`shipgate.textsafe`) and never name a
server path.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import grpc

from shipgate.admission import Decision
from shipgate.errors import MalformedInput, ShipgateError
from shipgate.service import admission, convert
from shipgate.service.identity import Caller
from shipgate.service.observe import record_admission
from shipgate.service.state import ServiceState
from shipgate.service.upload import VerifyMessage, handle_verify, parse_request
from shipgate.store import StoreError
from shipgate.textsafe import for_log, printable
from shipgate.v1 import admin_service_pb2 as admin_pb
from shipgate.v1 import admin_service_pb2_grpc as admin_grpc
from shipgate.v1 import shipgate_service_pb2 as pb

if TYPE_CHECKING:
    from shipgate.advisories.sync import SyncResult
    from shipgate.store import TrustChange
    from shipgate.trust import TrustStore

log = logging.getLogger("shipgate.service")
T = TypeVar("T")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
Context = grpc.aio.ServicerContext[Any, Any]


async def _abort(context: Context, code: grpc.StatusCode, message: str) -> NoReturn:
    await context.abort(code, message)
    raise AssertionError("unreachable: abort raises")


async def _require(state: ServiceState, context: Context, role: str, method: str) -> Caller:
    caller = state.grpc_caller(context)
    if not caller.has(role):
        log.warning(
            "permission denied",
            extra={"event": "grpc.denied", "method": method, "caller": caller.name, "role": role},
        )
        held = ", ".join(sorted(caller.roles)) or "no roles"
        await _abort(
            context,
            grpc.StatusCode.PERMISSION_DENIED,
            f"{method} needs the {role} role; {for_log(caller.name)} has {held}",
        )
    return caller


async def _off_loop(state: ServiceState, context: Context, fn: Callable[[], T]) -> T:
    """Run blocking ``fn`` on the lookup pool; store and usage errors become statuses."""
    try:
        return await asyncio.get_running_loop().run_in_executor(state.lookup_pool, fn)
    except MalformedInput as exc:
        await _abort(context, grpc.StatusCode.INVALID_ARGUMENT, exc.diagnostics())
    except StoreError as exc:
        await _abort(context, grpc.StatusCode.UNAVAILABLE, f"state store: {exc.diagnostics()}")
    except ShipgateError as exc:
        await _abort(context, grpc.StatusCode.FAILED_PRECONDITION, exc.diagnostics())


def _request_id(context: Context) -> str:
    for key, value in context.invocation_metadata() or ():
        if key == "x-request-id" and isinstance(value, str) and _REQUEST_ID.match(value):
            return value
    return new_request_id()


class ShipgateServicer:
    """Registered by :func:`add_shipgate_service` (Verify's requests are parsed by our own deserializer, so
    this is not the generated servicer's subclass)."""

    def __init__(self, state: ServiceState) -> None:
        self.state = state

    async def Verify(
        self, request_iterator: AsyncIterator[VerifyMessage], context: Context
    ) -> AsyncIterator[pb.VerifyResponse]:
        caller = await _require(self.state, context, "uploader", "Verify")
        async for event in handle_verify(self.state, request_iterator, context, caller):
            yield event

    async def GetVerdict(self, request: pb.GetVerdictRequest, context: Context) -> pb.GetVerdictResponse:
        await _require(self.state, context, "admission", "GetVerdict")
        if not request.digest:
            await _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "digest is required")
        record = await _off_loop(self.state, context, lambda: self.state.store.get_verdict(request.digest))
        if record is None:
            return pb.GetVerdictResponse(found=False)
        return pb.GetVerdictResponse(found=True, verdict=convert.verdict_message(record))

    async def Admit(self, request: pb.AdmitRequest, context: Context) -> pb.AdmitResponse:
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
            await _abort(
                context, grpc.StatusCode.INVALID_ARGUMENT, "name the package by digest, or by package name and version"
            )
        if len(request.vsa) > admission.MAX_VSA_BYTES:
            message = f"vsa is larger than {admission.MAX_VSA_BYTES} bytes"
            await _abort(context, grpc.StatusCode.INVALID_ARGUMENT, message)

        def decide() -> Decision:
            return admission.answer(state.admission, question)

        decision = await state.lookup(decide)  # admission answers store errors itself (fail_open)
        record_admission(
            self.state,
            endpoint="grpc",
            decision=decision,
            caller=caller,
            request_id=_request_id(context),
            seconds=time.perf_counter() - started,
            target=request.target,
        )
        return convert.admit_response(dataclasses.replace(decision, reason=printable(decision.reason)))


class AdminServicer(admin_grpc.AdminServiceServicer):
    """Advisory and trust administration; every method needs the admin role."""

    def __init__(self, state: ServiceState) -> None:
        self.state = state

    def _trust(self) -> TrustStore:
        from shipgate.trust import TrustConfig, TrustStore, trust_dir

        return TrustStore(store=self.state.store, config=TrustConfig.load(trust_dir(self.state.home)))

    async def SyncAdvisories(
        self, request: admin_pb.SyncAdvisoriesRequest, context: Context
    ) -> admin_pb.SyncAdvisoriesResponse:
        caller = await _require(self.state, context, "admin", "SyncAdvisories")
        if not request.vendor:
            await _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "vendor is required")

        def sync() -> SyncResult:
            from shipgate.advisories.sync import sync_feed

            vendor = self._trust().vendor(request.vendor)
            if not vendor.feed:
                raise ShipgateError(f"no advisory feed is configured for {for_log(request.vendor)!r} (its trust file)")
            if request.source and request.source != vendor.feed:
                raise MalformedInput(
                    "source must be empty or the vendor's configured feed; the server fetches no other location"
                )
            return sync_feed(self.state.store, vendor, vendor.feed)

        result = await _off_loop(self.state, context, sync)
        log.info(
            "advisory sync",
            extra={"event": "admin.sync", "caller": caller.name, "vendor": request.vendor, "status": result.status},
        )
        return admin_pb.SyncAdvisoriesResponse(
            accepted=result.status == "accepted",
            feed_version=result.feed_version or 0,
            message=printable(result.describe()),
        )

    async def GetAdvisoryStatus(
        self, request: admin_pb.GetAdvisoryStatusRequest, context: Context
    ) -> admin_pb.GetAdvisoryStatusResponse:
        await _require(self.state, context, "admin", "GetAdvisoryStatus")
        states = await _off_loop(self.state, context, self.state.store.feed_states)
        return admin_pb.GetAdvisoryStatusResponse(feeds=[convert.feed_message(s) for s in states])

    async def PinRoot(self, request: admin_pb.PinRootRequest, context: Context) -> admin_pb.PinRootResponse:
        caller = await _require(self.state, context, "admin", "PinRoot")
        if not request.vendor or not request.root_pem:
            await _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "vendor and root_pem are required")

        def pin() -> TrustChange:
            from shipgate.trust.pem import load_certificate

            cert = load_certificate(request.root_pem.encode(), what="root_pem")
            reason = request.reason or "pinned over gRPC"
            change: TrustChange = self._trust().pin(
                request.vendor, cert, reason=reason, actor=f"grpc:{caller.actor('admin')}"
            )
            return change

        change = await _off_loop(self.state, context, pin)
        log.info("trust pin", extra={"event": "admin.pin", "caller": caller.name, "vendor": request.vendor})
        return admin_pb.PinRootResponse(change=convert.trust_change_message(change))

    async def GetTrustHistory(
        self, request: admin_pb.GetTrustHistoryRequest, context: Context
    ) -> admin_pb.GetTrustHistoryResponse:
        await _require(self.state, context, "admin", "GetTrustHistory")
        changes = await _off_loop(self.state, context, lambda: self.state.store.trust_changes(request.vendor or None))
        return admin_pb.GetTrustHistoryResponse(changes=[convert.trust_change_message(c) for c in changes])

    async def RollbackTrust(
        self, request: admin_pb.RollbackTrustRequest, context: Context
    ) -> admin_pb.RollbackTrustResponse:
        caller = await _require(self.state, context, "admin", "RollbackTrust")
        if not request.vendor:
            await _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "vendor is required")

        def rollback() -> TrustChange:
            reason = request.reason or "rolled back over gRPC"
            change: TrustChange = self._trust().rollback(
                request.vendor, int(request.version), reason=reason, actor=f"grpc:{caller.actor('admin')}"
            )
            return change

        change = await _off_loop(self.state, context, rollback)
        log.info("trust rollback", extra={"event": "admin.rollback", "caller": caller.name, "vendor": request.vendor})
        return admin_pb.RollbackTrustResponse(change=convert.trust_change_message(change))


def add_shipgate_service(servicer: ShipgateServicer, server: grpc.aio.Server) -> None:
    """The generated ``add_ShipgateServiceServicer_to_server``, with Verify's requests parsed by
    :func:`~shipgate.service.upload.parse_request` (chunks without copies)."""
    handlers: dict[str, grpc.RpcMethodHandler[Any, Any]] = {
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
