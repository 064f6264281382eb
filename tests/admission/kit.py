"""A vendor with real keys (root, package signer, feed signer), its trust file, signed packages, and signed
advisory feeds that withdraw a version, revoke the signer, or rotate and retire the root.

Everything is real: certificates and signatures made with ``cryptography`` (``shipgate.demo.pki``), ZIP
archives, feeds in the docs/formats.md §2 layout; the store is a real SQLite file or PostgreSQL schema.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shipgate.demo.build import PackageFile, PackageSpec
from shipgate.demo.pki import Identity, make_root, make_signer

VENDOR = "Example Networks"
CHANGE_KINDS = ("withdraw", "revoke", "rotate")
ADVISORY = {"withdraw": "EXN-2027-0101", "revoke": "EXN-2027-0102", "rotate": "EXN-2027-0103"}


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Vendor:
    root: Identity
    signer: Identity
    feed_signer: Identity
    new_root: Identity


def make_vendor() -> Vendor:
    root = make_root("Example Networks Root CA", org=VENDOR)
    return Vendor(
        root=root,
        signer=make_signer("Example Networks Release Signing", root, org=VENDOR),
        feed_signer=make_signer("Example Networks Advisory Feed", root, org=VENDOR),
        new_root=make_root("Example Networks Root CA 2027", org=VENDOR),
    )


def write_trust(home: Path, vendor: Vendor, *, feed: str | None = None) -> Path:
    """``<home>/trust/exn.toml`` pinning the vendor's root (and naming its feed, to be polled)."""
    trust = home / "trust"
    trust.mkdir(parents=True, exist_ok=True)
    (trust / "exn-root.pem").write_bytes(vendor.root.pem)
    extra = f'feed = "{feed}"\n' if feed else ""
    path = trust / "exn.toml"
    path.write_text(f'name = "{VENDOR}"\nroots = ["exn-root.pem"]\n{extra}')
    return path


def package(
    path: Path, signer: Identity | None, *, version: str = "7.4.0", extra: dict[str, bytes] | None = None
) -> Path:
    files = {
        "binaries/dtend": PackageFile(data=b"\x7fELF" + path.name.encode() * 512, mode=0o755),
        "README.txt": PackageFile(data=f"dten {version}\n".encode()),
    }
    for name, data in (extra or {}).items():
        files[name] = PackageFile(data=data)
    spec = PackageSpec(
        files=files,
        package={"name": "dten", "version": version, "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
        fields={"reboot": "none"},
    )
    return spec.build(path, signer=signer)


def advisory(kind: str, vendor: Vendor, *, version: str = "7.4.0") -> dict[str, Any]:
    """The advisory of one change kind, with its id from ``ADVISORY``."""
    ident, published = ADVISORY[kind], iso(now() - dt.timedelta(hours=1))
    if kind == "withdraw":
        return {
            "id": ident,
            "kind": "withdrawn-package",
            "published": published,
            "packages": [{"name": "dten", "version": version}],
            "reason": "data loss on upgrade",
        }
    if kind == "revoke":
        return {
            "id": ident,
            "kind": "revocation",
            "published": published,
            "certificates": [{"sha256": vendor.signer.sha256, "revoked_at": published, "reason": "keyCompromise"}],
        }
    return {
        "id": ident,
        "kind": "ca-rotation",
        "published": published,
        "title": "Code-signing CA rotated; the old root is retired",
        "add_roots": [{"sha256": vendor.new_root.sha256, "pem": vendor.new_root.pem.decode()}],
        "retire_roots": [{"sha256": vendor.root.sha256, "after": published}],
    }


def write_feed(
    directory: Path,
    vendor: Vendor,
    *,
    version: int,
    advisories: list[dict[str, Any]],
    expires: dt.datetime | None = None,
) -> Path:
    """A signed feed (feed.json, feed.json.sig, feed-chain.pem) in ``directory`` (replacing one there)."""
    directory.mkdir(parents=True, exist_ok=True)
    doc = {
        "feed_version": version,
        "vendor": VENDOR,
        "issued": iso(now() - dt.timedelta(minutes=5)),
        "expires": iso(expires or now() + dt.timedelta(days=30)),
        "advisories": advisories,
    }
    data = json.dumps(doc, indent=1).encode()
    # Written signature first, feed last: a reader between the writes sees a bad signature, never a
    # feed signed for other bytes that verifies.
    (directory / "feed-chain.pem").write_bytes(vendor.feed_signer.pem)
    (directory / "feed.json.sig").write_bytes(vendor.feed_signer.sign(data))
    (directory / "feed.json").write_bytes(data)
    return directory


def shipgate(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own (another process on the same state)."""
    return subprocess.run(
        [sys.executable, "-m", "shipgate", *args, "--home", str(home)],
        capture_output=True,
        text=True,
        env={**os.environ, "SHIPGATE_HOME": str(home), **(env or {})},
        timeout=120,
    )
