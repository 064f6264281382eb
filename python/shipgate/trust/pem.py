"""Reading certificates and CRLs from operator files and package entries, bounded in bytes and count."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from shipgate.trust.errors import MalformedCertificate, MalformedCrl

# A signing chain is a leaf and a few intermediates; 1 MiB and 16 certificates is far past any real one
# and keeps a hostile chain file from costing more than a bounded parse.
MAX_PEM_BYTES = 1 << 20
MAX_CERTIFICATES = 16
# CRLs from large CAs reach tens of MiB; the operator chooses these files, so the bound is generous.
MAX_CRL_BYTES = 64 << 20


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 over the DER encoding, lower-case hex: how roots and revocations are named everywhere."""
    return cert.fingerprint(hashes.SHA256()).hex()


def to_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def describe(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string() or "(empty subject)"


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def load_certificates(data: bytes, *, what: str = "certificate chain") -> list[x509.Certificate]:
    """Every certificate of a PEM file, in order. Raises MalformedCertificate naming ``what``."""
    if len(data) > MAX_PEM_BYTES:
        raise MalformedCertificate(f"{what} is {len(data)} bytes; at most {MAX_PEM_BYTES} are read")
    if b"-----BEGIN CERTIFICATE-----" not in data:
        raise MalformedCertificate(f"{what} holds no PEM certificate (no BEGIN CERTIFICATE block)")
    if data.count(b"-----BEGIN CERTIFICATE-----") > MAX_CERTIFICATES:
        raise MalformedCertificate(f"{what} holds more than {MAX_CERTIFICATES} certificates")
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise MalformedCertificate(f"{what} is not valid PEM X.509: {exc}") from None
    return certs


def load_certificate(data: bytes, *, what: str = "certificate") -> x509.Certificate:
    """Exactly one certificate."""
    certs = load_certificates(data, what=what)
    if len(certs) != 1:
        raise MalformedCertificate(f"{what} holds {len(certs)} certificates; exactly one is expected")
    return certs[0]


def load_crl(data: bytes, *, what: str = "CRL") -> x509.CertificateRevocationList:
    """A CRL in PEM or DER."""
    if len(data) > MAX_CRL_BYTES:
        raise MalformedCrl(f"{what} is {len(data)} bytes; at most {MAX_CRL_BYTES} are read")
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError as exc:
        raise MalformedCrl(f"{what} is not a valid X.509 CRL: {exc}") from None
