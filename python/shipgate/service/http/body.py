"""A request body read as JSON, bounded in bytes, time and depth, every failure a clean HTTP error.

The size bound is aiohttp's ``client_max_size`` (413); the time bound is the request deadline the
connection guard set (408); the depth bound is checked here before ``json.loads`` runs, because the
decoder recurses once per nesting level and a body of ``[[[[...`` ends in ``RecursionError`` (which would
drop the connection) rather than in a 400.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from aiohttp import web

# AdmissionReview objects nest a few levels per Kubernetes type; 64 leaves room and stays far from
# the decoder's recursion limit.
MAX_JSON_DEPTH = 64


class RequestError(Exception):
    """The request cannot be answered as asked; ``status`` and ``message`` are the answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def nesting_depth_exceeds(text: str, limit: int) -> bool:
    """Whether JSON ``text`` opens more than ``limit`` arrays/objects at once.

    Strings are cut out and only brackets kept; then, one level per pass, a run of more than ``limit``
    opening brackets answers yes and the innermost pairs are removed (all at C speed: a 4 MiB body costs
    milliseconds, not a Python loop per character). Unbalanced text is left to the decoder, which names
    the error.
    """
    skeleton = _NOT_BRACKET.sub("", _STRING.sub("", text))
    too_deep = re.compile(r"[\[{]{" + str(limit + 1) + "}")
    for _ in range(limit):
        if too_deep.search(skeleton):
            return True
        shorter = skeleton.replace("[]", "").replace("{}", "")
        if shorter == skeleton:
            return False  # empty, or unbalanced
        skeleton = shorter
    # ``limit`` levels removed and pairs left: deeper than ``limit``.
    return skeleton != skeleton.replace("[]", "").replace("{}", "")


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
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "the body is not UTF-8") from None
    if nesting_depth_exceeds(text, MAX_JSON_DEPTH):
        raise RequestError(400, f"the body nests deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RequestError(400, f"the body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
