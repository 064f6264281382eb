"""Chain validation: path building and checking by ``cryptography.x509.verification``, never by hand.

What this module adds is policy and explanation: which extensions a code-signing chain must carry
(an :class:`ExtensionPolicy` requiring EKU 1.3.6.1.5.5.7.3.3 and digitalSignature on the leaf), which
certificates are trust anchors (only the roots the caller passes — never one from the package), and,
when the verifier refuses, *why*, as one :mod:`shipgate.trust.errors` class per reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509 import verification as xv
from cryptography.x509.oid import ExtendedKeyUsageOID

from shipgate.trust.errors import (
    CertificateExpired,
    CertificateNotYetValid,
    InvalidChain,
    RootRetired,
    TrustFailure,
    UnknownIssuer,
    WrongExtendedKeyUsage,
    WrongKeyUsage,
)
from shipgate.trust.names import check_directory_name_constraints
from shipgate.trust.pem import describe, fingerprint

CODE_SIGNING = ExtendedKeyUsageOID.CODE_SIGNING
ANY_EKU = ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE
# Leaf + intermediates + root. Vendor code-signing chains are 3 or 4 long; 8 leaves room for
# cross-certification while bounding path building on hostile intermediate pools.
MAX_CHAIN_DEPTH = 8
# The package may offer this many untrusted intermediates; more is refused before path building.
MAX_INTERMEDIATES = 15

_MARK = "shipgate:"
_SHA256 = hashes.SHA256()
_KU_NAMES = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
)


@dataclass(frozen=True, kw_only=True)
class ChainPolicy:
    """What the leaf must be good for. The default is docs/formats.md §1: code signing with digitalSignature."""

    eku: x509.ObjectIdentifier | None = CODE_SIGNING
    key_usage: frozenset[str] = frozenset({"digital_signature"})
    max_depth: int = MAX_CHAIN_DEPTH
    # Only for validating a CRL issuer's certificate (RFC 5280 §6.3.3 (f)), which may be a CA.
    leaf_may_be_ca: bool = False

    def __post_init__(self) -> None:
        unknown = self.key_usage - set(_KU_NAMES)
        if unknown:
            raise ValueError(f"unknown key usage {sorted(unknown)}")


CODE_SIGNING_POLICY = ChainPolicy()


@dataclass(frozen=True)
class ValidatedChain:
    """A chain the verifier accepted: leaf first, trust anchor last."""

    certificates: tuple[x509.Certificate, ...]
    validated_at: dt.datetime = field(compare=False)

    @property
    def leaf(self) -> x509.Certificate:
        return self.certificates[0]

    @property
    def root(self) -> x509.Certificate:
        return self.certificates[-1]


def _eku_validator(
    required: x509.ObjectIdentifier,
) -> Callable[[xv.Policy, x509.Certificate, x509.ExtendedKeyUsage], None]:
    def check(_policy: xv.Policy, cert: x509.Certificate, ext: x509.ExtendedKeyUsage) -> None:
        if required not in ext:
            raise ValueError(f"{_MARK}eku: leaf EKU {[o.dotted_string for o in ext]} lacks {required.dotted_string}")

    return check


def _ca_eku_validator(
    required: x509.ObjectIdentifier,
) -> Callable[[xv.Policy, x509.Certificate, x509.ExtendedKeyUsage | None], None]:
    # An issuer that restricts its EKU must allow the leaf's purpose (or anyExtendedKeyUsage).
    def check(_policy: xv.Policy, cert: x509.Certificate, ext: x509.ExtendedKeyUsage | None) -> None:
        if ext is None:
            return
        if required not in ext and ANY_EKU not in ext:
            raise ValueError(f"{_MARK}ca-eku: issuer {describe(cert)} does not allow {required.dotted_string}")

    return check


def _ku_validator(
    required: frozenset[str],
) -> Callable[[xv.Policy, x509.Certificate, x509.KeyUsage], None]:
    def check(_policy: xv.Policy, cert: x509.Certificate, ext: x509.KeyUsage) -> None:
        missing = sorted(name for name in required if not getattr(ext, name))
        if missing:
            raise ValueError(f"{_MARK}ku: leaf key usage lacks {', '.join(missing)}")

    return check


def _nonempty_eku(_policy: xv.Policy, cert: x509.Certificate, ext: x509.ExtendedKeyUsage | None) -> None:
    # RFC 5280 §4.2.1.12: the extension lists one or more purposes.
    if ext is not None and len(ext) == 0:
        raise ValueError(f"{_MARK}eku: {describe(cert)} has an empty extendedKeyUsage")


def _ca_key_usage(_policy: xv.Policy, cert: x509.Certificate, ext: x509.KeyUsage | None) -> None:
    # RFC 5280 §4.2.1.3: without keyUsage a CA key is unrestricted; with it, keyCertSign must be set.
    if ext is not None and not ext.key_cert_sign:
        raise ValueError(f"{_MARK}ca-ku: {describe(cert)} may not sign certificates (keyCertSign)")


def _ca_key_ids(
    anchors: frozenset[bytes],
) -> Callable[[xv.Policy, x509.Certificate, x509.SubjectKeyIdentifier], None]:
    # RFC 5280 §4.2.1.1: every CA certificate but a trust anchor names its issuer's key.
    def check(_policy: xv.Policy, cert: x509.Certificate, ext: x509.SubjectKeyIdentifier) -> None:
        if cert.issuer == cert.subject or cert.fingerprint(_SHA256) in anchors:
            return
        try:
            cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
        except x509.ExtensionNotFound:
            raise ValueError(f"{_MARK}aki: CA {describe(cert)} has no authorityKeyIdentifier") from None

    return check


def _san_rules(_policy: xv.Policy, cert: x509.Certificate, ext: x509.SubjectAlternativeName | None) -> None:
    # RFC 5280 §4.2.1.6: with an empty subject the SAN is the identity and must be critical.
    if len(cert.subject) == 0:
        if ext is None:
            raise ValueError(f"{_MARK}san: the leaf has neither a subject nor a subjectAltName")
        if not cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).critical:
            raise ValueError(f"{_MARK}san: the leaf's subject is empty and its subjectAltName is not critical")


def _verifier(roots: Sequence[x509.Certificate], at: dt.datetime, policy: ChainPolicy) -> xv.ClientVerifier:
    # A code-signing leaf may name its signer in the subject only; SAN is optional (but see _san_rules).
    ee = (
        xv.ExtensionPolicy.permit_all()
        if policy.leaf_may_be_ca
        else xv.ExtensionPolicy.webpki_defaults_ee().may_be_present(
            x509.SubjectAlternativeName, xv.Criticality.AGNOSTIC, _san_rules
        )
    )
    ca = (
        xv.ExtensionPolicy.webpki_defaults_ca()
        .may_be_present(x509.KeyUsage, xv.Criticality.AGNOSTIC, _ca_key_usage)
        # RFC 5280 §4.2.1.10: conforming CAs mark nameConstraints critical (cryptography still applies them).
        .may_be_present(x509.NameConstraints, xv.Criticality.CRITICAL, None)
        # RFC 5280 §4.2.1.2: SKI in every CA certificate (it is what path building matches AKIs against).
        .require_present(
            x509.SubjectKeyIdentifier,
            xv.Criticality.NON_CRITICAL,
            _ca_key_ids(frozenset(r.fingerprint(_SHA256) for r in roots)),
        )
    )
    if policy.eku is not None:
        ee = ee.require_present(x509.ExtendedKeyUsage, xv.Criticality.AGNOSTIC, _eku_validator(policy.eku))
        ca = ca.may_be_present(x509.ExtendedKeyUsage, xv.Criticality.AGNOSTIC, _ca_eku_validator(policy.eku))
    else:
        ee = ee.may_be_present(x509.ExtendedKeyUsage, xv.Criticality.AGNOSTIC, _nonempty_eku)
        ca = ca.may_be_present(x509.ExtendedKeyUsage, xv.Criticality.AGNOSTIC, _nonempty_eku)
    if policy.key_usage:
        ee = ee.require_present(x509.KeyUsage, xv.Criticality.AGNOSTIC, _ku_validator(policy.key_usage))
    return (
        xv.PolicyBuilder()
        .store(xv.Store(list(roots)))
        .time(at)
        .max_chain_depth(policy.max_depth)
        .extension_policies(ca_policy=ca, ee_policy=ee)
        .build_client_verifier()
    )


def _self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except Exception:  # any failure (bad signature, unsupported key) means "not self-signed"
        return False
    return True


def validate_chain(
    leaf: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
    *,
    at: dt.datetime | None = None,
    policy: ChainPolicy = CODE_SIGNING_POLICY,
    retired_roots: Sequence[x509.Certificate] = (),
) -> ValidatedChain:
    """Build and check a path from ``leaf`` through ``intermediates`` (untrusted, from the package) to one
    of ``roots`` (the only trust anchors). ``retired_roots`` are never anchors; they let a refusal say
    "your root was retired" instead of "unknown issuer". Raises a :class:`TrustFailure` subclass."""
    at = at or dt.datetime.now(dt.UTC)
    if len(intermediates) > MAX_INTERMEDIATES:
        raise InvalidChain(f"the chain offers {len(intermediates)} intermediates; at most {MAX_INTERMEDIATES}")
    # 1. Everything the package offers is an untrusted candidate intermediate, a root it carries too:
    #    anchors come from `roots` only, so a carried root can at most be a (useless) intermediate.
    pool = list(intermediates)
    if not roots:
        if retired_roots:
            raise _retired_or_unknown(leaf, intermediates, roots, at=at, policy=policy, retired=retired_roots)
        raise _unknown_issuer(leaf, intermediates, roots, detail="the vendor has no active root")
    # 2. Path building and validation, by cryptography.
    try:
        verified = _verifier(roots, at, policy).verify(leaf, pool)
    except xv.VerificationError as exc:
        raise _explain(exc, leaf, intermediates, roots, at=at, policy=policy, retired=retired_roots) from None
    # 3. RFC 5280 §4.1.2.2: serial numbers are positive (cryptography only warns when it parses one).
    for cert in verified.chain:
        if cert.serial_number <= 0:
            raise InvalidChain(
                f"{describe(cert)} has serial number {cert.serial_number}; RFC 5280 requires a positive one",
                evidence={"certificate": describe(cert), "leaf_sha256": fingerprint(leaf)},
            )
    # 4. Directory-name constraints, which cryptography does not apply to subjects.
    check_directory_name_constraints(tuple(verified.chain))
    return ValidatedChain(tuple(verified.chain), at)


def _explain(
    exc: Exception,
    leaf: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
    *,
    at: dt.datetime,
    policy: ChainPolicy,
    retired: Sequence[x509.Certificate],
) -> TrustFailure:
    """The failure the verifier's error stands for: a usage, a validity period, an issuer, else InvalidChain."""
    text = str(exc)
    evidence = {"verifier": text, "leaf": describe(leaf), "leaf_sha256": fingerprint(leaf)}
    usage = _usage_failure(text, leaf, policy, evidence)
    if usage is not None:
        return usage
    if "not valid at validation time" in text:
        validity = _validity_failure((leaf, *intermediates, *roots), at, evidence)
        if validity is not None:
            return validity
    issuer = _issuer_failure(text, leaf, intermediates, roots, at=at, policy=policy, retired=retired)
    if issuer is not None:
        return issuer
    return InvalidChain(f"certificate path rejected: {text}", evidence=evidence)


def _usage_failure(
    text: str, leaf: x509.Certificate, policy: ChainPolicy, evidence: dict[str, str]
) -> TrustFailure | None:
    """WrongExtendedKeyUsage or WrongKeyUsage when the verifier's error is about one."""
    if f"{_MARK}eku" in text or ("2.5.29.37" in text and "missing required extension" in text):
        want = policy.eku.dotted_string if policy.eku else ""
        return WrongExtendedKeyUsage(
            f"the signing certificate {describe(leaf)} lacks extended key usage {want} (code signing)",
            evidence=evidence,
        )
    if f"{_MARK}ca-eku" in text:
        return WrongExtendedKeyUsage(
            f"an issuing CA restricts its extended key usage and does not allow code signing: {text}",
            evidence=evidence,
        )
    if f"{_MARK}ku:" in text or (
        "2.5.29.15" in text
        and "missing required extension" in text
        and "subject=<Name(" + leaf.subject.rfc4514_string() in text
    ):
        return WrongKeyUsage(
            f"the signing certificate {describe(leaf)} lacks key usage {', '.join(sorted(policy.key_usage))}",
            evidence=evidence,
        )
    return None


def _validity_failure(
    certs: Sequence[x509.Certificate], at: dt.datetime, evidence: dict[str, str]
) -> TrustFailure | None:
    """CertificateExpired or CertificateNotYetValid for the first certificate not valid at ``at``."""
    for cert in certs:
        if cert.not_valid_after_utc < at:
            return CertificateExpired(
                f"{describe(cert)} expired on {cert.not_valid_after_utc.isoformat()} (checked at {at.isoformat()})",
                evidence={
                    **evidence,
                    "certificate": describe(cert),
                    "not_after": cert.not_valid_after_utc.isoformat(),
                },
            )
        if cert.not_valid_before_utc > at:
            return CertificateNotYetValid(
                f"{describe(cert)} is not valid before {cert.not_valid_before_utc.isoformat()} "
                f"(checked at {at.isoformat()})",
                evidence={
                    **evidence,
                    "certificate": describe(cert),
                    "not_before": cert.not_valid_before_utc.isoformat(),
                },
            )
    return None


def _issuer_failure(
    text: str,
    leaf: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
    *,
    at: dt.datetime,
    policy: ChainPolicy,
    retired: Sequence[x509.Certificate],
) -> TrustFailure | None:
    """RootRetired or UnknownIssuer when no path reaches a pinned root, or the top names one it was not signed by."""
    top = chain_top(leaf, intermediates)
    carried_root = _self_signed(top) and fingerprint(top) not in {fingerprint(r) for r in roots}
    if "candidates exhausted" in text and (
        "no interior errors" in text or ("exceeds max depth" in text and carried_root)
    ):
        return _retired_or_unknown(leaf, intermediates, roots, at=at, policy=policy, retired=retired, detail=text)
    # A certificate names an issuer whose key did not sign it. When the top of what the package offers
    # is a root we do not pin, or names a pinned root it was not signed by, that is an unknown issuer
    # (an impostor with a familiar name); otherwise a certificate in the chain was altered.
    if (
        "candidates exhausted" in text
        and "signature does not match" in text
        and (carried_root or any(r.subject == top.issuer for r in roots))
    ):
        return _unknown_issuer(
            leaf, intermediates, roots, detail=f"{text} (the issuer's name matches, its key does not)"
        )
    return None


def _retired_or_unknown(
    leaf: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
    *,
    at: dt.datetime,
    policy: ChainPolicy,
    retired: Sequence[x509.Certificate],
    detail: str = "the vendor has no active root",
) -> TrustFailure:
    """RootRetired when the chain would validate to a retired root (diagnosis only), else UnknownIssuer."""
    if retired:
        try:
            old = _verifier(retired, at, policy).verify(leaf, list(intermediates))
        except xv.VerificationError:
            pass
        else:
            root = old.chain[-1]
            return RootRetired(
                f"the chain ends at {describe(root)} (sha256 {fingerprint(root)}), a root the vendor retired",
                evidence={"leaf": describe(leaf), "root": describe(root), "root_sha256": fingerprint(root)},
            )
    return _unknown_issuer(leaf, intermediates, roots, detail=detail)


def chain_top(leaf: x509.Certificate, offered: Sequence[x509.Certificate]) -> x509.Certificate:
    """The last certificate reachable from ``leaf`` by issuer name through ``offered`` — for explaining
    an unknown issuer only, never for a trust decision."""
    current, seen = leaf, {fingerprint(leaf)}
    while current.issuer != current.subject:
        parent = next((c for c in offered if c.subject == current.issuer and fingerprint(c) not in seen), None)
        if parent is None:
            break
        seen.add(fingerprint(parent))
        current = parent
    return current


def _unknown_issuer(
    leaf: x509.Certificate,
    offered: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
    *,
    detail: str,
) -> UnknownIssuer:
    top = chain_top(leaf, offered)
    pinned = [{"subject": describe(r), "sha256": fingerprint(r)} for r in roots]
    evidence: dict[str, object] = {"pinned_roots": pinned, "verifier": detail}
    if top.issuer == top.subject:
        issuer, issuer_fp = describe(top), fingerprint(top)
        what = (
            f"issuer {issuer} (SHA-256 fingerprint {issuer_fp}; a root carried by the package, never trusted for that)"
        )
    else:
        issuer, issuer_fp = top.issuer.rfc4514_string(), None
        what = f"issuer {issuer} (its certificate is not in the chain, so its SHA-256 fingerprint is unknown)"
        try:
            aki = top.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
            if aki.key_identifier:
                evidence["authority_key_id"] = aki.key_identifier.hex()
        except x509.ExtensionNotFound:
            pass
    evidence.update(issuer=issuer, issuer_sha256=issuer_fp)
    pinned_text = "; ".join(f"{p['subject']} ({p['sha256']})" for p in pinned) or "none"
    return UnknownIssuer(
        f"the chain does not lead to a pinned root: {what}; pinned roots: {pinned_text}", evidence=evidence
    )
