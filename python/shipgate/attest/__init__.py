"""Attestations: a verification outcome as an in-toto Statement v1 with an SLSA Verification Summary
(``https://slsa.dev/verification_summary/v1``) predicate, signed by shipgate's key as a DSSE envelope.

    envelope = attest(report, home=home)            # dict, JSON-serialisable
    summary = check_vsa(envelope, key=public_key, digest=sha256)   # shipgate verify-vsa
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from shipgate.attest.dsse import pae, sign_envelope, verify_envelope
from shipgate.attest.keys import key_paths, keyid, load_or_create_key, load_public_key
from shipgate.attest.vsa import PAYLOAD_TYPE, STATEMENT_TYPE, VSA_TYPE, VsaSummary, check_vsa
from shipgate.report.model import Report

VERIFIER_ID = "https://shipgate.dev/verifier/v1"

__all__ = [
    "PAYLOAD_TYPE",
    "STATEMENT_TYPE",
    "VSA_TYPE",
    "VsaSummary",
    "attest",
    "check_vsa",
    "key_paths",
    "load_public_key",
    "pae",
    "statement",
    "verify_envelope",
    "write_attestation",
]


def statement(report: Report) -> dict[str, Any]:
    """The in-toto statement: the archive (by its digests) and the verification summary."""
    digests = {k: v for k, v in report.archive.digests.items() if k in ("sha256", "blake3", "sha512")}
    passed = report.verdict != "deny"
    return {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": Path(report.archive.path).name, "digest": digests}],
        "predicateType": VSA_TYPE,
        "predicate": {
            "verifier": {"id": VERIFIER_ID, "version": {"shipgate": report.shipgate_version or "0"}},
            "timeVerified": report.to_dict()["verified_at"],
            "resourceUri": Path(report.archive.path).resolve().as_uri(),
            "policy": {"uri": f"shipgate:policy/{quote(report.policy, safe='/')}"},
            "verificationResult": "PASSED" if passed else "FAILED",
            # Custom levels (the VSA spec reserves the SLSA_ prefix): shipgate's verdict on the package.
            "verifiedLevels": [f"SHIPGATE_VERDICT_{report.verdict.upper()}"] if passed else ["FAILED"],
            "slsaVersion": "1.0",
            "shipgate": {
                "verdict": report.verdict,
                "package": report.package.to_dict() if report.package else None,
                "findings": sorted(report.codes()),
                "signer": report.signature.get("signer") if report.signature else None,
                # What the verdict rests on (policy and environment digests, trust and feed versions, the
                # signing chain's fingerprints): admission re-checks a presented VSA against it.
                "basis": dict(report.basis) if report.basis is not None else None,
            },
        },
    }


def attest(report: Report, *, home: Path) -> dict[str, Any]:
    key = load_or_create_key(home)
    payload = json.dumps(statement(report), sort_keys=True, separators=(",", ":")).encode()
    return sign_envelope(payload, PAYLOAD_TYPE, key, keyid=keyid(key.public_key()))


def write_attestation(report: Report, path: Path, *, home: Path) -> Path:
    path.write_text(json.dumps(attest(report, home=home), indent=2) + "\n", encoding="utf-8")
    return path
