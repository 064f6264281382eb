"""``shipgate hash``: digests of files or stdin, printed like ``sha256sum``/``b3sum``, or checked."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from shipgate import _native
from shipgate.checksums import format_line, parse_line
from shipgate.cli.progress import ProgressBar
from shipgate.errors import MalformedInput, ShipgateError

# Files above this get a progress bar (when stderr is a terminal).
PROGRESS_MIN = 256 * 1024 * 1024
# Stdin is read in chunks this big so several digests run in parallel on each.
STDIN_CHUNK = 4 * 1024 * 1024


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "hash",
        help="print or check BLAKE3 / SHA-256 / SHA-512 digests",
        description="Print digests like sha256sum/b3sum (one algorithm), tagged lines (several), "
        "or JSON; '-' reads stdin.",
    )
    p.add_argument(
        "-a",
        "--algorithms",
        default="sha256",
        metavar="ALG[,ALG]",
        help="comma-separated: sha256, blake3, sha512 (default: sha256)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per file")
    p.add_argument("--check", metavar="SUMS", help="verify the files listed in a sums file ('-' for stdin)")
    p.add_argument("--quiet", action="store_true", help="with --check, do not print OK lines")
    p.add_argument("files", nargs="*", metavar="FILE", help="files to hash; '-' is stdin")
    p.set_defaults(handler=run)


def _algorithms(spec: str) -> list[str]:
    names = [a.strip().lower() for a in spec.split(",") if a.strip()]
    unknown = [a for a in names if a not in _native.ALGORITHMS]
    if not names or unknown:
        raise MalformedInput(
            f"unknown algorithm {', '.join(unknown) or '(none)'}; choose from {', '.join(_native.ALGORITHMS)}"
        )
    return list(dict.fromkeys(names))


def digest_path(path: str, algorithms: list[str]) -> dict[str, str]:
    """Digests of a path, or of stdin for ``-``."""
    if path == "-":
        digest = _native.MultiDigest(algorithms)
        stream = sys.stdin.buffer
        while chunk := stream.read(STDIN_CHUNK):
            digest.update(chunk)
        return digest.hexdigests()
    size = os.stat(path).st_size
    bar = ProgressBar(os.path.basename(path), size) if size > PROGRESS_MIN else None
    try:
        return _native.hash_file(path, algorithms, bar)
    finally:
        if bar is not None:
            bar.close()


def _describe(path: str, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if os.path.isdir(path):
        reason = "Is a directory"
    return f"shipgate hash: {path}: {reason}"


def run(args: argparse.Namespace) -> int:
    algorithms = _algorithms(args.algorithms)
    if args.check:
        return _check(args.check, algorithms[0], quiet=args.quiet)
    files = args.files or ["-"]
    failed = False
    tagged = len(algorithms) > 1
    for path in files:
        try:
            digests = digest_path(path, algorithms)
        except OSError as exc:
            print(_describe(path, exc), file=sys.stderr)
            failed = True
            continue
        if args.json:
            print(json.dumps({"path": path, **{a: digests[a] for a in algorithms}}))
        else:
            for a in algorithms:
                print(format_line(a, digests[a], path, tagged=tagged))
        sys.stdout.flush()
    return 1 if failed else 0


def _check(sums: str, default_algorithm: str, *, quiet: bool) -> int:
    try:
        if sums == "-":
            text = sys.stdin.read()
        else:
            with open(sums, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
    except OSError as exc:
        print(_describe(sums, exc), file=sys.stderr)
        return 1
    mismatched = unreadable = malformed = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            entry = parse_line(line, default_algorithm=default_algorithm)
        except ShipgateError as exc:
            print(f"shipgate hash: {sums}:{number}: {exc}", file=sys.stderr)
            malformed += 1
            continue
        try:
            actual = digest_path(entry.path, [entry.algorithm])[entry.algorithm]
        except OSError as exc:
            print(_describe(entry.path, exc), file=sys.stderr)
            print(f"{entry.path}: FAILED open or read")
            unreadable += 1
            continue
        if actual == entry.hexdigest:
            if not quiet:
                print(f"{entry.path}: OK")
        else:
            print(f"{entry.path}: FAILED")
            mismatched += 1
    for count, what in (
        (malformed, "line is improperly formatted"),
        (unreadable, "listed file could not be read"),
        (mismatched, "computed checksum did NOT match"),
    ):
        if count:
            plural = what.replace("line is", "lines are").replace("file", "files").replace("checksum", "checksums")
            print(f"shipgate hash: WARNING: {count} {what if count == 1 else plural}", file=sys.stderr)
    return 1 if (mismatched or unreadable or malformed) else 0
