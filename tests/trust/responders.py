"""A real OCSP responder and CRL server on 127.0.0.1, written with ``cryptography`` and ``http.server``, that
can misbehave on purpose: slow, huge, signed by the wrong key, stale, answering another nonce.

``POST /ocsp/<route>`` answers RFC 6960 requests about the certificates registered with a status; ``GET
/crl/<route>`` serves a CRL built on each request. Every request is counted per route (cache tests).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp

from loopback import running
from trust import pki

NOW = pki.NOW
DAY = pki.DAY


@dataclass
class OcspRoute:
    issuer: pki.Issued
    statuses: dict[int, str] = field(default_factory=dict)  # serial → good | revoked | unknown
    mode: str = "normal"  # normal | slow | huge | wrong-signer | stale | other-nonce | no-next-update | try-later
    delegate: pki.Issued | None = None  # a responder certificate the issuer issued (OCSPSigning)
    delay: float = 0.0
    revoked_at: dt.datetime = NOW - 10 * DAY
    next_update: dt.timedelta = dt.timedelta(days=2)


@dataclass
class CrlRoute:
    issuer: pki.Issued
    revoked: list[tuple[int, dt.datetime]] = field(default_factory=list)
    mode: str = "normal"  # normal | slow | huge | wrong-signer | stale | missing
    delay: float = 0.0


@dataclass
class Responders:
    base: str = ""
    ocsp: dict[str, OcspRoute] = field(default_factory=dict)
    crl: dict[str, CrlRoute] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def ocsp_url(self, route: str) -> str:
        return f"{self.base}/ocsp/{route}"

    def crl_url(self, route: str) -> str:
        return f"{self.base}/crl/{route}.crl"


def _ocsp_answer(route: OcspRoute, der: bytes) -> bytes:
    if route.mode == "try-later":
        return ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.TRY_LATER).public_bytes(
            serialization.Encoding.DER
        )
    request = ocsp.load_der_ocsp_request(der)
    status = route.statuses.get(request.serial_number, "unknown")
    cert_status = {"good": ocsp.OCSPCertStatus.GOOD, "revoked": ocsp.OCSPCertStatus.REVOKED,
                   "unknown": ocsp.OCSPCertStatus.UNKNOWN}[status]  # fmt: skip
    this_update = NOW - dt.timedelta(hours=1)
    next_update = None if route.mode == "no-next-update" else NOW + route.next_update
    if route.mode == "stale":
        this_update, next_update = NOW - 3 * DAY, NOW - DAY
    # The request carries the CertID; the builder needs the certificates, so a stand-in leaf with the same
    # serial and issuer is made (the CertID hashes only issuer name, issuer key and serial).
    stand_in_cert = (
        x509.CertificateBuilder()
        .subject_name(pki.name("any"))
        .issuer_name(route.issuer.cert.subject)
        .public_key(pki.ec_key().public_key())
        .serial_number(request.serial_number)
        .not_valid_before(NOW - DAY)
        .not_valid_after(NOW + DAY)
        .sign(route.issuer.key, hashes.SHA256())  # type: ignore[arg-type]
    )
    signer = route.delegate or route.issuer
    builder = ocsp.OCSPResponseBuilder().add_response(
        cert=stand_in_cert,
        issuer=route.issuer.cert,
        algorithm=hashes.SHA1(),
        cert_status=cert_status,
        this_update=this_update,
        next_update=next_update,
        revocation_time=route.revoked_at if status == "revoked" else None,
        revocation_reason=x509.ReasonFlags.key_compromise if status == "revoked" else None,
    )
    key = signer.key
    if route.mode == "wrong-signer":  # an impostor with the issuer's name and its own key
        signer = pki.make_cert(subject=route.issuer.cert.subject, key=pki.ec_key(), ca=True)
        key = signer.key
    builder = builder.responder_id(ocsp.OCSPResponderEncoding.NAME, signer.cert)
    if route.delegate is not None:
        builder = builder.certificates([route.delegate.cert])
    with suppress(x509.ExtensionNotFound):
        nonce = request.extensions.get_extension_for_class(x509.OCSPNonce).value.nonce
        if route.mode == "other-nonce":
            nonce = bytes(len(nonce))
        builder = builder.add_extension(x509.OCSPNonce(nonce), critical=False)
    return builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)  # type: ignore[arg-type]


def _crl_body(route: CrlRoute) -> bytes:
    last, nxt = (NOW - 3 * DAY, NOW - DAY) if route.mode == "stale" else (NOW - DAY, NOW + 7 * DAY)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(route.issuer.cert.subject)
        .last_update(last)
        .next_update(nxt)
        .add_extension(x509.CRLNumber(1), critical=False)
    )
    for serial, when in route.revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
        )
    key = pki.ec_key() if route.mode == "wrong-signer" else route.issuer.key
    return builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)  # type: ignore[arg-type]


def _handler(state: Responders) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, body: bytes, content_type: str, mode: str, delay: float) -> None:
            if mode == "slow":
                time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            if mode == "huge":  # no Content-Length: the client must stop reading by itself
                self.send_header("Connection", "close")
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(b"\x30" * (1 << 20))
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(min(length, 1 << 16))
            route_name = self.path.removeprefix("/ocsp/")
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            route = state.ocsp.get(route_name)
            if route is None or not self.path.startswith("/ocsp/"):
                self.send_error(404)
                return
            with suppress(BrokenPipeError, ConnectionResetError):
                self._send(_ocsp_answer(route, body), "application/ocsp-response", route.mode, route.delay)

        def do_GET(self) -> None:
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            route = state.crl.get(self.path.removeprefix("/crl/").removesuffix(".crl"))
            if route is None or route.mode == "missing":
                self.send_error(404)
                return
            with suppress(BrokenPipeError, ConnectionResetError):
                self._send(_crl_body(route), "application/pkix-crl", route.mode, route.delay)

    return Handler


@contextmanager
def serve() -> Iterator[Responders]:
    state = Responders()
    with running(_handler(state)) as base:
        state.base = base
        yield state


def leaf_with_pointers(
    cn: str, issuer: pki.Issued, *, ocsp_url: str | None = None, crl_url: str | None = None, **kw: object
) -> pki.Issued:
    """A code-signing leaf naming an OCSP responder (AIA) and/or a CRL distribution point."""
    extra: list[tuple[x509.ExtensionType, bool]] = []
    if ocsp_url:
        extra.append((x509.AuthorityInformationAccess([x509.AccessDescription(
            x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url))]), False))  # fmt: skip
    if crl_url:
        extra.append((x509.CRLDistributionPoints([x509.DistributionPoint(
            full_name=[x509.UniformResourceIdentifier(crl_url)], relative_name=None, reasons=None, crl_issuer=None,
        )]), False))  # fmt: skip
    return pki.leaf(cn, issuer, extra=extra, **kw)


def delegated_responder(issuer: pki.Issued) -> pki.Issued:
    return pki.make_cert(
        subject=pki.name("Example OCSP Responder"),
        key=pki.ec_key(),
        issuer=issuer,
        ca=False,
        eku=[x509.oid.ExtendedKeyUsageOID.OCSP_SIGNING],
    )
