"""A vendor PKI (old root, new root after a rotation, intermediates, leaves) and a trust setup on a real
store in a throwaway home."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509

from backends import BACKENDS, home_store
from shipgate.store import Store
from shipgate.trust import TrustConfig, VendorConfig
from shipgate.trust.state import TrustedRoot
from trust import pki

VENDOR = "Example Networks"
MANIFEST = b'{"manifest_version": 1, "package": {"name": "dten", "version": "7.4.0"}}\n'


@dataclass
class VendorPKI:
    old_root: pki.Issued
    old_int: pki.Issued
    old_leaf: pki.Issued
    new_root: pki.Issued
    new_int: pki.Issued
    new_leaf: pki.Issued

    def old_chain(self) -> bytes:
        return pki.chain_pem(self.old_leaf, self.old_int)

    def new_chain(self) -> bytes:
        return pki.chain_pem(self.new_leaf, self.new_int)


@pytest.fixture(scope="session")
def vendor_pki() -> VendorPKI:
    old_root = pki.root("Example Networks Root CA 2023")
    old_int = pki.intermediate("Example Networks Code Signing CA 2023", old_root)
    old_leaf = pki.leaf(
        "Example Networks Release Signing",
        old_int,
        san=[x509.RFC822Name("release@example.net")],
    )
    new_root = pki.root("Example Networks Root CA 2026")
    new_int = pki.intermediate("Example Networks Code Signing CA 2026", new_root)
    new_leaf = pki.leaf(
        "Example Networks Release Signing",
        new_int,
        san=[x509.RFC822Name("release@example.net")],
    )
    return VendorPKI(old_root, old_int, old_leaf, new_root, new_int, new_leaf)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The trust state on each backend (``backends.home_store``)."""
    with home_store(request.param, home, monkeypatch, prefix="trust") as opened:
        yield opened


def vendor_with(roots: list[pki.Issued], **kw: object) -> VendorConfig:
    return VendorConfig(
        name=VENDOR,
        source=Path("/config/example.toml"),
        roots=tuple(TrustedRoot.from_certificate(r.cert, origin="config example.toml") for r in roots),
        **kw,  # type: ignore[arg-type]
    )


def write_vendor_toml(home: Path, root: pki.Issued, extra: str = "") -> Path:
    directory = home / "trust"
    (directory / "roots").mkdir(parents=True, exist_ok=True)
    (directory / "roots" / "old.pem").write_bytes(root.pem)
    path = directory / "example.toml"
    path.write_text(f'name = "{VENDOR}"\nroots = ["roots/old.pem"]\n{extra}')
    return path


def load_config(home: Path) -> TrustConfig:
    return TrustConfig.load(home / "trust")
