"""DSSE envelopes (https://github.com/secure-systems-lab/dsse, protocol v1): sign and verify over PAE.

PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN in ASCII decimal bytes. The
signature is over PAE, never over the bare payload, so the payload type is signed too.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from shipgate.errors import MalformedInput, UnsupportedInput, UntrustedInput

PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey
PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey
MAX_ENVELOPE_BYTES = 16 << 20


def pae(payload_type: str, payload: bytes) -> bytes:
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def _sign(key: PrivateKey, data: bytes) -> bytes:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    if isinstance(key.curve, ec.SECP256R1):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    raise UnsupportedInput(f"attestation keys are Ed25519 or ECDSA P-256, not {key.curve.name}")


def _verify(key: PublicKey, signature: bytes, data: bytes) -> None:
    if isinstance(key, ed25519.Ed25519PublicKey):
        key.verify(signature, data)
    else:
        key.verify(signature, data, ec.ECDSA(hashes.SHA256()))


def sign_envelope(payload: bytes, payload_type: str, key: PrivateKey, *, keyid: str) -> dict[str, Any]:
    return {
        "payload": base64.b64encode(payload).decode(),
        "payloadType": payload_type,
        "signatures": [{"keyid": keyid, "sig": base64.b64encode(_sign(key, pae(payload_type, payload))).decode()}],
    }


def verify_envelope(envelope: Mapping[str, Any] | bytes, key: PublicKey) -> tuple[str, bytes]:
    """``(payloadType, payload)`` when a signature verifies with ``key``; else ``UntrustedInput``."""
    if isinstance(envelope, bytes):
        if len(envelope) > MAX_ENVELOPE_BYTES:
            raise MalformedInput(f"the envelope is larger than {MAX_ENVELOPE_BYTES} bytes")
        try:
            envelope = json.loads(envelope)
        except ValueError as exc:
            raise MalformedInput(f"the envelope is not JSON: {exc}") from None
    if not isinstance(envelope, Mapping):
        raise MalformedInput("the envelope is not a JSON object")
    try:
        payload_type = str(envelope["payloadType"])
        payload = base64.b64decode(envelope["payload"], validate=True)
        signatures = [base64.b64decode(s["sig"], validate=True) for s in envelope["signatures"]]
    except (KeyError, TypeError, binascii.Error) as exc:
        raise MalformedInput(f"the envelope is not DSSE (payload, payloadType, signatures[].sig): {exc}") from None
    message = pae(payload_type, payload)
    for signature in signatures:
        try:
            _verify(key, signature, message)
        except InvalidSignature:
            continue
        return payload_type, payload
    raise UntrustedInput("no signature of the envelope verifies with the given key")
