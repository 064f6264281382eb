"""A package signed with a Sigstore bundle (``manifest.json.sigstore.json``) is verified offline with the
vendor's configured identity, issuer and trusted root. The signed bytes and bundle are sigstore-python's
own test assets (read in place from the shared corpora): the "manifest" is their signed text file, so the
signature verifies and the manifest itself is reported as not JSON."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from shipgate.trust.identity import leaf_sans
from shipgate.verifier import VerifyRequest, verify_package

VENDOR = "Sigstore Test Vendor"
ISSUER_OID = "1.3.6.1.4.1.57264.1.1"


def _identity(bundle: Path) -> tuple[str, str]:
    from sigstore.models import Bundle

    cert = Bundle.from_json(bundle.read_bytes()).signing_certificate
    san = leaf_sans(cert)[0].split(":", 1)[1]
    ext = next(e for e in cert.extensions if e.oid.dotted_string == ISSUER_OID)
    return san, ext.value.value.decode()  # type: ignore[attr-defined]


def _package(tmp_path: Path, corpora: Path) -> Path:
    assets = corpora / "sigstore-python" / "assets"
    path = tmp_path / "sigstore.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", (assets / "bundle.txt").read_bytes())
        z.writestr("manifest.json.sigstore.json", (assets / "bundle.txt.sigstore").read_bytes())
    return path


def _configure(home: Path, corpora: Path, *, identity: str | None, issuer: str) -> None:
    staging = corpora / "sigstore-python" / "trust-roots" / "staging" / "trusted_root.json"
    trust = home / "trust"
    trust.mkdir(parents=True, exist_ok=True)
    text = f'name = "{VENDOR}"\n'
    if identity is not None:
        text += f'\n[sigstore]\nidentity = "{identity}"\nissuer = "{issuer}"\ntrusted_root = "{staging}"\n'
    (trust / "sigstore-vendor.toml").write_text(text)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("signer", ["manifest.invalid_json"]),
        ("someone-else@example.com", ["manifest.invalid_json", "trust.identity_mismatch"]),
        (None, ["manifest.invalid_json", "trust.sigstore_unconfigured"]),
    ],
)
def test_sigstore_bundle_package(tmp_path: Path, corpora: Path, who: str | None, expected: list[str]) -> None:
    bundle = corpora / "sigstore-python" / "assets" / "bundle.txt.sigstore"
    identity, issuer = _identity(bundle)
    home = tmp_path / "home"
    _configure(home, corpora, identity=identity if who == "signer" else who, issuer=issuer)
    report = verify_package(
        _package(tmp_path, corpora), request=VerifyRequest(vendor=VENDOR), store=None, home=home
    )
    assert report.verdict == "deny"
    assert sorted(f.code for f in report.findings) == expected
    if who == "signer":
        assert report.signature is not None
        assert report.signature["identity"] == identity
        assert report.signature["root"].startswith("sigstore trusted root")
    else:
        assert report.signature is None
