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

from shipgate.trust.chain import ChainPolicy, ValidatedChain, validate_chain
from shipgate.trust.errors import CertificateRevoked, MalformedCrl, TimestampAfterRevocation, TrustFailure
from shipgate.trust.pem import describe, fingerprint
from shipgate.trust.state import VendorTrust


def revoked_error(signed_at: dt.datetime | None, message: str, evidence: dict[str, object]) -> TrustFailure:
    """CertificateRevoked; with signing-time evidence, TimestampAfterRevocation (the token proves a time
    after the revocation, so it cannot save the signature)."""
    if signed_at is None:
        return CertificateRevoked(message, evidence=evidence)
    return TimestampAfterRevocation(
        f"{message}; the timestamp proves only that the signature existed at {signed_at.isoformat()}, after that",
        evidence={**evidence, "signed_at": signed_at.isoformat()},
    )


def check_advisory_revocations(
    chain: ValidatedChain, trust: VendorTrust, *, signed_at: dt.datetime | None = None
) -> None:
    """Revocations from advisories. With ``signed_at`` (a verified timestamp), a certificate revoked at a
    stated time after it still stands: the signature provably predates the revocation."""
    for cert in chain.certificates:
        revoked = trust.revocation(fingerprint(cert))
        if revoked is not None:
            if signed_at is not None and revoked.revoked_at is not None and revoked.revoked_at > signed_at:
                continue
            when = revoked.revoked_at.isoformat() if revoked.revoked_at else "an unstated time"
            raise revoked_error(
                signed_at,
                f"{describe(cert)} (sha256 {fingerprint(cert)}) was revoked at {when} "
                f"by advisory {revoked.advisory_id or '(operator)'}: {revoked.reason or 'no reason given'}",
                {
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


# The reasons a complete CRL answers for (RFC 5280 §5.2.5 onlySomeReasons narrows them).
ALL_REASONS = frozenset(
    {
        x509.ReasonFlags.key_compromise,
        x509.ReasonFlags.ca_compromise,
        x509.ReasonFlags.affiliation_changed,
        x509.ReasonFlags.superseded,
        x509.ReasonFlags.cessation_of_operation,
        x509.ReasonFlags.certificate_hold,
        x509.ReasonFlags.privilege_withdrawn,
        x509.ReasonFlags.aa_compromise,
    }
)


def _names(point: x509.DistributionPoint | x509.IssuingDistributionPoint, issuer: x509.Name) -> set[x509.GeneralName]:
    if point.full_name:
        return set(point.full_name)
    if point.relative_name is not None:  # nameRelativeToCRLIssuer: the CRL issuer's DN plus this RDN
        return {x509.DirectoryName(x509.Name([*issuer.rdns, point.relative_name]))}
    return set()


def _distribution_names(cert: x509.Certificate, crl_issuer: x509.Name) -> set[x509.GeneralName] | None:
    """The names of the certificate's CRL distribution points served by ``crl_issuer`` (its cRLIssuer, or
    the certificate's issuer when a point names none: RFC 5280 §6.3.3 (b)); None when it has no points."""
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return None
    names: set[x509.GeneralName] = set()
    for point in points:
        served_by = _point_issuer(point) or cert.issuer
        if served_by == crl_issuer:
            names |= _names(point, served_by)
    return names


def _point_issuer(point: x509.DistributionPoint) -> x509.Name | None:
    for name in point.crl_issuer or []:
        if isinstance(name, x509.DirectoryName):
            return name.value
    return None


def _delegates_to(cert: x509.Certificate, crl_issuer: x509.Name) -> bool:
    """The certificate names ``crl_issuer`` as the cRLIssuer of one of its distribution points (§4.2.1.13)."""
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return False
    return any(_point_issuer(point) == crl_issuer for point in points)


def _scope(
    crl: x509.CertificateRevocationList, cert: x509.Certificate, issuer: x509.Certificate
) -> tuple[frozenset[x509.ReasonFlags], bool] | None:
    """What ``crl`` answers for ``cert``: (reasons, is_delta), or None when it is not about ``cert``.
    Raises MalformedCrl for a CRL that breaks RFC 5280 §5.2 in a way that must not be ignored."""
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
    delta = True
    try:
        crl.extensions.get_extension_for_class(x509.DeltaCRLIndicator)
    except x509.ExtensionNotFound:
        delta = False
    try:
        idp: x509.IssuingDistributionPoint | None = crl.extensions.get_extension_for_class(
            x509.IssuingDistributionPoint
        ).value
    except x509.ExtensionNotFound:
        idp = None
    if crl.issuer != cert.issuer and not (idp is not None and idp.indirect_crl and _delegates_to(cert, crl.issuer)):
        return None  # another issuer's CRL speaks for this certificate only as a delegated indirect CRL
    if idp is None:
        return ALL_REASONS, delta
    if idp.only_contains_attribute_certs:
        return None
    if idp.only_contains_ca_certs and not _is_ca(cert):
        return None
    if idp.only_contains_user_certs and _is_ca(cert):
        return None
    scoped = _names(idp, crl.issuer)
    if scoped:
        cert_names = _distribution_names(cert, crl.issuer)
        if cert_names is not None and not (scoped & cert_names):
            return None  # a partitioned CRL for another distribution point
        if cert_names is None:
            return None
    reasons = frozenset(idp.only_some_reasons) if idp.only_some_reasons else ALL_REASONS
    return reasons, delta


def _entry(crl: x509.CertificateRevocationList, cert: x509.Certificate) -> x509.RevokedCertificate | None:
    """The CRL's entry for ``cert``. In an indirect CRL an entry belongs to the issuer named by the latest
    certificateIssuer entry extension, else to the CRL issuer (RFC 5280 §5.3.3)."""
    try:
        indirect = crl.extensions.get_extension_for_class(x509.IssuingDistributionPoint).value.indirect_crl
    except x509.ExtensionNotFound:
        indirect = False
    if not indirect:
        return crl.get_revoked_certificate_by_serial_number(cert.serial_number) if crl.issuer == cert.issuer else None
    current = crl.issuer
    for entry in crl:
        with contextlib.suppress(x509.ExtensionNotFound):
            named = entry.extensions.get_extension_for_class(x509.CertificateIssuer).value
            current = next((n.value for n in named if isinstance(n, x509.DirectoryName)), current)
        if entry.serial_number == cert.serial_number and current == cert.issuer:
            return entry
    return None


def _revoked_since(entry: x509.RevokedCertificate) -> dt.datetime:
    """When the certificate stopped being trustworthy: the invalidityDate (RFC 5280 §5.3.2, the suspected
    compromise) when the CA states one earlier than the revocation date, else the revocation date."""
    with contextlib.suppress(x509.ExtensionNotFound):
        invalid = entry.extensions.get_extension_for_class(x509.InvalidityDate).value.invalidity_date_utc
        return min(invalid, entry.revocation_date_utc)
    return entry.revocation_date_utc


def _reason(entry: x509.RevokedCertificate) -> str:
    with contextlib.suppress(x509.ExtensionNotFound):
        return str(entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value)
    return ""


# A CRL signer's own status is checked with the same CRLs; a signer of a signer's CRL once more at most.
MAX_CRL_SIGNER_DEPTH = 2


def _crl_signer(
    crl: x509.CertificateRevocationList,
    anchor: x509.Certificate,
    candidates: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    *,
    at: dt.datetime,
    require: bool,
    depth: int,
) -> x509.Certificate | None:
    """RFC 5280 §6.3.3 (f): a CRL signed by a key other than the certificate issuer's is usable when a
    certificate for that key, named as the CRL issuer and allowed cRLSign, validates (cryptography) to the
    same trust anchor and is not itself revoked."""
    if depth >= MAX_CRL_SIGNER_DEPTH:
        return None
    for candidate in candidates:
        if candidate.subject != crl.issuer or not crl.is_signature_valid(candidate.public_key()):  # type: ignore[arg-type]
            continue
        try:
            usage = candidate.extensions.get_extension_for_class(x509.KeyUsage).value
        except x509.ExtensionNotFound:
            continue  # a separate CRL signer must say it signs CRLs
        if not usage.crl_sign:
            continue
        try:
            signer_chain = validate_chain(
                candidate,
                [c for c in candidates if c != candidate],
                [anchor],
                at=at,
                policy=ChainPolicy(eku=None, key_usage=frozenset({"crl_sign"}), leaf_may_be_ca=True),
            )
        except TrustFailure:
            continue
        try:
            check_crls(signer_chain, crls, at=at, require=require, candidates=candidates, _depth=depth + 1)
        except CertificateRevoked as revoked:
            raise CertificateRevoked(
                f"the CRL signer {describe(candidate)} is revoked: {revoked.message}", evidence=revoked.evidence
            ) from None
        return candidate
    return None


def check_crls(
    chain: ValidatedChain,
    crls: Sequence[x509.CertificateRevocationList],
    *,
    at: dt.datetime | None = None,
    require: bool = False,
    candidates: Sequence[x509.Certificate] = (),
    signed_at: dt.datetime | None = None,
    _depth: int = 0,
) -> None:
    """Raises CertificateRevoked for a listed certificate, MalformedCrl for a CRL that claims to speak for
    an issuer of the chain but is stale or breaks RFC 5280 §5. With ``require``, every certificate below
    the anchor must be covered, for every reason, by valid complete CRLs (strict mode, as PKITS expects).
    Delta CRLs can add revocations and release holds; they never stand in for a complete CRL.
    ``candidates`` (the package's certificates) may hold a separate CRL-signing certificate.
    ``signed_at`` (a verified timestamp's time): an entry revoked after it does not count, one before it
    raises TimestampAfterRevocation; the CRLs themselves are still judged at ``at``."""
    at = at or chain.validated_at
    for cert, issuer in itertools.pairwise(chain.certificates):
        covered: set[x509.ReasonFlags] = set()
        listed: list[x509.RevokedCertificate] = []
        delta_listed: list[x509.RevokedCertificate] = []
        for crl in crls:
            scope = _usable_scope(
                crl, cert, issuer, chain.root, crls, at=at, require=require, candidates=candidates, depth=_depth
            )
            if scope is None:
                continue
            reasons, delta = scope
            if not delta:
                covered |= reasons
            entry = _listed_entry(crl, cert, issuer, at=at, signed_at=signed_at)
            if entry is not None:
                (delta_listed if delta else listed).append(entry)
        revoked = _standing_revocation(listed, delta_listed)
        if revoked is not None:
            raise _crl_revocation(revoked, cert, issuer, signed_at)
        if require and covered != ALL_REASONS:
            missing = "every reason" if not covered else ", ".join(sorted(r.value for r in ALL_REASONS - covered))
            raise MalformedCrl(
                f"no valid complete CRL from {describe(issuer)} covers {describe(cert)} for {missing}, and "
                "revocation checking is required",
                evidence={"certificate": describe(cert), "issuer": describe(issuer)},
            )


def _usable_scope(
    crl: x509.CertificateRevocationList,
    cert: x509.Certificate,
    issuer: x509.Certificate,
    anchor: x509.Certificate,
    crls: Sequence[x509.CertificateRevocationList],
    *,
    at: dt.datetime,
    require: bool,
    candidates: Sequence[x509.Certificate],
    depth: int,
) -> tuple[frozenset[x509.ReasonFlags], bool] | None:
    """What ``crl`` answers for ``cert`` (:func:`_scope`) when it speaks for ``cert``'s issuer: signed by that
    issuer or by a valid separate CRL signer, and issued by ``at``; None when it does not speak for it.
    Raises MalformedCrl for a signer not allowed cRLSign or a CRL stale at ``at``."""
    if crl.issuer != cert.issuer and not _delegates_to(cert, crl.issuer):
        return None
    signer = issuer
    if crl.issuer != cert.issuer or not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
        # Another CA of the same name, or a separate CRL-signing key of this one (§6.3.3 (f)).
        found = _crl_signer(crl, anchor, candidates, crls, at=at, require=require, depth=depth)
        if found is None:
            return None
        signer = found
    if not _can_sign_crls(signer):
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
        return None  # issued after the time of interest
    return _scope(crl, cert, issuer)


def _listed_entry(
    crl: x509.CertificateRevocationList,
    cert: x509.Certificate,
    issuer: x509.Certificate,
    *,
    at: dt.datetime,
    signed_at: dt.datetime | None,
) -> x509.RevokedCertificate | None:
    """The CRL's entry for ``cert`` when it counts: revoked by ``at`` and, with ``signed_at``, not after the
    signature provably existed. Raises MalformedCrl for an unrecognised critical entry extension."""
    entry = _entry(crl, cert)
    if entry is None or entry.revocation_date_utc > at:
        return None
    if signed_at is not None and _revoked_since(entry) > signed_at:
        return None  # revoked after the signature provably existed
    for ext in entry.extensions:
        if ext.critical and not isinstance(ext.value, x509.CRLReason | x509.InvalidityDate | x509.CertificateIssuer):
            raise MalformedCrl(
                f"the CRL of {describe(issuer)} has an unrecognised critical entry extension {ext.oid.dotted_string}"
            )
    return entry


def _standing_revocation(
    listed: Sequence[x509.RevokedCertificate], delta_listed: Sequence[x509.RevokedCertificate]
) -> x509.RevokedCertificate | None:
    """The entry that revokes the certificate: one on a complete CRL, or one a delta CRL adds; a delta's
    removeFromCRL releases a hold."""
    revoked = next((e for e in listed if _reason(e) != "removeFromCRL"), None)
    for entry in delta_listed:
        if _reason(entry) != "removeFromCRL":
            revoked = revoked or entry
        elif revoked is not None and _reason(revoked) == "certificateHold":
            revoked = None  # the hold was released
    return revoked


def _crl_revocation(
    revoked: x509.RevokedCertificate, cert: x509.Certificate, issuer: x509.Certificate, signed_at: dt.datetime | None
) -> TrustFailure:
    reason = _reason(revoked)
    return revoked_error(
        signed_at,
        f"{describe(cert)} (serial {cert.serial_number:x}) is listed on the CRL of "
        f"{describe(issuer)} since {revoked.revocation_date_utc.isoformat()}" + (f" ({reason})" if reason else ""),
        {
            "certificate": describe(cert),
            "sha256": fingerprint(cert),
            "crl_issuer": describe(issuer),
            "reason": reason,
        },
    )
