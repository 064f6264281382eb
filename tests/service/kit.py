"""Test kit for the service: a real ``shipgate serve`` subprocess on 127.0.0.1 (port 0, the bound ports read
from its first stdout line), a vendor PKI with a pinned root, signed and unsigned packages, and a TLS PKI."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from shipgate.demo.build import PackageFile, PackageSpec
from shipgate.demo.pki import Identity, make_root, make_signer

VENDOR = "Example Networks"
STARTUP_SECONDS = 60


@dataclass
class Vendor:
    root: Identity
    signer: Identity


def make_vendor() -> Vendor:
    root = make_root("Example Networks Root", org=VENDOR)
    return Vendor(root=root, signer=make_signer("Example Networks Code Signing", root, org=VENDOR))


def pin(home: Path, vendor: Vendor, env: dict[str, str] | None = None) -> None:
    pem = home.parent / "vendor-root.pem"
    pem.write_bytes(vendor.root.pem)
    subprocess.run(
        [sys.executable, "-m", "shipgate", "--home", str(home), "trust", "pin", "--vendor", VENDOR, str(pem)],
        check=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
    )


def build_package(path: Path, vendor: Vendor | None, *, version: str = "7.4.0", payload: bytes = b"") -> Path:
    spec = PackageSpec(
        files={
            "binaries/dtend": PackageFile(data=b"\x7fELF" + (payload or b"x" * 4096), mode=0o755),
            "README.txt": PackageFile(data=f"dten {version}\n".encode()),
        },
        package={"name": "dten", "version": version, "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
        fields={"reboot": "none"},
    )
    return spec.build(path, signer=vendor.signer if vendor else None)


class Server:
    """``shipgate serve`` as a subprocess; ``stop()`` sends SIGTERM, ``kill()`` SIGKILL."""

    def __init__(self, home: Path, config: Path | None = None, env: dict[str, str] | None = None) -> None:
        self.home = home
        self.config = config
        self.env = {**os.environ, "SHIPGATE_HOME": str(home), **(env or {})}
        self.proc: subprocess.Popen[bytes] | None = None
        self.info: dict[str, Any] = {}
        self.log_path = home.parent / f"serve-{time.monotonic_ns()}.log"

    def start(self) -> Server:
        args = [sys.executable, "-m", "shipgate", "--home", str(self.home), "serve"]
        if self.config is not None:
            args += ["--config", str(self.config)]
        args += ["--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0"]
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, env=self.env)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            self.proc.wait(timeout=10)
            raise AssertionError(f"shipgate serve exited {self.proc.returncode}: {self.log()}")
        self.info = json.loads(line)
        return self

    @property
    def grpc_address(self) -> str:
        return str(self.info["grpc"])

    @property
    def http_base(self) -> str:
        scheme = "https" if self.info["tls"] else "http"
        return f"{scheme}://{self.info['http']}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def log_events(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log().splitlines() if line.startswith("{")]

    def stop(self, timeout: float = 30) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=10)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def insecure(server: Server) -> grpc.Channel:
    return grpc.insecure_channel(server.grpc_address)


def wait_for(predicate: Any, timeout: float = 10.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


# -- a TLS PKI for mTLS tests -------------------------------------------------------------------------


@dataclass
class TlsFiles:
    ca: Path
    cert: Path
    key: Path


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _issue(
    cn: str,
    *,
    issuer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None,
    ca: bool,
    server: bool = False,
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer[0].subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()), critical=False
        )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    else:
        usage = ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH
        builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        sans: list[x509.GeneralName] = (
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            if server
            else [x509.DNSName(f"{cn}.clients.test")]
        )
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    cert = builder.sign(issuer[1] if issuer else key, hashes.SHA256())
    return cert, key


class TlsPki:
    """A CA that issues the server certificate and client certificates by CN."""

    def __init__(self, directory: Path, name: str = "shipgate test CA") -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.ca = _issue(name, issuer=None, ca=True)
        self.ca_path = directory / "ca.pem"
        self.ca_path.write_bytes(self.ca[0].public_bytes(serialization.Encoding.PEM))

    def issue(self, cn: str, *, server: bool = False) -> TlsFiles:
        cert, key = _issue(cn, issuer=self.ca, ca=False, server=server)
        cert_path, key_path = self.directory / f"{cn}.pem", self.directory / f"{cn}.key"
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(_key_pem(key))
        return TlsFiles(ca=self.ca_path, cert=cert_path, key=key_path)


def tls_channel(server: Server, client: TlsFiles | None, ca: Path) -> grpc.Channel:
    credentials = grpc.ssl_channel_credentials(
        root_certificates=ca.read_bytes(),
        private_key=client.key.read_bytes() if client else None,
        certificate_chain=client.cert.read_bytes() if client else None,
    )
    return grpc.secure_channel(server.grpc_address, credentials)


# -- a second local user, for attacks from another account ------------------------------------------------


def as_other_user(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """Run ``args`` as ``nobody`` (via ``setpriv``), the hostile local user of issue 15. Needs root (CI runs as
    root); the caller skips otherwise (:func:`need_root`)."""
    command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *args]
    return subprocess.run(command, check=True, capture_output=True, timeout=60, **kwargs)


def need_root() -> None:
    import shutil

    import pytest

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to act as a second local user (nobody); CI runs as root")
