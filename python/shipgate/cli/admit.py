"""``shipgate admit DIGEST [--server HOST:PORT]``: may this package be deployed? Answered from stored
verdicts (the local store, or a server's): exit 0 allowed, 1 denied (no verdict, expired, deny)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "admit",
        help="admission answer for a package digest, from stored verdicts (exit 0 allowed, 1 denied)",
        description="Answer from stored verdicts, never re-verifying: allowed when the newest verdict for the "
        "digest is allow or warn and has not expired. Exit 0 allowed, 1 denied, 2 usage or failure.",
    )
    p.add_argument("digest", metavar="DIGEST", help="archive SHA-256 or BLAKE3 (HEX, sha256:HEX, blake3:HEX)")
    p.add_argument("--server", metavar="HOST:PORT", help="ask a shipgate server instead of the local store")
    p.add_argument("--target", default="", metavar="WHERE", help="where it would be deployed (logged)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--fail-open", action="store_true", help="allow when the local store cannot be read")
    p.add_argument("--ca", metavar="PEM", help="with --server over TLS: the server's CA")
    p.add_argument("--cert", metavar="PEM", help="with --server over mTLS: the client certificate")
    p.add_argument("--key", metavar="PEM", help="with --server over mTLS: the client key")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.server:
        from shipgate.service.client import admit_remote

        decision = admit_remote(args)
    else:
        from shipgate.service.admission import by_digest
        from shipgate.store import open_store

        with open_store(home=args.home) as store:
            decision = by_digest(store, args.digest, fail_open=args.fail_open)
    if args.json:
        out = {
            "allowed": decision.allowed,
            "verdict": decision.verdict or None,
            "reason": decision.reason,
            "sha256": decision.sha256 or None,
        }
        print(json.dumps(out, indent=2))
    else:
        print(f"{'allowed' if decision.allowed else 'denied'}: {decision.reason}", file=sys.stdout)
    return 0 if decision.allowed else 1
