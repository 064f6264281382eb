"""Build an upgrade package (docs/formats.md §1) the way a vendor's release tooling does: the files, a manifest
listing each with size, SHA-256 and mode, and a detached signature over the exact manifest bytes."""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shipgate.demo.pki import Identity


@dataclass(frozen=True, kw_only=True)
class PackageFile:
    data: bytes
    mode: int = 0o644
    mtime: datetime | None = None
    compress: bool = True


def _zipinfo(name: str, mode: int, mtime: datetime | None, compress: bool) -> zipfile.ZipInfo:
    moment = (mtime or datetime.now(UTC)).astimezone(UTC)
    info = zipfile.ZipInfo(name, date_time=time.gmtime(moment.timestamp())[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.create_system = 3  # Unix: the mode below is meaningful
    info.external_attr = (0o100000 | mode) << 16
    return info


def manifest_for(
    files: Mapping[str, PackageFile], *, package: Mapping[str, Any], **fields: Any
) -> dict[str, Any]:
    """A manifest dict listing ``files`` with their real size, SHA-256 and mode."""
    return {
        "manifest_version": 1,
        "package": dict(package),
        "files": [
            {"path": name, "size": len(f.data), "sha256": hashlib.sha256(f.data).hexdigest(), "mode": f"{f.mode:04o}"}
            for name, f in files.items()
        ],
        **fields,
    }


def manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2) + "\n").encode()


def write_package(
    path: Path,
    files: Mapping[str, PackageFile],
    *,
    manifest: bytes,
    signer: Identity | None,
    chain: tuple[Identity, ...] = (),
    signature: bytes | None = None,
    extra: Mapping[str, bytes] = {},
) -> Path:
    """The ZIP: manifest first, then the signature files, then the payload (and ``extra`` raw entries)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(_zipinfo("manifest.json", 0o644, None, True), manifest)
        if signer is not None:
            z.writestr(_zipinfo("manifest.json.sig", 0o644, None, False), signature or signer.sign(manifest))
            z.writestr(
                _zipinfo("signing-chain.pem", 0o644, None, True), b"".join(c.pem for c in (signer, *chain))
            )
        for name, f in files.items():
            z.writestr(_zipinfo(name, f.mode, f.mtime, f.compress), f.data)
        for name, data in extra.items():
            z.writestr(_zipinfo(name, 0o644, None, True), data)
    return path


@dataclass
class PackageSpec:
    """A package to build: files, manifest fields, signer."""

    files: dict[str, PackageFile]
    package: dict[str, Any]
    fields: dict[str, Any] = field(default_factory=dict)

    def manifest(self) -> dict[str, Any]:
        return manifest_for(self.files, package=self.package, **self.fields)

    def build(self, path: Path, *, signer: Identity | None) -> Path:
        return write_package(path, self.files, manifest=manifest_bytes(self.manifest()), signer=signer)
