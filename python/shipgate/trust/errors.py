"""Why a signature, chain or trust change was not accepted: one class per reason, each with its finding code.

Every class is a :class:`shipgate.errors.ShipgateError` (through ``UntrustedInput``, ``MalformedInput`` or
``UnsupportedInput``), carries the stable finding ``code`` and a ``remedy``, and turns into a
:class:`shipgate.findings.Finding` with :meth:`TrustFailure.finding`. Verifiers raise; callers that
report (the package verifier, ``shipgate verify-blob``) convert.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from shipgate.errors import MalformedInput, ShipgateError, UnsupportedInput, UntrustedInput
from shipgate.findings import Finding, Severity


class TrustFailure(ShipgateError):
    """A verification step refused its input. ``code`` is the finding code (``trust.*``)."""

    code: ClassVar[str] = "trust.verification_failed"
    severity: ClassVar[Severity] = Severity.CRITICAL
    default_remedy: ClassVar[str] = "Do not install the package; ask the vendor for a correctly signed one."

    def __init__(self, message: str, *, remedy: str | None = None, evidence: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.remedy = remedy if remedy is not None else self.default_remedy
        self.evidence: dict[str, Any] = dict(evidence or {})

    def diagnostics(self) -> str:
        return f"{self.code}: {self.message}" + (f" — {self.remedy}" if self.remedy else "")

    def finding(self, path: str = "") -> Finding:
        return Finding(
            code=self.code,
            severity=self.severity,
            path=path,
            message=self.message,
            remedy=self.remedy,
            evidence=self.evidence,
        )


class UnknownIssuer(TrustFailure, UntrustedInput):
    code = "trust.unknown_issuer"
    default_remedy = (
        "Confirm the issuing root with the vendor out of band; apply the vendor's signed CA-rotation "
        "advisory (shipgate advisories sync --vendor NAME SOURCE) or pin the root explicitly "
        "(shipgate trust pin --vendor NAME ROOT.pem --reason TEXT)."
    )


class UnknownVendor(TrustFailure, UntrustedInput):
    code = "trust.unknown_vendor"
    default_remedy = (
        "Pin the vendor's root (shipgate trust pin --vendor NAME ROOT.pem) or add <home>/trust/<vendor>.toml."
    )


class RootRetired(TrustFailure, UntrustedInput):
    code = "trust.root_retired"
    default_remedy = (
        "The vendor retired this root after a CA rotation: ask the vendor for a package signed under its "
        "current root (shipgate trust list --vendor NAME shows the active roots)."
    )


class CertificateExpired(TrustFailure, UntrustedInput):
    code = "trust.certificate_expired"
    default_remedy = "Ask the vendor to re-sign the package with a currently valid certificate."


class CertificateNotYetValid(TrustFailure, UntrustedInput):
    code = "trust.certificate_not_yet_valid"
    default_remedy = "Check this machine's clock; otherwise the vendor issued the certificate with a future date."


class WrongExtendedKeyUsage(TrustFailure, UntrustedInput):
    code = "trust.wrong_eku"
    default_remedy = (
        "The signing certificate is not a code-signing certificate (EKU 1.3.6.1.5.5.7.3.3); "
        "ask the vendor to sign with its code-signing certificate."
    )


class WrongKeyUsage(TrustFailure, UntrustedInput):
    code = "trust.wrong_key_usage"
    default_remedy = "The signing certificate must allow digitalSignature; ask the vendor to re-issue it."


class InvalidChain(TrustFailure, UntrustedInput):
    code = "trust.invalid_chain"
    default_remedy = (
        "The certificate path violates X.509 rules (constraints, signatures, extensions); ask the vendor "
        "for a correct chain."
    )


class IdentityMismatch(TrustFailure, UntrustedInput):
    code = "trust.identity_mismatch"
    default_remedy = (
        "The certificate chains to the vendor's root but is not an allowed signer; confirm with the vendor "
        "and, if legitimate, add its identity to the [signer] rule of <home>/trust/<vendor>.toml."
    )


class FeedIdentityMismatch(TrustFailure, UntrustedInput):
    code = "trust.feed_identity_mismatch"
    default_remedy = (
        "The feed is signed by an identity other than the one pinned for the vendor's feed: do not trust it. "
        "If the vendor really moved its feed signer, confirm it out of band and re-pin "
        "(shipgate trust pin --vendor NAME --feed-identity PATTERN --reason TEXT)."
    )


class CertificateRevoked(TrustFailure, UntrustedInput):
    code = "trust.revoked"
    default_remedy = "A certificate in the chain is revoked; do not install. Ask the vendor for a re-signed package."


class TimestampFailure(TrustFailure):
    """A timestamp token that cannot carry the signature past its certificate's expiry (reported at the token)."""

    code = "trust.timestamp_invalid"


class TimestampMalformed(TimestampFailure, MalformedInput):
    code = "trust.timestamp_malformed"
    default_remedy = (
        "The timestamp file is not a DER RFC 3161 TimeStampResp; ask the vendor for the TSA's response as returned "
        "(for example openssl ts -reply output), or remove it to judge the signature without one."
    )


class TimestampMismatch(TimestampFailure, UntrustedInput):
    code = "trust.timestamp_mismatch"
    default_remedy = (
        "The timestamp token covers other bytes than this package's signature (another build, or a token moved "
        "between packages); ask the vendor to timestamp this signature."
    )


class TimestampUntrusted(TimestampFailure, UntrustedInput):
    code = "trust.timestamp_untrusted"
    default_remedy = (
        "The timestamp authority does not chain to a TSA root pinned for the vendor. Confirm the TSA with the "
        "vendor, then pin its root ([tsa] roots in <home>/trust/<vendor>.toml, or "
        "shipgate trust pin --vendor NAME --tsa TSA-ROOT.pem --reason TEXT)."
    )


class TimestampInvalid(TimestampFailure, UntrustedInput):
    code = "trust.timestamp_invalid"
    default_remedy = (
        "The timestamp token does not verify (its signature, the TSA certificate's timeStamping EKU or validity, "
        "or a time in the future); ask the vendor for a new timestamp."
    )


class TimestampAfterRevocation(TimestampFailure, UntrustedInput):
    code = "trust.timestamp_after_revocation"
    default_remedy = (
        "The signing certificate was revoked before the time the timestamp proves, so the signature may have been "
        "made with a compromised key: do not install; ask the vendor for a package signed with a valid certificate."
    )


class RevocationUnavailable(TrustFailure, UntrustedInput):
    code = "trust.revocation_unavailable"
    default_remedy = (
        "No OCSP responder or CRL distribution point named in the chain answered in time (or within the size "
        'bound). Check this host\'s route to them; with [revocation] fetch = "soft" this is a note, with '
        '"hard" a denial. Retry once they answer.'
    )


class RevocationResponseInvalid(TrustFailure, UntrustedInput):
    code = "trust.revocation_response_invalid"
    default_remedy = (
        "An OCSP or CRL answer came back but cannot be trusted (another signer, stale, another request's nonce, "
        "malformed): a misconfigured responder or an attack in the path. Report it to the CA; retry later."
    )


class OcspUnknown(TrustFailure, UntrustedInput):
    code = "trust.ocsp_unknown"
    default_remedy = (
        "The CA's OCSP responder does not know this certificate (and no CRL answered): it may not have issued it. "
        "Confirm the certificate with the vendor before installing."
    )


class BadSignature(TrustFailure, UntrustedInput):
    code = "trust.bad_signature"
    default_remedy = "The signature does not match the signed bytes: the file was altered or signed by another key."


class NoSignature(TrustFailure, UntrustedInput):
    code = "trust.no_signature"
    default_remedy = "Ask the vendor for a signed package (detached signature + chain, or a Sigstore bundle)."


class MalformedCertificate(TrustFailure, MalformedInput):
    code = "trust.malformed_certificate"
    default_remedy = "The certificate file is not valid PEM X.509; ask the vendor for the correct chain file."


class MalformedSignature(TrustFailure, MalformedInput):
    code = "trust.malformed_signature"
    default_remedy = "The signature file is not in the expected encoding; ask the vendor for the correct file."


class UnsupportedAlgorithm(TrustFailure, UnsupportedInput):
    code = "trust.unsupported_algorithm"
    default_remedy = (
        "Supported: ECDSA P-256/SHA-256, P-384/SHA-384, Ed25519, RSA >= 2048 (PKCS#1 v1.5 or PSS, SHA-256)."
    )


class MalformedCrl(TrustFailure, MalformedInput):
    code = "trust.crl_invalid"
    default_remedy = "Replace the CRL file with a current one published by the issuing CA."


class SigstoreFailure(TrustFailure, UntrustedInput):
    code = "trust.sigstore_invalid"
    default_remedy = "The Sigstore bundle did not verify against the pinned trusted root; do not install."


class TrustConfigError(TrustFailure, MalformedInput):
    """A trust configuration file or trust change that cannot be used as written."""

    code = "trust.config_invalid"
    default_remedy = "Fix the file named in the message; trust configuration is read strictly."
