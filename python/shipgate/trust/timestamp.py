"""Signing-time evidence: an RFC 3161 timestamp response over a detached signature.

A package archived for a year outlives its short-lived signing certificate. With a timestamp token over
``manifest.json.sig`` (``manifest.json.sig.tsr``, a DER ``TimeStampResp``) from a timestamp authority
whose root is pinned for the vendor (``[tsa]`` roots, or ``trust pin --tsa``), the signing chain is judged
at the token's ``genTime`` instead of now: valid then → "valid at signing time (timestamp by …)".

Parsing and the token's own verification (CMS signature, the TSA certificate chain at ``genTime``, its
critical timeStamping EKU, the message imprint) are ``rfc3161-client``'s; what shipgate adds is which
roots are trusted (only the vendor's pinned TSA roots, never a certificate the token carries), the
order of checks that gives each failure its own code, and the bounds. ESS signing-certificate-v2 is not
checked beyond what ``rfc3161-client`` does (it identifies the TSA certificate by the SignerInfo's issuer
and serial, under the pinned root); see docs/trust.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from shipgate.trust.errors import TimestampInvalid, TimestampMalformed, TimestampMismatch, TimestampUntrusted
from shipgate.trust.pem import describe, fingerprint

# A response is a token with a couple of certificates: a few KiB. 64 KiB bounds a hostile one.
MAX_TIMESTAMP_BYTES = 64 << 10
# A TSA's clock may run slightly ahead of ours; a genTime further ahead is not a past signing time.
CLOCK_SKEW = dt.timedelta(minutes=5)
_HASHES = {
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
}


@dataclass(frozen=True, kw_only=True)
class SigningTime:
    """A verified timestamp: when the signature existed, and who says so."""

    time: dt.datetime
    tsa: str  # the TSA signing certificate's subject
    tsa_root: str
    tsa_root_sha256: str
    serial: int

    def describe(self) -> str:
        return f"valid at signing time {self.time:%Y-%m-%dT%H:%M:%SZ} (timestamp by {self.tsa})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "time": self.time.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tsa": self.tsa,
            "tsa_root": self.tsa_root,
            "tsa_root_sha256": self.tsa_root_sha256,
            "serial": self.serial,
        }


def _decode(token: bytes) -> Any:
    from rfc3161_client import PKIStatus, decode_timestamp_response

    if len(token) > MAX_TIMESTAMP_BYTES:
        raise TimestampMalformed(f"the timestamp is {len(token)} bytes; at most {MAX_TIMESTAMP_BYTES} are read")
    try:
        response = decode_timestamp_response(token)
    except ValueError as exc:
        raise TimestampMalformed(f"the timestamp is not a DER RFC 3161 TimeStampResp: {exc}") from None
    if response.status not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        raise TimestampInvalid(f"the timestamp authority did not grant the token (PKIStatus {response.status})")
    return response


def _tsa_certificate(response: Any) -> x509.Certificate | None:
    """The embedded certificate the SignerInfo names (for reports; rfc3161-client verifies it)."""
    infos = list(response.signed_data.signer_infos)
    if len(infos) != 1:
        return None
    for der in response.signed_data.certificates:
        try:
            cert = x509.load_der_x509_certificate(der)
        except ValueError:
            continue
        if cert.issuer == infos[0].issuer and cert.serial_number == infos[0].serial_number:
            return cert
    return None


def verify_timestamp(
    token: bytes,
    signature: bytes,
    *,
    anchors: Sequence[x509.Certificate],
    now: dt.datetime | None = None,
) -> SigningTime:
    """Verify ``token`` as a timestamp over ``signature`` by a TSA chaining to one of ``anchors``.
    Raises TimestampMalformed, TimestampMismatch, TimestampInvalid or TimestampUntrusted."""
    from rfc3161_client import VerificationError, VerifierBuilder

    now = now or dt.datetime.now(dt.UTC)
    # 1. Parse, bounded; granted.
    response = _decode(token)
    info = response.tst_info
    # 2. Over these bytes: the message imprint is the signature's digest (checked before trust, so that a
    #    token moved from another package says so whatever TSA made it).
    algorithm = _HASHES.get(info.message_imprint.hash_algorithm.dotted_string)
    if algorithm is None:
        raise TimestampInvalid(
            f"the timestamp hashes with {info.message_imprint.hash_algorithm.dotted_string}; "
            "SHA-256, SHA-384 or SHA-512 are accepted"
        )
    if hashlib.new(algorithm, signature).digest() != info.message_imprint.message:
        raise TimestampMismatch(
            f"the timestamp token is over other bytes: its {algorithm} imprint is "
            f"{info.message_imprint.message.hex()}, the signature's is {hashlib.new(algorithm, signature).hexdigest()}",
            evidence={"algorithm": algorithm, "imprint": info.message_imprint.message.hex()},
        )
    # 3. A past time.
    gen_time = info.gen_time.astimezone(dt.UTC)
    if gen_time > now + CLOCK_SKEW:
        raise TimestampInvalid(f"the timestamp's time {gen_time.isoformat()} is in the future (now {now.isoformat()})")
    # 4. By a pinned TSA: CMS signature, chain at genTime, timeStamping EKU (rfc3161-client), per anchor.
    tsa = _tsa_certificate(response)
    named = describe(tsa) if tsa is not None else "an authority whose certificate the token does not carry"
    evidence = {"tsa": named, "gen_time": gen_time.isoformat(), "pinned_tsa_roots": [describe(a) for a in anchors]}
    if not anchors:
        raise TimestampUntrusted(f"the package is timestamped by {named}, but the vendor has no TSA root pinned",
                                 evidence=evidence)  # fmt: skip
    if tsa is None:
        raise TimestampUntrusted(
            f"the timestamp is by {named}: shipgate pins TSA roots, so the token must carry the TSA's certificate",
            remedy="Ask the vendor for a token requested with certReq (openssl ts -query -cert), which embeds it.",
            evidence=evidence,
        )
    reasons: list[str] = []
    for anchor in anchors:
        try:
            VerifierBuilder().add_root_certificate(anchor).build().verify(response, info.message_imprint.message)
        except VerificationError as exc:
            reasons.append(str(exc))
            continue
        return SigningTime(
            time=gen_time,
            tsa=named,
            tsa_root=describe(anchor),
            tsa_root_sha256=fingerprint(anchor),
            serial=int(info.serial_number),
        )
    chain_refused = all("certificate verify error" in r for r in reasons)
    if chain_refused:
        raise TimestampUntrusted(
            f"the timestamp is by {named}, which does not chain to a TSA root pinned for the vendor "
            f"({', '.join(describe(a) for a in anchors)})",
            evidence={**evidence, "verifier": reasons[0][:300]},
        )
    raise TimestampInvalid(f"the timestamp by {named} does not verify: {reasons[0][:300]}", evidence=evidence)
