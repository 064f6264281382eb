"""A small vendor PKI for the demo (and for tests that need real signed packages): roots, code-signing
leaves and detached signatures, made with ``cryptography`` exactly as a vendor's release tooling would."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DAY = dt.timedelta(days=1)


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, org), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@dataclass(frozen=True)
class Identity:
    """A certificate and its private key."""

    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def sha256(self) -> str:
        return self.cert.fingerprint(hashes.SHA256()).hex()

    def sign(self, data: bytes) -> bytes:
        """ECDSA P-256 with SHA-256, DER-encoded (docs/formats.md §1)."""
        return self.key.sign(data, ec.ECDSA(hashes.SHA256()))


def _issue(
    *, cn: str, org: str, key: ec.EllipticCurvePrivateKey, issuer: Identity | None, ca: bool, now: dt.datetime
) -> Identity:
    signer_key = issuer.key if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn, org))
        .issuer_name(issuer.cert.subject if issuer else _name(cn, org))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - 30 * DAY)
        .not_valid_after(now + (3650 if ca else 730) * DAY)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key()), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if not ca:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
    return Identity(builder.sign(signer_key, hashes.SHA256()), key)


def make_root(cn: str, *, org: str, now: dt.datetime | None = None) -> Identity:
    return _issue(cn=cn, org=org, key=ec.generate_private_key(ec.SECP256R1()), issuer=None, ca=True,
                  now=now or dt.datetime.now(dt.UTC))


def make_signer(cn: str, root: Identity, *, org: str, now: dt.datetime | None = None) -> Identity:
    """A code-signing leaf issued directly by ``root``."""
    return _issue(cn=cn, org=org, key=ec.generate_private_key(ec.SECP256R1()), issuer=root, ca=False,
                  now=now or dt.datetime.now(dt.UTC))
