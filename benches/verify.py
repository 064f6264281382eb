"""Verifying a signed package against inspecting it: the verifier's cost above the archive inspection.

    python benches/verify.py [--size-mib 1280] [--entries 200] [--runs 3] [--manifest-digest sha256|blake3]
                             [--dir DIR]

Builds (once, cached in --dir) a ~1 GiB signed package of ~200 entries, half stored (incompressible) and
half deflated (compressible about 2:1), with a manifest listing every entry's size and digest (SHA-256 by
default, or BLAKE3) and a detached signature under a pinned vendor root. Then, in the same run, times
(best of --runs, warm page cache) wall clock and CPU (user + system, all threads):

- ``inspect``: ``shipgate.archive.inspect(path, archive_digests=("sha256", "blake3"))`` — what
  ``shipgate inspect`` does (every entry inflated, CRC-checked and SHA-256 hashed; the whole file's SHA-256
  and BLAKE3 for the report's ``archive.digests``, docs/formats.md §4);
- ``verify``: ``shipgate.verifier.verify_package`` — the same inspection (per-entry digests as the manifest
  lists them), then manifest, signature, advisories, preflight, policy, and the verdict stored (SQLite) with
  its audit entry;

and prints the ratio verify / inspect (target: at most 1.3). The CLI commands are timed too, and so is an
inspection without the whole-archive digests (``--archive-digests none``), to show what those cost.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from shipgate import _native
from shipgate.archive import inspect
from shipgate.demo.build import manifest_bytes
from shipgate.demo.pki import make_root, make_signer
from shipgate.store import open_store
from shipgate.verifier import VerifyRequest, verify_package

VENDOR = "Bench Networks"


def _digest(algorithm: str, data: bytes) -> str:
    if algorithm == "sha256":
        return hashlib.sha256(data).hexdigest()
    h = _native.MultiDigest([algorithm])
    h.update(data)
    return h.hexdigests()[algorithm]


def build(path: Path, home: Path, *, size_mib: int, entries: int, algorithm: str) -> None:
    root = make_root("Bench Root", org=VENDOR)
    signer = make_signer("Bench Code Signing", root, org=VENDOR)
    trust = home / "trust"
    trust.mkdir(parents=True, exist_ok=True)
    (trust / "bench-root.pem").write_bytes(root.pem)
    (trust / "bench.toml").write_text(f'name = "{VENDOR}"\nroots = ["bench-root.pem"]\n')
    per_entry = size_mib * 1024 * 1024 // entries
    files = []
    tmp = path.with_suffix(".partial")
    with zipfile.ZipFile(tmp, "w", allowZip64=True) as z:
        for i in range(entries):
            stored = i % 2 == 0
            if stored:
                # An ELF-like header: random bytes may start with another format's magic (1f 8b is
                # gzip), which the inspector rightly reports as a nested archive.
                data = b"\x7fELF" + os.urandom(per_entry - 4)
                name = f"binaries/blob-{i:03d}.bin"
            else:
                # Compressible about 2:1: each random 4 KiB block is followed by a repeat of itself.
                blocks = [os.urandom(4096) for _ in range(per_entry // 8192 + 1)]
                data = b"".join(b + b for b in blocks)[:per_entry]
                name = f"data/table-{i:03d}.dat"
            info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (0o100644) << 16
            z.writestr(info, data, compresslevel=1)
            files.append({"path": name, "size": len(data), algorithm: _digest(algorithm, data), "mode": "0644"})
        built = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        manifest = manifest_bytes(
            {
                "manifest_version": 1,
                "package": {"name": "bench", "version": "1.0.0", "vendor": VENDOR, "built": built},
                "files": files,
            }
        )
        for name, data in (
            ("manifest.json", manifest),
            ("manifest.json.sig", signer.sign(manifest)),
            ("signing-chain.pem", signer.pem),
        ):
            info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
            info.create_system = 3
            info.external_attr = (0o100644) << 16
            z.writestr(info, data)
    tmp.rename(path)


def best(runs: int, fn: Callable[[], object]) -> tuple[float, float]:
    """(best wall seconds, CPU seconds of that run): this process's threads plus waited-for children."""
    results = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        fn()
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = sum(a.ru_utime - b.ru_utime + a.ru_stime - b.ru_stime for a, b in zip(after, before, strict=True))
        results.append((wall, cpu))
    return min(results)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mib", type=int, default=1280, help="uncompressed MiB (default: a ~1 GiB archive)")
    ap.add_argument("--manifest-digest", choices=["sha256", "blake3"], default="sha256")
    ap.add_argument("--entries", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "shipgate-bench-verify"))
    args = ap.parse_args()
    base = Path(args.dir)
    base.mkdir(parents=True, exist_ok=True)
    tag = f"{args.size_mib}m-{args.entries}-{args.manifest_digest}"
    package = base / f"package-{tag}.zip"
    home = base / f"home-{tag}"
    if not package.exists():
        print(f"building {package} ...", flush=True)
        started = time.perf_counter()
        build(package, home, size_mib=args.size_mib, entries=args.entries, algorithm=args.manifest_digest)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    size = package.stat().st_size
    print(
        f"package: {size / 2**30:.2f} GiB, {args.entries} entries (half stored, half deflated), manifest "
        f"{args.manifest_digest}, cores: {os.cpu_count()}, load {os.getloadavg()[0]:.1f}"
    )

    report = inspect(package)  # warm the page cache; check the archive is clean
    assert not report.findings, report.findings
    with open_store(home=home) as store:
        result = verify_package(package, request=VerifyRequest(actor="bench"), store=store, home=home)
    assert result.verdict == "allow", result.to_dict()["findings"]

    t_inspect = best(args.runs, lambda: inspect(package, archive_digests=("sha256", "blake3")))
    t_entries = best(args.runs, lambda: inspect(package))

    def verify() -> None:
        with open_store(home=home) as store:
            verify_package(package, request=VerifyRequest(actor="bench"), store=store, home=home)

    t_verify = best(args.runs, verify)
    env = dict(os.environ, SHIPGATE_HOME=str(home))
    cli = [sys.executable, "-m", "shipgate"]

    def run_cli(*argv: str) -> Callable[[], object]:
        return lambda: subprocess.run([*cli, *argv], env=env, check=True, stdout=subprocess.DEVNULL)

    t_cli_inspect = best(args.runs, run_cli("inspect", str(package)))
    t_cli_verify = best(args.runs, run_cli("verify", str(package)))
    t_cli_entries = best(args.runs, run_cli("inspect", "--archive-digests", "none", str(package)))
    gib = size / 2**30
    for label, (wall, cpu) in (
        ("inspect, entries only (API)", t_entries),
        ("inspect, entries only (CLI)", t_cli_entries),
        ("inspect (API)", t_inspect),
        ("verify  (API)", t_verify),
        ("shipgate inspect (CLI)", t_cli_inspect),
        ("shipgate verify  (CLI)", t_cli_verify),
    ):
        print(f"{label:28} {wall:7.2f} s wall  {cpu:7.2f} s CPU  {gib / wall:5.2f} GiB/s")
    print(
        f"ratio verify/inspect (wall): API {t_verify[0] / t_inspect[0]:.2f}x, "
        f"CLI {t_cli_verify[0] / t_cli_inspect[0]:.2f}x (target <= 1.30); "
        f"CPU: API {t_verify[1] / t_inspect[1]:.2f}x, CLI {t_cli_verify[1] / t_cli_inspect[1]:.2f}x"
    )
    print(
        f"ratio verify/inspect without the whole-archive digests (wall): API {t_verify[0] / t_entries[0]:.2f}x, "
        f"CLI {t_cli_verify[0] / t_cli_entries[0]:.2f}x"
    )

if __name__ == "__main__":
    main()
