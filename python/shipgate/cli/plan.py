"""``shipgate plan PACKAGE.zip [--env ENV.toml] [--previous OLD.zip] [--window DURATION]
[--format text|md|json|html]``: the upgrade plan (docs/plan.md).

The package is verified as ``shipgate verify`` does (its verdict is stored, with its index); the plan is
made against ``--previous`` when given, else the stored index of the version the inventory says runs.
Exit status: 0 when the plan has no high or critical finding, 1 when it has, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

FORMATS = ("text", "md", "json", "html")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "plan",
        help="the upgrade plan: before, window, rollback, cleanup, status template",
        description="Verify the package, compare it with the version that runs (the stored index of the "
        "inventory's components.<name>, or --previous), and print the upgrade plan. Exit 1 when the plan has "
        "a high or critical finding.",
    )
    p.add_argument("package", metavar="PACKAGE.zip", type=Path)
    p.add_argument("--env", metavar="ENV.toml", type=Path, help="the target's inventory (docs/formats.md §3)")
    p.add_argument("--previous", metavar="OLD.zip", type=Path, help="the package of the version that runs")
    p.add_argument("--window", metavar="DURATION", help="the negotiated window (5m, 1h30m, PT2H)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--vendor", metavar="NAME", help="whose trust applies (default: the manifest's vendor)")
    p.set_defaults(handler=run)


def index_of(path: Path, *, home: Path | None) -> Any:
    """The index of another package (``--previous``, ``shipgate diff``): verified without storing."""
    from shipgate.errors import MalformedInput
    from shipgate.verifier import verify_package

    report = verify_package(path, store=None, home=home)
    if report.index is None:
        reasons = "; ".join(f"{f.code}: {f.message}" for f in report.sorted_findings()[:3])
        raise MalformedInput(f"{path}: cannot be indexed (its manifest or archive cannot be read: {reasons})")
    return report.index


def run(args: argparse.Namespace) -> int:
    from shipgate.errors import MalformedInput
    from shipgate.findings import Severity
    from shipgate.home import home_dir
    from shipgate.package.durations import DurationError, parse_duration
    from shipgate.plan.render_html import render_plan_html
    from shipgate.plan.render_text import render_plan_markdown, render_plan_text
    from shipgate.plan.step import PlanRequest
    from shipgate.store import open_store
    from shipgate.verifier import VerifyRequest, verify_package

    home = home_dir(args.home)
    try:
        window = parse_duration(args.window) if args.window else None
    except DurationError as exc:
        raise MalformedInput(f"--window: {exc}") from None
    previous = index_of(args.previous, home=home) if args.previous else None
    request = VerifyRequest(
        vendor=args.vendor,
        env=args.env,
        actor="plan",
        plan=PlanRequest(previous=previous, previous_label=f"--previous {args.previous}", window=window),
    )
    with open_store(home=home) as store:
        report = verify_package(args.package, request=request, store=store, home=home)
    plan = report.plan
    if plan is None:
        reasons = "; ".join(f"{f.code}: {f.message}" for f in report.sorted_findings()[:3])
        print(f"shipgate plan: no plan: the package could not be read ({reasons})", file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(plan.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        render = {"text": render_plan_text, "md": render_plan_markdown, "html": render_plan_html}[args.format]
        sys.stdout.write(render(plan))
    return 1 if any(f.severity >= Severity.HIGH for f in plan.findings) else 0
