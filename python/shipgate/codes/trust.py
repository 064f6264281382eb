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
        "trust.timestamp_malformed",
        S.CRITICAL,
        "the package's timestamp (manifest.json.sig.tsr) is not a DER RFC 3161 TimeStampResp, or is over 64 KiB",
        "Ask the vendor for the TSA's response as returned (openssl ts -reply output), or remove it to judge the "
        "signature without one.",
    ),
    Code(
        "trust.timestamp_mismatch",
        S.CRITICAL,
        "the timestamp token's message imprint is not the digest of this package's signature (a token over other "
        "bytes: another build, or moved between packages)",
        "Ask the vendor to timestamp this signature.",
    ),
    Code(
        "trust.timestamp_untrusted",
        S.CRITICAL,
        "the timestamp authority does not chain to a TSA root pinned for the vendor ([tsa] roots or "
        "`trust pin --tsa`), or the token does not carry the TSA's certificate",
        "Confirm the TSA with the vendor, then pin its root ([tsa] roots in <home>/trust/<vendor>.toml, or "
        "shipgate trust pin --vendor NAME --tsa TSA-ROOT.pem --reason TEXT).",
    ),
    Code(
        "trust.timestamp_invalid",
        S.CRITICAL,
        "the timestamp token does not verify: not granted, its CMS signature, the TSA certificate's critical "
        "timeStamping EKU or validity at genTime, an unsupported imprint hash, or a genTime in the future",
        "Ask the vendor for a new timestamp from its TSA.",
    ),
    Code(
        "trust.timestamp_after_revocation",
        S.CRITICAL,
        "a certificate of the chain was revoked (advisory, CRL or OCSP; the CRL's invalidityDate when earlier) "
        "before the time the timestamp proves, or at an unstated time",
        "Do not install: the signature may have been made with a compromised key. Ask the vendor for a package "
        "signed with a valid certificate.",
    ),
    Code(
        "trust.revocation_unavailable",
        S.CRITICAL,
        "[revocation] fetch is on and no OCSP responder or CRL distribution point named in the chain answered "
        "(unreachable, timeout, deadline, over the size bound, HTTP error); critical under `hard`, low under `soft`",
        "Check this host's route to the CA's OCSP/CRL servers and retry; the policy (soft or hard) is per vendor "
        "in <home>/trust/<vendor>.toml.",
        also=(S.LOW,),
    ),
    Code(
        "trust.revocation_response_invalid",
        S.CRITICAL,
        "an OCSP response or fetched CRL came back but cannot be used: signed by neither the issuer nor its "
        "delegated responder, stale, another request's nonce, about another certificate, malformed; critical "
        "under `hard`, low under `soft`",
        "A misconfigured responder or an attack in the path: report it to the CA and retry later.",
        also=(S.LOW,),
    ),
    Code(
        "trust.ocsp_unknown",
        S.CRITICAL,
        "the CA's OCSP responder answered `unknown` for a certificate of the chain and no CRL distribution point "
        "covered it; critical under `hard`, low under `soft`",
        "The CA's responder does not know this certificate (it may not have issued it): confirm it with the vendor.",
        also=(S.LOW,),
    ),
    Code(
        "trust.revoked",
        S.CRITICAL,
        "a certificate of the chain is revoked by a stored advisory, an operator CRL, or (with [revocation] fetch) "
        "an OCSP responder or a CRL distribution point",
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
