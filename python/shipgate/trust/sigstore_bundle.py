"""Sigstore bundles (v0.1–v0.3), verified offline with the ``sigstore`` package against a pinned
``trusted_root.json`` and an identity policy (certificate identity + OIDC issuer).

No network: the trusted root is a file the operator pins (``--trusted-root``, else
``<home>/trust/sigstore/trusted_root.json``, else the production root shipped inside the installed
``sigstore`` package — pinned by its version). DSSE bundles must carry an in-toto statement with a
subject whose SHA-256 is the artifact's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from shipgate.trust.errors import IdentityMismatch, MalformedSignature, SigstoreFailure, TrustConfigError
from shipgate.trust.patterns import Pattern
from shipgate.trust.sigstore_internals import dsse_envelope, entry_integrated_time, sigstore_verifier
from shipgate.trust.sigstore_policy import certificate_identities, describe, identity_policy

# A bundle is a few KiB (a certificate chain, a signature, a log entry with an inclusion proof).
MAX_BUNDLE_BYTES = 1 << 20
MAX_TRUSTED_ROOT_BYTES = 4 << 20
_PRODUCTION = "https%3A%2F%2Ftuf-repo-cdn.sigstore.dev"


@dataclass(frozen=True, kw_only=True)
class SigstoreResult:
    identity: str | Pattern  # the rule: an exact SAN or an RE2 pattern
    issuer: str | Pattern
    signer: str  # the Fulcio certificate's subject alternative name(s)
    trusted_root: str
    dsse: bool

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "signer": self.signer,
            "chain": [],
            "root": f"sigstore trusted root {self.trusted_root}",
            "trusted_because": (
                f"Sigstore bundle verified offline against {self.trusted_root}; certificate identity "
                f"{describe(self.identity)} issued by {describe(self.issuer)}"
            ),
            "identity": str(self.identity),
            "issuer": str(self.issuer),
            "dsse": self.dsse,
        }
        if isinstance(self.identity, Pattern) or isinstance(self.issuer, Pattern):
            out["identity_regexp"] = isinstance(self.identity, Pattern)
            out["issuer_regexp"] = isinstance(self.issuer, Pattern)
        return out


def default_trusted_root(home: Path | None) -> Path:
    if home is not None:
        pinned = home / "trust" / "sigstore" / "trusted_root.json"
        if pinned.is_file():
            return pinned
    return Path(str(resources.files("sigstore") / "_store" / _PRODUCTION / "trusted_root.json"))


def _read(path: Path, limit: int, what: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise MalformedSignature(f"{what} {path} is {size} bytes; at most {limit} are read")
        return path.read_bytes()
    except OSError as exc:
        raise TrustConfigError(f"{what} {path}: {exc.strerror}") from None


def verify_bundle(
    data: bytes,
    bundle_json: bytes,
    *,
    identity: str | Pattern,
    issuer: str | Pattern,
    trusted_root: Path,
) -> SigstoreResult:
    """Verify a Sigstore bundle over ``data``; ``identity`` and ``issuer`` are exact values or RE2 patterns
    (whole-value matches). Raises MalformedSignature (unreadable bundle), TrustConfigError (unusable trusted
    root), IdentityMismatch or SigstoreFailure."""
    from sigstore.errors import Error as SigstoreError
    from sigstore.errors import VerificationError
    from sigstore.models import Bundle, InvalidBundle, TrustedRoot

    # 1. The pinned trusted root (never one from the bundle).
    _read(trusted_root, MAX_TRUSTED_ROOT_BYTES, "trusted root")  # exists, readable, bounded
    try:
        root = TrustedRoot.from_file(str(trusted_root))
        verifier = sigstore_verifier(root)
    except (SigstoreError, ValueError) as exc:
        raise TrustConfigError(f"trusted root {trusted_root} cannot be used: {exc}") from None
    # 2. The bundle, bounded.
    if len(bundle_json) > MAX_BUNDLE_BYTES:
        raise MalformedSignature(f"the bundle is {len(bundle_json)} bytes; at most {MAX_BUNDLE_BYTES} are read")
    try:
        bundle = Bundle.from_json(bundle_json)
    except (InvalidBundle, SigstoreError, ValueError) as exc:
        raise _unusable(bundle_json, exc) from None
    policy = identity_policy(identity=identity, issuer=issuer)
    # 3. Signature, certificate chain at the signing time, transparency log / timestamps, identity policy.
    try:
        if dsse_envelope(bundle) is not None:  # the sigstore CLI dispatches the same way
            payload_type, payload = verifier.verify_dsse(bundle=bundle, policy=policy)
            _check_statement(payload_type, payload, hashlib.sha256(data).hexdigest())
        else:
            verifier.verify_artifact(input_=data, bundle=bundle, policy=policy)
    except VerificationError as exc:
        text = str(exc)
        if "SAN" in text or "OIDC" in text or ("issuer" in text.lower() and "extension" in text.lower()):
            raise IdentityMismatch(
                f"the bundle's certificate does not match identity {describe(identity)} / issuer "
                f"{describe(issuer)}: {text}",
                evidence={"identity": str(identity), "issuer": str(issuer)},
            ) from None
        if "certificate chain" in text:
            text = f"{_chain_reason(bundle, root)} (sigstore: {text})"
        raise SigstoreFailure(f"Sigstore bundle verification failed: {text}") from None
    except (SigstoreError, ValueError) as exc:
        raise SigstoreFailure(f"Sigstore bundle verification failed: {exc}") from None
    signer = ", ".join(certificate_identities(bundle.signing_certificate)) or str(identity)
    return SigstoreResult(
        identity=identity,
        issuer=issuer,
        signer=signer,
        trusted_root=str(trusted_root),
        dsse=dsse_envelope(bundle) is not None,
    )


def _chain_reason(bundle: Any, root: Any) -> str:
    """Why the signing certificate did not chain to the trusted root at the signing time, as a person can act on
    it: issued by none of the root's Fulcio CAs (another Sigstore instance, or the wrong root), or logged at a time
    outside the certificate's validity (a log entry that is not this signature's)."""
    from cryptography.exceptions import InvalidSignature

    certificate = bundle.signing_certificate
    issued = False
    for ca in root.get_fulcio_certs():
        if ca.subject != certificate.issuer:
            continue
        try:
            certificate.verify_directly_issued_by(ca)
        except (InvalidSignature, ValueError, TypeError):
            continue
        issued = True
    if not issued:
        return (
            "the signing certificate was not issued by a Fulcio CA of this trusted root: the bundle was made "
            "under another Sigstore instance (staging, a private one), so pass that instance's trusted_root.json "
            "with --trusted-root, or it was not made by Sigstore at all"
        )
    entry = bundle.log_entry
    logged = datetime.fromtimestamp(entry_integrated_time(entry), UTC) if entry is not None else None
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    if logged is not None and not start <= logged <= end:
        return (
            f"the transparency-log entry was integrated at {logged:%Y-%m-%dT%H:%M:%SZ}, outside the signing "
            f"certificate's validity ({start:%Y-%m-%dT%H:%M:%SZ} to {end:%Y-%m-%dT%H:%M:%SZ}): the entry is not "
            "this signature's, or it was logged after the certificate expired"
        )
    return "the signing certificate does not chain to the trusted root at the time the bundle proves"


def _unusable(bundle_json: bytes, exc: Exception) -> MalformedSignature:
    """Why sigstore could not read the bundle: a managed-key bundle and PEP 740 objects are named as what they
    are, with the remedy that fits; anything else with sigstore's reason."""
    if _signed_with_managed_key(bundle_json):
        return MalformedSignature(
            "the bundle is signed with a managed key (no certificate, so no identity to match)",
            remedy="verify it with --key PUBKEY.pem, the signer's public key",
        )
    pep740 = _pep740_form(bundle_json)
    if pep740 is not None:
        return MalformedSignature(
            f"the bundle is a PEP 740 {pep740} (PyPI's attestation format), not a Sigstore bundle",
            remedy="turn each attestation into a Sigstore bundle (PEP 740's mapping, e.g. pypi-attestations' "
            "Attestation.to_bundle) and verify that with --bundle",
        )
    return MalformedSignature(f"not a usable Sigstore bundle: {exc}")


def _signed_with_managed_key(bundle_json: bytes) -> bool:
    from sigstore_models.bundle.v1 import Bundle as BundleModel

    try:
        material = BundleModel.from_json(bundle_json).verification_material
    except ValueError:
        return False
    return material.public_key is not None and not material.certificate and not material.x509_certificate_chain


def _pep740_form(bundle_json: bytes) -> str | None:
    """Which PEP 740 object the JSON is shaped as: "provenance object" (it holds ``attestation_bundles``),
    "attestation object" (``verification_material`` and ``envelope``), or None. Only the top-level keys are
    looked at: the file is refused either way, this names what it is."""
    try:
        document = json.loads(bundle_json)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the interpreter's limit
        return None
    if not isinstance(document, dict):
        return None
    if isinstance(document.get("attestation_bundles"), list):
        return "provenance object"
    if isinstance(document.get("verification_material"), dict) and isinstance(document.get("envelope"), dict):
        return "attestation object"
    return None


def _check_statement(payload_type: str, payload: bytes, sha256: str) -> None:
    from sigstore.errors import VerificationError

    if payload_type != "application/vnd.in-toto+json":
        raise VerificationError(f"expected an in-toto statement in the DSSE envelope, got {payload_type}")
    try:
        statement = json.loads(payload)
        subjects = statement["subject"]
        digests = {str(s.get("digest", {}).get("sha256", "")).lower() for s in subjects}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise VerificationError("the DSSE payload is not an in-toto statement with subjects") from None
    if sha256 not in digests:
        raise VerificationError(f"in-toto statement has no subject with sha256 {sha256}")
