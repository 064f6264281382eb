"""``shipgate trust pin|unpin|retire|list|show|history|rollback``: a vendor's pinned roots and their history.

Configuration (identity rules, baseline roots, CRLs, overlap) lives in ``<home>/trust/*.toml``; changes
made here (pins, unpins, rollbacks) and by advisories (rotations, revocations) are numbered, audited
versions in the state store. Spellings: docs/formats.md §5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "trust",
        help="pinned vendor roots: pin, unpin, retire, list, show, history, rollback",
        description="Manage the vendors' pinned roots. Every change is a numbered, audited version.",
    )
    sub = p.add_subparsers(dest="trust_command", metavar="ACTION", required=True)

    pin = sub.add_parser(
        "pin", help="pin a root certificate or the feed-signer identity for a vendor (a new trust version)"
    )
    pin.add_argument("--vendor", required=True, metavar="NAME")
    pin.add_argument("root", nargs="?", metavar="ROOT.pem", help="the root certificate (PEM, one certificate)")
    pin.add_argument(
        "--tsa", action="store_true", help="ROOT.pem is an RFC 3161 timestamp authority's root, not a signer's"
    )
    pin.add_argument(
        "--feed-identity",
        metavar="PATTERN",
        help="only this identity may sign the vendor's advisory feed: [email:|dns:|uri:|subject:]RE2 pattern "
        'matching the whole value ("" removes the pin)',
    )
    pin.add_argument("--reason", default="operator pin", metavar="TEXT", help="why (recorded and audited)")
    pin.add_argument("--actor", metavar="WHO", help="who (default: the login name)")
    pin.set_defaults(handler=run_pin, parser_pin=pin)

    unpin = sub.add_parser("unpin", help="remove a root from a vendor's trust (a new trust version)")
    unpin.add_argument("--vendor", required=True, metavar="NAME")
    unpin.add_argument("sha256", metavar="SHA256", help="the root's SHA-256 fingerprint (see trust list)")
    unpin.add_argument("--reason", default="operator unpin", metavar="TEXT")
    unpin.add_argument("--actor", metavar="WHO")
    unpin.set_defaults(handler=run_unpin)

    retire = sub.add_parser("retire", help="retire a root: trusted until a date, then refused (a new version)")
    retire.add_argument("--vendor", required=True, metavar="NAME")
    retire.add_argument("sha256", metavar="SHA256", help="the root's SHA-256 fingerprint (see trust list)")
    retire.add_argument(
        "--after", metavar="TIME", help="ISO 8601 time the overlap ends (default: now + the vendor's overlap_days)"
    )
    retire.add_argument("--reason", default="operator retirement", metavar="TEXT")
    retire.add_argument("--actor", metavar="WHO")
    retire.set_defaults(handler=run_retire)

    ls = sub.add_parser("list", help="vendors and their effective roots")
    ls.add_argument("--vendor", metavar="NAME")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=run_list)

    show = sub.add_parser("show", help="one vendor's effective trust (at a version) and its rules")
    show.add_argument("--vendor", required=True, metavar="NAME")
    show.add_argument("--version", type=int, metavar="N", help="the trust at version N (default: latest)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    history = sub.add_parser("history", help="every trust change: who, when, why, which advisory")
    history.add_argument("--vendor", metavar="NAME")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)

    rollback = sub.add_parser("rollback", help="make a vendor's trust that of an earlier version (audited)")
    rollback.add_argument("--vendor", required=True, metavar="NAME")
    rollback.add_argument("version", type=int, metavar="VERSION")
    rollback.add_argument("--reason", default="operator rollback", metavar="TEXT")
    rollback.add_argument("--actor", metavar="WHO")
    rollback.set_defaults(handler=run_rollback)


def _open(args: argparse.Namespace) -> Any:
    from shipgate.trust import TrustStore

    return TrustStore.open(args.home)


def run_pin(args: argparse.Namespace) -> int:
    from shipgate.errors import MalformedInput
    from shipgate.trust import ledger
    from shipgate.trust.pem import describe, fingerprint, load_certificate
    from shipgate.trust.state import CODE_SIGNING, TIMESTAMPING

    if args.root is None and args.feed_identity is None:
        args.parser_pin.error("give ROOT.pem, --feed-identity PATTERN, or both")
    if args.tsa and args.root is None:
        args.parser_pin.error("--tsa needs ROOT.pem")
    cert = None
    if args.root is not None:
        try:
            data = Path(args.root).read_bytes()
        except OSError as exc:
            raise MalformedInput(f"cannot read {args.root}: {exc.strerror}") from None
        cert = load_certificate(data, what=args.root)
    purpose = TIMESTAMPING if args.tsa else CODE_SIGNING
    with _open(args) as trust, trust.store.transaction() as tx:  # both pins, or neither
        vendor = trust.vendor(args.vendor)
        if cert is not None:
            change = ledger.pin_root(tx, vendor, cert, actor=args.actor, reason=args.reason, purpose=purpose)
            what = "timestamp authority root" if args.tsa else "root"
            print(
                f"pinned {what} {describe(cert)} (sha256 {fingerprint(cert)}) for {args.vendor}: "
                f"trust version {change.version}"
            )
        if args.feed_identity is not None:
            change = ledger.pin_feed_identity(tx, vendor, args.feed_identity, actor=args.actor, reason=args.reason)
            shown = repr(args.feed_identity) if args.feed_identity else "(removed: any [feed_signer] match)"
            print(f"feed identity of {args.vendor}: {shown}: trust version {change.version}")
    return 0


def run_unpin(args: argparse.Namespace) -> int:
    with _open(args) as trust:
        change = trust.unpin(args.vendor, args.sha256, reason=args.reason, actor=args.actor)
    print(f"unpinned {args.sha256} for {args.vendor}: trust version {change.version}")
    return 0


def run_retire(args: argparse.Namespace) -> int:
    from shipgate.trust.state import parse_time

    after = parse_time(args.after, where="--after") if args.after else None
    with _open(args) as trust:
        change = trust.retire(args.vendor, args.sha256, reason=args.reason, after=after, actor=args.actor)
    until = change.payload["retire_roots"][0]["after"]
    print(f"retired {args.sha256} for {args.vendor} (trusted until {until}): trust version {change.version}")
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    with _open(args) as trust:
        change = trust.rollback(args.vendor, args.version, reason=args.reason, actor=args.actor)
    print(f"{args.vendor}: trust rolled back to version {args.version} as new version {change.version}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from shipgate.trust.ledger import root_summary

    now = dt.datetime.now(dt.UTC)
    with _open(args) as trust:
        names = [args.vendor] if args.vendor else trust.vendors()
        states = [trust.effective(name) for name in names]
    if args.json:
        print(json.dumps([s.to_dict(now) for s in states], indent=2, ensure_ascii=False))
        return 0
    if not states:
        print(
            "no vendor is trusted yet: add <home>/trust/VENDOR.toml, or run "
            "shipgate trust pin --vendor NAME ROOT.pem --reason TEXT",
            file=sys.stderr,
        )
    for s in states:
        print(f"{s.vendor} (trust version {s.version})")
        for root in s.roots.values():
            print(f"  {root_summary(root, now)}")
        if not s.roots:
            print("  (no roots: every package of this vendor is trust.unknown_issuer)")
        for r in s.revoked.values():
            print(f"  revoked {r.sha256} ({r.reason or 'no reason'}, advisory {r.advisory_id or '-'})")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from shipgate.trust.ledger import root_summary

    now = dt.datetime.now(dt.UTC)
    with _open(args) as trust:
        vendor = trust.vendor(args.vendor)
        state = trust.effective(args.vendor, version=args.version)
    out = state.to_dict(now)
    out.update(
        config=str(vendor.source) if vendor.source else None,
        signer=vendor.signer.to_dict(),
        feed_signer=vendor.feed_signer.to_dict(),
        overlap_days=vendor.overlap_days,
        crls=[str(p) for p in vendor.crl_files],
        revocation={"fetch": vendor.revocation.mode, "timeout_seconds": vendor.revocation.timeout},
    )
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"{state.vendor} at trust version {state.version} (config: {out['config'] or 'none'})")
    for root in state.roots.values():
        print(f"  root     {root_summary(root, now)}")
    for r in state.revoked.values():
        print(f"  revoked  {r.sha256} ({r.reason or 'no reason'}, advisory {r.advisory_id or '-'})")
    print(f"  signer   {vendor.signer.describe()}")
    print(f"  feed     {vendor.feed_signer.describe() if not vendor.feed_signer.empty else 'any [feed_signer]'}")
    pinned = state.feed_identity
    print(
        f"  feed id  {pinned!r} (pinned: only this identity may sign the feed)" if pinned else "  feed id  not pinned"
    )
    print(f"  overlap  {vendor.overlap_days} days; CRLs: {', '.join(out['crls']) or 'none'}")
    print(f"  revocation fetch {vendor.revocation.mode} (timeout {vendor.revocation.timeout:g} s)")
    return 0


def run_history(args: argparse.Namespace) -> int:
    with _open(args) as trust:
        changes = trust.history(args.vendor)
    if args.json:
        print(json.dumps([c.to_dict() for c in changes], indent=2, ensure_ascii=False))
        return 0
    if not changes:
        print("no trust changes", file=sys.stderr)
    for c in changes:
        advisory = f" advisory {c.advisory_id}" if c.advisory_id else ""
        print(
            f"{c.vendor}  v{c.version}  {c.created:%Y-%m-%dT%H:%M:%SZ}  {c.kind:<8} by {c.actor}{advisory}: "
            f"{c.reason}  {_summary(c.kind, c.payload)}"
        )
    return 0


def _summary(kind: str, payload: Any) -> str:
    if kind == "pin":
        root = payload.get("root", {})
        return f"[{root.get('subject', '?')} {root.get('sha256', '?')}]"
    if kind == "unpin":
        return f"[{payload.get('sha256')}]"
    if kind == "rotate":
        added = [r.get("sha256", "?")[:16] for r in payload.get("add_roots", [])]
        retired = [f"{r.get('sha256', '?')[:16]} after {r.get('after')}" for r in payload.get("retire_roots", [])]
        return f"[add {added} retire {retired}]"
    if kind == "revoke":
        return f"[{[c.get('sha256', '?')[:16] for c in payload.get('certificates', [])]}]"
    if kind == "rollback":
        return f"[to version {payload.get('to_version')}]"
    if kind == "feed-identity":
        return f"[{payload.get('pattern') or '(removed)'}]"
    return ""
