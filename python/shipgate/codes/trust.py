"""Finding codes of the ``trust.`` layer: signatures, certificate chains and the pinned trust store (shipgate.trust)."""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "trust.sigstore_unconfigured",
        S.CRITICAL,
        "the package carries a Sigstore bundle but the vendor has no [sigstore] identity/issuer",
        "Configure the vendor's [sigstore] identity and issuer in its trust file, or ask for an X.509-signed package.",
    ),
    Code(
        "trust.unknown_issuer",
        S.CRITICAL,
        "the chain does not lead to a pinned root of the vendor; names the issuer, its SHA-256 fingerprint "
        "(when known), the pinned roots, and whether a stored advisory mentions it",
        "Confirm the issuing root with the vendor out of band; apply the vendor's signed CA-rotation advisory"
        " (shipgate advisories sync --vendor NAME SOURCE) or pin the root explicitly (shipgate trust pin "
        "--vendor NAME ROOT.pem --reason TEXT).",
    ),
    Code(
        "trust.unknown_vendor",
        S.CRITICAL,
        "no trust is configured or pinned for the vendor whose signature is checked",
        "Pin the vendor's root (shipgate trust pin --vendor NAME ROOT.pem) or add <home>/trust/<vendor>.toml.",
    ),
    Code(
        "trust.root_retired",
        S.CRITICAL,
        "the chain ends at a root the vendor retired after a CA rotation (its overlap has ended)",
        "The vendor retired this root after a CA rotation: ask the vendor for a package signed under its "
        "current root (shipgate trust list --vendor NAME shows the active roots).",
    ),
    Code(
        "trust.root_retiring",
        S.LOW,
        "the chain ends at a root in its rotation overlap: trusted only until the date in evidence",
        "Plan for the root's retirement date: ask the vendor for packages signed under its current root.",
    ),
    Code(
        "trust.certificate_expired",
        S.CRITICAL,
        "a certificate of the chain expired before the verification time",
        "Ask the vendor to re-sign the package with a currently valid certificate.",
    ),
    Code(
        "trust.certificate_not_yet_valid",
        S.CRITICAL,
        "a certificate of the chain is not valid yet at the verification time",
        "Check this machine's clock; otherwise the vendor issued the certificate with a future date.",
    ),
    Code(
        "trust.wrong_eku",
        S.CRITICAL,
        "the signing certificate lacks code-signing EKU 1.3.6.1.5.5.7.3.3 (or an issuing CA's EKU excludes it)",
        "The signing certificate is not a code-signing certificate (EKU 1.3.6.1.5.5.7.3.3); ask the vendor to"
        " sign with its code-signing certificate.",
    ),
    Code(
        "trust.wrong_key_usage",
        S.CRITICAL,
        "the signing certificate's keyUsage lacks digitalSignature",
        "The signing certificate must allow digitalSignature; ask the vendor to re-issue it.",
    ),
    Code(
        "trust.invalid_chain",
        S.CRITICAL,
        "the certificate path breaks an X.509 rule (constraints, extensions, signatures, serial)",
        "The certificate path violates X.509 rules (constraints, signatures, extensions); ask the vendor for "
        "a correct chain.",
    ),
    Code(
        "trust.identity_mismatch",
        S.CRITICAL,
        "the signer (subject/SAN, or Sigstore identity/issuer) matches no allowed identity of the vendor",
        "The certificate chains to the vendor's root but is not an allowed signer; confirm with the vendor "
        "and, if legitimate, add its identity to the [signer] rule of <home>/trust/<vendor>.toml.",
    ),
    Code(
        "trust.feed_identity_mismatch",
        S.CRITICAL,
        "an advisory feed is signed by an identity other than the one pinned with `trust pin --feed-identity` "
        "(an RE2 pattern over the signer's SANs or subject)",
        "Do not trust the feed; if the vendor really moved its feed signer, confirm it out of band and re-pin "
        "(shipgate trust pin --vendor NAME --feed-identity PATTERN --reason TEXT).",
    ),
    Code(
        "trust.revoked",
        S.CRITICAL,
        "a certificate of the chain is revoked by a stored advisory or an operator CRL",
        "A certificate in the chain is revoked; do not install. Ask the vendor for a re-signed package.",
    ),
    Code(
        "trust.bad_signature",
        S.CRITICAL,
        "the signature does not verify over the exact signed bytes with the signing certificate's key",
        "The signature does not match the signed bytes: the file was altered or signed by another key.",
    ),
    Code(
        "trust.no_signature",
        S.CRITICAL,
        "the package carries no signature (or an empty one)",
        "Ask the vendor for a signed package (detached signature + chain, or a Sigstore bundle).",
    ),
    Code(
        "trust.malformed_certificate",
        S.CRITICAL,
        "the certificate chain is not valid PEM X.509 (or over the size/count bounds)",
        "The certificate file is not valid PEM X.509; ask the vendor for the correct chain file.",
    ),
    Code(
        "trust.malformed_signature",
        S.CRITICAL,
        "the signature (or Sigstore bundle) is not in the expected encoding",
        "The signature file is not in the expected encoding; ask the vendor for the correct file.",
    ),
    Code(
        "trust.unsupported_algorithm",
        S.CRITICAL,
        "the signing key is not ECDSA P-256/P-384, Ed25519 or RSA >= 2048",
        "Supported: ECDSA P-256/SHA-256, P-384/SHA-384, Ed25519, RSA >= 2048 (PKCS#1 v1.5 or PSS, SHA-256).",
    ),
    Code(
        "trust.crl_invalid",
        S.CRITICAL,
        "an operator CRL for an issuer of the chain is stale, badly formed, or required and missing",
        "Replace the CRL file with a current one published by the issuing CA.",
    ),
    Code(
        "trust.sigstore_invalid",
        S.CRITICAL,
        "a Sigstore bundle did not verify offline against the pinned trusted root",
        "The Sigstore bundle did not verify against the pinned trusted root; do not install.",
    ),
    Code(
        "trust.config_invalid",
        S.CRITICAL,
        "a trust configuration file, trusted root or trust change cannot be used as written",
        "Fix the file named in the message; trust configuration is read strictly.",
    ),
)
