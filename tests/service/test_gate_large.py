"""A 4 GiB package through the gate into nginx (issue 21): stored byte-identical on the repository's disk while the
server's resident memory stays under 250 MiB. The body streams into the spool, and the downstream ``PUT`` is fed
from the spooled, verified file, neither held in memory."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from service.kit import VENDOR, Server, Vendor
from service.test_gate import PASSWORD, PASSWORD_ENV, gate_config, sha256_of
from service.webdav import WebDav, free_port

GiB = 1 << 30
CHUNK = 64 << 20
MAX_RSS = 250 << 20


def build_big_package(path: Path, vendor: Vendor, size: int) -> str:
    """A signed package whose one binary is ``size`` bytes (stored, ZIP64); returns the archive's SHA-256."""
    block = bytes(range(256)) * (CHUNK // 256)
    digest, left = hashlib.sha256(), size
    with zipfile.ZipFile(path, "w", allowZip64=True) as z:
        info = zipfile.ZipInfo("binaries/dtend", date_time=(2026, 10, 2, 9, 0, 0))
        info.compress_type, info.external_attr = zipfile.ZIP_STORED, 0o100755 << 16
        with z.open(info, "w", force_zip64=True) as out:
            while left:
                piece = block[: min(left, CHUNK)]
                digest.update(piece)
                out.write(piece)
                left -= len(piece)
        manifest = {
            "manifest_version": 1,
            "package": {"name": "dten", "version": "8.0.0", "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
            "files": [{"path": "binaries/dtend", "size": size, "sha256": digest.hexdigest(), "mode": "0755"}],
            "reboot": "none",
        }
        data = (json.dumps(manifest, indent=2) + "\n").encode()
        z.writestr("manifest.json", data)
        z.writestr("manifest.json.sig", vendor.signer.sign(data))
        z.writestr("signing-chain.pem", vendor.signer.pem)
    return sha256_of(path)


def peak_rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_a_4_gib_upload_is_stored_byte_identical_in_bounded_memory(
    pinned_home: Path, tmp_path: Path, vendor: Vendor
) -> None:
    package = tmp_path / "big.zip"
    try:
        rss = _through_the_gate(pinned_home, tmp_path, vendor, package)
    finally:  # pytest keeps the last runs' directories: not 8 GiB of them
        package.unlink(missing_ok=True)
        shutil.rmtree(tmp_path / "nginx", ignore_errors=True)
    assert rss <= MAX_RSS, rss


def _through_the_gate(pinned_home: Path, tmp_path: Path, vendor: Vendor, package: Path) -> int:
    """Upload ``package`` through the gate into nginx; checks what nginx stored; the server's peak RSS."""
    sha256 = build_big_package(package, vendor, 4 * GiB + 12_345)
    with WebDav(tmp_path / "nginx") as dav:
        config = gate_config(tmp_path, dav, closed_port=free_port())
        with Server(pinned_home, config, env={PASSWORD_ENV: PASSWORD}) as server:
            done = subprocess.run(
                ["curl", "-sS", "-o", str(tmp_path / "answer.json"), "-w", "%{http_code}", "-T", str(package),
                 f"{server.http_base}/gate/vendor-a/dten/8.0.0/big.zip"],
                capture_output=True, text=True, timeout=1700,
            )  # fmt: skip
            assert server.proc is not None
            rss = peak_rss(server.proc.pid)
        answer = json.loads((tmp_path / "answer.json").read_text())
        assert (done.stdout, answer["verdict"], answer["gate"]["forwarded"]) == ("201", "allow", True), answer
        stored = dav.store / "vendor-a/dten/8.0.0/big.zip"
        assert stored.stat().st_size == package.stat().st_size
        assert sha256_of(stored) == sha256  # on the repository's disk
    print(f"server peak RSS for a {package.stat().st_size / GiB:.2f} GiB upload through the gate: {rss >> 20} MiB")
    return rss
