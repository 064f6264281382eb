"""The one door to sigstore-python's private API: everything shipgate reads or overrides below its public
surface is here, so that a sigstore release that renames it breaks one module (and its canary test,
``tests/trust/test_sigstore_internals.py``), not the verifiers.

Why private access at all: sigstore-python 4.5 has no public API for (a) verifying a managed-key bundle
(its ``Bundle`` refuses one without a certificate; :mod:`shipgate.trust.sigstore_key` runs the steps with
the pieces below), (b) Rekor v1 ``intoto`` 0.0.2 log entries, which it refuses, and (c) a timestamp
authority's validity end, which it treats as exclusive where the protobuf-specs say inclusive. The
overrides keep sigstore's own steps and change only what their comments say.

The pin in ``pyproject.toml`` (``sigstore~=4.5.0``) admits patch releases only; :data:`OVERRIDDEN` and
:data:`PRIVATE_NAMES` are what the canary compares against the installed sigstore.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rfc3161_client import TimeStampResponse
    from sigstore._internal.timestamp import TimestampVerificationResult
    from sigstore.models import Bundle, TransparencyLogEntry, TrustedRoot
    from sigstore.verify import Verifier
    from sigstore.verify.policy import VerificationPolicy

# The overridden ``Verifier`` methods and their parameter lists as sigstore 4.5 defines them.
OVERRIDDEN: dict[str, tuple[str, ...]] = {
    "_verify_signed_timestamp": ("self", "timestamp_response", "message"),
    "_establish_time": ("self", "bundle"),
    "verify_dsse": ("self", "bundle", "policy"),
}
# Every other private name used, as (module, dotted attribute path) pairs the canary resolves.
PRIVATE_NAMES: tuple[tuple[str, str], ...] = (
    ("sigstore._internal.timestamp", "TimestampSource.TIMESTAMP_AUTHORITY"),
    ("sigstore._internal.timestamp", "TimestampSource.TRANSPARENCY_SERVICE"),
    ("sigstore._internal.timestamp", "TimestampVerificationResult"),
    ("sigstore._internal.trust", "KeyringPurpose.VERIFY"),
    ("sigstore.verify.verifier", "Verifier._verify_timestamp_authority"),
    ("sigstore.verify.verifier", "Verifier._verify_common_signing_cert"),
    ("sigstore.models", "TransparencyLogEntry._verify"),
    ("sigstore.dsse", "_verify"),
)


def dsse_envelope(bundle: Bundle) -> Any | None:
    """The bundle's DSSE envelope (``sigstore.dsse.Envelope``), None for a message signature."""
    return bundle._dsse_envelope


def entry_kind(entry: TransparencyLogEntry) -> tuple[str, str]:
    """(kind, version) of a Rekor log entry: ``("hashedrekord", "0.0.1")``, ``("intoto", "0.0.2")``…"""
    kind = entry._inner.kind_version
    return str(kind.kind), str(kind.version)


def entry_body(entry: TransparencyLogEntry) -> bytes:
    """The entry's canonicalized body, as logged."""
    body: bytes = entry._inner.canonicalized_body
    return body


def entry_log_index(entry: TransparencyLogEntry) -> int:
    return int(entry._inner.log_index)


def entry_integrated_time(entry: TransparencyLogEntry) -> int:
    return int(entry._inner.integrated_time or 0)


def entry_has_promise(entry: TransparencyLogEntry) -> bool:
    """The entry carries an inclusion promise (signed entry timestamp) and an integrated time."""
    return entry._inner.inclusion_promise is not None and bool(entry._inner.integrated_time)


def verify_log_entry(entry: TransparencyLogEntry, root: TrustedRoot) -> None:
    """Inclusion proof, checkpoint and signed entry timestamp against the root's Rekor keys.
    Raises ``sigstore.errors.VerificationError``."""
    from sigstore._internal.trust import KeyringPurpose

    entry._verify(root.rekor_keyring(KeyringPurpose.VERIFY))


def verified_timestamp(verifier: Verifier, timestamp: TimeStampResponse, signature: bytes) -> bool:
    """An RFC 3161 timestamp over ``signature`` from one of the verifier's trusted timestamp authorities."""
    return verifier._verify_signed_timestamp(timestamp, signature) is not None


def sigstore_verifier(root: TrustedRoot) -> Verifier:
    """sigstore-python's ``Verifier`` with the corrections described in the module docs. Raises
    ``sigstore.errors.Error``."""
    from sigstore.verify import Verifier

    class _Verifier(Verifier):
        def _verify_signed_timestamp(
            self, timestamp_response: TimeStampResponse, message: bytes
        ) -> TimestampVerificationResult | None:
            return _signed_timestamp(self, timestamp_response, message)

        def _establish_time(self, bundle: Bundle) -> list[TimestampVerificationResult]:
            # sigstore 4.5 takes a Rekor v1 integrated time only from dsse/hashedrekord 0.0.1 entries and
            # refuses intoto 0.0.2 ones; their integrated time is covered by the same signed entry timestamp
            # (verified in step 5), and verify_dsse below checks their body, so they count the same way.
            if entry_kind(bundle.log_entry) != ("intoto", "0.0.2"):
                return super()._establish_time(bundle)
            return _intoto_times(self, bundle)

        def verify_dsse(self, bundle: Bundle, policy: VerificationPolicy) -> tuple[str, bytes]:
            if entry_kind(bundle.log_entry) != ("intoto", "0.0.2"):
                return super().verify_dsse(bundle, policy)
            return _verify_intoto_dsse(self, bundle, policy)

    return _Verifier(trusted_root=root)


def _signed_timestamp(
    verifier: Verifier, timestamp_response: TimeStampResponse, message: bytes
) -> TimestampVerificationResult | None:
    """As sigstore 4.5's ``Verifier._verify_signed_timestamp``, except the authority's validity end:
    protobuf-specs sigstore_common.proto TimeRange "is closed and includes both the start and end times,
    (i.e., [start, end])"; sigstore 4.5 compares ``gen_time < end`` (sigstore-conformance
    trust-root-tsa-validity-end-inclusive)."""
    from rfc3161_client import VerificationError as Rfc3161VerificationError
    from rfc3161_client import VerifierBuilder
    from sigstore._internal.timestamp import TimestampSource, TimestampVerificationResult

    for authority in verifier._trusted_root.get_timestamp_authorities():
        certificates = authority.certificates(allow_expired=True)
        if len(certificates) < 2:  # a signing certificate and a root at least
            continue
        builder = VerifierBuilder().tsa_certificate(certificates[0]).add_root_certificate(certificates[-1])
        for certificate in certificates[1:-1]:
            builder = builder.add_intermediate_certificate(certificate)
        try:
            builder.build().verify_message(timestamp_response, message)
        except Rfc3161VerificationError:
            continue
        at = timestamp_response.tst_info.gen_time
        end = authority.validity_period_end
        if authority.validity_period_start <= at and (end is None or at <= end):
            return TimestampVerificationResult(source=TimestampSource.TIMESTAMP_AUTHORITY, time=at)
    return None


def _intoto_times(verifier: Verifier, bundle: Bundle) -> list[TimestampVerificationResult]:
    """The verified times of a bundle with an intoto 0.0.2 entry: its RFC 3161 timestamps, and its integrated
    time when a signed entry timestamp covers it."""
    from sigstore._internal.timestamp import TimestampSource, TimestampVerificationResult
    from sigstore.errors import VerificationError

    times: list[TimestampVerificationResult] = []
    if bundle.verification_material.timestamp_verification_data:
        if not verifier._trusted_root.get_timestamp_authorities():
            raise VerificationError("the bundle has signed timestamps, the trusted root no timestamp authority")
        times.extend(verifier._verify_timestamp_authority(bundle))
    if entry_has_promise(bundle.log_entry):
        integrated = datetime.fromtimestamp(entry_integrated_time(bundle.log_entry), tz=UTC)
        times.append(TimestampVerificationResult(source=TimestampSource.TRANSPARENCY_SERVICE, time=integrated))
    return times


def _verify_intoto_dsse(verifier: Verifier, bundle: Bundle, policy: VerificationPolicy) -> tuple[str, bytes]:
    """sigstore's DSSE verification for a bundle with an intoto 0.0.2 entry, which sigstore 4.5 refuses:
    its common steps, the envelope's signature, then the logged body against the envelope."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from sigstore import dsse
    from sigstore.errors import VerificationError

    # Steps 0-6 (time, chain, SCT, policy, inclusion proof/checkpoint/SET, validity at those times).
    verifier._verify_common_signing_cert(bundle, policy)
    envelope = dsse_envelope(bundle)
    if envelope is None:
        raise VerificationError("an intoto log entry needs a DSSE envelope in the bundle")
    # 7. The envelope's signature under the certificate's key.
    key = bundle.signing_certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise VerificationError("DSSE signatures are verified with ECDSA keys only")
    dsse._verify(key, envelope)
    # 8. The logged intoto 0.0.2 body is this envelope.
    _check_intoto_body(bundle, envelope)
    payload: bytes = envelope._inner.payload
    return str(envelope._inner.payload_type), payload


def _check_intoto_body(bundle: Bundle, envelope: Any) -> None:
    """The logged intoto 0.0.2 body is ``envelope`` (Rekor pkg/types/intoto/v0.0.2; the checks of sigstore-js
    tlog/intoto.ts, plus the certificate): one signature, stored base64 of its base64 text; the payload's
    SHA-256; the signer's certificate as PEM. Raises ``sigstore.errors.VerificationError``."""
    from cryptography import x509
    from sigstore.errors import VerificationError

    try:
        body = json.loads(entry_body(bundle.log_entry))
        content = body["spec"]["content"]
        [logged] = content["envelope"]["signatures"]
        logged_sig = base64.b64decode(logged["sig"], validate=True)
        logged_cert = x509.load_pem_x509_certificate(base64.b64decode(logged["publicKey"], validate=True))
        payload_hash = content["payloadHash"]
    except (ValueError, KeyError, TypeError):
        raise VerificationError("the intoto log entry's body is not an intoto 0.0.2 entry") from None
    payload: bytes = envelope._inner.payload
    if payload_hash.get("algorithm") != "sha256" or payload_hash.get("value") != hashlib.sha256(payload).hexdigest():
        raise VerificationError("the intoto log entry's payload hash does not match the envelope")
    if logged_sig != base64.b64encode(envelope.signature) or logged_cert != bundle.signing_certificate:
        raise VerificationError("the intoto log entry's signature does not match the bundle")
