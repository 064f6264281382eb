"""Vendor trust files: read strictly, every mistake named; the declarative baseline of trust version 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.trust import TrustConfig
from shipgate.trust.errors import MalformedCertificate, TrustConfigError
from trust import pki
from trust.conftest import VENDOR, VendorPKI, write_vendor_toml

FULL = """
crls = ["crls/*.crl"]
[signer]
subjects = ["CN=Example Networks Release*"]
sans = ["email:release@example.net"]
[feed_signer]
sans = ["email:advisories@example.net"]
[rotation]
overlap_days = 30
[sigstore]
identity = "release@example.net"
issuer = "https://accounts.example.net"
trusted_root = "sigstore/trusted_root.json"
"""


def test_full_vendor_file(home: Path, vendor_pki: VendorPKI) -> None:
    path = write_vendor_toml(home, vendor_pki.old_root, FULL)
    (path.parent / "crls").mkdir()
    (path.parent / "crls" / "int.crl").write_bytes(b"x")
    vendor = TrustConfig.load(home / "trust").get(VENDOR)
    assert vendor.source == path
    assert [r.sha256 for r in vendor.roots] == [vendor_pki.old_root.fingerprint]
    assert vendor.roots[0].origin == "config old.pem"
    assert vendor.signer.subjects == ("CN=Example Networks Release*",)
    assert vendor.feed_signer.sans == ("email:advisories@example.net",)
    assert vendor.overlap_days == 30
    assert vendor.crl_files == (path.parent / "crls" / "int.crl",)
    assert vendor.sigstore is not None
    assert vendor.sigstore.trusted_root == path.parent / "sigstore" / "trusted_root.json"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("colour = 'red'\n", r"unknown keys \['colour'\]"),
        ("[signer]\nsans = ['release@example.net']\n", "must start with one of email:, dns:, uri:"),
        ("[signer]\nsubjects = 'CN=x'\n", r"\[signer\]\.subjects must be a list"),
        ("[rotation]\noverlap_days = -1\n", "overlap_days must be a non-negative integer"),
        ("[sigstore]\nidentity = 'x'\n", r"\[sigstore\] needs exactly one of issuer and issuer_regexp"),
        ("[sigstore]\nidentity = 'x'\nidentity_regexp = 'x'\nissuer = 'i'\n", "exactly one of identity and"),
        ("[sigstore]\nidentity_regexp = '(a)\\1'\nissuer = 'i'\n", r"not an RE2 pattern \(invalid escape"),
        ("[signer]\nsan_regexps = ['uri:(?=x)y']\n", r"san_regexps\[0\]: '\(\?=x\)y' is not an RE2 pattern"),
        ("[signer]\nsan_regexps = ['https://x']\n", "must start with one of email:, dns:, uri:"),
        ("[tsa]\nroots = 'tsa.pem'\n", r"\[tsa\]\.roots must be a list"),
        ("[revocation]\nfetch = 'sometimes'\n", r"\[revocation\]\.fetch is 'sometimes'; one of off, soft, hard"),
        ("[revocation]\ntimeout_seconds = 600\n", r"timeout_seconds must be a number in \(0, 60\]"),
        ("roots = 3\n", "Cannot overwrite a value|roots must be a list"),
    ],
)
def test_mistakes_are_named(home: Path, vendor_pki: VendorPKI, extra: str, message: str) -> None:
    write_vendor_toml(home, vendor_pki.old_root, extra)
    with pytest.raises(TrustConfigError, match=message):
        TrustConfig.load(home / "trust")


def test_missing_root_file_and_bad_pem(home: Path, vendor_pki: VendorPKI) -> None:
    path = write_vendor_toml(home, vendor_pki.old_root)
    (path.parent / "roots" / "old.pem").unlink()
    with pytest.raises(TrustConfigError, match=r"root file .*old\.pem: No such file"):
        TrustConfig.load(home / "trust")
    (path.parent / "roots" / "old.pem").write_text("garbage")
    with pytest.raises(MalformedCertificate, match="no PEM certificate"):
        TrustConfig.load(home / "trust")


def test_two_files_for_one_vendor_are_refused(home: Path, vendor_pki: VendorPKI) -> None:
    path = write_vendor_toml(home, vendor_pki.old_root)
    (path.parent / "again.toml").write_text(f'name = "{VENDOR}"\n')
    with pytest.raises(TrustConfigError, match="is also configured in"):
        TrustConfig.load(home / "trust")


def test_a_vendor_without_file_is_empty_and_no_dir_is_no_vendors(home: Path) -> None:
    config = TrustConfig.load(home / "trust")
    assert config.vendors == {}
    vendor = config.get("Nobody")
    assert (vendor.roots, vendor.source, vendor.signer.empty) == ((), None, True)


def test_trust_dir_env_overrides_home(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from shipgate.trust import trust_dir

    assert trust_dir(home) == home / "trust"
    monkeypatch.setenv("SHIPGATE_TRUST_DIR", str(tmp_path / "elsewhere"))
    assert trust_dir(home) == tmp_path / "elsewhere"


def test_a_leaf_in_the_roots_file_is_refused(home: Path, vendor_pki: VendorPKI) -> None:
    write_vendor_toml(home, pki.leaf("Oops", vendor_pki.old_int))
    with pytest.raises(TrustConfigError, match="CN=Oops,O=Example Networks, which is not a CA certificate"):
        TrustConfig.load(home / "trust")
