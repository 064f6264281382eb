"""``Verify``: one upload from header to report.

1. The header: validated before any byte is accepted (size, digests, names) → INVALID_ARGUMENT /
   RESOURCE_EXHAUSTED.
2. An upload slot (``max_concurrent_uploads``) and spool quota for the declared size → RESOURCE_EXHAUSTED.
3. Chunks (views of the received messages, :func:`parse_request`): each is handed to the upload's writer
   thread, which hashes it (``_native.MultiDigest``, GIL released) and appends it to the spool file, while
   the event loop receives the next ones (at most
   ``_PIPELINE`` chunks in flight, so memory does not grow with the archive). More bytes than declared,
   a second header, a stream that ends early → INVALID_ARGUMENT; the deadline → DEADLINE_EXCEEDED.
4. The archive is verified in place (``shipgate.verifier.verify_package``, with the digests already
   computed, and the stored entries the spool verified behind its writer before the last byte), on the
   verification pool; the verifier stores the verdict and its audit entry.
5. Whatever happened, the spool file's name is removed and the slot given back before the call ends; the
   writer thread then closes the file (the kernel drops its pages) and gives its quota back. Nothing is
   stored for an upload that failed before step 4.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import grpc
from google.protobuf.message import DecodeError

from shipgate.errors import LimitExceeded, MalformedInput, ShipgateError
from shipgate.service import convert
from shipgate.service.identity import Caller
from shipgate.service.memory import release_free_memory
from shipgate.service.spool import SpoolError, SpoolFile, SpoolFull
from shipgate.service.state import ServiceState
from shipgate.service.verify_terms import check_terms, request_for
from shipgate.v1 import shipgate_service_pb2 as pb

log = logging.getLogger("shipgate.service")

# Chunks handed to the writer thread and not yet written: bounds memory per upload (x max_chunk_bytes).
_PIPELINE = 4
# A progress event every this many bytes received.
PROGRESS_EVERY = 64 << 20
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class _Abort(Exception):
    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _progress(upload_id: str, stage: pb.VerifyStage.ValueType, received: int, declared: int) -> Any:
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


# VerifyRequest.chunk is field 2, length-delimited: tag byte (2 << 3) | 2, then the length as a varint.
_CHUNK_TAG = 0x12
_MAX_VARINT_BYTES = 10


def parse_request(data: bytes) -> Any:
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


def _check_header(state: ServiceState, header: Any) -> None:
    limits = state.config.limits
    if header.declared_size <= 0:
        raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, "header.declared_size is required (the archive's byte count)")
    if header.declared_size > limits.max_archive_bytes:
        raise _Abort(
            grpc.StatusCode.RESOURCE_EXHAUSTED,
            f"declared_size {header.declared_size} is above the server's max archive size "
            f"{limits.max_archive_bytes} bytes",
        )
    for name in ("expect_sha256", "expect_blake3"):
        value = getattr(header, name)
        if value and not _HEX64.match(value.lower()):
            raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, f"header.{name} must be 64 hex digits")
    try:
        check_terms(state.config, header)
    except MalformedInput as exc:
        raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, exc.diagnostics()) from None


def _verify(state: ServiceState, spooled: SpoolFile, header: Any, digests: dict[str, str], caller: Caller) -> Any:
    from shipgate.verifier import verify_package

    # The caller's terms (policy and environment named or sent, expectations checked: a mismatch fails the
    # request, ExpectationFailed → FAILED_PRECONDITION, and nothing is verified or recorded).
    terms = request_for(state.config, header, digests=digests, actor=f"grpc:{caller.name}")
    request = dataclasses.replace(terms, direct_io=spooled.direct, streamed=spooled.streamed)
    report = verify_package(spooled.path, request=request, store=state.store, home=state.home)
    # The report names the client's file, not the spool file it was read from.
    archive = dataclasses.replace(report.archive, path=header.file_name or "upload")
    return dataclasses.replace(report, archive=archive)


def _closer(spooled: SpoolFile) -> Any:
    def close(_: object) -> None:
        spooled.close()

    return close


async def _next(iterator: Any, deadline: float) -> Any:
    """The next request message, or None at the end of the stream; DEADLINE_EXCEEDED past ``deadline``."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _Abort(grpc.StatusCode.DEADLINE_EXCEEDED, "the upload deadline passed")
    try:
        # A timer on this task rather than ``wait_for``, which wraps every message's read in a task of its own.
        async with asyncio.timeout(remaining):
            return await iterator.__anext__()
    except StopAsyncIteration:
        return None
    except TimeoutError:
        raise _Abort(grpc.StatusCode.DEADLINE_EXCEEDED, "the upload deadline passed before the last byte") from None
    except DecodeError as exc:
        raise _Abort(
            grpc.StatusCode.INVALID_ARGUMENT, f"a message of the stream is not a VerifyRequest: {exc}"
        ) from None


async def handle_verify(state: ServiceState, requests: Any, context: Any, caller: Caller) -> AsyncIterator[Any]:
    limits = state.config.limits
    metrics = state.metrics
    started = time.monotonic()
    deadline = started + limits.upload_deadline_seconds
    iterator = requests.__aiter__()
    spooled: SpoolFile | None = None
    writer: ThreadPoolExecutor | None = None
    pending: deque[asyncio.Future[None]] = deque()
    slot = False
    verifying: asyncio.Future[Any] | None = None
    upload_id = "-"
    received = 0
    outcome = "failed"
    try:
        try:
            first = await _next(iterator, deadline)
            if first is None or first.WhichOneof("message") != "header":
                raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, "the first message of Verify must be the header")
            header = first.header
            upload_id = header.upload_id or uuid.uuid4().hex[:16]
            _check_header(state, header)
            if state.draining:
                raise _Abort(grpc.StatusCode.UNAVAILABLE, "the server is shutting down; retry on another replica")
            if state.uploads_in_flight >= limits.max_concurrent_uploads:
                raise _Abort(
                    grpc.StatusCode.RESOURCE_EXHAUSTED,
                    f"{state.uploads_in_flight} uploads in flight, the server's limit; retry later",
                )
            state.uploads_in_flight += 1
            slot = True
            metrics.in_flight.inc()
            try:
                spooled = state.spool.create(header.declared_size, upload_id=upload_id)
            except SpoolFull as exc:
                raise _Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, exc.diagnostics()) from None
            except SpoolError as exc:
                raise _Abort(grpc.StatusCode.UNAVAILABLE, exc.diagnostics()) from None
            log.info(
                "upload started",
                extra={
                    "event": "verify.start",
                    "request_id": upload_id,
                    "caller": caller.name,
                    "file": header.file_name,
                    "declared_size": header.declared_size,
                },
            )
            yield _progress(upload_id, pb.VERIFY_STAGE_RECEIVING, 0, header.declared_size)

            # 3. Receive, hash and spool.
            loop = asyncio.get_running_loop()
            writer = ThreadPoolExecutor(1, thread_name_prefix=f"spool-{upload_id[:8]}")
            next_progress = PROGRESS_EVERY
            declared = header.declared_size
            while True:
                message = await _next(iterator, deadline)
                if message is None:
                    break
                if message.WhichOneof("message") != "chunk":
                    raise _Abort(grpc.StatusCode.INVALID_ARGUMENT, "only the first message may be a header")
                chunk = message.chunk
                if received + len(chunk) > declared:
                    raise _Abort(
                        grpc.StatusCode.INVALID_ARGUMENT,
                        f"more bytes than declared: {received + len(chunk)} > declared_size {declared}",
                    )
                received += len(chunk)
                pending.append(loop.run_in_executor(writer, spooled.write, chunk))
                if len(pending) >= _PIPELINE:
                    await pending.popleft()
                if received >= next_progress:
                    next_progress = received + PROGRESS_EVERY
                    yield _progress(upload_id, pb.VERIFY_STAGE_RECEIVING, received, declared)
            while pending:
                await pending.popleft()
            metrics.upload_bytes.inc(received)
            if received != declared and context.cancelled():
                raise asyncio.CancelledError  # the client went away: grpc ends its request stream
            if received != declared and state.draining:
                raise _Abort(grpc.StatusCode.UNAVAILABLE, "the server shut down before the last byte; retry")
            if received != declared:
                raise _Abort(
                    grpc.StatusCode.INVALID_ARGUMENT,
                    f"the stream ended after {received} of the {declared} declared bytes",
                )
            digests = spooled.finish()
            last_byte = time.monotonic()

            # 4. Verify in place, off the event loop; the verifier stores the verdict. It starts before the
            #    progress events are sent, which wait for the transport.
            target = spooled
            verifying = loop.run_in_executor(state.verify_pool, _verify, state, target, header, digests, caller)
            yield _progress(upload_id, pb.VERIFY_STAGE_RECEIVED, received, declared)
            yield _progress(upload_id, pb.VERIFY_STAGE_VERIFYING, received, declared)
            try:
                report = await asyncio.shield(verifying)
            except ShipgateError as exc:
                raise _Abort(grpc.StatusCode.FAILED_PRECONDITION, exc.diagnostics()) from None
            finished = time.monotonic()
            outcome = "verified"
            metrics.verify_seconds.observe(finished - last_byte)
            metrics.walked_bytes.inc(spooled.walked)
            metrics.upload_seconds.observe(finished - started)
            metrics.verdicts.labels(report.verdict).inc()
            for finding in report.findings:
                metrics.findings.labels(finding.code).inc()
            log.info(
                "upload verified",
                extra={
                    "event": "verify.done",
                    "request_id": upload_id,
                    "caller": caller.name,
                    "verdict": report.verdict,
                    "sha256": digests.get("sha256"),
                    "bytes": received,
                    "walked_bytes": spooled.walked,
                    "walked_entries": len(spooled.streamed) if spooled.streamed is not None else 0,
                    "verify_seconds": round(finished - last_byte, 4),
                },
            )
            yield _progress(upload_id, pb.VERIFY_STAGE_DONE, received, declared)
            yield pb.VerifyResponse(report=convert.report_message(report.to_dict()))
        except LimitExceeded as exc:
            raise _Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, exc.diagnostics()) from None
        except SpoolError as exc:  # the spool disk failed under the upload (EIO, read-only remount)
            raise _Abort(grpc.StatusCode.UNAVAILABLE, exc.diagnostics()) from None
    except _Abort as abort:
        outcome = "rejected"
        log.warning(
            "upload refused",
            extra={
                "event": "verify.refused",
                "request_id": upload_id,
                "status": abort.code.name,
                "reason": abort.message,
            },
        )
        await context.abort(abort.code, abort.message)
    except asyncio.CancelledError:
        log.warning(
            "upload cancelled",
            extra={"event": "verify.cancelled", "request_id": upload_id, "bytes": received},
        )
        raise
    except Exception:
        log.exception("upload failed", extra={"event": "verify.error", "request_id": upload_id})
        await context.abort(
            grpc.StatusCode.INTERNAL, f"internal error verifying upload {upload_id}; see the server log"
        )
    finally:
        metrics.uploads.labels(outcome).inc()
        last = False
        if slot:
            state.uploads_in_flight -= 1
            metrics.in_flight.dec()
            last = state.uploads_in_flight == 0
        for future in pending:
            future.cancel()  # writes not started yet; the one running finishes before the close below
        if spooled is not None and verifying is not None and not verifying.done():
            # The caller went away while the archive was being verified: the file goes once that ends.
            verifying.add_done_callback(_closer(spooled))
            spooled = None
        if writer is not None:
            # 5. The spool file's name goes now; the upload's thread closes it after the call has ended (the
            #    kernel takes a while to drop a large archive's pages: 0.1-0.25 s per GiB measured, which
            #    the client would otherwise wait for) and gives memory back after that.
            if spooled is not None:
                spooled.unlink()
                writer.submit(spooled.close)
            if last:
                writer.submit(release_free_memory)
            writer.shutdown(wait=False)
        else:
            if spooled is not None:
                spooled.close()
            if last:
                release_free_memory()
