"""The ``shipgate`` command line (spellings: docs/formats.md §5).

Each command group lives in its own module with a ``register(subparsers)`` function that adds its parser
and sets ``handler``; handlers return the exit status. Heavy imports happen inside handlers so that
``shipgate hash`` starts fast.

Exit status everywhere: 0 success (or allow/warn), 1 a negative answer, 2 a usage error or an internal
failure. No traceback reaches the user unless ``SHIPGATE_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from shipgate import __version__
from shipgate.cli import admit as admit_command
from shipgate.cli import advisories as advisories_command
from shipgate.cli import audit as audit_command
from shipgate.cli import demo as demo_command
from shipgate.cli import diff as diff_command
from shipgate.cli import hash as hash_command
from shipgate.cli import inspect as inspect_command
from shipgate.cli import plan as plan_command
from shipgate.cli import policy as policy_command
from shipgate.cli import serve as serve_command
from shipgate.cli import trust as trust_command
from shipgate.cli import verdicts as verdicts_command
from shipgate.cli import verify as verify_command
from shipgate.cli import verify_blob as verify_blob_command
from shipgate.cli import verify_vsa as verify_vsa_command
from shipgate.errors import ShipgateError

HOME_HELP = "state and configuration directory (default: $SHIPGATE_HOME, else the user's data directory)"
EXIT_OK = 0
EXIT_NEGATIVE = 1
EXIT_USAGE = 2

# Command modules, in the order `shipgate --help` lists them.
COMMANDS = [
    hash_command,
    inspect_command,
    verify_command,
    plan_command,
    diff_command,
    verdicts_command,
    audit_command,
    trust_command,
    advisories_command,
    verify_blob_command,
    verify_vsa_command,
    policy_command,
    admit_command,
    serve_command,
    demo_command,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shipgate",
        description="Verify vendor upgrade packages: ALLOW / WARN / DENY with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"shipgate {__version__}")
    parser.add_argument("--home", metavar="DIR", default=None, help=HOME_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    _home_after_the_command(parser)
    return parser


def _home_after_the_command(parser: argparse.ArgumentParser) -> None:
    """``--home DIR`` is accepted after the command too (docs/formats.md §5): every command's parser takes it,
    without a default of its own, so one given before the command is kept. ``args.home`` is None unless
    given; ``shipgate.home.home_dir`` then falls back to $SHIPGATE_HOME (``shipgate demo`` tells the two
    apart: it writes into a home only when one was named explicitly)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                sub.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=HOME_HELP)
                _home_after_the_command(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except KeyboardInterrupt:
        print("shipgate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`shipgate hash ... | head`): not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except ShipgateError as exc:
        if os.environ.get("SHIPGATE_DEBUG"):
            raise
        print(f"shipgate: {exc.diagnostics()}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the promise: no traceback to the user
        if os.environ.get("SHIPGATE_DEBUG"):
            raise
        print(
            f"shipgate: internal error: {type(exc).__name__}: {exc} (set SHIPGATE_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return status


def run() -> None:
    sys.exit(main())
