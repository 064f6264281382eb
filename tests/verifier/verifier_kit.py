"""A vendor with a pinned root, a good signed package, and ways to break it (for the verifier tests).

The certificates, keys, signatures and archives are real (``shipgate.demo`` builds them the way a vendor's
release tooling would); nothing here stands in for a shipgate component.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from shipgate.demo.build import PackageFile, manifest_bytes, manifest_for, write_package
from shipgate.demo.pki import Identity, make_root, make_signer

VENDOR = "Example Networks"
NOW = datetime.now(UTC).replace(microsecond=0)
PACKAGE = {"name": "dten", "version": "7.4.0", "vendor": VENDOR, "built": NOW.isoformat().replace("+00:00", "Z")}


def good_files() -> dict[str, PackageFile]:
    return {
        "binaries/dtend": PackageFile(data=b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64, mode=0o755, mtime=NOW),
        "binaries/dten-cli": PackageFile(data=b"\x7fELF\x02\x01\x01\x00" * 512, mode=0o755, mtime=NOW, compress=False),
        "scripts/pre-upgrade.sh": PackageFile(data=b"#!/bin/sh\nset -eu\necho 'stopping dten'\n", mode=0o755),
        "docs/CHANGES.txt": PackageFile(data=b"7.4.0: hybrid routing\n"),
    }


@dataclass
class Vendor:
    name: str
    root: Identity
    signer: Identity
    home: Path


def make_vendor(home: Path, name: str = VENDOR, *, slug: str = "exn") -> Vendor:
    root = make_root(f"{name} Root CA", org=name)
    signer = make_signer(f"{name} Code Signing", root, org=name)
    trust = home / "trust"
    trust.mkdir(parents=True, exist_ok=True)
    (trust / f"{slug}-root.pem").write_bytes(root.pem)
    (trust / f"{slug}.toml").write_text(f'name = "{name}"\nroots = ["{slug}-root.pem"]\n')
    return Vendor(name=name, root=root, signer=signer, home=home)


def good_manifest(files: dict[str, PackageFile] | None = None, **fields: object) -> bytes:
    return manifest_bytes(manifest_for(files or good_files(), package=PACKAGE, **fields))


def build(
    path: Path,
    signer: Identity | None,
    *,
    files: dict[str, PackageFile] | None = None,
    manifest: bytes | None = None,
    signature: bytes | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    files = good_files() if files is None else files
    return write_package(
        path,
        files,
        manifest=manifest if manifest is not None else good_manifest(files),
        signer=signer,
        signature=signature,
        extra=extra or {},
    )


def rewrite(src: Path, dst: Path, *, change: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:
    """Copy the archive entry by entry (names, modes, times kept), replacing or dropping some contents."""
    change = change or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            zout.writestr(info, change.get(info.filename, zin.read(info)))
    return dst


def flip_byte(data: bytes, at: int = -1) -> bytes:
    i = at % len(data)
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def add_alias_entry(src: Path, dst: Path, *, target: str, alias: str) -> Path:
    """A second central-directory record named ``alias`` pointing at ``target``'s local header: two
    names, one set of bytes (overlapping entries, APPNOTE 4.3.12)."""
    data = src.read_bytes()
    eocd = data.rindex(b"PK\x05\x06")
    _, _, _, total, cd_size, cd_offset, _ = struct.unpack("<4HIIH", data[eocd + 4 : eocd + 22])
    cd = data[cd_offset : cd_offset + cd_size]
    pos, records = 0, []
    while pos < len(cd):
        name_len, extra_len, comment_len = struct.unpack("<3H", cd[pos + 28 : pos + 34])
        end = pos + 46 + name_len + extra_len + comment_len
        records.append(cd[pos:end])
        pos = end
    record = next(r for r in records if r[46 : 46 + struct.unpack("<H", r[28:30])[0]] == target.encode())
    name_len = struct.unpack("<H", record[28:30])[0]
    tail = record[46 + name_len :]
    alias_record = record[:28] + struct.pack("<H", len(alias)) + record[30:46] + alias.encode() + tail
    new_cd = cd + alias_record
    new_eocd = b"PK\x05\x06" + struct.pack("<4HIIH", 0, 0, total + 1, total + 1, len(new_cd), cd_offset, 0)
    dst.write_bytes(data[:cd_offset] + new_cd + new_eocd)
    return dst
