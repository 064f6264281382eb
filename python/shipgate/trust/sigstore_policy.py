"""The identity policy of a Sigstore bundle: the Fulcio certificate's identity (SAN) and OIDC issuer, each
exact or an anchored RE2 pattern (:mod:`shipgate.trust.patterns`).

Exact values use sigstore-python's own ``Identity`` policy. Patterns are a policy of shipgate's, built on
sigstore's public ``VerificationPolicy`` protocol (a ``verify(cert)`` that raises ``VerificationError``),
reading the same certificate fields ``Identity`` reads: e-mail and URI SANs and Fulcio's otherName
(1.3.6.1.4.1.57264.1.7) for the identity; the OIDC issuer extension (1.3.6.1.4.1.57264.1.1, raw UTF-8),
else its v2 form (…1.8, a DER UTF8String).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography import x509

from shipgate.trust.patterns import Pattern

if TYPE_CHECKING:
    from sigstore.verify.policy import VerificationPolicy

_OTHERNAME = x509.ObjectIdentifier("1.3.6.1.4.1.57264.1.7")
_ISSUER_V1 = x509.ObjectIdentifier("1.3.6.1.4.1.57264.1.1")
_ISSUER_V2 = x509.ObjectIdentifier("1.3.6.1.4.1.57264.1.8")
# An issuer URL is well under this; a longer extension value is not read as one.
_MAX_ISSUER_BYTES = 4096


def certificate_identities(cert: x509.Certificate) -> list[str]:
    """The SAN values a Sigstore identity is matched against."""
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    found = [*san.get_values_for_type(x509.RFC822Name), *san.get_values_for_type(x509.UniformResourceIdentifier)]
    for other in san.get_values_for_type(x509.OtherName):
        if other.type_id == _OTHERNAME:
            found.append(other.value.decode("utf-8", "replace"))
    return found


def certificate_issuer(cert: x509.Certificate) -> str | None:
    """The OIDC issuer Fulcio recorded, or None."""
    from cryptography.hazmat import asn1

    for oid in (_ISSUER_V1, _ISSUER_V2):
        try:
            value = cert.extensions.get_extension_for_oid(oid).value
        except x509.ExtensionNotFound:
            continue
        raw = getattr(value, "value", b"")
        if not isinstance(raw, bytes) or len(raw) > _MAX_ISSUER_BYTES:
            return None
        try:
            return raw.decode("utf-8") if oid == _ISSUER_V1 else str(asn1.decode_der(str, raw))
        except ValueError:
            return None
    return None


class PatternIdentity:
    """A ``VerificationPolicy``: some identity SAN and the OIDC issuer each match (exact or pattern)."""

    def __init__(self, *, identity: str | Pattern, issuer: str | Pattern) -> None:
        self.identity, self.issuer = identity, issuer

    @staticmethod
    def _matches(rule: str | Pattern, value: str) -> bool:
        return rule.matches(value) if isinstance(rule, Pattern) else rule == value

    def verify(self, cert: x509.Certificate) -> None:
        from sigstore.errors import VerificationError

        issuer = certificate_issuer(cert)
        if issuer is None or not self._matches(self.issuer, issuer):
            raise VerificationError(f"Certificate's OIDC issuer {issuer!r} does not match {describe(self.issuer)}")
        sans = certificate_identities(cert)
        if not any(self._matches(self.identity, san) for san in sans):
            raise VerificationError(f"Certificate's SANs {sans} do not match {describe(self.identity)}")


def describe(rule: str | Pattern) -> str:
    return f"RE2 pattern {str(rule)!r}" if isinstance(rule, Pattern) else repr(rule)


def identity_policy(*, identity: str | Pattern, issuer: str | Pattern) -> VerificationPolicy:
    """sigstore's ``Identity`` for exact values; :class:`PatternIdentity` when either is a pattern."""
    from sigstore.verify.policy import Identity

    if isinstance(identity, str) and isinstance(issuer, str):
        return Identity(identity=identity, issuer=issuer)
    return PatternIdentity(identity=identity, issuer=issuer)
