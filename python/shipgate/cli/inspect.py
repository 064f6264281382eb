"""``shipgate inspect ARCHIVE [--json]``: structure, anomalies and per-entry verification of a ZIP.

Exit status: 1 when a high or critical finding exists, else 0; 2 for a usage error or unreadable file.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "inspect",
        help="verify a ZIP archive's structure and every entry, without extracting",
        description="Parse the archive as a hostile input, inflate and check every entry (CRC-32, size, "
        "digests) under size/ratio/time limits, and report findings. Exit 1 on a high or critical finding.",
    )
    p.add_argument("archive", metavar="ARCHIVE", help="the ZIP file")
    p.add_argument("--json", action="store_true", help='print {"archive": ..., "entries": [...], "findings": [...]}')
    p.add_argument(
        "-a",
        "--digests",
        default="sha256",
        metavar="ALG[,ALG]",
        help="digests of each entry: sha256, blake3, sha512, or 'none' for CRC-32 and sizes only "
        "(default: sha256)",
    )
    p.add_argument(
        "--archive-digests",
        metavar="ALG[,ALG]",
        help="digests of the whole archive file, computed alongside the entries (docs/formats.md §4 archive.digests): "
        "sha256, blake3, sha512, or 'none' (default: sha256,blake3; none with --list-only)",
    )
    p.add_argument("--list-only", action="store_true", help="parse the structure only; do not inflate entries")
    p.set_defaults(handler=run)


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def _algorithms(spec: str) -> list[str]:
    return [d.strip().lower() for d in spec.split(",") if d.strip() and d.strip().lower() != "none"]


def run(args: argparse.Namespace) -> int:
    from shipgate.archive import inspect
    from shipgate.findings import by_severity

    whole = args.archive_digests or ("none" if args.list_only else "sha256,blake3")
    try:
        report = inspect(
            args.archive,
            digests=_algorithms(args.digests),
            archive_digests=_algorithms(whole),
            verify=not args.list_only,
        )
    except OSError as exc:
        print(f"shipgate inspect: {args.archive}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 1 if report.rejected else 0

    t = report.totals
    out = sys.stdout
    out.write(
        f"{report.path}: {_size(report.size)}, {t.entries} entries, {_size(t.uncompressed)} uncompressed"
        f"{', ZIP64' if report.zip64 else ''}\n"
    )
    for algorithm, hexdigest in report.digests.items():
        out.write(f"{algorithm} {hexdigest}\n")
    if not args.list_only:
        inflated = _size(t.verified_bytes)
        out.write(f"verified {t.verified_entries} of {t.file_entries} file entries ({inflated} inflated)\n")
    findings = by_severity(report.findings)
    if not findings:
        out.write("no findings\n")
    else:
        out.write(f"{len(findings)} finding(s):\n")
        for f in findings:
            where = f" [{f.path}]" if f.path else ""
            out.write(f"  {f.severity.label.upper():8} {f.code}{where}: {f.message}\n")
            if f.remedy and f.severity >= 3:
                out.write(f"           remedy: {f.remedy}\n")
    verdict = "REJECT (high or critical findings)" if report.rejected else "OK"
    out.write(f"result: {verdict}\n")
    return 1 if report.rejected else 0
