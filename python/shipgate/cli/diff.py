"""``shipgate diff OLD.zip NEW.zip [--json]``: what the new version changes against the old one — files,
binaries, configuration keys, flags in binaries, units, jobs, endpoints, migrations — each difference once,
with its evidence; undeclared ones are findings (docs/plan.md). ``shipgate diff NEW.zip --env ENV.toml``
compares NEW with the stored index of the version the inventory says runs.

Exit status: 0 when no difference is an undeclared change of medium or higher severity, else 1; 2 for a usage
error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "diff",
        help="what a package version changes against another (or against what runs)",
        description="Compare two package versions by their indexes: files, binaries, config keys, flags, "
        "units, jobs, endpoints, migrations. With one archive and --env, compare it with the stored index of "
        "the version the inventory's components.<name> names.",
    )
    p.add_argument("archives", metavar="ARCHIVE", type=Path, nargs="+", help="OLD.zip NEW.zip, or NEW.zip with --env")
    p.add_argument("--env", metavar="ENV.toml", type=Path, help="the target's inventory, to find what runs")
    p.add_argument("--json", action="store_true", help="print the diff as JSON (schema shipgate.diff/v1)")
    p.set_defaults(handler=run)


def _running_index(new: Any, env: Path, home: Path) -> Any:
    from shipgate.errors import MalformedInput
    from shipgate.inventory import load_inventory
    from shipgate.plan.step import stored_index
    from shipgate.store import open_store

    running = load_inventory(env).components.get(new.name)
    if running is None:
        raise MalformedInput(f"{env}: components.{new.name} is not set: which version runs is unknown")
    with open_store(home=home) as store:
        old = stored_index(store, name=new.name, version=running, vendor=new.vendor)
    if old is None:
        raise MalformedInput(f"no index of {new.name} {running} is stored: verify that version's package once, "
                             "or give it: shipgate diff OLD.zip NEW.zip")
    return old


def run(args: argparse.Namespace) -> int:
    from shipgate.cli.plan import index_of
    from shipgate.errors import MalformedInput
    from shipgate.findings import Severity
    from shipgate.home import home_dir
    from shipgate.plan.diff import diff_indexes

    home = home_dir(args.home)
    if len(args.archives) > 2 or (len(args.archives) == 1 and args.env is None):
        raise MalformedInput("give OLD.zip NEW.zip, or NEW.zip --env ENV.toml")
    new = index_of(args.archives[-1], home=home)
    old = index_of(args.archives[0], home=home) if len(args.archives) == 2 else _running_index(new, args.env, home)
    diff = diff_indexes(old, new)
    findings = diff.findings()
    if args.json:
        json.dump({**diff.to_dict(), "findings": [f.to_dict() for f in findings]}, sys.stdout, indent=2,
                  ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        out = sys.stdout
        out.write(f"{old.name} {old.version} → {new.name} {new.version}: {len(diff.changes)} change(s)\n")
        for c in diff.changes:
            arrow = f"{c.old} → {c.new}" if c.old and c.new else (c.new or c.old or "")
            flag = f"  [{c.code}]" if c.code else ""
            out.write(f"  {c.kind:15} {c.subject}  {arrow}  ({c.where}){flag}\n")
        for f in findings:
            out.write(f"{f.severity.label.upper():8} {f.code}: {f.message}\n")
    return 1 if any(f.severity >= Severity.MEDIUM for f in findings) else 0
