"""Revocation fetching and the admission path: admission latency with and without ``[revocation] fetch``,
and what verification pays for a fetch (cold) and for a cached answer (warm).

Two vendors sign the same package: one with ``fetch = "off"``, one with ``fetch = "hard"`` whose signing
certificate names an OCSP responder on loopback that answers after ``--delay`` seconds (the test responder
of tests/trust/responders.py). Both packages are verified (stored verdicts), then admission lookups by
digest (``shipgate.admission.Admission.by_digest``, the admission hook's code) alternate between the two verdicts.
The peer of the fetching vendor's admission is the non-fetching vendor's: their ratio should be ~1, and
the responder's request count must not move while admission runs.

    python benches/revocation.py [--lookups 5000] [--delay 0.2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the test PKI, the loopback responder
from _measure import markdown_table
from shipgate.admission import Admission, AdmissionSettings
from shipgate.demo.build import manifest_bytes, manifest_for, write_package
from shipgate.demo.pki import Identity
from shipgate.store import open_store
from shipgate.verifier import VerifyRequest, verify_package
from trust import pki
from trust.responders import OcspRoute, leaf_with_pointers, serve
from verifier.verifier_kit import good_files


def _vendor(home: Path, name: str, root: pki.Issued, fetch: str) -> None:
    (home / "trust").mkdir(parents=True, exist_ok=True)
    (home / "trust" / f"{name}.pem").write_bytes(root.pem)
    (home / "trust" / f"{name}.toml").write_text(
        f'name = "{name}"\nroots = ["{name}.pem"]\n[revocation]\nfetch = "{fetch}"\ntimeout_seconds = 5\n'
    )


def _package(path: Path, vendor: str, leaf: pki.Issued, ca: pki.Issued) -> Path:
    package = {"name": "dten", "version": "7.4.0", "vendor": vendor, "built": "2026-10-02T09:00:00Z"}
    files = good_files()
    manifest = manifest_bytes(manifest_for(files, package=package))
    signer, chain = Identity(leaf.cert, leaf.key), Identity(ca.cert, ca.key)  # type: ignore[arg-type]
    return write_package(path, files, manifest=manifest, signer=signer, chain=(chain,))


def _percentile(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=5000)
    parser.add_argument("--delay", type=float, default=0.2, help="seconds the OCSP responder waits")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, serve() as server:
        home = Path(tmp) / "home"
        root = pki.root("Bench Root")
        ca = pki.intermediate("Bench CA", root)
        quiet = pki.leaf("Quiet Signer", ca)
        asked = leaf_with_pointers("Asked Signer", ca, ocsp_url=server.ocsp_url("bench"))
        server.ocsp["bench"] = OcspRoute(
            issuer=ca, statuses={asked.cert.serial_number: "good"}, mode="slow", delay=args.delay
        )
        _vendor(home, "Quiet Vendor", root, "off")
        _vendor(home, "Asking Vendor", root, "hard")
        quiet_pkg = _package(Path(tmp) / "quiet.zip", "Quiet Vendor", quiet, ca)
        asked_pkg = _package(Path(tmp) / "asked.zip", "Asking Vendor", asked, ca)
        with open_store(home=home) as store:
            timings: dict[str, float] = {}
            for label, package in (("off", quiet_pkg), ("hard, cold", asked_pkg), ("hard, cached", asked_pkg)):
                started = time.perf_counter()
                report = verify_package(package, request=VerifyRequest(), store=store, home=home)
                timings[label] = time.perf_counter() - started
                assert report.verdict == "allow", report.to_dict()
            digests = {
                "off": verify_package(quiet_pkg, request=VerifyRequest(), store=store, home=home).archive.digests,
                "hard": verify_package(asked_pkg, request=VerifyRequest(), store=store, home=home).archive.digests,
            }
            admission = Admission.configure(
                store, home=home, settings=AdmissionSettings(), policies={}, environments={}
            )
            hits_before = dict(server.hits)
            latencies: dict[str, list[float]] = {"off": [], "hard": []}
            for i in range(args.lookups * 2):
                which = "off" if i % 2 == 0 else "hard"
                started = time.perf_counter()
                decision = admission.by_digest(digests[which]["sha256"])
                latencies[which].append(time.perf_counter() - started)
                assert decision.allowed
            assert server.hits == hits_before, "admission fetched"
    rows = []
    for which in ("off", "hard"):
        values = latencies[which]
        rows.append([f"admission, vendor fetch={which}", f"{statistics.median(values) * 1e6:.0f} µs",
                     f"{_percentile(values, 0.99) * 1e6:.0f} µs",
                     f"{statistics.median(values) / statistics.median(latencies['off']):.2f}x"])  # fmt: skip
    print(markdown_table(["path", "p50", "p99", "vs fetch=off"], rows))
    print()
    print(markdown_table(
        ["verify (whole package)", "seconds", "vs fetch=off"],
        [[label, f"{seconds:.3f}", f"{seconds / timings['off']:.2f}x"] for label, seconds in timings.items()],
    ))  # fmt: skip
    print(f"\nOCSP requests: {server.hits.get('/ocsp/bench', 0)} (verification only; 0 during "
          f"{args.lookups * 2} admission lookups); responder delay {args.delay:g} s")  # fmt: skip


if __name__ == "__main__":
    main()
