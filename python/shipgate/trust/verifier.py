"""Detached signatures over bytes, end to end: the API the package verifier, the advisories layer and
``shipgate verify-blob`` call.

    result = verify_detached(data, signature, chain_pem, vendor=config.get("Example Networks"),
                             trust=effective_trust(store, config.get("Example Networks")))
    result.signer, result.chain, result.root, result.trusted_because

or, for a report, :func:`detached_findings` which never raises a ``TrustFailure`` and returns
``(result or None, findings)``. The steps, in order:

1. parse the chain (leaf first) and the signature;
2. check the signature over the exact bytes with the leaf's key (docs/formats.md §1 algorithms);
3. build and validate the path to the vendor's *effective* anchors (active + retiring roots of the stored
   trust state at verification time) with ``cryptography`` — certificates from the package are only
   ever untrusted intermediates;
   — with a timestamp token (``manifest.json.sig.tsr``) verified against the vendor's pinned TSA roots,
   at the token's time instead of now (:mod:`shipgate.trust.timestamp`);
4. revocation: stored advisory revocations, the operator's CRLs, then (per the vendor's ``[revocation]``
   policy) OCSP and CRL distribution points fetched now (:mod:`shipgate.trust.revocation_fetch`); with a
   timestamp, a revocation after the signing time does not count and one before it is refused;
5. signer identity against the vendor's ``[signer]`` rule (no rule: any code-signing leaf);
6. say why the root is trusted (config pin, operator pin, rotation advisory) and warn when it is retiring.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509

from shipgate.findings import Finding, Severity
from shipgate.trust.chain import CODE_SIGNING_POLICY, ValidatedChain, validate_chain
from shipgate.trust.config import VendorConfig
from shipgate.trust.errors import (
    FeedIdentityMismatch,
    MalformedCrl,
    MalformedSignature,
    NoSignature,
    TimestampFailure,
    TrustFailure,
    UnknownIssuer,
    UnknownVendor,
)
from shipgate.trust.explain import AdvisoryLike, explain_unknown_issuer
from shipgate.trust.identity import ScopedPattern, leaf_sans
from shipgate.trust.pem import describe, fingerprint, load_certificates, load_crl
from shipgate.trust.revocation import check_advisory_revocations, check_crls
from shipgate.trust.signature import MAX_SIGNATURE_BYTES, verify_signature
from shipgate.trust.state import TIMESTAMPING, RootState, VendorTrust, format_time
from shipgate.trust.timestamp import SigningTime, verify_timestamp

if TYPE_CHECKING:  # imported by callers that fetch; the HTTP client stays out of every verify's import
    from shipgate.trust.revocation_fetch import RevocationFetcher

RETIRING = "trust.root_retiring"


@dataclass(frozen=True, kw_only=True)
class SignatureResult:
    """A verified signature: who signed, through which chain, to which root, and why that root is trusted."""

    vendor: str
    signer: str
    identity: str | None  # the matched identity rule value; None when the vendor has no rule
    algorithm: str
    chain: tuple[str, ...]  # subjects, leaf first, anchor last
    chain_sha256: tuple[str, ...]
    root: str
    root_sha256: str
    root_state: RootState
    trust_version: int
    trusted_because: str
    findings: tuple[Finding, ...] = field(default=())  # non-fatal notes (a retiring root, soft revocation)
    signed_at: SigningTime | None = None  # a verified RFC 3161 timestamp, when the package carried one

    def to_dict(self) -> dict[str, Any]:
        """The ``signature`` object of the report (docs/formats.md §4), with details."""
        return {
            "signer": self.signer,
            "chain": list(self.chain),
            "root": self.root,
            "trusted_because": self.trusted_because,
            "vendor": self.vendor,
            "identity": self.identity,
            "algorithm": self.algorithm,
            "chain_sha256": list(self.chain_sha256),
            "root_sha256": self.root_sha256,
            "root_state": self.root_state.value,
            "trust_version": self.trust_version,
            "timestamp": self.signed_at.to_dict() if self.signed_at else None,
            "signing_time": self.signed_at.describe() if self.signed_at else None,
        }


def load_vendor_crls(vendor: VendorConfig) -> list[x509.CertificateRevocationList]:
    crls = []
    for path in vendor.crl_files:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise MalformedCrl(f"CRL file {path}: {exc.strerror}") from None
        crls.append(load_crl(data, what=f"CRL file {path}"))
    return crls


def _require_known(vendor: VendorConfig, trust: VendorTrust) -> None:
    if vendor.source is None and not trust.roots and trust.version == 0:
        raise UnknownVendor(
            f"no trust is configured for vendor {vendor.name!r}: no <home>/trust/*.toml names it and no root "
            "was pinned for it",
            evidence={"vendor": vendor.name},
        )


def verify_chain_for_vendor(
    chain_pem: bytes,
    *,
    vendor: VendorConfig,
    trust: VendorTrust,
    at: dt.datetime | None = None,
    crls: Sequence[x509.CertificateRevocationList] | None = None,
    advisories: Iterable[AdvisoryLike] = (),
    elsewhere: Callable[[str], Sequence[str]] | None = None,
    identity_rule: str = "signer",
) -> tuple[ValidatedChain, str | None]:
    """Steps 1, 3, 4 and 5: the validated chain and the matched identity. ``identity_rule`` is ``signer``
    (packages) or ``feed_signer`` (advisory feeds, docs/formats.md §2)."""
    _require_known(vendor, trust)
    certs = load_certificates(chain_pem, what="signing chain")
    return _verify_chain(
        certs,
        vendor=vendor,
        trust=trust,
        at=at or dt.datetime.now(dt.UTC),
        crls=crls,
        advisories=advisories,
        elsewhere=elsewhere,
        identity_rule=identity_rule,
    )


def _verify_chain(
    certs: Sequence[x509.Certificate],
    *,
    vendor: VendorConfig,
    trust: VendorTrust,
    at: dt.datetime,
    crls: Sequence[x509.CertificateRevocationList] | None,
    advisories: Iterable[AdvisoryLike],
    elsewhere: Callable[[str], Sequence[str]] | None,
    identity_rule: str,
    signed_at: SigningTime | None = None,
    revocation: RevocationFetcher | None = None,
    notes: list[Finding] | None = None,
) -> tuple[ValidatedChain, str | None]:
    """``at`` is now (root states, CRL freshness); with ``signed_at`` the chain is validated at its time."""
    leaf, offered = certs[0], certs[1:]
    when = signed_at.time if signed_at is not None else at
    try:
        chain = validate_chain(
            leaf,
            offered,
            trust.anchors(at),
            at=when,
            policy=CODE_SIGNING_POLICY,
            retired_roots=trust.retired(at),
        )
    except UnknownIssuer as failure:
        raise explain_unknown_issuer(failure, vendor=vendor.name, advisories=advisories, elsewhere=elsewhere) from None
    signed = signed_at.time if signed_at is not None else None
    check_advisory_revocations(chain, trust, signed_at=signed)
    vendor_crls = load_vendor_crls(vendor) if crls is None else crls
    check_crls(chain, vendor_crls, at=at, candidates=offered, signed_at=signed)
    if revocation is not None:
        found = revocation.check(chain, policy=vendor.revocation, at=at, signed_at=signed)
        if notes is not None:
            notes.extend(found)
    pinned = _check_feed_identity(chain.leaf, trust) if identity_rule == "feed_signer" and trust.feed_identity else None
    rule = vendor.signer if identity_rule == "signer" else vendor.feed_signer
    identity = None if rule.empty else rule.verify(chain.leaf)
    return chain, pinned or identity


def _check_feed_identity(leaf: x509.Certificate, trust: VendorTrust) -> str:
    """The pinned feed identity (``trust pin --feed-identity``): the feed signer must match it."""
    pattern = ScopedPattern.parse(trust.feed_identity or "", where=f"the feed identity of {trust.vendor!r}")
    found = pattern.match(leaf)
    if found is None:
        sans = leaf_sans(leaf)
        raise FeedIdentityMismatch(
            f"the feed is signed by {describe(leaf)} (SANs: {', '.join(sans) or 'none'}), which does not match "
            f"the feed identity pinned for {trust.vendor!r} at trust version {trust.version}: {pattern}",
            evidence={"subject": describe(leaf), "sans": sans, "feed_identity": str(pattern)},
        )
    return found


def verify_detached(
    data: bytes,
    signature: bytes,
    chain_pem: bytes,
    *,
    vendor: VendorConfig,
    trust: VendorTrust,
    at: dt.datetime | None = None,
    crls: Sequence[x509.CertificateRevocationList] | None = None,
    advisories: Iterable[AdvisoryLike] = (),
    elsewhere: Callable[[str], Sequence[str]] | None = None,
    identity_rule: str = "signer",
    timestamp: bytes | None = None,
    revocation: RevocationFetcher | None = None,
) -> SignatureResult:
    """Verify ``signature`` over ``data`` for ``vendor``; raises a :class:`TrustFailure` subclass.
    ``timestamp``: an RFC 3161 response over ``signature``; ``revocation``: fetches OCSP/CRL distribution
    points when the vendor's policy asks (None: never fetch)."""
    at = at or dt.datetime.now(dt.UTC)
    if not signature:
        raise NoSignature("no signature was given (the signature file is empty)")
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise MalformedSignature(
            f"the signature is {len(signature)} bytes; none supported exceeds {MAX_SIGNATURE_BYTES}"
        )
    _require_known(vendor, trust)
    certs = load_certificates(chain_pem, what="signing chain")
    algorithm = verify_signature(certs[0], data, signature)
    signed_at = (
        verify_timestamp(timestamp, signature, anchors=trust.anchors(at, TIMESTAMPING), now=at)
        if timestamp is not None
        else None
    )
    notes: list[Finding] = []
    chain, identity = _verify_chain(
        certs,
        vendor=vendor,
        trust=trust,
        at=at,
        crls=crls,
        advisories=advisories,
        elsewhere=elsewhere,
        identity_rule=identity_rule,
        signed_at=signed_at,
        revocation=revocation,
        notes=notes,
    )
    result = _result(chain, identity=identity, algorithm=algorithm, vendor=vendor, trust=trust, at=at)
    because = result.trusted_because + (f"; {signed_at.describe()}" if signed_at is not None else "")
    return replace(result, trusted_because=because, signed_at=signed_at, findings=(*result.findings, *notes))


def verify_feed_signature(
    feed_json: bytes,
    signature: bytes,
    chain_pem: bytes,
    *,
    vendor: VendorConfig,
    trust: VendorTrust,
    at: dt.datetime | None = None,
    crls: Sequence[x509.CertificateRevocationList] | None = None,
) -> SignatureResult:
    """docs/formats.md §2: ``feed.json.sig`` over ``feed.json`` with ``feed-chain.pem``, chaining to a root
    currently trusted for the vendor, code-signing EKU, and the vendor's ``[feed_signer]`` rule."""
    return verify_detached(
        feed_json, signature, chain_pem, vendor=vendor, trust=trust, at=at, crls=crls, identity_rule="feed_signer"
    )


def _result(
    chain: ValidatedChain,
    *,
    identity: str | None,
    algorithm: str,
    vendor: VendorConfig,
    trust: VendorTrust,
    at: dt.datetime,
) -> SignatureResult:
    root = trust.root_for(chain.root)
    assert root is not None, "an anchor always comes from the vendor's trust"  # validate_chain got only these
    state = root.state(at)
    because = (
        f"{root.subject} (sha256 {root.sha256}) is {'an' if state is RootState.ACTIVE else 'a'} {state.value} root "
        f"of vendor {vendor.name!r} at trust "
        f"version {trust.version}, from {root.origin}"
    )
    if identity is not None:
        because += f"; signer identity {identity!r} matches the vendor's [signer] rule"
    else:
        because += "; the vendor has no signer identity rule, so any code-signing leaf under its roots is accepted"
    notes: list[Finding] = []
    if state is RootState.RETIRING and root.retire_after is not None:
        notes.append(
            Finding(
                code=RETIRING,
                severity=Severity.LOW,
                path="",
                message=(
                    f"the signing root {root.subject} is retiring: trusted only until {format_time(root.retire_after)}"
                ),
                remedy="Ask the vendor for packages signed under its new root before the overlap ends.",
                evidence={"root_sha256": root.sha256, "retire_after": format_time(root.retire_after)},
            )
        )
    return SignatureResult(
        vendor=vendor.name,
        signer=describe(chain.leaf),
        identity=identity,
        algorithm=algorithm,
        chain=tuple(describe(c) for c in chain.certificates),
        chain_sha256=tuple(fingerprint(c) for c in chain.certificates),
        root=root.subject,
        root_sha256=root.sha256,
        root_state=state,
        trust_version=trust.version,
        trusted_because=because,
        findings=tuple(notes),
    )


def detached_findings(
    data: bytes,
    signature: bytes | None,
    chain_pem: bytes | None,
    *,
    vendor: VendorConfig,
    trust: VendorTrust,
    at: dt.datetime | None = None,
    crls: Sequence[x509.CertificateRevocationList] | None = None,
    advisories: Iterable[AdvisoryLike] = (),
    elsewhere: Callable[[str], Sequence[str]] | None = None,
    signature_path: str = "manifest.json.sig",
    chain_path: str = "signing-chain.pem",
    timestamp: bytes | None = None,
    timestamp_path: str = "manifest.json.sig.tsr",
    revocation: RevocationFetcher | None = None,
) -> tuple[SignatureResult | None, list[Finding]]:
    """Like :func:`verify_detached`, for reports: failures become findings (the chain is checked even when
    the signature is bad, so an unknown issuer is always reported)."""
    if signature is None or chain_pem is None:
        missing = signature_path if signature is None else chain_path
        return None, [NoSignature(f"{missing} is missing: the package is not signed").finding(missing)]
    try:
        result = verify_detached(
            data,
            signature,
            chain_pem,
            vendor=vendor,
            trust=trust,
            at=at,
            crls=crls,
            advisories=advisories,
            elsewhere=elsewhere,
            timestamp=timestamp,
            revocation=revocation,
        )
    except TrustFailure as first:
        path = timestamp_path if isinstance(first, TimestampFailure) else _path_for(first, signature_path, chain_path)
        findings = [first.finding(path)]
        if first.code in ("trust.bad_signature", "trust.malformed_signature", "trust.unsupported_algorithm"):
            try:
                verify_chain_for_vendor(
                    chain_pem,
                    vendor=vendor,
                    trust=trust,
                    at=at,
                    crls=crls,
                    advisories=advisories,
                    elsewhere=elsewhere,
                )
            except TrustFailure as second:
                findings.append(second.finding(chain_path))
        return None, findings
    return result, list(result.findings)


def _path_for(failure: TrustFailure, signature_path: str, chain_path: str) -> str:
    if failure.code in ("trust.bad_signature", "trust.malformed_signature", "trust.no_signature"):
        return signature_path
    return chain_path
