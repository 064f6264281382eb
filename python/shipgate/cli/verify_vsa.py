"""``shipgate verify-vsa FILE --digest HEX [--key PUB.pem]``: check a verification summary (the DSSE VSA
``shipgate verify --attest`` writes), as slsa-verifier's ``verify-vsa`` does: signed by the key (default:
the home's attestation key, ``<home>/attest/signing-key.pub.pem``), an in-toto statement with a
verification-summary predicate, about the archive with this digest, with result PASSED.

Exit 0 passed, 1 not (a bad signature, another archive, FAILED), 2 usage (an unreadable file or key).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# A VSA is a few KiB; the envelope reader refuses more than its own bound anyway.
MAX_VSA_FILE = 16 << 20


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "verify-vsa",
        help="check a signed verification summary (DSSE VSA) for an archive digest",
        description="Verify the DSSE envelope's signature with the key, that it is an in-toto statement with "
        "an SLSA verification-summary predicate whose subject is the archive with DIGEST, and that the result "
        "is PASSED. Exit 0 passed, 1 not, 2 usage.",
    )
    p.add_argument("file", metavar="FILE", help="the VSA (what `shipgate verify --attest FILE` wrote)")
    p.add_argument("--digest", required=True, metavar="HEX", help="the archive's SHA-256 (or sha256:HEX, blake3:HEX)")
    p.add_argument("--key", metavar="PUB.pem", help="the signer's public key (default: the home's attestation key)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=run, parser=p)


def run(args: argparse.Namespace) -> int:
    from shipgate.attest import check_vsa, key_paths, load_public_key
    from shipgate.errors import MalformedInput, UntrustedInput
    from shipgate.home import home_dir
    from shipgate.store import normalize_digest

    try:
        normalize_digest(args.digest)
    except MalformedInput as exc:
        args.parser.error(exc.diagnostics())
    key_path = Path(args.key) if args.key else key_paths(home_dir(args.home))[1]
    try:
        key = load_public_key(key_path)
        with Path(args.file).open("rb") as f:
            envelope = f.read(MAX_VSA_FILE + 1)
    except (OSError, ValueError) as exc:
        print(f"shipgate verify-vsa: {exc}", file=sys.stderr)
        return 2
    try:
        summary = check_vsa(envelope, key=key, digest=args.digest)
    except (MalformedInput, UntrustedInput) as exc:
        print(f"FAILED  {args.file}: {exc.diagnostics()}")
        return 1
    verdict = summary.verdict or "?"
    if args.json:
        out = {
            "passed": summary.passed,
            "verdict": summary.verdict or None,
            "subject": dict(summary.subject_digests),
            "time_verified": summary.time_verified.isoformat() if summary.time_verified else None,
            "policy": summary.policy_uri,
            "package": dict(summary.package) if summary.package else None,
        }
        print(json.dumps(out, indent=2))
    elif summary.passed:
        print(f"PASSED  {args.file}: verdict {verdict.upper()} for {args.digest}, signed by {key_path}")
    else:
        print(f"FAILED  {args.file}: the summary says {verdict.upper()} (verificationResult FAILED)")
    return 0 if summary.passed else 1
