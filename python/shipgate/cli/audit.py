"""``shipgate audit verify|list|export``: the hash-chained audit log of every decision and change.

The state is ``$SHIPGATE_STATE_URL`` when set, else ``<home>/state.db``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "audit",
        help="verify, list or export the audit log",
        description="The audit log records every verdict and every trust, feed and advisory change in a "
        "SHA-256 hash chain.",
    )
    sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser(
        "verify", help="walk the hash chain; exit 1 naming the first broken entry, 0 when intact"
    )
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    verify.set_defaults(handler=run_verify)
    for name, helptext in (
        ("list", "print entries (oldest first)"),
        ("export", "print entries as JSON lines (one canonical JSON object per line)"),
    ):
        q = sub.add_parser(name, help=helptext)
        q.add_argument(
            "--since", metavar="TIME", help="only entries at or after TIME (ISO-8601, UTC if no zone)"
        )
        q.add_argument(
            "--action", metavar="A", help="only entries of this action (verdict.record, trust.pin, ...)"
        )
        if name == "list":
            q.add_argument("--json", action="store_true", help="print one JSON array")
            q.set_defaults(handler=run_list)
        else:
            q.set_defaults(handler=run_export)


def run_verify(args: argparse.Namespace) -> int:

    from shipgate.store import open_store

    with open_store(home=args.home) as store:
        result = store.verify_audit()
    if args.json:
        print(
            json.dumps(
                {
                    "ok": result.ok,
                    "checked": result.checked,
                    "head_seq": result.head_seq,
                    "broken_seq": result.broken_seq,
                    "problem": result.problem or None,
                }
            )
        )
    else:
        print(result.describe(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _entries(args: argparse.Namespace) -> Any:
    """A generator over the filtered entries, read from one snapshot, streamed."""

    from shipgate.store import open_store, parse_time

    since = parse_time(args.since) if args.since else None
    with open_store(home=args.home) as store, store.transaction(write=False) as tx:
        yield from tx.audit_entries(since=since, action=args.action)


def run_list(args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps([e.to_dict() for e in _entries(args)], indent=2, ensure_ascii=False))
        return 0
    for entry in _entries(args):
        print(f"{entry.seq:>6}  {entry.time}  {entry.actor:<12}  {entry.action:<18}  {entry.subject}")
    return 0


def run_export(args: argparse.Namespace) -> int:

    from shipgate.store.audit import to_json_lines

    for line in to_json_lines(_entries(args)):
        sys.stdout.write(line + "\n")
    return 0
