"""OpenPGP for CSAF providers (CSAF 2.0 §7.1.19-20): public keys pinned by fingerprint, detached ``.asc``
signatures over documents and over ``provider-metadata.json``, verified with Sequoia (``pysequoia``).

What is shipgate's own: which keys count (only the fingerprints pinned for the subscription; a key's
subkeys sign on its behalf), and telling "signed by a key we do not pin" from "our key, other bytes", so
each is reported with its own code. Parsing, packet semantics, binding signatures, expiry and revocation of
keys are Sequoia's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# An armored public key with a few subkeys and user ids is a few KiB; 1 MiB bounds a hostile one.
MAX_KEY_BYTES = 1 << 20
# An armored detached signature is well under 4 KiB (RSA-4096 ~ 1 KiB).
MAX_SIGNATURE_BYTES = 64 << 10


class OpenPgpError(ValueError):
    """Why a key or signature was not accepted; ``reason`` is ``malformed`` | ``wrong_key`` | ``bad_signature``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason, self.message = reason, message


@dataclass(frozen=True)
class PublicKey:
    """A pinned OpenPGP certificate: its primary fingerprint (upper-case hex) and every (sub)key's."""

    fingerprint: str
    key_fingerprints: frozenset[str]
    armored: str
    cert: Any  # pysequoia.Cert

    @property
    def key_ids(self) -> frozenset[str]:
        return frozenset(f[-16:] for f in self.key_fingerprints)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def load_key(data: bytes, *, what: str) -> PublicKey:
    """One OpenPGP certificate (armored or binary), without secret key material."""
    import pysequoia
    from pysequoia.packet import PacketPile, Tag

    if len(data) > MAX_KEY_BYTES:
        raise OpenPgpError("malformed", f"{what} is {len(data)} bytes; at most {MAX_KEY_BYTES} are read")
    try:
        cert = pysequoia.Cert.from_bytes(data)
        packets = list(PacketPile.from_bytes(bytes(cert)))
    except (RuntimeError, ValueError) as exc:
        raise OpenPgpError("malformed", f"{what} is not an OpenPGP public key: {_first_line(exc)}") from None
    keys = frozenset(
        p.fingerprint.upper() for p in packets if p.tag in (Tag.PublicKey, Tag.PublicSubkey) and p.fingerprint
    )
    return PublicKey(fingerprint=cert.fingerprint.upper(), key_fingerprints=keys, armored=str(cert), cert=cert)


def verify_detached(data: bytes, signature: bytes, keys: Sequence[PublicKey], *, what: str) -> PublicKey:
    """The pinned key whose (sub)key made ``signature`` over ``data``; raises :class:`OpenPgpError`."""
    import pysequoia

    if len(signature) > MAX_SIGNATURE_BYTES:
        raise OpenPgpError("malformed", f"{what}.asc is {len(signature)} bytes; at most {MAX_SIGNATURE_BYTES}")
    try:
        sig = pysequoia.Sig.from_bytes(signature)
    except (RuntimeError, ValueError) as exc:
        raise OpenPgpError("malformed", f"{what}.asc is not an OpenPGP signature: {_first_line(exc)}") from None
    issuer = (sig.issuer_fingerprint or "").upper()
    key_id = (sig.issuer_key_id or "").upper()
    signer = next(
        (k for k in keys if (issuer and issuer in k.key_fingerprints) or (not issuer and key_id in k.key_ids)), None
    )
    if signer is None:
        pinned = ", ".join(k.fingerprint for k in keys) or "none"
        raise OpenPgpError(
            "wrong_key", f"{what}.asc is signed by key {issuer or key_id or '(unnamed)'}, not a pinned one ({pinned})"
        )
    try:
        verified = pysequoia.verify(bytes=data, store=lambda _ids: [signer.cert], signature=sig)
    except (RuntimeError, ValueError) as exc:
        raise OpenPgpError(
            "bad_signature", f"{what}.asc does not verify with key {signer.fingerprint}: {_first_line(exc)}"
        ) from None
    if not verified.valid_sigs:
        raise OpenPgpError("bad_signature", f"{what}.asc does not verify with key {signer.fingerprint}")
    return signer
