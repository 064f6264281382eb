"""One webhook delivery: the event's body POSTed as is, signed with HMAC-SHA256 over those exact bytes.

Headers: ``X-Shipgate-Event`` (the type), ``X-Shipgate-Event-Id`` (a receiver drops a repeated id),
``X-Shipgate-Signature: sha256=<hex HMAC-SHA256(secret, body)>``. A receiver checks the signature with a
constant-time comparison (``hmac.compare_digest``) before trusting anything in the body. The request is
bounded in time, follows no redirect and reads at most a little of the answer.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

USER_AGENT = "shipgate-events/1"
SIGNATURE_HEADER = "X-Shipgate-Signature"
# Bytes of the receiver's answer read (for the log); the rest is ignored.
MAX_ANSWER_BYTES = 4096


def signature(body: bytes, secret: bytes) -> str:
    """The ``X-Shipgate-Signature`` value for ``body``."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify_signature(body: bytes, secret: bytes, header: str) -> bool:
    """What a receiver does (used by the tests' receiver too)."""
    return hmac.compare_digest(signature(body, secret), header)


@dataclass(frozen=True, kw_only=True)
class Outcome:
    status: int | None  # None: no HTTP answer (refused, timed out, reset)
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def retry(self) -> bool:
        """Worth trying again: no answer, a server error, 408 or 429. Another 4xx is a refusal."""
        return self.status is None or self.status >= 500 or self.status in (408, 429) or self.status < 200


def post(url: str, body: bytes, *, secret: bytes, event_type: str, event_id: str, timeout: float) -> Outcome:
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn: http.client.HTTPConnection
    if parts.scheme == "https":
        context = ssl.create_default_context()
        conn = http.client.HTTPSConnection(parts.hostname or "", parts.port, timeout=timeout, context=context)
    else:
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
    try:
        conn.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
                "X-Shipgate-Event": event_type,
                "X-Shipgate-Event-Id": event_id,
                SIGNATURE_HEADER: signature(body, secret),
            },
        )
        answer = conn.getresponse()
        text = answer.read(MAX_ANSWER_BYTES).decode("utf-8", "replace")
        error = "" if 200 <= answer.status < 300 else f"HTTP {answer.status}: {text[:200]}"
        return Outcome(status=answer.status, error=error)
    except (OSError, http.client.HTTPException) as exc:
        return Outcome(status=None, error=f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()
