"""``shipgate advisories sync|status|list|show|check|import-csaf``: vendor feeds and CSAF advisories.

Spellings: FORMATS §5. ``sync`` exits 1 when the feed is rejected (the reason, a stable ``advisory.``
code, on stderr) and leaves the stored state as it was; ``import-csaf`` exits 1 when any document was
refused (the valid ones are still stored).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "advisories",
        help="vendor advisory feeds and CSAF advisories: sync, status, list, show, check, import-csaf",
        description="Sync signed vendor advisory feeds, import CSAF 2.0 advisories, and show what is stored.",
    )
    sub = p.add_subparsers(dest="advisories_command", metavar="ACTION", required=True)

    sync = sub.add_parser("sync", help="fetch, verify and apply a vendor's signed feed (FORMATS §2)")
    sync.add_argument("--vendor", required=True, metavar="NAME")
    sync.add_argument(
        "source", nargs="?", metavar="SOURCE", help="directory or base URL (default: the vendor's configured feed)"
    )
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=run_sync)

    status = sub.add_parser("status", help="each vendor's feed: version, age, expiry, stale or not")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_status)

    ls = sub.add_parser("list", help="stored advisories")
    ls.add_argument("--vendor", metavar="NAME")
    ls.add_argument(
        "--kind", metavar="KIND", help="ca-rotation, revocation, withdrawn-package, config-change, notice, csaf"
    )
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=run_list)

    show = sub.add_parser("show", help="one stored advisory, as the vendor published it")
    show.add_argument("advisory_id", metavar="ID")
    show.add_argument("--vendor", metavar="NAME")
    show.set_defaults(handler=run_show)

    check = sub.add_parser("check", help="the advisories and findings that apply to a package")
    check.add_argument("--vendor", required=True, metavar="NAME")
    check.add_argument("--name", required=True, metavar="PACKAGE")
    check.add_argument("--version", required=True, metavar="VERSION")
    check.add_argument("--sha256", metavar="HEX", help="the archive digest (withdrawals and CSAF file hashes)")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=run_check)

    imp = sub.add_parser(
        "import-csaf", help="import CSAF 2.0 advisories: a file, a directory or provider-metadata.json"
    )
    imp.add_argument(
        "path", metavar="PATH", help="a CSAF file, a directory of them, or a provider-metadata.json (path or URL)"
    )
    imp.add_argument(
        "--vendor", metavar="NAME", help="file them under this vendor (default: the product tree's vendor)"
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    from shipgate.home import home_dir
    from shipgate.store import open_store
    from shipgate.trust import TrustConfig, trust_dir

    home = home_dir(args.home)
    return open_store(home=home), TrustConfig.load(trust_dir(home))


def _emit(data: Any) -> None:
    print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str))


def run_sync(args: argparse.Namespace) -> int:
    from shipgate.advisories.status import configured_source
    from shipgate.advisories.sync import sync_feed
    from shipgate.errors import UnsupportedInput

    store, config = _open(args)
    with store:
        vendor = config.get(args.vendor)
        source = args.source or configured_source(vendor)
        if not source:
            raise UnsupportedInput(
                f"no SOURCE given and {args.vendor!r} has no `feed` in its trust config; pass a directory or base URL"
            )
        result = sync_feed(store, vendor, source)
    if args.json:
        _emit(result.to_dict())
    if not result.ok:
        print(f"shipgate: {result.code}: {result.message}", file=sys.stderr)
        return 1
    if not args.json:
        print(result.describe())
    return 0


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{sign}{seconds / size:.1f}{unit}"
    return f"{sign}{seconds:.0f}s"


def run_status(args: argparse.Namespace) -> int:
    from shipgate.advisories.status import feed_freshness

    store, config = _open(args)
    with store:
        rows = feed_freshness(store, config)
    if args.json:
        _emit({"feeds": [r.to_dict() for r in rows]})
        return 0
    if not rows:
        print("no advisory feed synced or configured")
        return 0
    for r in rows:
        if r.feed_version is None:
            print(f"{r.vendor}: never synced (configured feed {r.configured_source}) STALE")
            continue
        flag = "STALE" if r.stale else "fresh"
        print(
            f"{r.vendor}: v{r.feed_version} {flag}, accepted {_age(r.age_seconds)} ago, expires in "
            f"{_age(r.expires_in_seconds)} ({r.expires:%Y-%m-%dT%H:%M:%SZ}), from {r.source}"
        )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from shipgate.advisories.query import _record

    store, _ = _open(args)
    with store:
        records = store.advisories(args.vendor, kind=args.kind)
    summaries = [_record(r).summary() for r in records]
    if args.json:
        _emit({"advisories": summaries})
        return 0
    for s in summaries:
        published = (s["published"] or "-")[:10]
        print(f"{s['vendor']}  {s['id']}  {s['kind']:<17} {published}  {s['title']}")
    if not summaries:
        print("no advisories stored")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from shipgate.errors import UnsupportedInput

    store, _ = _open(args)
    with store:
        found = [r for r in store.advisories(args.vendor) if r.advisory_id == args.advisory_id]
    if not found:
        raise UnsupportedInput(f"no stored advisory {args.advisory_id!r} (shipgate advisories list shows them)")
    _emit([r.to_dict() for r in found] if len(found) > 1 else found[0].to_dict())
    return 0


def run_check(args: argparse.Namespace) -> int:
    from shipgate.advisories.query import advisory_findings, applicable_advisories

    store, _ = _open(args)
    with store:
        package = {"vendor": args.vendor, "name": args.name, "version": args.version, "sha256": args.sha256}
        advisories = applicable_advisories(store, **package)
        findings = advisory_findings(store, **package)
    if args.json:
        _emit({"advisories": [a.summary() for a in advisories], "findings": [f.to_dict() for f in findings]})
    else:
        for a in advisories:
            print(f"{a.id}  {a.kind}  {a.title}")
        for f in findings:
            print(f"{f.severity.label.upper():<8} {f.code}: {f.message}")
        if not advisories and not findings:
            print(f"no advisory applies to {args.name} {args.version}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from shipgate.advisories.csaf_import import import_csaf

    store, _ = _open(args)
    with store:
        result = import_csaf(store, args.path, vendor=args.vendor)
    if args.json:
        _emit(result.to_dict())
    else:
        print(
            f"imported {len(result.imported)}, unchanged {len(result.unchanged)}, rejected {len(result.rejected)} "
            f"from {args.path}"
        )
        for ident in result.imported:
            print(f"  + {ident}")
    for name, reason in result.rejected:
        print(f"shipgate: advisory.csaf_invalid: {name}: {reason}", file=sys.stderr)
    return 0 if result.ok else 1
