"""Bearer tokens for the HTTP listener (``[tokens]``): a caller without a client certificate that sends
``Authorization: Bearer <token>`` is the identity ``token:NAME``, and gets the roles whose ``[roles]`` lists
name it (or ``"*"``), exactly as a certificate's names do.

The tokens are read at startup (:mod:`shipgate.service.secrets`) and only their SHA-256 digests are kept; a
token shorter than :data:`MIN_TOKEN_CHARS` is refused. A request with an ``Authorization`` header that is not
a known bearer token is answered 401 (it is never taken as anonymous); without the header the caller is
anonymous. A caller with a verified client certificate is named by the certificate; its header is not read.
"""

from __future__ import annotations

import hashlib

from shipgate.service.config import ServiceConfig, ServiceConfigError
from shipgate.service.http.body import RequestError
from shipgate.service.identity import Caller, caller_from_names

MIN_TOKEN_CHARS = 16
CHALLENGE = 'Bearer realm="shipgate"'


class Tokens:
    """The configured tokens, by the SHA-256 of each."""

    def __init__(self, by_digest: dict[bytes, str]) -> None:
        self._by_digest = by_digest

    @classmethod
    def load(cls, config: ServiceConfig) -> Tokens:
        by_digest: dict[bytes, str] = {}
        for name, source in config.tokens.items():
            token = source.read()
            if len(token) < MIN_TOKEN_CHARS:
                raise ServiceConfigError(
                    f"[tokens] {name}: the token in {source.describe()} is shorter than {MIN_TOKEN_CHARS} "
                    "characters; use a random one (openssl rand -hex 32)"
                )
            digest = hashlib.sha256(token.encode()).digest()
            if digest in by_digest:
                raise ServiceConfigError(f"[tokens] {name} and {by_digest[digest]} hold the same token")
            by_digest[digest] = name
        return cls(by_digest)

    def caller(self, authorization: str | None, config: ServiceConfig) -> Caller:
        """The caller an ``Authorization`` header proves (None: anonymous). Raises a 401 :class:`RequestError`."""
        if authorization is None:
            return caller_from_names((), config, authenticated=False)
        scheme, _, token = authorization.strip().partition(" ")
        name = self._by_digest.get(hashlib.sha256(token.strip().encode()).digest())
        if scheme.lower() != "bearer" or name is None:
            refused = RequestError(401, "the Authorization header does not hold a bearer token this server knows")
            refused.headers = {"WWW-Authenticate": f'{CHALLENGE}, error="invalid_token"'}
            raise refused
        return caller_from_names((f"token:{name}",), config, authenticated=True)
