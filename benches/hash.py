"""Hashing throughput: `shipgate hash` against openssl, sha256sum, b3sum and hashlib, in one run.

Makes a random file (2 GiB by default) in a temporary directory, warms the page cache, then runs every
command round-robin (so background load falls on all of them alike) and reports the median of N runs,
GB/s, the ratios against `openssl dgst -sha256` and `b3sum`, and each command's peak RSS.

    python benches/hash.py [--size-mib 2048] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _measure import Run, markdown_table, median_seconds, run_command

HASHLIB = "import hashlib,sys\nwith open(sys.argv[1],'rb') as f: print(hashlib.file_digest(f,'sha256').hexdigest())"


def commands(path: str) -> dict[str, list[str]]:
    # The console script beside this interpreter, as a user runs it (not through a version-manager shim).
    shipgate = [str(Path(sys.executable).parent / "shipgate"), "hash"]
    cmds = {
        "shipgate hash -a sha256": [*shipgate, "-a", "sha256", path],
        "shipgate hash -a blake3": [*shipgate, "-a", "blake3", path],
        "shipgate hash -a sha256,blake3": [*shipgate, "-a", "sha256,blake3", path],
        "openssl dgst -sha256": ["openssl", "dgst", "-sha256", path],
        "sha256sum": ["sha256sum", path],
        "b3sum": ["b3sum", path],
        "python hashlib.sha256": [sys.executable, "-c", HASHLIB, path],
    }
    missing = [name for name, argv in cmds.items() if shutil.which(argv[0]) is None]
    if missing:
        sys.exit(f"missing peers: {', '.join(missing)} (apt-get install -y b3sum openssl coreutils)")
    return cmds


def make_file(path: Path, size: int) -> None:
    # Written by a child process: a child's peak RSS (wait4) includes the parent's pages copied at
    # fork, so this process must stay small for the RSS column to mean anything.
    with path.open("wb") as out:
        subprocess.run(["head", "-c", str(size), "/dev/urandom"], stdout=out, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mib", type=int, default=2048)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    size = args.size_mib * 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="shipgate-bench-") as tmp:
        path = Path(tmp) / "random.bin"
        make_file(path, size)
        cmds = commands(str(path))
        run_command(["cat", str(path)])  # warm the page cache: we measure hashing, not the disk
        runs: dict[str, list[Run]] = {name: [] for name in cmds}
        for _ in range(args.runs):
            for name, argv in cmds.items():
                runs[name].append(run_command(argv))
    medians = {name: median_seconds(r) for name, r in runs.items()}
    openssl = medians["openssl dgst -sha256"]
    b3sum = medians["b3sum"]
    rows = []
    for name, seconds in medians.items():
        rows.append([
            name,
            f"{seconds:.3f}",
            f"{size / seconds / 1e9:.2f}",
            f"{openssl / seconds:.2f}×",
            f"{b3sum / seconds:.2f}×",
            f"{max(r.max_rss_bytes for r in runs[name]) / 2**20:.0f}",
        ])
    print(f"{args.size_mib} MiB random file, page cache warm, median of {args.runs} runs, {os.cpu_count()} cores")
    print(markdown_table(["command", "seconds", "GB/s", "vs openssl", "vs b3sum", "peak RSS MiB"], rows))


if __name__ == "__main__":
    main()
