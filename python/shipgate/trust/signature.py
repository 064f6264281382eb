"""Detached signatures over bytes with the signing certificate's key (docs/formats.md §1 algorithms only)."""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from shipgate.trust.errors import BadSignature, MalformedSignature, NoSignature, UnsupportedAlgorithm
from shipgate.trust.pem import describe

MIN_RSA_BITS = 2048
# The largest signature of any allowed algorithm is RSA-16384 (2 KiB); anything past this is not one.
MAX_SIGNATURE_BYTES = 4096
_EC_HASH: dict[str, type[hashes.HashAlgorithm]] = {"secp256r1": hashes.SHA256, "secp384r1": hashes.SHA384}


def signature_algorithm(cert: x509.Certificate) -> str:
    """The docs/formats.md §1 name of the algorithm the certificate's key signs with; raises UnsupportedAlgorithm."""
    key = cert.public_key()
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "ed25519"
    if isinstance(key, ec.EllipticCurvePublicKey):
        if key.curve.name not in _EC_HASH:
            raise UnsupportedAlgorithm(f"ECDSA on curve {key.curve.name} is not supported (P-256, P-384 are)")
        return f"ecdsa-{key.curve.name}"
    if isinstance(key, rsa.RSAPublicKey):
        if key.key_size < MIN_RSA_BITS:
            raise UnsupportedAlgorithm(f"RSA-{key.key_size} is too small; at least RSA-{MIN_RSA_BITS}")
        return "rsa"
    raise UnsupportedAlgorithm(f"{describe(cert)} has a {type(key).__name__} key, which cannot sign packages")


def verify_signature(cert: x509.Certificate, data: bytes, signature: bytes) -> str:
    """Check ``signature`` over ``data`` with the key of ``cert``. Returns the algorithm used
    (``ecdsa-secp256r1``, ``ecdsa-secp384r1``, ``ed25519``, ``rsa-pkcs1v15``, ``rsa-pss``)."""
    if not signature:
        raise NoSignature("the signature file is empty")
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise MalformedSignature(
            f"the signature is {len(signature)} bytes; no supported one exceeds {MAX_SIGNATURE_BYTES}"
        )
    algorithm = signature_algorithm(cert)
    key = cert.public_key()
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            if len(signature) != 64:
                raise MalformedSignature(f"an Ed25519 signature is 64 raw bytes, this one is {len(signature)}")
            key.verify(signature, data)
            return algorithm
        if isinstance(key, ec.EllipticCurvePublicKey):
            try:
                decode_dss_signature(signature)
            except ValueError:
                raise MalformedSignature("an ECDSA signature must be DER (SEQUENCE of r, s)") from None
            key.verify(signature, data, ec.ECDSA(_EC_HASH[key.curve.name]()))
            return algorithm
        if isinstance(key, rsa.RSAPublicKey):
            if len(signature) != (key.key_size + 7) // 8:
                raise MalformedSignature(
                    f"an RSA-{key.key_size} signature is {(key.key_size + 7) // 8} bytes, this one is {len(signature)}"
                )
            # PKCS#1 v1.5 first; PSS with any salt length (signers differ: digest length or maximum).
            try:
                key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
                return "rsa-pkcs1v15"
            except InvalidSignature:
                key.verify(
                    signature,
                    data,
                    padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.AUTO),
                    hashes.SHA256(),
                )
                return "rsa-pss"
    except InvalidSignature:
        raise BadSignature(
            f"the signature does not verify with the key of {describe(cert)} ({algorithm})",
            evidence={"algorithm": algorithm, "signer": describe(cert)},
        ) from None
    raise UnsupportedAlgorithm(f"unsupported key type {type(key).__name__}")  # pragma: no cover - checked above
