"""``shipgate verdicts list [--superseded]|show``: the verdicts stored by package digest (what the admission
hook answers from), and those a later trust change or advisory superseded. The state is
``$SHIPGATE_STATE_URL`` when set, else ``<home>/state.db``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shipgate.store import VerdictRecord


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("verdicts", help="list or show stored verdicts")
    sub = p.add_subparsers(dest="verdicts_command", metavar="ACTION", required=True)
    ls = sub.add_parser("list", help="stored verdicts, newest first")
    ls.add_argument("--vendor", metavar="NAME", help="only this vendor's packages")
    ls.add_argument("--limit", type=int, metavar="N", help="at most N verdicts")
    ls.add_argument("--json", action="store_true", help="print one JSON array")
    ls.add_argument(
        "--superseded", action="store_true", help="only verdicts a later trust change or advisory superseded"
    )
    ls.set_defaults(handler=run_list)
    show = sub.add_parser("show", help="the newest verdict for an archive digest; exit 1 if none")
    show.add_argument(
        "digest", metavar="DIGEST", help="SHA-256 or BLAKE3 hex digest (or sha256:HEX, blake3:HEX)"
    )
    show.add_argument("--json", action="store_true", help="print the verdict as JSON")
    show.set_defaults(handler=run_show)


def run_list(args: argparse.Namespace) -> int:

    from shipgate.store import open_store

    with open_store(home=args.home) as store:
        records = store.verdicts(vendor=args.vendor, limit=args.limit, superseded=True if args.superseded else None)
    if args.json:
        print(json.dumps([r.to_dict() for r in records], indent=2, ensure_ascii=False))
        return 0
    for r in records:
        package = f"{r.package_name} {r.package_version} ({r.vendor})"
        line = f"{r.verdict.upper():<5}  {r.sha256}  {package}  {r.created:%Y-%m-%dT%H:%M:%SZ}"
        if r.superseded is not None:
            line += f"  SUPERSEDED {r.superseded:%Y-%m-%dT%H:%M:%SZ}: {r.superseded_by}"
        print(line)
    return 0


def run_show(args: argparse.Namespace) -> int:

    from shipgate.store import open_store

    with open_store(home=args.home) as store:
        record = store.get_verdict(args.digest)
    if record is None:
        print(f"shipgate verdicts: no verdict stored for {args.digest}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(record.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(_describe(record))
    return 0


def _describe(r: VerdictRecord) -> str:
    expires = (
        f"{r.expires:%Y-%m-%dT%H:%M:%SZ}" + (" (expired)" if r.is_expired() else "") if r.expires else "never"
    )
    lines = [
        f"verdict   {r.verdict.upper()}",
        f"package   {r.package_name} {r.package_version} ({r.vendor})",
        f"sha256    {r.sha256}",
        f"blake3    {r.blake3 or '-'}",
        f"policy    {r.policy_id or '-'}    verifier {r.verifier_version or '-'}",
        f"created   {r.created:%Y-%m-%dT%H:%M:%SZ}    expires {expires}",
        f"basis     policy {r.policy_digest[:16] or '-'}  environment {r.env_digest[:16] or '-'}  "
        f"trust v{r.trust_version}  feed {'v' + str(r.feed_version) if r.feed_version is not None else '-'}  "
        f"{'signed' if r.signed else 'not signed'}",
    ]
    if r.superseded is not None:
        lines.append(f"SUPERSEDED {r.superseded:%Y-%m-%dT%H:%M:%SZ}: {r.superseded_by}")
    for waiver in r.evidence.waivers:
        w = waiver.get("waiver") or {}
        lines.append(f"waiver    {waiver.get('code')} by {w.get('owner')} until {w.get('expires')}: {w.get('reason')}")
    lines.append(f"findings  {len(r.findings)}")
    for f in r.findings:
        where = f" {f.path}:" if f.path else ""
        lines.append(f"  {f.severity.label:<8} {f.code}{where} {f.message}")
    return "\n".join(lines)
