"""A timestamp authority built in the test: its own root and signing certificate, and RFC 3161 responses
(TimeStampResp → CMS SignedData → TSTInfo) signed with ``cryptography``, ESS signing-certificate-v2
included, DER-encoded by the few lines below. Nothing here is shipgate code: shipgate reads these with
``rfc3161-client``, exactly as it reads a response from a public TSA.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from trust import pki

# -- DER, just enough for CMS -------------------------------------------------------------------------


def _len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _len(len(body)) + body


def seq(*items: bytes) -> bytes:
    return tlv(0x30, b"".join(items))


def set_of(*items: bytes) -> bytes:
    return tlv(0x31, b"".join(sorted(items)))  # DER: SET OF sorted by encoding


def integer(value: int) -> bytes:
    body = value.to_bytes(value.bit_length() // 8 + 1, "big", signed=True)
    return tlv(0x02, body)


def octets(data: bytes) -> bytes:
    return tlv(0x04, data)


def oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    body = bytearray([40 * parts[0] + parts[1]])
    for part in parts[2:]:
        rest, chunk = part >> 7, [part & 0x7F]  # base-128, high bit set on all but the last byte
        while rest:
            chunk.append(0x80 | (rest & 0x7F))
            rest >>= 7
        body.extend(reversed(chunk))
    return tlv(0x06, bytes(body))


def explicit(n: int, body: bytes) -> bytes:
    return tlv(0xA0 + n, body)


def generalized_time(moment: dt.datetime) -> bytes:
    return tlv(0x18, moment.astimezone(dt.UTC).strftime("%Y%m%d%H%M%SZ").encode())


SHA256 = "2.16.840.1.101.3.4.2.1"
SHA512 = "2.16.840.1.101.3.4.2.3"
ECDSA_SHA256 = "1.2.840.10045.4.3.2"
SIGNED_DATA = "1.2.840.113549.1.7.2"
TST_INFO = "1.2.840.113549.1.9.16.1.4"
CONTENT_TYPE = "1.2.840.113549.1.9.3"
MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47"
POLICY = "1.3.6.1.4.1.55555.1.1"  # a private-arc policy id for the test TSA


def algorithm(dotted: str) -> bytes:
    return seq(oid(dotted))


# -- the authority -----------------------------------------------------------------------------------


@dataclass
class Authority:
    root: pki.Issued
    signer: pki.Issued
    serial: int = 1

    def response(
        self,
        message: bytes,
        *,
        at: dt.datetime,
        hash_name: str = "sha256",
        ess: bool = True,
        embed: bool = True,
        status: int = 0,
        nonce: int | None = None,
    ) -> bytes:
        """A DER TimeStampResp granting a token over ``message`` (its SHA-256 or SHA-512) at ``at``."""
        self.serial += 1
        digest_oid, digest = (
            (SHA256, hashlib.sha256(message).digest())
            if hash_name == "sha256"
            else (SHA512, hashlib.sha512(message).digest())
        )
        fields = [
            integer(1),
            oid(POLICY),
            seq(algorithm(digest_oid), octets(digest)),
            integer(self.serial),
            generalized_time(at),
        ]
        if nonce is not None:
            fields.append(integer(nonce))
        tst_info = seq(*fields)
        return seq(seq(integer(status)), self._signed(tst_info, ess=ess, embed=embed))

    def _signed(self, tst_info: bytes, *, ess: bool, embed: bool) -> bytes:
        cert = self.signer.cert
        der = cert.public_bytes(serialization_der())
        attributes = [
            seq(oid(CONTENT_TYPE), set_of(oid(TST_INFO))),
            seq(oid(MESSAGE_DIGEST), set_of(octets(hashlib.sha256(tst_info).digest()))),
        ]
        if ess:
            ess_cert_id = seq(octets(hashlib.sha256(der).digest()))  # hashAlgorithm DEFAULT sha256
            attributes.append(seq(oid(SIGNING_CERTIFICATE_V2), set_of(seq(seq(ess_cert_id)))))
        signed_attrs = set_of(*attributes)
        key = self.signer.key
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        signature = key.sign(signed_attrs, ec.ECDSA(hashes.SHA256()))
        signer_info = seq(
            integer(1),
            seq(cert.issuer.public_bytes(), integer(cert.serial_number)),
            algorithm(SHA256),
            tlv(0xA0, signed_attrs[2:] if signed_attrs[1] < 0x80 else signed_attrs[2 + (signed_attrs[1] & 0x7F) :]),
            algorithm(ECDSA_SHA256),
            octets(signature),
        )
        pool = sorted([der, self.root.cert.public_bytes(serialization_der())])  # SET OF: DER order
        certificates = [tlv(0xA0, b"".join(pool))] if embed else []
        signed_data = seq(
            integer(3),
            set_of(algorithm(SHA256)),
            seq(oid(TST_INFO), explicit(0, octets(tst_info))),
            *certificates,
            set_of(signer_info),
        )
        return seq(oid(SIGNED_DATA), explicit(0, signed_data))


def serialization_der() -> object:
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.DER


def authority(cn: str = "Example Timestamp Authority", *, since: dt.datetime | None = None) -> Authority:
    """A TSA whose root and signing certificate are valid from ``since`` (default: 30 days ago) on."""
    start = since or pki.NOW - 30 * pki.DAY
    root = pki.make_cert(
        subject=pki.name(f"{cn} Root", "Example TSA"), key=pki.ec_key(), ca=True, not_before=start,
        not_after=pki.NOW + 3650 * pki.DAY,
    )  # fmt: skip
    signer = pki.make_cert(
        subject=pki.name(cn, "Example TSA"),
        key=pki.ec_key(),
        issuer=root,
        ca=False,
        not_before=start,
        not_after=pki.NOW + 3650 * pki.DAY,
        extra=[(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)],
    )
    return Authority(root=root, signer=signer)
