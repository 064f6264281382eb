"""``shipgate advisories subscribe|sync|status|list|show|check|import-csaf``: vendor feeds and CSAF advisories.

Spellings: docs/formats.md §5. ``sync`` exits 1 when the feed (or a CSAF provider) is rejected (the reason, a stable
``advisory.`` code, on stderr) and leaves the stored state as it was; ``subscribe`` likewise; ``import-csaf``
exits 1 when any document was refused (the valid ones are still stored).
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

    subscribe = sub.add_parser(
        "subscribe", help="follow a CSAF provider (provider-metadata.json): pin its OpenPGP key, first sync"
    )
    subscribe.add_argument("--vendor", required=True, metavar="NAME")
    subscribe.add_argument(
        "url", metavar="URL", help="provider-metadata.json URL, or a host (its /.well-known/csaf/ metadata)"
    )
    subscribe.add_argument(
        "--fingerprint", metavar="HEX", help="pin only this key (confirm it with the provider out of band)"
    )
    subscribe.add_argument(
        "--key", action="append", default=[], metavar="FILE", help="the provider's public key, given out of band"
    )
    subscribe.add_argument(
        "--allow-tlp",
        action="append",
        default=[],
        metavar="LABEL",
        help="also store documents labelled TLP:LABEL (GREEN, AMBER, RED); default: TLP:CLEAR/WHITE only",
    )
    subscribe.add_argument("--json", action="store_true")
    subscribe.set_defaults(handler=run_subscribe)

    sync = sub.add_parser(
        "sync", help="fetch, verify and apply a vendor's signed feed (docs/formats.md §2) and its CSAF providers"
    )
    sync.add_argument("--vendor", required=True, metavar="NAME")
    sync.add_argument(
        "source",
        nargs="?",
        metavar="SOURCE",
        help="directory or base URL, or a subscribed provider-metadata.json URL (default: the vendor's "
        "configured feed and every CSAF provider it is subscribed to)",
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


def run_subscribe(args: argparse.Namespace) -> int:
    from pathlib import Path

    from shipgate.advisories.csaf_sync import subscribe
    from shipgate.advisories.openpgp import MAX_KEY_BYTES
    from shipgate.errors import MalformedInput

    keys = []
    for name in args.key:
        try:
            with Path(name).open("rb") as handle:
                keys.append(handle.read(MAX_KEY_BYTES + 1))  # load_key refuses what is larger
        except OSError as exc:
            raise MalformedInput(f"cannot read --key {name}: {exc.strerror}") from None
    store, _ = _open(args)
    with store:
        result = subscribe(
            store, args.vendor, args.url, fingerprint=args.fingerprint, key_files=keys, allow_tlp=args.allow_tlp
        )
    return _provider_outcome(args, result)


def _provider_outcome(args: argparse.Namespace, result: Any) -> int:
    if args.json:
        _emit(result.to_dict())
    if not result.ok:
        print(f"shipgate: {result.code}: {result.message}", file=sys.stderr)
        return 1
    if not args.json:
        print(result.describe())
        for note in result.notes:
            print(f"  note: {note}")
        for name, reason in (*result.invalid, *result.withheld):
            print(f"  skipped {name}: {reason}")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from shipgate.advisories.csaf_provider import subscriptions
    from shipgate.advisories.csaf_sync import sync_provider
    from shipgate.advisories.status import configured_source
    from shipgate.advisories.sync import sync_feed
    from shipgate.errors import UnsupportedInput

    store, config = _open(args)
    with store:
        vendor = config.get(args.vendor)
        providers = subscriptions(store, args.vendor)
        chosen = [p for p in providers if args.source in (None, p.url)]
        source = args.source or configured_source(vendor)
        if args.source and chosen:  # SOURCE names a subscribed CSAF provider
            source = None
        if not source and not chosen:
            raise UnsupportedInput(
                f"no SOURCE given and {args.vendor!r} has no `feed` in its trust config and no CSAF provider "
                "subscription; pass a directory or base URL, or subscribe with shipgate advisories subscribe"
            )
        results: list[Any] = [sync_feed(store, vendor, source)] if source else []
        results += [sync_provider(store, p) for p in chosen]
    status = 0
    for result in results:
        if args.json:
            _emit(result.to_dict())
        if not result.ok:
            print(f"shipgate: {result.code}: {result.message}", file=sys.stderr)
            status = 1
        elif not args.json:
            print(result.describe())
    return status


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{sign}{seconds / size:.1f}{unit}"
    return f"{sign}{seconds:.0f}s"


def run_status(args: argparse.Namespace) -> int:
    from shipgate.advisories.csaf_provider import subscriptions
    from shipgate.advisories.status import feed_freshness

    store, config = _open(args)
    with store:
        rows = feed_freshness(store, config)
        providers = subscriptions(store)
    if args.json:
        _emit({"feeds": [r.to_dict() for r in rows], "csaf_providers": [p.summary() for p in providers]})
        return 0
    if not rows and not providers:
        print("no advisory feed synced or configured, no CSAF provider subscribed")
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
    for p in providers:
        summary = p.summary()
        print(
            f"{p.vendor}: CSAF provider {p.url} ({p.publisher or 'publisher unknown'}); key "
            f"{', '.join(summary['key_fingerprints'])}; last change {summary['last_change'] or 'none'}; "
            f"{p.documents} documents; last sync {summary['last_sync'] or 'never'}"
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
    store, _ = _open(args)
    with store:
        found = [r for r in store.advisories(args.vendor) if r.advisory_id == args.advisory_id]
    if not found:  # a negative answer (exit 1), like `verdicts show` for a digest with no verdict
        print(f"no stored advisory {args.advisory_id!r} (shipgate advisories list shows them)", file=sys.stderr)
        return 1
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
