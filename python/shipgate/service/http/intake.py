"""An HTTP request body as a ``Verify`` upload: the same :class:`~shipgate.service.upload.Upload` as gRPC's (the
same slots, header checks, spool, deadlines and verifier), fed from the body instead of a message stream.

- The header: ``Content-Length`` is the declared size (a body without one, ``Transfer-Encoding: chunked``, is
  411: the spool, like gRPC, takes a declared size); the query string names the rest (:data:`QUERY_FIELDS`).
  Over ``max_archive_bytes`` is 413, before a byte is read.
- ``Expect: 100-continue``: the ``100 Continue`` goes out only when the upload has its slot and its header
  passed the checks, just before the first byte is read; a refused upload is answered without it, so the
  client never sends the body.
- The body is read in chunks of ``max_chunk_bytes`` (what a gRPC client sends per message), each handed to
  the upload's writer as it fills; a client that goes away ends the upload as a cancelled one (nothing stored).
- Failures are :class:`~shipgate.service.upload.Refused` statuses, answered as the HTTP statuses of
  :data:`HTTP_STATUS`.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

import grpc
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from shipgate.report.html import render_html
from shipgate.report.model import Report
from shipgate.service.http.app import request_id, state_of
from shipgate.service.http.body import RequestError
from shipgate.service.identity import Caller
from shipgate.service.spool import SpoolFull
from shipgate.service.upload import Refused, Upload, VerifyMessage, chunk_message, run_upload
from shipgate.textsafe import for_log
from shipgate.v1 import shipgate_service_pb2 as pb

# The query parameters a request may give, by VerifyHeader field.
QUERY_FIELDS = {
    "name": "file_name",
    "vendor": "vendor",
    "environment": "environment",
    "policy": "policy",
    "expect_sha256": "expect_sha256",
    "expect_blake3": "expect_blake3",
    "upload_id": "upload_id",
}
# How a refusal's gRPC status reads over HTTP.
HTTP_STATUS = {
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.DEADLINE_EXCEEDED: 408,
    grpc.StatusCode.FAILED_PRECONDITION: 422,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.UNAVAILABLE: 503,
}
# A refusal that says "later" tells the client when to come back.
RETRY_AFTER_SECONDS = 10
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


async def no_early_continue(request: web.Request) -> None:
    """The routes' ``Expect`` handler: aiohttp's default answers ``100 Continue`` before anything is checked;
    this one answers nothing (``100-continue`` is sent by :class:`BodyStream` once the upload is accepted)."""
    if request.headers.get("Expect", "").lower() != "100-continue":
        raise web.HTTPExpectationFailed(text=f"unknown Expect: {request.headers.get('Expect', '')}")


def header_from(request: web.Request, *, default_name: str = "", own: tuple[str, ...] = ()) -> pb.VerifyHeader:
    """The upload's header from the request: Content-Length and the query string (``own``: the route's own
    parameters, left to it). Raises :class:`RequestError`."""
    state = state_of(request)
    if request.content_length is None:
        raise RequestError(
            411, "send the body with a Content-Length (curl -T FILE does; a stream from a pipe must be saved first)"
        )
    limit = state.config.limits.max_archive_bytes
    if request.content_length > limit:
        raise RequestError(413, f"Content-Length {request.content_length} is above the server's {limit} bytes")
    fields: dict[str, str] = {"file_name": default_name}
    for key in set(request.query):
        values = request.query.getall(key)
        if len(values) != 1:
            raise RequestError(400, f"query parameter {key!r} given {len(values)} times")
        if key in own:
            continue
        if key not in QUERY_FIELDS:
            known = ", ".join((*QUERY_FIELDS, *own))
            raise RequestError(400, f"unknown query parameter {for_log(key)!r}; known: {known}")
        fields[QUERY_FIELDS[key]] = values[0]
    header = pb.VerifyHeader(declared_size=request.content_length)
    for name, value in fields.items():
        setattr(header, name, value)
    return header


class BodyStream:
    """The request as ``VerifyMessage``: the header, then the body in chunks of ``chunk_bytes``."""

    def __init__(self, request: web.Request, header: pb.VerifyHeader, chunk_bytes: int) -> None:
        self.request = request
        self.header: pb.VerifyHeader | None = header
        self.chunk_bytes = chunk_bytes
        self.continued = request.headers.get("Expect", "").lower() != "100-continue"

    def cancelled(self) -> bool:
        """:class:`~shipgate.service.upload.UploadContext`: the client closed the connection."""
        transport = self.request.transport
        return transport is None or transport.is_closing()

    def __aiter__(self) -> BodyStream:
        return self

    async def __anext__(self) -> VerifyMessage:
        if self.header is not None:
            header, self.header = self.header, None
            return pb.VerifyRequest(header=header)
        if not self.continued:
            self.continued = True
            await self.request.writer.write(_CONTINUE)
        chunk = await self._fill()
        if not chunk:
            raise StopAsyncIteration
        return chunk_message(chunk)

    async def _fill(self) -> bytes:
        """Up to ``chunk_bytes`` of the body (fewer only at its end); b"" at the end or when the client left
        (the upload then sees fewer bytes than declared, and :meth:`cancelled`)."""
        content = self.request.content
        pieces: list[bytes] = []
        wanted = self.chunk_bytes
        try:
            while wanted:
                piece = await content.read(wanted)
                if not piece:
                    break
                pieces.append(piece)
                wanted -= len(piece)
        except (OSError, HttpProcessingError):
            return b""  # the connection broke: what arrived of this chunk is not an upload's end
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)


@dataclass
class Received:
    """A verified HTTP upload: its report, and the upload (whose spool file lives until the stack closes)."""

    upload: Upload
    report: Report


async def receive(
    request: web.Request,
    caller: Caller,
    stack: contextlib.AsyncExitStack,
    *,
    default_name: str = "",
    own: tuple[str, ...] = (),
) -> Received | None:
    """Run the request's body through :func:`~shipgate.service.upload.run_upload`; None when the client went
    away (nothing to answer). Raises :class:`RequestError` for a refusal."""
    state = state_of(request)
    header = header_from(request, default_name=default_name, own=own)
    body = BodyStream(request, header, state.config.limits.max_chunk_bytes)
    upload = Upload(state, body, body, caller, transport="http")
    try:
        async for _ in run_upload(upload, stack):
            pass
    except Refused as refused:
        raise refusal(refused) from None
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise  # the server is stopping this handler
        return None  # the client went away mid-upload: the upload ended as cancelled
    assert upload.report is not None
    return Received(upload=upload, report=upload.report)


def refusal(refused: Refused) -> RequestError:
    """The HTTP answer to a refused upload (a full spool is 507, the server's storage)."""
    status = HTTP_STATUS.get(refused.code, 500)
    if isinstance(refused.__cause__, SpoolFull):
        status = 507
    error = RequestError(status, refused.message)
    if status in (429, 503, 507):
        error.headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return error


def wants_html(request: web.Request) -> bool:
    """``Accept`` ranks ``text/html`` above ``application/json`` (q-values; JSON when neither is named)."""
    ranks = {"text/html": 0.0, "application/json": 0.0}
    for item in request.headers.getall("Accept", []):
        for part in item.split(","):
            kind, _, params = part.strip().partition(";")
            quality = 1.0
            for param in params.split(";"):
                name, _, value = param.strip().partition("=")
                if name == "q":
                    try:
                        quality = float(value)
                    except ValueError:
                        quality = 0.0
            if kind.strip().lower() in ranks:
                ranks[kind.strip().lower()] = max(ranks[kind.strip().lower()], quality)
    return ranks["text/html"] > ranks["application/json"]


def report_response(
    request: web.Request, report: Report, *, status: int = 200, extra: dict[str, object] | None = None
) -> web.Response:
    """The report as JSON (docs/formats.md §4, ``shipgate verify --json``; ``extra`` keys added beside it) or, when
    the client prefers it, as the HTML report; the verdict and digests also as headers."""
    headers = {
        "X-Request-Id": request_id(request),
        "X-Shipgate-Verdict": str(report.verdict),
        "X-Shipgate-Sha256": report.archive.digests.get("sha256", ""),
        "Vary": "Accept",
    }
    if wants_html(request):
        return web.Response(status=status, text=render_html(report), content_type="text/html", headers=headers)
    return web.json_response({**report.to_dict(), **(extra or {})}, status=status, headers=headers)
