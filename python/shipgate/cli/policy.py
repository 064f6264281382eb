"""``shipgate policy``: explain a finding code, and check a policy file."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "policy",
        help="explain finding codes; check policy files",
        description="Explain what a finding code means and what a policy does with it.",
    )
    sub = p.add_subparsers(dest="policy_command", metavar="SUBCOMMAND", required=True)
    explain = sub.add_parser("explain", help="what a finding code means, its default severity and verdict")
    explain.add_argument("code", metavar="CODE", help="a finding code, e.g. preflight.systemd_unit_missing")
    explain.add_argument("--policy", metavar="FILE", help="judge with this policy file instead of the default")
    explain.set_defaults(handler=run_explain)
    check = sub.add_parser("check", help="validate a policy file and summarise its rules and waivers")
    check.add_argument("file", metavar="FILE")
    check.set_defaults(handler=run_check)


def run_explain(args: argparse.Namespace) -> int:
    from shipgate.codes import lookup
    from shipgate.findings import Finding, Severity
    from shipgate.policy import Policy

    policy = Policy.load(args.policy) if args.policy else Policy.default()
    info = lookup(args.code)
    if info is None:
        print(f"shipgate policy explain: unknown finding code {args.code!r}", file=sys.stderr)
        try:
            probe = Finding(code=args.code, severity=Severity.INFO, message="")
        except ValueError:
            return 1
        # Still say what the policy would do with such a code, severity by severity.
        print(f"{probe.code} (not in the catalogue)")
        for severity in reversed(Severity):
            action, rule = policy.judge(Finding(code=probe.code, severity=severity, message=""))
            print(f"  if {severity.label + ':':9} {action.label} ({rule})")
        return 1
    action, rule = policy.judge(Finding(code=info.code, severity=info.severity, message=info.meaning))
    print(f"{info.code}")
    print(f"  meaning:          {info.meaning}")
    print(f"  default severity: {info.severity_text}")
    print(f"  remedy:           {info.remedy}")
    print(f"  verdict:          {action.label} ({rule})")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from shipgate.policy import Policy

    policy = Policy.load(args.file)
    now = datetime.now(UTC)
    print(f"{args.file}: ok, {len(policy.rules)} rules, {len(policy.waivers)} waivers")
    for i, rule in enumerate(policy.rules):
        print(f"  rules[{i}]: {rule.describe()}")
    for w in policy.waivers:
        state = "EXPIRED" if w.expired(now) else "active"
        scope = ", ".join(
            f"{k}={getattr(w, k)}" for k in ("vendor", "package", "version", "path") if getattr(w, k) is not None
        )
        print(
            f"  waivers[{w.index}]: {w.code} [{scope}] owner {w.owner}, expires {w.expires:%Y-%m-%d} "
            f"({state}): {w.reason}"
        )
    return 0
