"""``shipgate demo``: the dten story (README, Quick start) end to end, in a temporary directory and a temporary home: it
writes into a home only when ``--home`` names one explicitly (never ``$SHIPGATE_HOME``, never
``$SHIPGATE_STATE_URL``): a vendor CA rotation, the story's package, verify → DENY (unknown issuer), the signed
advisory feed synced, verify again → every preflight risk listed with file and line.

Exit 0 when every step turned out as the story says, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "demo",
        help="run the dten story (README, Quick start) end to end (CA rotation, advisory feed, preflight) "
        "in a temporary directory",
        description="Build a vendor with an old and a new CA, the story's upgrade package, a target inventory "
        "and the vendor's signed advisory feed; verify before and after syncing the feed. Uses a temporary "
        "home unless --home is given explicitly ($SHIPGATE_HOME is not used). Exit 0 when every story risk "
        "was found.",
    )
    p.add_argument("--keep", metavar="DIR", help="build in DIR (kept) instead of a temporary directory")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from shipgate.demo.run import run_demo

    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    with tempfile.TemporaryDirectory(prefix="shipgate-demo-") as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        home = Path(args.home) if args.home else workdir / "home"  # None unless --home was given
        result = run_demo(workdir, home=home, say=lambda text: print(text, flush=True), colour=colour)
    if result.ok:
        found = len(result.after.findings)
        print(
            f"demo: as the story says — DENY before the feed (trust.unknown_issuer); after the signed CA-rotation "
            f"advisory the signature is trusted and {found} findings remain, every story risk among them "
            f"(verdict {result.after.verdict.upper()})."
        )
        return 0
    for problem in result.problems:
        print(f"demo: {problem}", file=sys.stderr)
    return 1
