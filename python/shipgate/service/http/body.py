"""A request body read as JSON, bounded in bytes, time and depth, every failure a clean HTTP error.

The size bound is aiohttp's ``client_max_size`` (413); the time bound is the request deadline the
connection guard set (408); the body is read by :func:`shipgate.inputs.parse_json` (UTF-8, no duplicate
keys — two readers of one AdmissionReview must not see different objects — no NaN, at most
``MAX_JSON_DEPTH`` levels, a ``[[[[...`` body a 400 rather than a dropped connection).
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from shipgate.inputs import InputRefused, parse_json

# AdmissionReview objects nest a few levels per Kubernetes type; 64 leaves room and stays far from
# the decoder's recursion limit.
MAX_JSON_DEPTH = 64


class RequestError(Exception):
    """The request cannot be answered as asked; ``status`` and ``message`` are the answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message
        self.headers: dict[str, str] = {}
        """Sent with the answer (``Retry-After``, ``WWW-Authenticate``)."""


async def read_json(request: web.Request, deadline: float) -> Any:
    """The body as JSON, read before ``deadline`` (loop time). Raises :class:`RequestError`."""
    try:
        async with asyncio.timeout_at(deadline):
            raw = await request.read()
    except TimeoutError:
        raise RequestError(408, "the request body did not arrive in time") from None
    except web.HTTPRequestEntityTooLarge:
        raise RequestError(413, f"the body is larger than {request.client_max_size} bytes") from None
    try:
        return parse_json(raw, limit=len(raw), max_depth=MAX_JSON_DEPTH, what="the body")
    except InputRefused as exc:
        raise RequestError(400, str(exc)) from None
