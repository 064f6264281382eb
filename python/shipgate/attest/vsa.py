"""Checking a verification summary (the DSSE envelope ``shipgate verify --attest`` writes), as slsa-verifier's
``verify-vsa`` does: the signature with the expected key, the statement and predicate types, the subject's
digest, and the result.

    summary = check_vsa(envelope_bytes, key=load_public_key(path), digest="sha256:…")
    summary.passed, summary.verdict, summary.basis
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shipgate.attest.dsse import PublicKey, verify_envelope
from shipgate.errors import MalformedInput, UntrustedInput
from shipgate.store.records import normalize_digest, parse_time

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
VSA_TYPE = "https://slsa.dev/verification_summary/v1"
PAYLOAD_TYPE = "application/vnd.in-toto+json"


@dataclass(frozen=True, kw_only=True)
class VsaSummary:
    """What a verified VSA says about the archive it names."""

    subject_digests: Mapping[str, str]
    passed: bool
    verdict: str  # allow | warn | deny (shipgate's), or "" when the summary carries none
    time_verified: datetime | None
    policy_uri: str
    package: Mapping[str, Any] | None
    basis: Mapping[str, Any] = field(default_factory=dict)


def _statement(payload: bytes) -> Mapping[str, Any]:
    try:
        statement = json.loads(payload)
    except ValueError as exc:
        raise MalformedInput(f"the VSA payload is not JSON: {exc}") from None
    if not isinstance(statement, Mapping):
        raise MalformedInput("the VSA payload is not a JSON object")
    if statement.get("_type") != STATEMENT_TYPE:
        raise UntrustedInput(f"the VSA is not an in-toto statement v1 (_type {statement.get('_type')!r})")
    if statement.get("predicateType") != VSA_TYPE:
        kind = statement.get("predicateType")
        raise UntrustedInput(f"the statement is not a verification summary (predicateType {kind!r})")
    if not isinstance(statement.get("predicate"), Mapping):
        raise MalformedInput("the VSA has no predicate object")
    return statement


def _subject(statement: Mapping[str, Any], digest: str) -> Mapping[str, str]:
    algorithm, hexdigest = normalize_digest(digest)
    subjects = statement.get("subject")
    for subject in subjects if isinstance(subjects, list) else []:
        digests = subject.get("digest") if isinstance(subject, Mapping) else None
        if not isinstance(digests, Mapping):
            continue
        for name in (algorithm,) if algorithm else ("sha256", "blake3"):
            if str(digests.get(name, "")).lower() == hexdigest:
                return {str(k): str(v) for k, v in digests.items()}
    raise UntrustedInput(f"the VSA's subject is not the archive {digest} (no subject digest matches)")


def check_vsa(envelope: bytes | Mapping[str, Any], *, key: PublicKey, digest: str) -> VsaSummary:
    """The summary of a VSA for ``digest``, verified with ``key``. ``UntrustedInput`` when the signature,
    the types or the subject do not match; ``MalformedInput`` when it is not a DSSE envelope at all."""
    payload_type, payload = verify_envelope(envelope, key)
    if payload_type != PAYLOAD_TYPE:
        raise UntrustedInput(f"the envelope's payloadType is {payload_type!r}, not {PAYLOAD_TYPE}")
    statement = _statement(payload)
    digests = _subject(statement, digest)
    predicate = statement["predicate"]
    own: Mapping[str, Any] = predicate["shipgate"] if isinstance(predicate.get("shipgate"), Mapping) else {}
    basis = own.get("basis")
    when = predicate.get("timeVerified")
    try:
        verified_at = parse_time(when) if isinstance(when, str) else None
    except MalformedInput:
        verified_at = None
    policy = predicate.get("policy")
    return VsaSummary(
        subject_digests=digests,
        passed=predicate.get("verificationResult") == "PASSED",
        verdict=str(own.get("verdict") or ""),
        time_verified=verified_at,
        policy_uri=str(policy.get("uri", "")) if isinstance(policy, Mapping) else "",
        package=own.get("package") if isinstance(own.get("package"), Mapping) else None,
        basis=basis if isinstance(basis, Mapping) else {},
    )
