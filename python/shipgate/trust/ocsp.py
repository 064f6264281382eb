"""OCSP (RFC 6960) for one certificate of a validated chain: the request, and the checks on a response.

Parsing and building are ``cryptography.x509.ocsp``; it verifies nothing, so this module does what a
relying party must (RFC 6960 §3.2): the response is about *this* certificate (serial, issuer name and key
hashes), it is signed by the issuer or by a responder the issuer delegated to (issued directly by it, with
the OCSPSigning EKU, valid now), it is current (``thisUpdate`` not in the future, ``nextUpdate`` not past),
and a nonce it echoes is ours. The HTTP exchange is :func:`shipgate.fetch.http_request` (POST, capped).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID

from shipgate.trust.pem import describe

# Clocks differ; a response "from the future" by less than this is accepted (as OpenSSL's default does).
CLOCK_SKEW = dt.timedelta(minutes=5)
NONCE_BYTES = 16
# An OCSP response is a few KiB (a signature and maybe the responder's certificate).
MAX_RESPONSE_BYTES = 256 << 10

Status = Literal["good", "revoked", "unknown"]


class OcspRejected(ValueError):
    """A response that cannot be used (malformed, another certificate's, wrong signer, stale, bad nonce)."""


@dataclass(frozen=True, kw_only=True)
class OcspAnswer:
    status: Status
    this_update: dt.datetime
    next_update: dt.datetime | None
    revoked_at: dt.datetime | None = None
    reason: str = ""
    responder: str = ""


def responder_urls(cert: x509.Certificate) -> list[str]:
    """The certificate's OCSP responders (AIA), HTTP(S) only."""
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    except x509.ExtensionNotFound:
        return []
    return [
        d.access_location.value
        for d in aia
        if d.access_method == AuthorityInformationAccessOID.OCSP
        and isinstance(d.access_location, x509.UniformResourceIdentifier)
        and d.access_location.value.lower().startswith(("http://", "https://"))
    ]


def build_request(cert: x509.Certificate, issuer: x509.Certificate) -> tuple[bytes, bytes]:
    """A DER OCSPRequest for ``cert`` (SHA-1 CertID, what every responder accepts) and its nonce."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    request = (
        ocsp.OCSPRequestBuilder()
        .add_certificate(cert, issuer, hashes.SHA1())  # noqa: S303 - RFC 6960's CertID hash, not a signature
        .add_extension(x509.OCSPNonce(nonce), critical=False)
        .build()
    )
    return request.public_bytes(serialization.Encoding.DER), nonce


def _verify_signature(key: object, signature: bytes, data: bytes, algorithm: hashes.HashAlgorithm | None) -> bool:
    try:
        if isinstance(key, ec.EllipticCurvePublicKey) and algorithm is not None:
            key.verify(signature, data, ec.ECDSA(algorithm))
        elif isinstance(key, rsa.RSAPublicKey) and algorithm is not None:
            key.verify(signature, data, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
            key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, ValueError):
        return False
    return True


def _cert_id(cert: x509.Certificate, issuer: x509.Certificate, algorithm: hashes.HashAlgorithm) -> tuple[bytes, bytes]:
    """(issuerNameHash, issuerKeyHash) of RFC 6960's CertID, as cryptography computes them for a request."""
    request = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, algorithm).build()
    return request.issuer_name_hash, request.issuer_key_hash


def _names_issuer(response: ocsp.OCSPResponse, cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if response.responder_name is not None:
        return response.responder_name == issuer.subject
    return response.responder_key_hash == _cert_id(cert, issuer, hashes.SHA1())[1]  # noqa: S303 - byKey is SHA-1


def _signer(
    response: ocsp.OCSPResponse, cert: x509.Certificate, issuer: x509.Certificate, now: dt.datetime
) -> x509.Certificate:
    """The issuer itself, or an embedded delegated responder (RFC 6960 §4.2.2.2)."""
    if _names_issuer(response, cert, issuer):
        return issuer
    for candidate in response.certificates:
        if response.responder_name is not None and candidate.subject != response.responder_name:
            continue
        try:
            candidate.verify_directly_issued_by(issuer)
            eku = candidate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        except (ValueError, TypeError, InvalidSignature, x509.ExtensionNotFound):
            continue
        if ExtendedKeyUsageOID.OCSP_SIGNING not in eku:
            continue
        if not candidate.not_valid_before_utc <= now <= candidate.not_valid_after_utc:
            raise OcspRejected(f"the delegated OCSP responder {describe(candidate)} is not valid now")
        return candidate
    raise OcspRejected(
        f"the response is signed by neither {describe(issuer)} nor a responder it delegated to (OCSPSigning EKU)"
    )


def _single(response: ocsp.OCSPResponse, cert: x509.Certificate, issuer: x509.Certificate) -> ocsp.OCSPSingleResponse:
    for single in response.responses:
        if single.serial_number != cert.serial_number:
            continue
        try:
            expected = _cert_id(cert, issuer, single.hash_algorithm)
        except (ValueError, UnsupportedAlgorithm):
            continue  # a CertID hash cryptography does not build (MD5...): not one to trust
        if (single.issuer_name_hash, single.issuer_key_hash) == expected:
            return single
    raise OcspRejected(f"the response does not speak for {describe(cert)} (serial {cert.serial_number:x})")


def check_response(
    der: bytes,
    cert: x509.Certificate,
    issuer: x509.Certificate,
    *,
    now: dt.datetime,
    nonce: bytes | None,
) -> OcspAnswer:
    """The verified answer of ``der`` about ``cert``; raises :class:`OcspRejected`. ``nonce``: the one sent
    (None for a cached response, which is reused like a stapled one)."""
    try:
        response = ocsp.load_der_ocsp_response(der)
    except ValueError as exc:
        raise OcspRejected(f"not a DER OCSP response: {exc}") from None
    if response.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        raise OcspRejected(f"the responder answered {response.response_status.name}")
    signer = _signer(response, cert, issuer, now)
    if not _verify_signature(
        signer.public_key(), response.signature, response.tbs_response_bytes, response.signature_hash_algorithm
    ):
        raise OcspRejected(f"the response's signature does not verify with {describe(signer)}'s key")
    single = _single(response, cert, issuer)
    if single.this_update_utc > now + CLOCK_SKEW:
        raise OcspRejected(f"the response's thisUpdate {single.this_update_utc.isoformat()} is in the future")
    if single.next_update_utc is not None and single.next_update_utc < now - CLOCK_SKEW:
        raise OcspRejected(f"the response is stale: its nextUpdate was {single.next_update_utc.isoformat()}")
    if nonce is not None:
        try:
            echoed = response.extensions.get_extension_for_class(x509.OCSPNonce).value.nonce
        except x509.ExtensionNotFound:
            echoed = None  # responders that pre-sign answers echo none (RFC 8954); freshness is nextUpdate's
        if echoed is not None and echoed != nonce:
            raise OcspRejected("the response echoes another request's nonce (a replayed answer)")
    status: Status = {
        ocsp.OCSPCertStatus.GOOD: "good",
        ocsp.OCSPCertStatus.REVOKED: "revoked",
        ocsp.OCSPCertStatus.UNKNOWN: "unknown",
    }[single.certificate_status]  # type: ignore[assignment]
    reason = single.revocation_reason.value if single.revocation_reason is not None else ""
    return OcspAnswer(
        status=status,
        this_update=single.this_update_utc,
        next_update=single.next_update_utc,
        revoked_at=single.revocation_time_utc,
        reason=reason,
        responder=describe(signer),
    )
