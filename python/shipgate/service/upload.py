"""``Verify``: one upload from header to report.

1. A slot (:mod:`.slots`: ``max_concurrent_uploads`` in all, ``uploads_per_caller`` per identity), taken
   before anything is read → RESOURCE_EXHAUSTED.
2. The header, validated before any byte is accepted (size, digests, names) → INVALID_ARGUMENT /
   RESOURCE_EXHAUSTED.
3. Chunks (views of the received messages, :func:`parse_request`): each is handed to the upload's writer
   thread, which reserves spool quota for it, hashes it (GIL released) and appends it to the spool file,
   while the event loop receives the next ones (at most ``_PIPELINE`` chunks in flight, so memory does not
   grow with the archive). More bytes than declared, a second header, a stream that ends early, chunks that
   average under ``min_chunk_bytes`` → INVALID_ARGUMENT; no message for ``upload_idle_seconds``, a rate under
   ``upload_min_bytes_per_second``, the upload deadline → DEADLINE_EXCEEDED.
4. The archive is verified in place (``shipgate.verifier.verify_package``) with the digests computed on the
   way in and the stored entries the spool verified behind its writer, on the verification pool; the
   verifier stores the verdict and its audit entry (under the client's sanitised file name).
5. Whatever happened, the upload's resources are released by its exit stack in reverse order (the spool
   file's name first, then the writer thread, then the slot); the writer thread closes the file after the
   call has ended. Nothing is stored for an upload that failed before step 4.

Exceptions become statuses in one place, :func:`status_for`.

The steps know no transport: :func:`run_upload` runs an :class:`Upload` over any stream of ``VerifyMessage``
(gRPC's :func:`handle_verify`; the HTTP side's ``PUT /v1/verify`` and ``PUT /gate/...``, which read a request
body into the same messages) and ends every failure as a :class:`Refused` for the transport to answer. The
caller's exit stack holds the spool file, so the gate can forward the verified bytes before it closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import re
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol

import grpc
from google.protobuf.message import DecodeError

from shipgate.errors import LimitExceeded, MalformedInput, ShipgateError
from shipgate.service import convert
from shipgate.service.identity import Caller
from shipgate.service.memory import release_free_memory
from shipgate.service.spool import SpoolError, SpoolFile
from shipgate.service.state import ServiceState
from shipgate.service.verify_terms import check_terms, request_for
from shipgate.textsafe import printable
from shipgate.v1 import shipgate_service_pb2 as pb

if TYPE_CHECKING:
    from shipgate.report.model import Report

log = logging.getLogger("shipgate.service")

# Chunks handed to the writer thread and not yet written: bounds memory per upload (x max_chunk_bytes).
_PIPELINE = 4
# A progress event every this many bytes received.
PROGRESS_EVERY = 64 << 20
# Messages received before the average chunk size is held to min_chunk_bytes, and before the rate is held to
# upload_min_bytes_per_second (seconds).
_SMALL_CHUNK_ALLOWANCE = 64
_RATE_GRACE_SECONDS = 30.0
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_MAX_FILE_NAME = 1024

ServicerContext = grpc.aio.ServicerContext[Any, pb.VerifyResponse]


class Refused(Exception):
    """The upload is refused with ``code``; ``message`` tells the client why (no server paths in it)."""

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


# The one exception → status table (first match wins; SpoolFull is a LimitExceeded).
STATUS_FOR: tuple[tuple[type[ShipgateError], grpc.StatusCode], ...] = (
    (LimitExceeded, grpc.StatusCode.RESOURCE_EXHAUSTED),
    (SpoolError, grpc.StatusCode.UNAVAILABLE),  # the spool disk failed under the upload (EIO, remount)
    (ShipgateError, grpc.StatusCode.FAILED_PRECONDITION),  # the verifier could not use the archive or config
)


def status_for(exc: BaseException) -> Refused | None:
    """The refusal an exception stands for, or None (an internal error)."""
    if isinstance(exc, Refused):
        return exc
    for kind, code in STATUS_FOR:
        if isinstance(exc, kind):
            return Refused(code, exc.diagnostics())
    return None


def _progress(upload_id: str, stage: pb.VerifyStage.ValueType, received: int, declared: int) -> pb.VerifyResponse:
    return pb.VerifyResponse(
        progress=pb.VerifyProgress(upload_id=upload_id, stage=stage, bytes_received=received, declared_size=declared)
    )


class _Chunk:
    """A ``VerifyRequest`` that holds only a chunk: a view of the received message, not a copy of it."""

    __slots__ = ("chunk",)

    def __init__(self, chunk: memoryview) -> None:
        self.chunk = chunk

    def WhichOneof(self, _: str) -> str:  # the protobuf message's spelling
        return "chunk"


VerifyMessage = pb.VerifyRequest | _Chunk


def chunk_message(data: bytes | memoryview) -> VerifyMessage:
    """A chunk another transport read (an HTTP body), as Verify's stream carries it: a view, not a copy."""
    return _Chunk(memoryview(data))


# VerifyRequest.chunk is field 2, length-delimited: tag byte (2 << 3) | 2, then the length as a varint.
_CHUNK_TAG = 0x12
_MAX_VARINT_BYTES = 10


def parse_request(data: bytes) -> VerifyMessage:
    """``VerifyRequest.FromString`` for Verify's stream, without copying the chunks.

    protobuf copies a chunk into the parsed message and again into the ``bytes`` its field returns: two
    copies of every uploaded byte, on the cores that also receive, hash and spool. A message that is
    exactly one chunk field (what every client sends) is returned as a view of the received bytes; any other
    message (the header, several fields, garbage) is parsed by protobuf, with its errors.
    """
    if len(data) > 1 and data[0] == _CHUNK_TAG:
        length, shift = 0, 0
        for i in range(1, min(len(data), 1 + _MAX_VARINT_BYTES)):
            byte = data[i]
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                if i + 1 + length == len(data):
                    return _Chunk(memoryview(data)[i + 1 :])
                break
    return pb.VerifyRequest.FromString(data)


def client_file_name(name: str) -> str:
    """The file name the client declared, as the report and the audit show it: escaped and capped (it names the
    client's file, so ``shipgate verify --server`` reports what a local verify would)."""
    return printable(name.strip(), limit=_MAX_FILE_NAME) or "upload"


def _check_header(state: ServiceState, header: pb.VerifyHeader) -> None:
    limits = state.config.limits
    if header.declared_size <= 0:
        raise Refused(grpc.StatusCode.INVALID_ARGUMENT, "header.declared_size is required (the archive's byte count)")
    if header.declared_size > limits.max_archive_bytes:
        raise Refused(
            grpc.StatusCode.RESOURCE_EXHAUSTED,
            f"declared_size {header.declared_size} is above the server's max archive size "
            f"{limits.max_archive_bytes} bytes",
        )
    for name in ("expect_sha256", "expect_blake3"):
        value = getattr(header, name)
        if value and not _HEX64.match(value.lower()):
            raise Refused(grpc.StatusCode.INVALID_ARGUMENT, f"header.{name} must be 64 hex digits")
    try:
        check_terms(state.policies, state.inventories, header)
    except MalformedInput as exc:
        raise Refused(grpc.StatusCode.INVALID_ARGUMENT, exc.diagnostics()) from None


def _verify(
    state: ServiceState, spooled: SpoolFile, header: pb.VerifyHeader, digests: dict[str, str], actor: str
) -> Report:
    from shipgate.verifier import verify_package

    # The caller's terms (policy and environment named or sent, expectations checked: a mismatch fails the
    # request, ExpectationFailed → FAILED_PRECONDITION, and nothing is verified or recorded).
    terms = request_for(state.policies, state.inventories, header, digests=digests, actor=actor)
    request = dataclasses.replace(
        terms,
        display_name=client_file_name(header.file_name),
        direct_io=spooled.direct,
        streamed=spooled.streamed,
    )
    return verify_package(spooled.inspect_path(), request=request, store=state.store, home=state.home)


class UploadContext(Protocol):
    """What an upload asks of its transport (a gRPC ``ServicerContext`` is one)."""

    def cancelled(self) -> bool:
        """Whether the client went away."""
        ...


class Upload:
    """One upload's state; :meth:`run` yields its responses, its exit stack releases what it took."""

    def __init__(
        self,
        state: ServiceState,
        requests: AsyncIterator[VerifyMessage],
        context: UploadContext,
        caller: Caller,
        *,
        transport: str = "grpc",
    ) -> None:
        self.state = state
        self.context = context
        self.transport = transport
        """``grpc`` or ``http``: the audit's actor is ``<transport>:<identity>``."""
        self.header: pb.VerifyHeader | None = None
        self.report: Report | None = None
        self.limits = state.config.limits
        self.requests = requests
        self.caller = caller
        self.actor = caller.actor("uploader")
        self.started = time.monotonic()
        self.deadline = self.started + self.limits.upload_deadline_seconds
        self.upload_id = "-"
        self.received = 0
        self.messages = 0
        self.spooled: SpoolFile | None = None
        self.writer: ThreadPoolExecutor | None = None
        self.pending: deque[asyncio.Future[None]] = deque()
        self.verifying: asyncio.Future[Report] | None = None

    # -- the steps ------------------------------------------------------------------------------------

    async def run(self, stack: contextlib.AsyncExitStack) -> AsyncIterator[pb.VerifyResponse]:
        # 1. A slot for this caller, before a byte is read.
        if self.state.draining:
            raise Refused(grpc.StatusCode.UNAVAILABLE, "the server is shutting down; retry on another replica")
        # The slot has a stack of its own, closed before the report is sent: a client that uploads one
        # package after another must find its slot free when it has the previous report.
        slot = stack.enter_context(contextlib.ExitStack())
        slot.enter_context(self.state.slots.hold(self.actor))
        slot.enter_context(self._in_flight_gauge())
        # 2. The header.
        header = await self._header()
        declared = header.declared_size
        # 3. Receive, hash and spool.
        self.writer = stack.enter_context(self._writer_thread())
        self.spooled = self.state.spool.create(upload_id=self.upload_id)
        stack.callback(self._release_spool_file)
        self._log_start(header)
        yield _progress(self.upload_id, pb.VERIFY_STAGE_RECEIVING, 0, declared)
        async for event in self._receive(declared):
            yield event
        # The last writes and the close of the file, in the writer thread: flushing the file's last pages
        # and closing it take milliseconds that would stall every other request on the event loop.
        loop = asyncio.get_running_loop()
        digests = await loop.run_in_executor(self.writer, self.spooled.finish)
        last_byte = time.monotonic()
        # 4. Verify in place, off the event loop; the verifier stores the verdict. It starts before the
        #    progress events are sent, which wait for the transport.
        self.verifying = loop.run_in_executor(
            self.state.verify_pool, _verify, self.state, self.spooled, header, digests, f"{self.transport}:{self.actor}"
        )
        yield _progress(self.upload_id, pb.VERIFY_STAGE_RECEIVED, self.received, declared)
        yield _progress(self.upload_id, pb.VERIFY_STAGE_VERIFYING, self.received, declared)
        report = self.report = await asyncio.shield(self.verifying)
        self._observe(report, digests, last_byte)
        slot.close()
        yield _progress(self.upload_id, pb.VERIFY_STAGE_DONE, self.received, declared)
        yield pb.VerifyResponse(report=convert.report_message(report.to_dict()))

    async def _header(self) -> pb.VerifyHeader:
        first = await self._next(self.limits.upload_idle_seconds)
        if not isinstance(first, pb.VerifyRequest) or first.WhichOneof("message") != "header":
            raise Refused(grpc.StatusCode.INVALID_ARGUMENT, "the first message of Verify must be the header")
        header = self.header = first.header
        given = "".join(c for c in header.upload_id if c.isalnum() or c in "-_.")[:64]
        self.upload_id = given or uuid.uuid4().hex[:16]
        _check_header(self.state, header)
        return header

    async def _receive(self, declared: int) -> AsyncIterator[pb.VerifyResponse]:
        assert self.spooled is not None and self.writer is not None
        loop = asyncio.get_running_loop()
        next_progress = PROGRESS_EVERY
        while (message := await self._next(self.limits.upload_idle_seconds)) is not None:
            if not isinstance(message, _Chunk) and message.WhichOneof("message") != "chunk":
                raise Refused(grpc.StatusCode.INVALID_ARGUMENT, "only the first message may be a header")
            chunk = message.chunk
            if self.received + len(chunk) > declared:
                raise Refused(
                    grpc.StatusCode.INVALID_ARGUMENT,
                    f"more bytes than declared: {self.received + len(chunk)} > declared_size {declared}",
                )
            self.received += len(chunk)
            self.messages += 1
            self._check_pace()
            self.spooled.reserve(len(chunk))
            self.pending.append(loop.run_in_executor(self.writer, self.spooled.write, chunk))
            while self.pending and (len(self.pending) >= _PIPELINE or self.pending[0].done()):
                await self.pending.popleft()  # a failed write (quota, disk) ends the upload now
            if self.received >= next_progress:
                next_progress = self.received + PROGRESS_EVERY
                yield _progress(self.upload_id, pb.VERIFY_STAGE_RECEIVING, self.received, declared)
        while self.pending:
            await self.pending.popleft()
        self.state.metrics.upload_bytes.inc(self.received)
        if self.received != declared and self.context.cancelled():
            raise asyncio.CancelledError  # the client went away: grpc ends its request stream
        if self.received != declared and self.state.draining:
            raise Refused(grpc.StatusCode.UNAVAILABLE, "the server shut down before the last byte; retry")
        if self.received != declared:
            raise Refused(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"the stream ended after {self.received} of the {declared} declared bytes",
            )

    def _check_pace(self) -> None:
        """Tiny chunks cost a message's CPU each and a trickle holds a slot: both end the upload."""
        floor = self.limits.min_chunk_bytes
        if self.messages > _SMALL_CHUNK_ALLOWANCE and self.received < floor * (self.messages - 1):
            raise Refused(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"chunks average {self.received // self.messages} bytes; send chunks of at least {floor} bytes "
                "(the last may be smaller)",
            )
        elapsed = time.monotonic() - self.started
        rate = self.limits.upload_min_bytes_per_second
        if elapsed > _RATE_GRACE_SECONDS and self.received < rate * elapsed:
            raise Refused(
                grpc.StatusCode.DEADLINE_EXCEEDED,
                f"the upload is slower than the server's minimum of {rate} bytes per second",
            )

    async def _next(self, idle_seconds: float) -> VerifyMessage | None:
        """The next request message, or None at the end of the stream."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise Refused(grpc.StatusCode.DEADLINE_EXCEEDED, "the upload deadline passed")
        try:
            # A timer on this task rather than ``wait_for``, which wraps every read in a task of its own.
            async with asyncio.timeout(min(remaining, idle_seconds)):
                return await self.requests.__anext__()
        except StopAsyncIteration:
            return None
        except TimeoutError:
            if remaining <= idle_seconds:
                message = "the upload deadline passed before the last byte"
                raise Refused(grpc.StatusCode.DEADLINE_EXCEEDED, message) from None
            raise Refused(
                grpc.StatusCode.DEADLINE_EXCEEDED, f"no message for {idle_seconds:g} seconds; the upload is dropped"
            ) from None
        except DecodeError as exc:
            raise Refused(
                grpc.StatusCode.INVALID_ARGUMENT, f"a message of the stream is not a VerifyRequest: {exc}"
            ) from None

    # -- what the upload holds, released by the exit stack ------------------------------------------------

    @contextlib.contextmanager
    def _in_flight_gauge(self) -> Iterator[None]:
        self.state.metrics.in_flight.inc()
        try:
            yield
        finally:
            self.state.metrics.in_flight.dec()

    @contextlib.contextmanager
    def _writer_thread(self) -> Iterator[ThreadPoolExecutor]:
        """The upload's own thread: writes run there in order; after the call it closes the spool file (the
        kernel takes 0.1-0.25 s per GiB to drop a large file's pages, which the client would otherwise wait
        for) and, after the last upload in flight, gives freed memory back."""
        writer = ThreadPoolExecutor(1, thread_name_prefix=f"spool-{self.upload_id[:8]}")
        try:
            yield writer
        finally:
            for future in self.pending:
                future.cancel()  # writes not started yet; the one running finishes before the close
            if self.state.slots.in_use <= 1:
                writer.submit(release_free_memory)
            writer.shutdown(wait=False)

    def _release_spool_file(self) -> None:
        spooled, self.spooled = self.spooled, None
        if spooled is None:
            return
        if self.verifying is not None and not self.verifying.done():
            # The caller went away while the archive was being verified: the file goes once that ends.
            self.verifying.add_done_callback(lambda _: spooled.close())
            return
        spooled.unlink()  # the name now; the writer thread frees the file's blocks after the call
        if self.writer is not None:
            self.writer.submit(spooled.close)
        else:
            spooled.close()

    # -- logs and metrics -----------------------------------------------------------------------------------

    def _log_start(self, header: pb.VerifyHeader) -> None:
        log.info(
            "upload started",
            extra={
                "event": "verify.start",
                "request_id": self.upload_id,
                "caller": self.actor,
                "file": client_file_name(header.file_name),
                "declared_size": header.declared_size,
            },
        )

    def _observe(self, report: Report, digests: dict[str, str], last_byte: float) -> None:
        assert self.spooled is not None
        metrics = self.state.metrics
        finished = time.monotonic()
        metrics.verify_seconds.observe(finished - last_byte)
        metrics.walked_bytes.inc(self.spooled.walked)
        metrics.upload_seconds.observe(finished - self.started)
        metrics.verdicts.labels(report.verdict).inc()
        for finding in report.findings:
            metrics.findings.labels(finding.code).inc()
        streamed = self.spooled.streamed
        log.info(
            "upload verified",
            extra={
                "event": "verify.done",
                "request_id": self.upload_id,
                "caller": self.actor,
                "verdict": report.verdict,
                "sha256": digests.get("sha256"),
                "bytes": self.received,
                "walked_bytes": self.spooled.walked,
                "walked_entries": len(streamed) if streamed is not None else 0,
                "verify_seconds": round(finished - last_byte, 4),
            },
        )


async def handle_verify(
    state: ServiceState, requests: AsyncIterator[VerifyMessage], context: ServicerContext, caller: Caller
) -> AsyncIterator[pb.VerifyResponse]:
    upload = Upload(state, requests, context, caller)
    try:
        async with contextlib.AsyncExitStack() as stack:
            async for event in run_upload(upload, stack):
                yield event
    except Refused as refused:
        await context.abort(refused.code, refused.message)


async def run_upload(upload: Upload, stack: contextlib.AsyncExitStack) -> AsyncIterator[pb.VerifyResponse]:
    """``upload``'s responses, whatever its transport; a failure is logged, counted and raised as
    :class:`Refused` (an internal error as INTERNAL, its cause in the log only). The upload shows on the status
    page (``state.activity``) until ``stack`` closes."""
    state = upload.state
    outcome = "failed"
    tracked = stack.enter_context(state.activity.track(upload))
    try:
        async for event in upload.run(stack):
            tracked.saw(event, upload.report)
            yield event
        outcome = "verified"
    except asyncio.CancelledError:
        tracked.ended("cancelled")
        log.warning(
            "upload cancelled",
            extra={"event": "verify.cancelled", "request_id": upload.upload_id, "bytes": upload.received},
        )
        raise
    except Exception as exc:
        refused = status_for(exc)
        if refused is None:
            log.exception("upload failed", extra={"event": "verify.error", "request_id": upload.upload_id})
            refused = Refused(
                grpc.StatusCode.INTERNAL, f"internal error verifying upload {upload.upload_id}; see the server log"
            )
            tracked.ended("internal error")
        else:
            outcome = "rejected"
            log.warning(
                "upload refused",
                extra={
                    "event": "verify.refused",
                    "request_id": upload.upload_id,
                    "caller": upload.actor,
                    "status": refused.code.name,
                    "reason": refused.message,
                },
            )
            tracked.ended(f"refused: {refused.message}")
        raise refused from (None if refused is exc else exc)  # the cause: what the transport may tell apart
    finally:
        state.metrics.uploads.labels(outcome).inc()
