"""``shipgate verify PACKAGE.zip``: the whole verification, in-process, with a report.

    shipgate verify PACKAGE.zip [--vendor NAME] [--env ENV.toml] [--policy FILE] [--expect-sha256 HEX]
                    [--json | --sarif | --html FILE] [--attest FILE] [--fail-on warn] [--server HOST:PORT]

Exit 0 allow or warn (1 for warn with ``--fail-on warn``), 1 deny, 2 usage or internal failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shipgate.report.model import Report

# Archives above this get a progress bar while they are hashed (when stderr is a terminal).
PROGRESS_ABOVE = 256 << 20


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "verify",
        help="verify an upgrade package: ALLOW / WARN / DENY with evidence",
        description="Inspect the archive, check the manifest against it, verify the signature against the "
        "pinned trust store, apply the vendor's advisories, run preflight checks against the target "
        "environment and decide with the policy. The verdict is stored by the archive's digest. "
        "Exit 0 allow/warn (1 for warn with --fail-on warn), 1 deny, 2 usage or internal failure.",
    )
    p.add_argument("package", metavar="PACKAGE.zip")
    p.add_argument("--vendor", metavar="NAME", help="whose trust applies (default: the manifest's package.vendor)")
    p.add_argument(
        "--env", metavar="ENV.toml", help="the target's inventory (docs/formats.md §3); --server sends the file"
    )
    p.add_argument("--policy", metavar="FILE", help="policy TOML (default: the safe default); --server sends the file")
    p.add_argument("--env-name", metavar="NAME", help="with --server: an environment configured on the server")
    p.add_argument("--policy-name", metavar="NAME", help="with --server: a policy configured on the server")
    p.add_argument("--profile", metavar="FILE", help="package profile TOML for a vendor's own layout")
    p.add_argument("--expect-sha256", metavar="HEX", help="the archive's SHA-256 as the vendor published it")
    p.add_argument("--expect-blake3", metavar="HEX", help="the archive's BLAKE3 as the vendor published it")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the report as JSON (schema shipgate.report/v1)")
    out.add_argument("--sarif", action="store_true", help="print the report as SARIF 2.1.0")
    out.add_argument("--html", metavar="FILE", help="write a self-contained HTML report to FILE")
    p.add_argument("--attest", metavar="FILE", help="write a signed in-toto SLSA verification summary (DSSE)")
    p.add_argument("--fail-on", choices=["warn", "deny"], default="deny", help="exit 1 from this verdict on")
    p.add_argument("--server", metavar="HOST:PORT", help="verify on a shipgate server instead of in-process")
    p.add_argument(
        "--no-store",
        action="store_true",
        help="do not record the verdict (trust state and advisories are still read from the store)",
    )
    p.set_defaults(handler=run, parser=p)


def exit_status(verdict: str, fail_on: str) -> int:
    if verdict == "deny" or (verdict == "warn" and fail_on == "warn"):
        return 1
    return 0


def _remote(args: argparse.Namespace) -> int:
    """Stream the archive to a shipgate server's ``Verify``; the same report and exit status as local mode."""
    from shipgate.cli.progress import ProgressBar
    from shipgate.service.client import verify_remote

    path = _package_path(args.package)
    if path is None:
        return 2
    if args.attest or args.profile or args.no_store:
        print("shipgate verify: --attest, --profile and --no-store are local-only; omit --server", file=sys.stderr)
        return 2
    if (args.env and args.env_name) or (args.policy and args.policy_name):
        args.parser.error("give --env or --env-name, --policy or --policy-name, not both")
    from shipgate.inventory import MAX_INVENTORY_BYTES
    from shipgate.policy.load import MAX_POLICY_BYTES

    environment_toml = _bounded(args.env, MAX_INVENTORY_BYTES, "--env")
    policy_toml = _bounded(args.policy, MAX_POLICY_BYTES, "--policy")
    bar = ProgressBar(f"upload {path.name}", path.stat().st_size)
    try:
        report = verify_remote(
            args.server,
            path,
            file_name=args.package,
            vendor=args.vendor,
            environment=args.env_name,
            policy=args.policy_name,
            environment_toml=environment_toml,
            policy_toml=policy_toml,
            expect_sha256=args.expect_sha256,
            expect_blake3=args.expect_blake3,
            progress=bar,
        )
    finally:
        bar.close()
    return _emit(report, args)


def _bounded(name: str | None, limit: int, option: str) -> bytes | None:
    """A file sent to the server with its content: read up to ``limit`` bytes, refused above."""
    if not name:
        return None
    from shipgate.errors import MalformedInput

    try:
        with Path(name).open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise MalformedInput(f"{option} {name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise MalformedInput(f"{option} {name}: larger than {limit} bytes")
    return data


def _package_path(name: str) -> Path | None:
    """The package as a path, or None after saying on stderr why it cannot be verified."""
    path = Path(name)
    if path.is_file():
        return path
    reason = "not a regular file" if path.exists() else "no such file"
    print(f"shipgate verify: {path}: {reason}", file=sys.stderr)
    return None


def _emit(report: Report, args: argparse.Namespace) -> int:
    """Print ``report`` in the format asked for; the exit status its verdict gives."""
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.sarif:
        from shipgate.report.sarif import to_sarif

        json.dump(to_sarif(report), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        from shipgate.report.text import render_text

        if args.html:
            from shipgate.report.html import render_html

            Path(args.html).write_text(render_html(report), encoding="utf-8")
        sys.stdout.write(render_text(report, colour=sys.stdout.isatty() and not os.environ.get("NO_COLOR")))
        if args.html:
            sys.stdout.write(f"HTML report written to {args.html}\n")
    return exit_status(report.verdict, args.fail_on)


def run(args: argparse.Namespace) -> int:
    if args.server:
        return _remote(args)
    if args.env_name or args.policy_name:
        args.parser.error("--env-name and --policy-name name configurations of a server: use --server")
    from shipgate.cli.progress import ProgressBar
    from shipgate.home import home_dir
    from shipgate.package.profile import PackageProfile
    from shipgate.verifier import VerifyRequest, verify_package

    for option, value in (("--expect-sha256", args.expect_sha256), ("--expect-blake3", args.expect_blake3)):
        if value is not None and not re.fullmatch(r"[0-9a-fA-F]{64}", value.strip()):
            args.parser.error(f"{option} takes 64 hexadecimal digits")
    path = _package_path(args.package)
    if path is None:
        return 2
    home = home_dir(args.home)
    request = VerifyRequest(
        vendor=args.vendor,
        env=Path(args.env) if args.env else None,
        policy_path=Path(args.policy) if args.policy else None,
        profile=PackageProfile.load(args.profile) if args.profile else None,
        expect_sha256=args.expect_sha256,
        expect_blake3=args.expect_blake3,
        actor=f"cli:{os.environ.get('USER', 'operator')}",
        record=not args.no_store,
    )
    size = path.stat().st_size
    bar = ProgressBar(f"verify {path.name}", size) if size > PROGRESS_ABOVE else None
    try:
        from shipgate.store import open_store

        # --no-store still reads trust state and advisories: it only does not record the verdict.
        with open_store(home=home) as store:
            report = verify_package(path, request=request, store=store, home=home, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    if args.attest:
        from shipgate.attest import write_attestation

        write_attestation(report, Path(args.attest), home=home)
    return _emit(report, args)
