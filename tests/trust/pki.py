"""A vendor PKI built in the test: roots, intermediates and leaves with the extensions a test asks for.

Nothing here is a stand-in for shipgate code: these are real certificates and keys made with
``cryptography``, so the chain validator and signature checks run exactly as they do in production.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
DAY = dt.timedelta(days=1)

PrivateKey = ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey


def name(cn: str, org: str = "Example Networks") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, org), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@dataclass
class Issued:
    cert: x509.Certificate
    key: PrivateKey
    children: list[Issued] = field(default_factory=list)

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def fingerprint(self) -> str:
        return self.cert.fingerprint(hashes.SHA256()).hex()


def _sig_hash(key: PrivateKey) -> hashes.HashAlgorithm | None:
    return None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256()


def make_cert(
    *,
    subject: x509.Name,
    key: PrivateKey,
    issuer: Issued | None = None,
    ca: bool,
    path_length: int | None = None,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    eku: list[x509.ObjectIdentifier] | None = None,
    digital_signature: bool = True,
    san: list[x509.GeneralName] | None = None,
    key_usage: bool = True,
    extra: list[tuple[x509.ExtensionType, bool]] | None = None,
) -> Issued:
    signer_key = issuer.key if issuer else key
    issuer_name = issuer.cert.subject if issuer else subject
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - 30 * DAY)
        .not_valid_after(not_after or NOW + 365 * DAY)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length if ca else None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key()), critical=False
    )
    if key_usage:
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=digital_signature if not ca else False,
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
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
    for ext, critical in extra or []:
        builder = builder.add_extension(ext, critical=critical)
    cert = builder.sign(signer_key, _sig_hash(signer_key))  # type: ignore[arg-type]
    made = Issued(cert=cert, key=key)
    if issuer:
        issuer.children.append(made)
    return made


def ec_key(curve: ec.EllipticCurve | None = None) -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(curve or ec.SECP256R1())


def root(cn: str, **kw: object) -> Issued:
    return make_cert(subject=name(cn), key=ec_key(), ca=True, **kw)  # type: ignore[arg-type]


def intermediate(cn: str, parent: Issued, **kw: object) -> Issued:
    return make_cert(subject=name(cn), key=ec_key(), issuer=parent, ca=True, **kw)  # type: ignore[arg-type]


CODE_SIGNING = [ExtendedKeyUsageOID.CODE_SIGNING]


def leaf(
    cn: str,
    parent: Issued,
    *,
    key: PrivateKey | None = None,
    eku: list[x509.ObjectIdentifier] | None = None,
    san: list[x509.GeneralName] | None = None,
    **kw: object,
) -> Issued:
    return make_cert(  # type: ignore[arg-type]
        subject=name(cn),
        key=key or ec_key(),
        issuer=parent,
        ca=False,
        eku=CODE_SIGNING if eku is None else eku,
        san=san,
        **kw,
    )


def chain_pem(*certs: Issued) -> bytes:
    return b"".join(c.pem for c in certs)


def sign(key: PrivateKey, data: bytes, *, pss: bool = False) -> bytes:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    if isinstance(key, rsa.RSAPrivateKey):
        pad: padding.AsymmetricPadding = (
            padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)
            if pss
            else padding.PKCS1v15()
        )
        return key.sign(data, pad, hashes.SHA256())
    algo = hashes.SHA384() if isinstance(key.curve, ec.SECP384R1) else hashes.SHA256()
    return key.sign(data, ec.ECDSA(algo))


def crl(
    issuer: Issued,
    revoked: list[Issued],
    *,
    next_update: dt.datetime | None = None,
    signer: Issued | None = None,
) -> x509.CertificateRevocationList:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.cert.subject)
        .last_update(NOW - DAY)
        .next_update(next_update or NOW + 7 * DAY)
        .add_extension(x509.CRLNumber(1), critical=False)
    )
    for r in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(r.cert.serial_number).revocation_date(NOW - DAY).build()
        )
    key = (signer or issuer).key
    return builder.sign(key, _sig_hash(key))  # type: ignore[arg-type]
