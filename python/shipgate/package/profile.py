"""Package profiles: where a vendor's package keeps the manifest, its signature, scripts and config.

The default profile is docs/formats.md §1 (``manifest.json`` + ``manifest.json.sig`` + ``signing-chain.pem`` or
``manifest.json.sigstore.json``). A vendor with another layout supplies a TOML file mapping its names onto
these roles::

    name = "acme-layout"
    manifest = "META/manifest.json"
    signature = "META/manifest.json.sig"
    chain = "META/chain.pem"
    sigstore_bundle = "META/manifest.sigstore.json"
    timestamp = "META/manifest.json.sig.tsr"   # an RFC 3161 timestamp response over the signature
    scripts = ["install"]          # directories whose files preflight reads as shell scripts

Unknown keys and wrong types are a ``MalformedInput`` naming the key (the profile is the operator's file).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shipgate.errors import MalformedInput
from shipgate.inputs import load_toml

MAX_PROFILE_BYTES = 64 * 1024


@dataclass(frozen=True, kw_only=True)
class PackageProfile:
    name: str = "default"
    manifest: str = "manifest.json"
    signature: str = "manifest.json.sig"
    chain: str = "signing-chain.pem"
    sigstore_bundle: str = "manifest.json.sigstore.json"
    timestamp: str = "manifest.json.sig.tsr"  # optional RFC 3161 timestamp response over the signature
    scripts: tuple[str, ...] = ()

    @property
    def signature_files(self) -> tuple[str, ...]:
        """Entries that carry the signature: never listed in ``files[]`` (they sign it)."""
        return (self.signature, self.chain, self.sigstore_bundle, self.timestamp)

    @property
    def unlisted_allowed(self) -> frozenset[str]:
        return frozenset((self.manifest, *self.signature_files))

    def is_script(self, path: str) -> bool:
        """A file under one of the profile's script directories (read by preflight as a shell script)."""
        return any(path.startswith(d.rstrip("/") + "/") for d in self.scripts)

    @classmethod
    def default(cls) -> PackageProfile:
        return cls()

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "<profile>") -> PackageProfile:
        data = dict(data)
        values: dict[str, Any] = {}
        for key in ("name", "manifest", "signature", "chain", "sigstore_bundle", "timestamp"):
            if key in data:
                value = data.pop(key)
                if not isinstance(value, str) or not value.strip() or value.startswith("/") or ".." in value:
                    raise MalformedInput(f"package profile {source}: {key} must be a relative entry name")
                values[key] = value
        for key in ("scripts",):
            if key in data:
                value = data.pop(key)
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                    raise MalformedInput(f"package profile {source}: {key} must be a list of directory names")
                values[key] = tuple(value)
        if data:
            raise MalformedInput(f"package profile {source}: unknown keys {sorted(data)}")
        profile = cls(**values)
        names = (profile.manifest, *profile.signature_files)
        if len(set(names)) != len(names):
            raise MalformedInput(f"package profile {source}: manifest and signature names must differ")
        return profile

    @classmethod
    def load(cls, path: str | Path) -> PackageProfile:
        data = load_toml(path, limit=MAX_PROFILE_BYTES, what="package profile")
        return cls.from_dict(data, source=str(path))
