"""Step 4 of the verifier: the signature over the exact manifest bytes, for the vendor whose trust applies.

Detached X.509 (signature + PEM chain) goes through :func:`shipgate.trust.detached_findings`; a Sigstore
bundle through :func:`shipgate.trust.sigstore_bundle.verify_bundle` with the vendor's configured
identity and issuer. Every failure is a ``trust.`` finding, never an exception.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shipgate.errors import ShipgateError
from shipgate.findings import Finding, Severity
from shipgate.package.profile import PackageProfile
from shipgate.package.reader import EntryReader
from shipgate.trust.config import TrustConfig, VendorConfig, trust_dir
from shipgate.trust.errors import NoSignature, TrustFailure, UnknownVendor
from shipgate.trust.ledger import effective_trust
from shipgate.trust.verifier import detached_findings

if TYPE_CHECKING:
    from shipgate.store import Store

# Signatures are bytes to a few KiB, chains a few certificates, bundles a few KiB with a log proof.
MAX_SIGNATURE_FILE = 64 * 1024
MAX_CHAIN_FILE = 1024 * 1024
MAX_BUNDLE_FILE = 1024 * 1024
MAX_TIMESTAMP_FILE = 64 * 1024  # an RFC 3161 response (shipgate.trust.timestamp)


class _NoChanges:
    """The trust ledger when the caller gave no store: no pins, no rotations; only configured roots."""

    def trust_changes(self, vendor: str | None = None, *, up_to_version: int | None = None) -> Sequence[Any]:
        return ()

    def append_trust_change(self, **kwargs: Any) -> Any:
        raise ShipgateError("no state store: trust changes cannot be recorded")


@dataclass(frozen=True, kw_only=True)
class SignatureOutcome:
    signature: Mapping[str, Any] | None
    findings: tuple[Finding, ...]


def _read_optional(reader: EntryReader, name: str, limit: int) -> tuple[bytes | None, Finding | None]:
    if name not in reader:
        return None, None
    try:
        return reader.read(name, limit=limit), None
    except ShipgateError as exc:
        return None, Finding(
            code="trust.malformed_signature",
            severity=Severity.CRITICAL,
            path=name,
            message=f"{name}: {exc.diagnostics()}",
            remedy="Ask the vendor for a correctly signed package.",
            evidence={"file": name},
        )


def load_trust_config(home: Path | None) -> TrustConfig:
    return TrustConfig.load(trust_dir(home)) if home is not None else TrustConfig({})


def verify_signature(
    manifest_bytes: bytes,
    reader: EntryReader,
    *,
    profile: PackageProfile,
    vendor: str | None,
    config: TrustConfig,
    store: Store | None,
    advisories: Sequence[Any],
    home: Path | None,
) -> SignatureOutcome:
    signature, bad_sig = _read_optional(reader, profile.signature, MAX_SIGNATURE_FILE)
    chain, bad_chain = _read_optional(reader, profile.chain, MAX_CHAIN_FILE)
    bundle, bad_bundle = _read_optional(reader, profile.sigstore_bundle, MAX_BUNDLE_FILE)
    timestamp, bad_timestamp = _read_optional(reader, profile.timestamp, MAX_TIMESTAMP_FILE)
    unreadable = [f for f in (bad_sig, bad_chain, bad_bundle, bad_timestamp) if f is not None]
    if unreadable:
        return SignatureOutcome(signature=None, findings=tuple(unreadable))
    detached = signature is not None or chain is not None
    if not detached and bundle is None:
        failure = NoSignature(
            f"the package carries neither {profile.signature} + {profile.chain} nor {profile.sigstore_bundle}: "
            "it is not signed",
            evidence={"expected": [profile.signature, profile.chain, profile.sigstore_bundle]},
        )
        return SignatureOutcome(signature=None, findings=(failure.finding(profile.signature),))
    if vendor is None:
        no_vendor = UnknownVendor(
            "no vendor to verify the signature for: the manifest names none and --vendor was not given",
            remedy="Pass --vendor NAME (one of the vendors configured under <home>/trust or pinned).",
        )
        return SignatureOutcome(signature=None, findings=(no_vendor.finding(profile.manifest),))
    vendor_config = config.get(vendor)
    findings: list[Finding] = []
    result: Mapping[str, Any] | None = None
    if detached:
        trust = effective_trust(store if store is not None else _NoChanges(), vendor_config)
        verified, notes = detached_findings(
            manifest_bytes,
            signature,
            chain,
            vendor=vendor_config,
            trust=trust,
            advisories=advisories,
            signature_path=profile.signature,
            chain_path=profile.chain,
            timestamp=timestamp,
            timestamp_path=profile.timestamp,
            # OCSP / CRL distribution points, when the vendor's [revocation] policy asks (never on admission).
            revocation=_fetcher(home) if vendor_config.revocation.mode != "off" else None,
        )
        findings.extend(notes)
        if verified is not None:
            result = verified.to_dict()
    if bundle is not None:
        bundle_result, bundle_findings = _verify_bundle(manifest_bytes, bundle, vendor_config, profile, home)
        findings.extend(bundle_findings)
        if result is None and bundle_result is not None and not findings:
            result = bundle_result
    return SignatureOutcome(signature=result if not _fatal(findings) else None, findings=tuple(findings))


def _fetcher(home: Path | None) -> Any:
    from shipgate.trust.revocation_fetch import RevocationFetcher  # the HTTP client, only when a vendor fetches

    return RevocationFetcher.for_home(home)


def _fatal(findings: Sequence[Finding]) -> bool:
    return any(f.severity >= Severity.HIGH for f in findings)


def _verify_bundle(
    data: bytes, bundle: bytes, vendor: VendorConfig, profile: PackageProfile, home: Path | None
) -> tuple[Mapping[str, Any] | None, list[Finding]]:
    from shipgate.trust.sigstore_bundle import default_trusted_root, verify_bundle

    if vendor.sigstore is None:
        return None, [
            Finding(
                code="trust.sigstore_unconfigured",
                severity=Severity.CRITICAL,
                path=profile.sigstore_bundle,
                message=f"the package is signed with a Sigstore bundle but vendor {vendor.name!r} has no [sigstore] "
                "identity and issuer configured, so nobody is expected to have signed it",
                remedy=f"Add [sigstore] identity and issuer to the trust file of {vendor.name!r} "
                "(<home>/trust/<vendor>.toml), confirmed with the vendor.",
                evidence={"file": profile.sigstore_bundle, "vendor": vendor.name},
            )
        ]
    root = vendor.sigstore.trusted_root or default_trusted_root(home)
    try:
        result = verify_bundle(
            data, bundle, identity=vendor.sigstore.identity, issuer=vendor.sigstore.issuer, trusted_root=root
        )
    except TrustFailure as failure:
        return None, [failure.finding(profile.sigstore_bundle)]
    return result.to_dict(), []
