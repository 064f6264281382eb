"""``shipgate verify-blob``: verify a signature over one file, like ``cosign verify-blob``.

    shipgate verify-blob FILE --signature SIG --chain PEM --vendor NAME [--timestamp TSR]
    shipgate verify-blob FILE --bundle BUNDLE (--identity ID | --identity-regexp RE)
                              (--issuer URL | --issuer-regexp RE) [--trusted-root FILE]
    shipgate verify-blob FILE --bundle BUNDLE --key PUBKEY.pem [--trusted-root FILE]

Patterns are RE2 and match the whole value (docs/trust.md).

Exit 0 verified, 1 not verified, 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# Anything signed this way is read whole into memory; manifests and feeds are small, but bound it.
MAX_BLOB_BYTES = 256 << 20


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "verify-blob",
        help="verify a detached signature or a Sigstore bundle over a file",
        description="Verify FILE with a detached signature and PEM chain for a vendor, or with a Sigstore "
        "bundle and an identity policy (or, for a managed-key bundle, the signer's public key). "
        "Exit 0 verified, 1 not verified, 2 usage.",
    )
    p.add_argument("file", metavar="FILE")
    detached = p.add_argument_group("detached signature (docs/formats.md §1)")
    detached.add_argument("--signature", metavar="SIG", help="the detached signature (raw bytes)")
    detached.add_argument("--chain", metavar="PEM", help="signing certificate first, then intermediates")
    detached.add_argument("--vendor", metavar="NAME", help="whose pinned roots and identity rules apply")
    detached.add_argument(
        "--timestamp",
        metavar="TSR",
        help="an RFC 3161 timestamp response over the signature: the chain is then checked at its time",
    )
    bundle = p.add_argument_group("Sigstore bundle")
    bundle.add_argument("--bundle", metavar="BUNDLE", help="a Sigstore bundle (v0.1-v0.3)")
    bundle.add_argument("--identity", metavar="ID", help="expected certificate identity (SAN)")
    bundle.add_argument("--issuer", metavar="URL", help="expected OIDC issuer")
    bundle.add_argument(
        "--identity-regexp", metavar="RE", help="expected identity as an RE2 pattern matching the whole SAN"
    )
    bundle.add_argument("--issuer-regexp", metavar="RE", help="expected OIDC issuer as an RE2 pattern (whole value)")
    bundle.add_argument(
        "--key",
        metavar="PUBKEY.pem",
        help="for a managed-key bundle (no certificate): the signer's PEM public key, instead of --identity/--issuer",
    )
    bundle.add_argument(
        "--trusted-root",
        metavar="FILE",
        help="trusted_root.json (default: <home>/trust/sigstore/trusted_root.json, else Sigstore production)",
    )
    p.add_argument("--json", action="store_true", help="print the result (or findings) as JSON")
    p.set_defaults(handler=run, parser=p)


def _read(path: str, what: str, limit: int = MAX_BLOB_BYTES) -> bytes:
    from shipgate.errors import LimitExceeded, MalformedInput

    try:
        p = Path(path)
        if p.stat().st_size > limit:
            raise LimitExceeded(f"{what} {path} is larger than {limit} bytes")
        return p.read_bytes()
    except OSError as exc:
        raise MalformedInput(f"cannot read {what} {path}: {exc.strerror}") from None


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    detached = [args.signature, args.chain, args.vendor]
    identity = [args.identity, args.issuer, args.identity_regexp, args.issuer_regexp]
    if args.bundle is not None:
        if any(v is not None for v in detached) or args.timestamp is not None:
            parser.error("--bundle cannot be combined with --signature/--chain/--vendor/--timestamp")
        if args.key is not None:
            if any(v is not None for v in identity):
                parser.error("--key replaces --identity/--issuer (a managed-key bundle has no identity)")
            return _run_bundle(args)
        for exact, pattern in (("identity", "identity_regexp"), ("issuer", "issuer_regexp")):
            if (getattr(args, exact) is None) == (getattr(args, pattern) is None):
                flag = "--" + exact
                parser.error(f"--bundle needs one of {flag} and {flag}-regexp (or --key PUBKEY.pem)")
        return _run_bundle(args)
    if any(v is not None for v in identity) or args.key is not None or args.trusted_root is not None:
        parser.error("--identity(-regexp), --issuer(-regexp), --key and --trusted-root go with --bundle")
    if any(v is None for v in detached):
        parser.error("give --signature SIG --chain PEM --vendor NAME, or --bundle BUNDLE --identity ID --issuer URL")
    return _run_detached(args)


def _rule(args: argparse.Namespace, name: str) -> Any:
    """The exact value or the compiled pattern of --NAME / --NAME-regexp (a bad pattern is a usage error)."""
    from shipgate.trust.errors import TrustConfigError
    from shipgate.trust.patterns import compile_pattern

    pattern = getattr(args, f"{name}_regexp")
    if pattern is None:
        return getattr(args, name)
    try:
        return compile_pattern(pattern, where=f"--{name}-regexp")
    except TrustConfigError as exc:
        args.parser.error(exc.message)


def _fail(args: argparse.Namespace, failure: Any, path: str) -> int:
    finding = failure.finding(path)
    if args.json:
        print(json.dumps({"verified": False, "findings": [finding.to_dict()]}, indent=2, ensure_ascii=False))
    else:
        print(f"Error: {finding.code}: {finding.message}", file=sys.stderr)
        if finding.remedy:
            print(f"Remedy: {finding.remedy}", file=sys.stderr)
        print("Verification FAILED", file=sys.stderr)
    return 1


def _ok(args: argparse.Namespace, result: dict[str, Any]) -> int:
    if args.json:
        print(json.dumps({"verified": True, "signature": result}, indent=2, ensure_ascii=False))
    else:
        print(f"Signer:  {result['signer']}")
        print(f"Root:    {result['root']}")
        print(f"Because: {result['trusted_because']}")
        print("Verified OK")
    return 0


def _run_detached(args: argparse.Namespace) -> int:
    from shipgate.home import home_dir
    from shipgate.trust import TrustStore
    from shipgate.trust.errors import TimestampFailure, TrustFailure
    from shipgate.trust.revocation_fetch import RevocationFetcher
    from shipgate.trust.timestamp import MAX_TIMESTAMP_BYTES

    data = _read(args.file, "file")
    signature = _read(args.signature, "signature", 1 << 20)
    chain = _read(args.chain, "chain", 1 << 20)
    timestamp = _read(args.timestamp, "timestamp", MAX_TIMESTAMP_BYTES) if args.timestamp else None
    with TrustStore.open(args.home) as trust:
        try:
            result = trust.verify_detached(
                data,
                signature,
                chain,
                vendor=args.vendor,
                timestamp=timestamp,
                revocation=RevocationFetcher.for_home(home_dir(args.home)),
            )
        except TrustFailure as failure:
            path = (
                args.signature
                if failure.code in ("trust.bad_signature", "trust.malformed_signature")
                else args.timestamp
                if isinstance(failure, TimestampFailure)
                else args.chain
            )
            return _fail(args, failure, path)
    for note in result.findings:
        print(f"Note: {note.code}: {note.message}", file=sys.stderr)
    return _ok(args, result.to_dict())


def _run_bundle(args: argparse.Namespace) -> int:
    from shipgate.home import home_dir
    from shipgate.trust.errors import TrustConfigError, TrustFailure
    from shipgate.trust.sigstore_bundle import SigstoreResult, default_trusted_root, verify_bundle
    from shipgate.trust.sigstore_key import MAX_KEY_BYTES, SigstoreKeyResult, verify_bundle_with_key

    data = _read(args.file, "file")
    bundle = _read(args.bundle, "bundle", 16 << 20)
    root = Path(args.trusted_root) if args.trusted_root else default_trusted_root(home_dir(args.home))
    result: SigstoreResult | SigstoreKeyResult
    try:
        if args.key is not None:
            key = _read(args.key, "key", MAX_KEY_BYTES)
            result = verify_bundle_with_key(data, bundle, key_pem=key, key_file=args.key, trusted_root=root)
        else:
            result = verify_bundle(
                data, bundle, identity=_rule(args, "identity"), issuer=_rule(args, "issuer"), trusted_root=root
            )
    except TrustConfigError as failure:  # an unusable trusted root: nothing can verify against it
        return _fail(args, failure, str(root))
    except TrustFailure as failure:
        return _fail(args, failure, args.bundle)
    return _ok(args, result.to_dict())
