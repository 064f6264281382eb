"""Declarative trust configuration: one TOML file per vendor, kept by the operator in git.

``<home>/trust/*.toml`` (or the directory given by ``$SHIPGATE_TRUST_DIR``)::

    name = "Example Networks"                 # matched exactly against --vendor / package.vendor
    roots = ["roots/exn-2025.pem"]            # pinned roots, paths relative to this file (baseline, v0)
    crls = ["crls/*.crl"]                     # CRL files (PEM or DER) checked on every validated chain
    feed = "https://feeds.example.net/exn/"   # optional: the advisory feed (directory or base URL) to poll

    [signer]                                   # allowed package signers; absent = any code-signing leaf
    subjects = ["CN=Example Networks Code Signing*"]
    sans = ["email:release@example.net"]

    [feed_signer]                              # allowed advisory-feed signer (docs/formats.md §2)
    sans = ["email:advisories@example.net"]
    # both rules also take anchored RE2 patterns: subject_regexps = [...], san_regexps = ["uri:https://…"]

    [tsa]                                      # RFC 3161 timestamp authorities (manifest.json.sig.tsr)
    roots = ["tsa/example-tsa-root.pem"]

    [revocation]                               # fetched at verify time (never on admission)
    fetch = "soft"                             # off (default) | soft | hard: OCSP, then CRL distribution points
    timeout_seconds = 5

    [rotation]
    overlap_days = 90                          # a retiring root stays trusted this long after a rotation

    [sigstore]                                 # for manifest.json.sigstore.json bundles
    identity = "release@example.net"           # or identity_regexp = "…" (RE2, whole value)
    issuer = "https://accounts.example.net"    # or issuer_regexp = "…"
    trusted_root = "sigstore/trusted_root.json"

Files are read strictly: an unknown key or a wrong type is a :class:`TrustConfigError` naming it.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shipgate.inputs import InputRefused, load_toml
from shipgate.trust.errors import TrustConfigError
from shipgate.trust.identity import IdentityRule
from shipgate.trust.patterns import Pattern, compile_pattern
from shipgate.trust.pem import describe, is_ca, load_certificates
from shipgate.trust.state import CODE_SIGNING, TIMESTAMPING, TrustedRoot

DEFAULT_OVERLAP_DAYS = 90
MAX_CONFIG_BYTES = 1 << 20
MAX_VENDOR_FILES = 1000
REVOCATION_MODES = ("off", "soft", "hard")
# An OCSP responder or CRL server answers within seconds or not usefully at all.
DEFAULT_REVOCATION_TIMEOUT = 5.0
MAX_REVOCATION_TIMEOUT = 60.0


@dataclass(frozen=True, kw_only=True)
class SigstoreIdentity:
    identity: str | Pattern  # exact SAN, or an RE2 pattern (identity_regexp)
    issuer: str | Pattern  # exact OIDC issuer, or an RE2 pattern (issuer_regexp)
    trusted_root: Path | None = None


@dataclass(frozen=True, kw_only=True)
class RevocationPolicy:
    """Whether OCSP responders and CRL distribution points named in the chain are asked at verify time:
    ``off`` (never; advisories and CRL files only), ``soft`` (an unanswered question is a note), ``hard``
    (an unanswered question denies)."""

    mode: str = "off"
    timeout: float = DEFAULT_REVOCATION_TIMEOUT

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, where: str) -> RevocationPolicy:
        mode = data.pop("fetch", "off")
        timeout = data.pop("timeout_seconds", DEFAULT_REVOCATION_TIMEOUT)
        if mode not in REVOCATION_MODES:
            raise TrustConfigError(f"{where}: [revocation].fetch is {mode!r}; one of {', '.join(REVOCATION_MODES)}")
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not 0 < timeout <= MAX_REVOCATION_TIMEOUT
        ):
            raise TrustConfigError(
                f"{where}: [revocation].timeout_seconds must be a number in (0, {MAX_REVOCATION_TIMEOUT:g}]"
            )
        if data:
            raise TrustConfigError(f"{where}: [revocation] has unknown keys {sorted(data)}")
        return cls(mode=mode, timeout=float(timeout))


@dataclass(frozen=True, kw_only=True)
class VendorConfig:
    name: str
    source: Path | None = None
    roots: tuple[TrustedRoot, ...] = ()
    crl_files: tuple[Path, ...] = ()
    signer: IdentityRule = field(default_factory=IdentityRule)
    feed_signer: IdentityRule = field(default_factory=IdentityRule)
    overlap_days: int = DEFAULT_OVERLAP_DAYS
    sigstore: SigstoreIdentity | None = None
    feed: str | None = None  # where its advisory feed is polled: a directory or base URL (docs/formats.md §2)
    revocation: RevocationPolicy = field(default_factory=RevocationPolicy)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: Path) -> VendorConfig:
        where = str(source)
        data = dict(data)
        base = source.parent

        def strings(key: str) -> list[str]:
            value = data.pop(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise TrustConfigError(f"{where}: {key} must be a list of non-empty strings")
            return value

        def table(key: str) -> dict[str, Any]:
            value = data.pop(key, {})
            if not isinstance(value, dict):
                raise TrustConfigError(f"{where}: [{key}] must be a table")
            return value

        name = data.pop("name", None)
        if not isinstance(name, str) or not name.strip():
            raise TrustConfigError(f"{where}: name (the vendor name) is required")
        roots = _load_roots(strings("roots"), base=base, where=where, purpose=CODE_SIGNING)
        tsa = table("tsa")
        tsa_roots = tsa.pop("roots", [])
        if not isinstance(tsa_roots, list) or not all(isinstance(v, str) and v for v in tsa_roots):
            raise TrustConfigError(f"{where}: [tsa].roots must be a list of non-empty strings")
        if tsa:
            raise TrustConfigError(f"{where}: [tsa] has unknown keys {sorted(tsa)}")
        roots += _load_roots(tsa_roots, base=base, where=where, purpose=TIMESTAMPING)
        revocation = RevocationPolicy.from_dict(table("revocation"), where=where)
        crls: list[Path] = []
        for pattern in strings("crls"):
            crls.extend(Path(p) for p in sorted(glob.glob(str(base / pattern))))
        signer = IdentityRule.from_dict(table("signer"), where=f"{where}: [signer]")
        feed_signer = IdentityRule.from_dict(table("feed_signer"), where=f"{where}: [feed_signer]")
        feed = data.pop("feed", None)
        if feed is not None and (not isinstance(feed, str) or not feed.strip()):
            raise TrustConfigError(f"{where}: feed must be a directory or base URL string")
        rotation = table("rotation")
        overlap = rotation.pop("overlap_days", DEFAULT_OVERLAP_DAYS)
        if not isinstance(overlap, int) or isinstance(overlap, bool) or overlap < 0:
            raise TrustConfigError(f"{where}: [rotation].overlap_days must be a non-negative integer")
        if rotation:
            raise TrustConfigError(f"{where}: [rotation] has unknown keys {sorted(rotation)}")
        sig = table("sigstore")
        sigstore = _sigstore_identity(sig, base=base, where=where) if sig else None
        if data:
            raise TrustConfigError(f"{where}: unknown keys {sorted(data)}")
        return cls(
            name=name,
            source=source,
            roots=tuple(roots),
            crl_files=tuple(crls),
            signer=signer,
            feed_signer=feed_signer,
            overlap_days=overlap,
            sigstore=sigstore,
            feed=feed,
            revocation=revocation,
        )


def _load_roots(paths: list[str], *, base: Path, where: str, purpose: str) -> list[TrustedRoot]:
    roots: list[TrustedRoot] = []
    for rel in paths:
        path = base / rel
        try:
            pem = path.read_bytes()
        except OSError as exc:
            raise TrustConfigError(f"{where}: root file {path}: {exc.strerror}") from None
        for cert in load_certificates(pem, what=str(path)):
            if not is_ca(cert):
                raise TrustConfigError(f"{where}: {path} holds {describe(cert)}, which is not a CA certificate")
            roots.append(TrustedRoot.from_certificate(cert, origin=f"config {path.name}", purpose=purpose))
    return roots


def _exact_or_pattern(sig: dict[str, Any], key: str, *, where: str) -> str | Pattern:
    exact, pattern = sig.pop(key, None), sig.pop(f"{key}_regexp", None)
    if (exact is None) == (pattern is None):
        raise TrustConfigError(f"{where}: [sigstore] needs exactly one of {key} and {key}_regexp")
    if pattern is not None:
        return compile_pattern(pattern, where=f"{where}: [sigstore].{key}_regexp")
    if not isinstance(exact, str) or not exact:
        raise TrustConfigError(f"{where}: [sigstore].{key} must be a non-empty string")
    return exact


def _sigstore_identity(sig: dict[str, Any], *, base: Path, where: str) -> SigstoreIdentity:
    identity = _exact_or_pattern(sig, "identity", where=where)
    issuer = _exact_or_pattern(sig, "issuer", where=where)
    trusted_root = sig.pop("trusted_root", None)
    if trusted_root is not None and not isinstance(trusted_root, str):
        raise TrustConfigError(f"{where}: [sigstore].trusted_root must be a path string")
    if sig:
        raise TrustConfigError(f"{where}: [sigstore] has unknown keys {sorted(sig)}")
    return SigstoreIdentity(
        identity=identity, issuer=issuer, trusted_root=base / trusted_root if trusted_root else None
    )


def trust_dir(home: Path) -> Path:
    explicit = os.environ.get("SHIPGATE_TRUST_DIR")
    return Path(explicit) if explicit else home / "trust"


@dataclass(frozen=True)
class TrustConfig:
    """Every vendor's configuration, by exact vendor name."""

    vendors: Mapping[str, VendorConfig]

    @classmethod
    def load(cls, directory: Path) -> TrustConfig:
        vendors: dict[str, VendorConfig] = {}
        if not directory.is_dir():
            return cls({})
        files = sorted(directory.glob("*.toml"))
        if len(files) > MAX_VENDOR_FILES:
            raise TrustConfigError(f"{directory} holds {len(files)} vendor files; at most {MAX_VENDOR_FILES}")
        for path in files:
            try:
                data = load_toml(path, limit=MAX_CONFIG_BYTES, what="vendor trust file")
            except InputRefused as exc:
                raise TrustConfigError(str(exc)) from None
            vendor = VendorConfig.from_dict(data, source=path)
            if vendor.name in vendors:
                raise TrustConfigError(
                    f"{path}: vendor {vendor.name!r} is also configured in {vendors[vendor.name].source}"
                )
            vendors[vendor.name] = vendor
        return cls(vendors)

    def get(self, vendor: str) -> VendorConfig:
        """The vendor's config, or an empty one (a vendor known only from pins in the store)."""
        return self.vendors.get(vendor) or VendorConfig(name=vendor)
