"""Revocation on a validated chain: ``cryptography`` does none, so shipgate checks two sources.

1. Advisory revocations (stored trust state): any certificate of the chain, by SHA-256 fingerprint.
2. CRLs the operator gives (files): for each certificate but the anchor, the CRLs whose issuer is that
   certificate's issuer and whose signature verifies with the issuing certificate of the *validated*
   chain (so a CRL can only speak for the CA that signed it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cryptography import x509

from shipgate.trust.chain import ValidatedChain
from shipgate.trust.errors import CertificateRevoked, MalformedCrl
from shipgate.trust.pem import describe, fingerprint
from shipgate.trust.state import VendorTrust


def check_advisory_revocations(chain: ValidatedChain, trust: VendorTrust) -> None:
    for cert in chain.certificates:
        revoked = trust.revocation(fingerprint(cert))
        if revoked is not None:
            when = revoked.revoked_at.isoformat() if revoked.revoked_at else "an unstated time"
            raise CertificateRevoked(
                f"{describe(cert)} (sha256 {fingerprint(cert)}) was revoked at {when} "
                f"by advisory {revoked.advisory_id or '(operator)'}: {revoked.reason or 'no reason given'}",
                evidence={
                    "certificate": describe(cert),
                    "sha256": fingerprint(cert),
                    "advisory_id": revoked.advisory_id,
                    "reason": revoked.reason,
                },
            )


def _can_sign_crls(issuer: x509.Certificate) -> bool:
    try:
        return bool(issuer.extensions.get_extension_for_class(x509.KeyUsage).value.crl_sign)
    except x509.ExtensionNotFound:
        return True  # RFC 5280 §4.2.1.3: without keyUsage every usage is allowed


def check_crls(
    chain: ValidatedChain,
    crls: Sequence[x509.CertificateRevocationList],
    *,
    at: dt.datetime | None = None,
    require: bool = False,
) -> None:
    """Raises CertificateRevoked for a listed certificate, MalformedCrl for a CRL that claims to speak for
    an issuer of the chain but is badly signed or stale. With ``require``, every certificate below the
    anchor must be covered by a valid CRL (strict mode, as PKITS expects)."""
    at = at or chain.validated_at
    certs = chain.certificates
    for cert, issuer in zip(certs, certs[1:], strict=False):
        covered = False
        for crl in crls:
            if crl.issuer != cert.issuer:
                continue
            if not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
                continue  # another CA of the same name; it does not speak for this issuer
            if not _can_sign_crls(issuer):
                raise MalformedCrl(
                    f"the CRL of {describe(issuer)} is signed by a key not allowed to sign CRLs (keyUsage cRLSign)"
                )
            next_update = crl.next_update_utc
            if next_update is not None and next_update < at:
                raise MalformedCrl(
                    f"the CRL of {describe(issuer)} is stale: next update was due {next_update.isoformat()}",
                    evidence={"issuer": describe(issuer), "next_update": next_update.isoformat()},
                )
            if crl.last_update_utc > at:
                continue  # issued after the time of interest: says nothing about it
            covered = True
            entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
            if entry is not None and entry.revocation_date_utc <= at:
                reason = ""
                try:
                    reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value
                except x509.ExtensionNotFound:
                    pass
                if reason == "removeFromCRL":
                    continue
                raise CertificateRevoked(
                    f"{describe(cert)} (serial {cert.serial_number:x}) is listed on the CRL of {describe(issuer)} "
                    f"since {entry.revocation_date_utc.isoformat()}" + (f" ({reason})" if reason else ""),
                    evidence={
                        "certificate": describe(cert),
                        "sha256": fingerprint(cert),
                        "crl_issuer": describe(issuer),
                    },
                )
        if require and not covered:
            raise MalformedCrl(
                f"no valid CRL from {describe(issuer)} covers {describe(cert)} and revocation checking is required",
                evidence={"certificate": describe(cert), "issuer": describe(issuer)},
            )
