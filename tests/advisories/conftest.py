"""A vendor PKI with a feed signer, feeds built and signed in the test, and table dumps of the store.

The certificates, keys and signatures are real (``tests/trust/pki.py``); the store is a real SQLite file in
a throwaway home; the vendor's trust comes from a real ``<home>/trust/example.toml``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from backends import BACKENDS, home_store
from shipgate.store import Store
from shipgate.trust import TrustConfig, VendorConfig
from trust import pki
from trust.conftest import VENDOR, VendorPKI, write_vendor_toml
from trust.conftest import vendor_pki as vendor_pki  # noqa: PLC0414 - re-exported fixture

FEED_SIGNER_RULE = '[feed_signer]\nsans = ["email:advisories@example.net"]\n'
NOW = pki.NOW
DAY = dt.timedelta(days=1)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class FeedSigner:
    signer: pki.Issued
    intermediate: pki.Issued

    def chain(self) -> bytes:
        return pki.chain_pem(self.signer, self.intermediate)


@pytest.fixture(scope="session")
def feed_signer(vendor_pki: VendorPKI) -> FeedSigner:
    leaf = pki.leaf(
        "Example Networks Advisory Feed", vendor_pki.old_int, san=[x509.RFC822Name("advisories@example.net")]
    )
    return FeedSigner(leaf, vendor_pki.old_int)


@dataclass
class FeedBuilder:
    """Writes feed directories: feed.json (as given), feed.json.sig, feed-chain.pem."""

    base: Path
    signer: FeedSigner
    count: int = 0
    made: list[Path] = field(default_factory=list)

    def document(self, version: int, advisories: list[dict[str, Any]] | None = None, **over: Any) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "feed_version": version,
            "vendor": VENDOR,
            "issued": iso(NOW - DAY),
            "expires": iso(NOW + 30 * DAY),
            "advisories": advisories or [],
        }
        doc.update(over)
        return doc

    def write(
        self,
        doc: dict[str, Any] | bytes,
        *,
        key: pki.PrivateKey | None = None,
        chain: bytes | None = None,
        signature: bytes | None = None,
    ) -> Path:
        self.count += 1
        directory = self.base / f"feed{self.count}"
        directory.mkdir(parents=True)
        data = doc if isinstance(doc, bytes) else json.dumps(doc, indent=1).encode()
        (directory / "feed.json").write_bytes(data)
        sig = signature if signature is not None else pki.sign(key or self.signer.signer.key, data)
        (directory / "feed.json.sig").write_bytes(sig)
        (directory / "feed-chain.pem").write_bytes(chain if chain is not None else self.signer.chain())
        self.made.append(directory)
        return directory


@pytest.fixture
def feeds(tmp_path: Path, feed_signer: FeedSigner) -> FeedBuilder:
    return FeedBuilder(tmp_path / "feeds", feed_signer)


@pytest.fixture
def trust_home(home: Path, vendor_pki: VendorPKI) -> Path:
    """A home whose example.toml pins the old root and names the feed signer."""
    write_vendor_toml(home, vendor_pki.old_root, FEED_SIGNER_RULE)
    return home


@pytest.fixture
def vendor(trust_home: Path) -> VendorConfig:
    return TrustConfig.load(trust_home / "trust").get(VENDOR)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, trust_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The state of the trust home on each backend (``backends.home_store``)."""
    with home_store(request.param, trust_home, monkeypatch, prefix="adv") as opened:
        yield opened


TABLES = ("trust_changes", "feed_state", "advisories", "verdicts")


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every state table except the audit log, in a stable order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.transaction(write=False) as tx:
        for table in TABLES:
            out[table] = sorted(tuple(r) for r in tx._exec(f"SELECT * FROM {table}").fetchall())
    return out


def rotation_advisory(v: VendorPKI, ident: str = "EXN-2026-0031") -> dict[str, Any]:
    return {
        "id": ident,
        "kind": "ca-rotation",
        "published": iso(NOW - 2 * DAY),
        "title": "Code-signing CA rotated",
        "add_roots": [{"sha256": v.new_root.fingerprint, "pem": v.new_root.pem.decode()}],
        "retire_roots": [{"sha256": v.old_root.fingerprint, "after": iso(NOW + 90 * DAY)}],
    }
