"""Sigstore bundles signed with a managed key, verified offline with a public key the operator names.

Such a bundle carries ``verificationMaterial.publicKey`` (an unauthenticated hint) instead of a Fulcio
certificate, so there is no identity to match: what is trusted is the key given with ``--key``. The
transparency log still is: the entry's inclusion proof and checkpoint, and its signed entry timestamp,
are verified against the pinned trusted root's Rekor keys (sigstore-python's ``TransparencyLogEntry``
checks), and the logged body must be this signature by this key over this artifact.

sigstore-python 4.5's ``Bundle`` refuses a bundle without a certificate and its ``Verifier`` has no key
API, so the bundle is read with its ``sigstore_models`` types and the steps are run here, each reusing
sigstore-python's own check where one exists. Supported: message signatures logged as Rekor v1
``hashedrekord`` 0.0.1 entries, ECDSA keys (what ``cosign`` managed keys are). Anything else is refused.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shipgate.trust.errors import (
    MalformedSignature,
    SigstoreFailure,
    TrustConfigError,
    TrustFailure,
    UnsupportedAlgorithm,
)
from shipgate.trust.sigstore_bundle import MAX_BUNDLE_BYTES, MAX_TRUSTED_ROOT_BYTES
from shipgate.trust.sigstore_internals import (
    entry_body,
    entry_has_promise,
    entry_kind,
    entry_log_index,
    sigstore_verifier,
    verified_timestamp,
    verify_log_entry,
)

if TYPE_CHECKING:
    from rfc3161_client import TimeStampResponse
    from sigstore.models import TransparencyLogEntry, TrustedRoot
    from sigstore.verify import Verifier
    from sigstore_models.common.v1 import MessageSignature

# A PEM SubjectPublicKeyInfo is a few hundred bytes; an RSA-16384 key stays under 4 KiB.
MAX_KEY_BYTES = 64 << 10
# sigstore-python's (and sigstore-go's) bound on RFC 3161 timestamps in one bundle.
MAX_TIMESTAMPS = 32
# A v0.1 bundle's log entry must carry an inclusion promise; from v0.2 on signed timestamps may stand in for
# it (protobuf-specs sigstore_bundle.proto; sigstore-python's Bundle._verify enforces the same).
_BUNDLE_0_1 = "application/vnd.dev.sigstore.bundle+json;version=0.1"


@dataclass(frozen=True, kw_only=True)
class SigstoreKeyResult:
    key: str  # "sha256:<hex>" of the key's DER SubjectPublicKeyInfo
    key_file: str
    trusted_root: str
    log_index: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "signer": f"public key {self.key}",
            "chain": [],
            "root": f"sigstore trusted root {self.trusted_root}",
            "trusted_because": (
                f"Sigstore bundle verified offline with the key {self.key_file} ({self.key}); transparency log "
                f"entry {self.log_index} verified against {self.trusted_root}"
            ),
            "key": self.key,
            "log_index": self.log_index,
            "dsse": False,
        }


def load_public_key(pem: bytes, path: str) -> Any:
    """The ``--key`` file: one PEM SubjectPublicKeyInfo, ECDSA. Raises MalformedSignature / UnsupportedAlgorithm."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    if len(pem) > MAX_KEY_BYTES:
        raise MalformedSignature(f"the key {path} is {len(pem)} bytes; at most {MAX_KEY_BYTES} are read")
    try:
        key = load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise MalformedSignature(
            f"the key {path} is not a PEM public key: {exc}", remedy="give the signer's public key as PEM"
        ) from None
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise UnsupportedAlgorithm(f"the key {path} is a {type(key).__name__}; managed-key bundles need an ECDSA key")
    return key


def verify_bundle_with_key(
    data: bytes,
    bundle_json: bytes,
    *,
    key_pem: bytes,
    key_file: str,
    trusted_root: Path,
) -> SigstoreKeyResult:
    """Verify a managed-key Sigstore bundle over ``data`` with the key ``key_pem``. Raises
    MalformedSignature (unreadable bundle or key), UnsupportedAlgorithm, TrustConfigError (unusable
    trusted root) or SigstoreFailure."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    from sigstore.errors import Error as SigstoreError
    from sigstore.errors import VerificationError

    # 1. The pinned trusted root (never one from the bundle) and the operator's key.
    root, verifier = _load_trusted_root(trusted_root)
    key = load_public_key(key_pem, key_file)
    key_der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    fingerprint = "sha256:" + hashlib.sha256(key_der).hexdigest()

    # 2. The bundle, bounded: a key (not a certificate), a message signature, one complete log entry.
    bundle = _read_bundle(bundle_json)

    try:
        # 3. A verified time: RFC 3161 timestamps over the signature from the trusted root's authorities,
        #    and the integrated time under the signed entry timestamp (verified in 4).
        _check_verified_time(bundle, root, verifier)
        # 4. Inclusion proof, checkpoint and signed entry timestamp against the root's Rekor keys.
        try:
            verify_log_entry(bundle.entry, root)
        except VerificationError as exc:
            raise VerificationError(f"invalid log entry: {exc}") from None
        # 5. The artifact: its digest (and the bundle's, if stated), then the signature under the key.
        digest = _check_artifact(data, bundle.message, key)
        # 6. The logged body is this signature by this key over this digest (CVE-2022-36056's lesson).
        _check_hashedrekord(entry_body(bundle.entry), signature=bundle.signature, digest=digest, key_der=key_der)
    except VerificationError as exc:
        raise SigstoreFailure(f"Sigstore bundle verification failed: {exc}", evidence={"key": fingerprint}) from None
    except (SigstoreError, ValueError) as exc:
        raise SigstoreFailure(f"Sigstore bundle verification failed: {exc}") from None
    return SigstoreKeyResult(
        key=fingerprint, key_file=key_file, trusted_root=str(trusted_root), log_index=entry_log_index(bundle.entry)
    )


@dataclass(frozen=True)
class _KeyBundle:
    """The parts of a managed-key bundle that are verified: its message signature, its one log entry (and
    whether that carries an inclusion promise), and its RFC 3161 timestamps."""

    message: MessageSignature
    entry: TransparencyLogEntry
    promise: bool
    timestamps: list[TimeStampResponse]

    @property
    def signature(self) -> bytes:
        return self.message.signature


def _load_trusted_root(trusted_root: Path) -> tuple[TrustedRoot, Verifier]:
    """The pinned trusted root, bounded, and sigstore's verifier over it. Raises TrustConfigError."""
    from sigstore.errors import Error as SigstoreError
    from sigstore.models import TrustedRoot

    try:
        if trusted_root.stat().st_size > MAX_TRUSTED_ROOT_BYTES:
            raise TrustConfigError(f"trusted root {trusted_root} is larger than {MAX_TRUSTED_ROOT_BYTES} bytes")
        root = TrustedRoot.from_file(str(trusted_root))
        return root, sigstore_verifier(root)
    except OSError as exc:
        raise TrustConfigError(f"trusted root {trusted_root}: {exc.strerror}") from None
    except TrustFailure:
        raise
    except (SigstoreError, ValueError) as exc:
        raise TrustConfigError(f"trusted root {trusted_root} cannot be used: {exc}") from None


def _read_bundle(bundle_json: bytes) -> _KeyBundle:
    """The bundle, bounded: a key (not a certificate), a message signature, one complete hashedrekord 0.0.1
    log entry, and an inclusion promise or a signed timestamp. Raises MalformedSignature, UnsupportedAlgorithm."""
    from sigstore.errors import Error as SigstoreError
    from sigstore.models import Bundle, TimestampVerificationData, TransparencyLogEntry
    from sigstore_models.bundle.v1 import Bundle as BundleModel

    if len(bundle_json) > MAX_BUNDLE_BYTES:
        raise MalformedSignature(f"the bundle is {len(bundle_json)} bytes; at most {MAX_BUNDLE_BYTES} are read")
    try:
        bundle = BundleModel.from_json(bundle_json)
        Bundle.BundleType(bundle.media_type)  # a known version, or ValueError
        material = bundle.verification_material
        if material.public_key is None or material.certificate or material.x509_certificate_chain:
            raise MalformedSignature(
                "the bundle is not signed with a managed key (it carries a certificate)",
                remedy="verify it with --identity ID --issuer URL instead of --key",
            )
        if bundle.message_signature is None:
            raise UnsupportedAlgorithm(
                "managed-key bundles with a DSSE envelope are not supported; only message signatures"
            )
        if len(material.tlog_entries) != 1:
            raise MalformedSignature("the bundle must carry exactly one transparency log entry")
        entry = TransparencyLogEntry(material.tlog_entries[0])  # inclusion proof with checkpoint required
        timestamps = (
            TimestampVerificationData(material.timestamp_verification_data).rfc3161_timestamps
            if material.timestamp_verification_data
            else []
        )
    except TrustFailure:  # MalformedSignature and UnsupportedAlgorithm are ValueErrors too: keep them as raised
        raise
    except (SigstoreError, ValueError) as exc:
        raise MalformedSignature(f"not a usable Sigstore bundle: {exc}") from None
    kind, version = entry_kind(entry)
    if (kind, version) != ("hashedrekord", "0.0.1"):
        raise UnsupportedAlgorithm(
            f"managed-key bundles are verified for hashedrekord 0.0.1 log entries; this one is {kind} {version}"
        )
    promise = entry_has_promise(entry)
    if not promise and (bundle.media_type == _BUNDLE_0_1 or not timestamps):
        raise MalformedSignature("the bundle's log entry has no inclusion promise and no signed timestamp stands in")
    return _KeyBundle(message=bundle.message_signature, entry=entry, promise=promise, timestamps=timestamps)


def _check_verified_time(bundle: _KeyBundle, root: TrustedRoot, verifier: Verifier) -> None:
    """At least one source of verified time. A key has no validity window to check the times against, but as
    for certificates at least one must exist (sigstore's VERIFIED_TIME_THRESHOLD), so that the signature is
    known to have existed when it was logged. Raises ``sigstore.errors.VerificationError``."""
    from sigstore.errors import VerificationError

    timestamps = bundle.timestamps
    if len(timestamps) > MAX_TIMESTAMPS:
        raise VerificationError(f"too many signed timestamps: {len(timestamps)} > {MAX_TIMESTAMPS}")
    if len(set(timestamps)) != len(timestamps):
        raise VerificationError("duplicate signed timestamp")
    if timestamps and not root.get_timestamp_authorities():
        raise VerificationError("the bundle has signed timestamps, the trusted root no timestamp authority")
    verified = [t for t in timestamps if verified_timestamp(verifier, t, bundle.signature)]
    if not verified and not bundle.promise:
        raise VerificationError("not enough sources of verified time")


def _check_artifact(data: bytes, message: MessageSignature, key: Any) -> bytes:
    """The artifact's SHA-256 (which must be the bundle's stated digest, if any), with the signature verified
    over it under the key. Raises ``sigstore.errors.VerificationError``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
    from sigstore.errors import VerificationError

    digest = hashlib.sha256(data).digest()
    stated = message.message_digest
    if stated is not None and (stated.algorithm.name != "SHA2_256" or stated.digest != digest):
        raise VerificationError("the bundle's message digest is not the artifact's SHA-256")
    try:
        key.verify(message.signature, digest, ec.ECDSA(Prehashed(hashes.SHA256())))
    except InvalidSignature:
        raise VerificationError("the signature does not verify with the given key") from None
    return digest


def _check_hashedrekord(body: bytes, *, signature: bytes, digest: bytes, key_der: bytes) -> None:
    import rekor_types
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key
    from pydantic import ValidationError
    from sigstore.errors import VerificationError

    try:
        spec = rekor_types.Hashedrekord.model_validate_json(body).spec.root
        pem = spec.signature.public_key.content if spec.signature.public_key else None
        if pem is None:
            raise ValueError("no public key")
        logged_key = load_pem_public_key(base64.b64decode(pem, validate=True))
        logged_sig = base64.b64decode(spec.signature.content or "", validate=True)
        logged_hash = spec.data.hash
    except (ValidationError, ValueError, TypeError, AttributeError):
        raise VerificationError("the log entry's body is not a hashedrekord 0.0.1 entry with a public key") from None
    if logged_hash is None or logged_hash.algorithm.value != "sha256" or logged_hash.value != digest.hex():
        raise VerificationError("the log entry is for another artifact")
    if logged_sig != signature:
        raise VerificationError("the log entry holds another signature")
    if logged_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo) != key_der:
        raise VerificationError("the log entry was made with another key")
