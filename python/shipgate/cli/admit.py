"""``shipgate admit DIGEST [--server HOST:PORT]``: may this package be deployed? Answered from stored
verdicts re-checked against the current trust state and advisories (the local store, or a server's):
exit 0 allowed, 1 denied, 2 usage (a malformed digest) or failure.

Locally, the verdicts that count are those made under ``--policy FILE`` (default: the built-in default
policy) and ``--env FILE`` (default: none), unless ``--any-policy``; a server answers under its own
``[admission]`` configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shipgate.admission import Admission, Decision
    from shipgate.store import Store

# A VSA file is a few KiB.
MAX_VSA_FILE = 1 << 20


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "admit",
        help="admission answer for a package digest, from stored verdicts (exit 0 allowed, 1 denied)",
        description="Answer from stored verdicts, never re-verifying: allowed when the newest verdict for the "
        "digest under the accepted policy and environment admits, was not superseded, has not expired, and still "
        "holds against the current trust state and advisories. Exit 0 allowed, 1 denied, 2 usage or failure.",
    )
    p.add_argument("digest", metavar="DIGEST", help="archive SHA-256 or BLAKE3 (HEX, sha256:HEX, blake3:HEX)")
    p.add_argument("--server", metavar="HOST:PORT", help="ask a shipgate server instead of the local store")
    p.add_argument("--target", default="", metavar="WHERE", help="where it would be deployed (logged)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--vsa", metavar="FILE", help="present a verification summary (DSSE VSA) as evidence")
    local = p.add_argument_group("local answers (without --server)")
    local.add_argument("--policy", metavar="FILE", help="count verdicts made under this policy (default: built-in)")
    local.add_argument("--env", metavar="ENV.toml", help="count verdicts made against this inventory (default: none)")
    local.add_argument("--any-policy", action="store_true", help="count verdicts of any policy and environment")
    local.add_argument("--max-age", default="30d", metavar="AGE", help="oldest verdict that counts (30d, 12h...)")
    local.add_argument("--allow-stale-feed", action="store_true", help="do not fail closed on an expired feed")
    local.add_argument("--vsa-key", metavar="PUB.pem", help="key a presented VSA must verify with (default: home's)")
    local.add_argument("--fail-open", action="store_true", help="allow when the local store cannot be read")
    tls = p.add_argument_group("with --server over TLS")
    tls.add_argument("--ca", metavar="PEM", help="the server's CA")
    tls.add_argument("--cert", metavar="PEM", help="the client certificate (mTLS)")
    tls.add_argument("--key", metavar="PEM", help="the client key (mTLS)")
    p.set_defaults(handler=run, parser=p)


def _read_vsa(path: str | None) -> bytes | None:
    if not path:
        return None
    with Path(path).open("rb") as f:
        return f.read(MAX_VSA_FILE + 1)


def _local(args: argparse.Namespace, store: Store) -> Admission:
    from shipgate.admission import Admission, parse_duration
    from shipgate.attest import key_paths, load_public_key
    from shipgate.home import home_dir
    from shipgate.inventory import load_inventory
    from shipgate.policy import Policy
    from shipgate.verifier._basis import inventory_digest

    home = home_dir(args.home)
    key_path = Path(args.vsa_key) if args.vsa_key else key_paths(home)[1]
    any_policy = args.any_policy
    policy = Policy.load(args.policy) if args.policy else Policy.default()
    return Admission(
        store,
        home=home,
        policy_digest=None if any_policy else policy.digest,
        env_digest=None if any_policy else inventory_digest(load_inventory(args.env) if args.env else None),
        max_age=parse_duration(args.max_age, what="--max-age"),
        stale_feed_allowed=args.allow_stale_feed,
        fail_open=args.fail_open,
        vsa_key=load_public_key(key_path) if (args.vsa and key_path.is_file()) else None,
    )


def run(args: argparse.Namespace) -> int:
    from shipgate.errors import MalformedInput
    from shipgate.store import normalize_digest

    try:
        normalize_digest(args.digest)
    except MalformedInput as exc:
        args.parser.error(exc.diagnostics())  # exit 2: a malformed digest is a usage error, not a denial
    vsa = _read_vsa(args.vsa)
    if args.server:
        if args.policy or args.env or args.any_policy:
            args.parser.error("--policy, --env and --any-policy are local: a server admits under its [admission]")
        from shipgate.service.client import admit_remote

        decision = admit_remote(args, vsa=vsa)
    else:
        from shipgate.store import open_store

        with open_store(home=args.home) as store:
            decision = _local(args, store).by_digest(args.digest, vsa=vsa)
    _print(decision, as_json=args.json)
    return 0 if decision.allowed else 1


def _print(decision: Decision, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(decision.to_dict(), indent=2))
        return
    print(f"{'allowed' if decision.allowed else 'denied'}: {decision.reason}", file=sys.stdout)
