"""Revocation on a validated chain: ``cryptography`` does none, so shipgate checks two sources.

1. Advisory revocations (stored trust state): any certificate of the chain, by SHA-256 fingerprint.
2. CRLs the operator gives (files): for each certificate but the anchor, the CRLs whose issuer is that
   certificate's issuer and whose signature verifies with the issuing certificate of the *validated*
   chain (so a CRL can only speak for the CA that signed it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
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


_KNOWN_CRL_EXTENSIONS = (
    x509.CRLNumber,
    x509.AuthorityKeyIdentifier,
    x509.IssuerAlternativeName,
    x509.IssuingDistributionPoint,
    x509.DeltaCRLIndicator,
    x509.FreshestCRL,
    x509.AuthorityInformationAccess,
)


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _distribution_names(cert: x509.Certificate) -> set[x509.GeneralName]:
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return set()
    return {name for point in points if point.full_name for name in point.full_name}


def _scope(crl: x509.CertificateRevocationList, cert: x509.Certificate, issuer: x509.Certificate) -> str | None:
    """Why ``crl`` is not a complete CRL for ``cert`` (None when it is). Raises MalformedCrl for a CRL
    that breaks RFC 5280 §5.2 in a way that must not be ignored."""
    where = f"the CRL of {describe(issuer)}"
    try:
        number = crl.extensions.get_extension_for_class(x509.CRLNumber)
    except x509.ExtensionNotFound:
        raise MalformedCrl(f"{where} has no cRLNumber (RFC 5280 §5.2.3 requires one)") from None
    if number.critical:
        raise MalformedCrl(f"{where} marks cRLNumber critical (RFC 5280 §5.2.3 forbids it)")
    for ext in crl.extensions:
        if ext.critical and not isinstance(ext.value, _KNOWN_CRL_EXTENSIONS):
            raise MalformedCrl(f"{where} has an unrecognised critical extension {ext.oid.dotted_string}")
    try:
        crl.extensions.get_extension_for_class(x509.DeltaCRLIndicator)
        return "a delta CRL (shipgate uses complete CRLs only)"
    except x509.ExtensionNotFound:
        pass
    try:
        idp = crl.extensions.get_extension_for_class(x509.IssuingDistributionPoint).value
    except x509.ExtensionNotFound:
        return None
    if idp.indirect_crl:
        return "an indirect CRL (not supported)"
    if idp.only_contains_attribute_certs:
        return "limited to attribute certificates"
    if idp.only_contains_ca_certs and not _is_ca(cert):
        return "limited to CA certificates"
    if idp.only_contains_user_certs and _is_ca(cert):
        return "limited to end-entity certificates"
    if idp.only_some_reasons:
        return "limited to some revocation reasons"
    if idp.relative_name is not None:
        return "scoped by a relative distribution point name (not supported)"
    if idp.full_name and not (set(idp.full_name) & _distribution_names(cert)):
        return "for another distribution point"
    return None


def check_crls(
    chain: ValidatedChain,
    crls: Sequence[x509.CertificateRevocationList],
    *,
    at: dt.datetime | None = None,
    require: bool = False,
) -> None:
    """Raises CertificateRevoked for a listed certificate, MalformedCrl for a CRL that claims to speak for
    an issuer of the chain but is stale or breaks RFC 5280 §5. With ``require``, every certificate below
    the anchor must be covered by a complete, valid CRL (strict mode, as PKITS expects)."""
    at = at or chain.validated_at
    certs = chain.certificates
    for cert, issuer in itertools.pairwise(certs):
        covered = False
        for crl in crls:
            if crl.issuer != cert.issuer:
                continue
            if not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
                continue  # another CA of the same name; it does not speak for this issuer
            if not _can_sign_crls(issuer):
                raise MalformedCrl(
                    f"the CRL of {describe(issuer)} is signed by a key not allowed to sign CRLs "
                    "(keyUsage cRLSign)"
                )
            next_update = crl.next_update_utc
            if next_update is not None and next_update < at:
                raise MalformedCrl(
                    f"the CRL of {describe(issuer)} is stale: next update was due {next_update.isoformat()}",
                    evidence={"issuer": describe(issuer), "next_update": next_update.isoformat()},
                )
            if crl.last_update_utc > at or _scope(crl, cert, issuer) is not None:
                continue  # issued after the time of interest, or not about this certificate
            covered = True
            entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
            if entry is None or entry.revocation_date_utc > at:
                continue
            for ext in entry.extensions:
                if ext.critical and not isinstance(ext.value, x509.CRLReason | x509.InvalidityDate):
                    raise MalformedCrl(
                        f"the CRL of {describe(issuer)} has an unrecognised critical entry extension "
                        f"{ext.oid.dotted_string}"
                    )
            reason = ""
            with contextlib.suppress(x509.ExtensionNotFound):
                reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value
            if reason == "removeFromCRL":
                continue
            raise CertificateRevoked(
                f"{describe(cert)} (serial {cert.serial_number:x}) is listed on the CRL of "
                f"{describe(issuer)} since {entry.revocation_date_utc.isoformat()}"
                + (f" ({reason})" if reason else ""),
                evidence={
                    "certificate": describe(cert),
                    "sha256": fingerprint(cert),
                    "crl_issuer": describe(issuer),
                },
            )
        if require and not covered:
            raise MalformedCrl(
                f"no valid CRL from {describe(issuer)} covers {describe(cert)} and revocation checking "
                "is required",
                evidence={"certificate": describe(cert), "issuer": describe(issuer)},
            )
