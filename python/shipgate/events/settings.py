"""``[events]`` of the service configuration: where events go and how delivery retries::

    [events]
    webhook = "https://repo.example.net/hooks/shipgate"   # none: events stay in the outbox, undelivered
    secret_file = "/etc/shipgate/webhook.secret"           # HMAC-SHA256 key (or secret = "..."; not both)
    timeout = 10          # seconds per delivery attempt
    retry_initial = 2     # seconds before the first retry; doubled per failure (jittered ±20 %)
    retry_max = 300       # the longest wait between retries
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from shipgate.service.config_table import ConfigTable

# A secret is a few dozen bytes; a file much larger than this is not one.
MAX_SECRET_BYTES = 4096


@dataclass(frozen=True, kw_only=True)
class EventSettings:
    webhook: str = ""
    secret: bytes = b""
    timeout: float = 10.0
    retry_initial: float = 2.0
    retry_max: float = 300.0

    @classmethod
    def read(cls, table: ConfigTable) -> EventSettings:
        from shipgate.service.config import ServiceConfigError

        webhook = table.string("webhook", "")
        if webhook and (urlsplit(webhook).scheme not in ("http", "https") or not urlsplit(webhook).hostname):
            raise ServiceConfigError(f"{table.where}: webhook must be an http:// or https:// URL, not {webhook!r}")
        secret = table.string("secret", "").encode()
        secret_file = table.string("secret_file", "")
        if secret and secret_file:
            raise ServiceConfigError(f"{table.where}: give secret or secret_file, not both")
        if secret_file:
            path = table.path_of(secret_file, "secret_file")
            try:
                with path.open("rb") as f:
                    secret = f.read(MAX_SECRET_BYTES + 1).strip()
            except OSError as exc:
                raise ServiceConfigError(f"{table.where}: cannot read secret_file {path}: {exc.strerror}") from None
            if len(secret) > MAX_SECRET_BYTES:
                raise ServiceConfigError(f"{table.where}: secret_file {path} is larger than {MAX_SECRET_BYTES} bytes")
        if webhook and not secret:
            raise ServiceConfigError(f"{table.where}: a webhook needs a secret (or secret_file) to sign events with")
        settings = cls(
            webhook=webhook,
            secret=secret,
            timeout=table.number("timeout", 10.0),
            retry_initial=table.number("retry_initial", 2.0),
            retry_max=table.number("retry_max", 300.0),
        )
        table.done()
        return settings
