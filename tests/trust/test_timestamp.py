"""Signing-time evidence (RFC 3161): a package whose signing certificate expired after a valid timestamp is
trusted; every way a token can be wrong is a distinct denial. Tokens come from a TSA built in the test
(tests/trust/tsa.py: its own keys, CMS SignedData with ESS signing-certificate-v2), read by rfc3161-client.
The risks: a token that stretches trust (another TSA, other bytes, a time after revocation) and, the other
way, every archived package becoming undeployable when its short-lived certificate expires."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from shipgate.cli import main
from shipgate.demo.build import write_package
from shipgate.demo.pki import Identity, make_root, make_signer
from shipgate.report.text import render_text
from shipgate.trust.errors import (
    CertificateExpired,
    TimestampAfterRevocation,
    TimestampInvalid,
    TimestampMalformed,
    TimestampMismatch,
    TimestampUntrusted,
)
from shipgate.trust.state import CODE_SIGNING, TIMESTAMPING, Revocation, TrustedRoot, VendorTrust
from shipgate.trust.timestamp import verify_timestamp
from shipgate.trust.verifier import verify_detached
from shipgate.verifier import VerifyRequest, verify_package
from trust import pki, tsa
from trust.conftest import vendor_with
from verifier.verifier_kit import VENDOR, good_files, good_manifest

NOW = pki.NOW
DAY = pki.DAY
SIGNED = NOW - 400 * DAY  # the package was signed and timestamped then
BORN = NOW - 800 * DAY  # the vendor's PKI; its signing certificate expired 70 days ago


@dataclass
class Archived:
    home: Path
    root: Identity
    signer: Identity
    authority: tsa.Authority
    manifest: bytes
    signature: bytes


@pytest.fixture(scope="module")
def authority() -> tsa.Authority:
    return tsa.authority(since=BORN - 100 * DAY)


@pytest.fixture
def archived(tmp_path: Path, authority: tsa.Authority) -> Archived:
    root = make_root(f"{VENDOR} Root CA", org=VENDOR, now=BORN)
    signer = make_signer(f"{VENDOR} Code Signing", root, org=VENDOR, now=BORN)
    assert signer.cert.not_valid_after_utc < NOW  # expired
    home = tmp_path / "home"
    (home / "trust").mkdir(parents=True)
    (home / "trust" / "root.pem").write_bytes(root.pem)
    (home / "trust" / "tsa-root.pem").write_bytes(authority.root.pem)
    (home / "trust" / "exn.toml").write_text(
        f'name = "{VENDOR}"\nroots = ["root.pem"]\ncrls = ["*.crl"]\n[tsa]\nroots = ["tsa-root.pem"]\n'
    )
    manifest = good_manifest()
    return Archived(home, root, signer, authority, manifest, signer.sign(manifest))


def _package(path: Path, a: Archived, token: bytes | None) -> Path:
    extra = {"manifest.json.sig.tsr": token} if token is not None else {}
    files = good_files()
    return write_package(path, files, manifest=a.manifest, signer=a.signer, signature=a.signature, extra=extra)


def _verify(path: Path, a: Archived) -> tuple[str, dict[str, str], dict[str, object] | None]:
    report = verify_package(path, request=VerifyRequest(), store=None, home=a.home)
    return report.verdict, {f.code: f.message for f in report.findings}, report.signature


def _crl(a: Archived, revoked_at: dt.datetime) -> bytes:
    from cryptography.hazmat.primitives import serialization

    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(a.root.cert.subject)
        .last_update(NOW - DAY)
        .next_update(NOW + 7 * DAY)
        .add_extension(x509.CRLNumber(7), critical=False)
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(a.signer.cert.serial_number)
            .revocation_date(revoked_at)
            .build()
        )
        .sign(a.root.key, hashes.SHA256())
    )
    return crl.public_bytes(serialization.Encoding.DER)


def test_expired_certificate_with_a_valid_timestamp_is_trusted(tmp_path: Path, archived: Archived) -> None:
    token = archived.authority.response(archived.signature, at=SIGNED)
    verdict, findings, signature = _verify(_package(tmp_path / "p.zip", archived, token), archived)
    assert (verdict, findings) == ("allow", {})
    assert signature is not None
    when = SIGNED.strftime("%Y-%m-%dT%H:%M:%SZ")
    expected = f"valid at signing time {when} (timestamp by CN=Example Timestamp Authority,O=Example TSA)"
    assert signature["signing_time"] == expected
    assert str(signature["trusted_because"]).endswith(expected)
    report = verify_package(tmp_path / "p.zip", request=VerifyRequest(), store=None, home=archived.home)
    assert expected in render_text(report)


def test_the_same_package_without_a_token_is_expired(tmp_path: Path, archived: Archived) -> None:
    verdict, findings, _ = _verify(_package(tmp_path / "p.zip", archived, None), archived)
    assert verdict == "deny"
    assert set(findings) == {"trust.certificate_expired"}


def test_token_from_an_unpinned_tsa(tmp_path: Path, archived: Archived) -> None:
    stranger = tsa.authority("Stranger Timestamps", since=BORN - 100 * DAY)
    token = stranger.response(archived.signature, at=SIGNED)
    verdict, findings, _ = _verify(_package(tmp_path / "p.zip", archived, token), archived)
    assert verdict == "deny"
    assert set(findings) == {"trust.timestamp_untrusted"}
    assert "CN=Stranger Timestamps" in findings["trust.timestamp_untrusted"]


def test_token_over_other_bytes(tmp_path: Path, archived: Archived) -> None:
    token = archived.authority.response(b"the signature of another build", at=SIGNED)
    verdict, findings, _ = _verify(_package(tmp_path / "p.zip", archived, token), archived)
    assert verdict == "deny"
    assert set(findings) == {"trust.timestamp_mismatch"}


def test_token_after_revocation_is_refused_and_before_it_stands(tmp_path: Path, archived: Archived) -> None:
    token = archived.authority.response(archived.signature, at=SIGNED)
    package = _package(tmp_path / "p.zip", archived, token)
    crl = archived.home / "trust" / "int.crl"
    crl.write_bytes(_crl(archived, revoked_at=SIGNED - 30 * DAY))  # revoked, then the token was made
    verdict, findings, _ = _verify(package, archived)
    assert verdict == "deny"
    assert set(findings) == {"trust.timestamp_after_revocation"}
    crl.write_bytes(_crl(archived, revoked_at=SIGNED + 30 * DAY))  # the signature provably predates it
    verdict, findings, _ = _verify(package, archived)
    assert (verdict, findings) == ("allow", {})


# -- verify_detached / verify_timestamp, unit by unit ------------------------------------------------


def _trust(
    signer_root: pki.Issued, *tsa_roots: x509.Certificate, revoked: dict[str, Revocation] | None = None
) -> VendorTrust:
    roots = {
        signer_root.fingerprint: TrustedRoot.from_certificate(signer_root.cert, origin="test", purpose=CODE_SIGNING)
    }
    for cert in tsa_roots:
        root = TrustedRoot.from_certificate(cert, origin="test", purpose=TIMESTAMPING)
        roots[root.sha256] = root
    return VendorTrust(vendor="Example Networks", version=1, roots=roots, revoked=revoked or {})


@pytest.fixture(scope="module")
def short_lived() -> tuple[pki.Issued, pki.Issued]:
    root = pki.make_cert(subject=pki.name("Short Root"), key=pki.ec_key(), ca=True, not_before=BORN)
    leaf = pki.leaf("Short Signer", root, not_before=BORN, not_after=NOW - 70 * DAY)
    return root, leaf


def test_advisory_revocation_times_against_the_token(
    short_lived: tuple[pki.Issued, pki.Issued], authority: tsa.Authority
) -> None:
    root, leaf = short_lived
    sig = pki.sign(leaf.key, b"manifest")
    token = authority.response(sig, at=SIGNED)
    chain = pki.chain_pem(leaf)
    vendor = vendor_with([root])

    def revoked(at: dt.datetime | None) -> VendorTrust:
        entry = Revocation(sha256=leaf.fingerprint, revoked_at=at, reason="keyCompromise", advisory_id="EXN-1")
        return _trust(root, authority.root.cert, revoked={leaf.fingerprint: entry})

    assert verify_detached(
        b"manifest", sig, chain, vendor=vendor, trust=revoked(SIGNED + DAY), timestamp=token
    ).signed_at
    with pytest.raises(TimestampAfterRevocation, match=r"revoked at .* by advisory EXN-1"):
        verify_detached(b"manifest", sig, chain, vendor=vendor, trust=revoked(SIGNED - DAY), timestamp=token)
    # A revocation without a stated time cannot be placed after the token: revoked.
    with pytest.raises(TimestampAfterRevocation):
        verify_detached(b"manifest", sig, chain, vendor=vendor, trust=revoked(None), timestamp=token)
    with pytest.raises(CertificateExpired):  # without the token, the expired certificate is refused first
        verify_detached(b"manifest", sig, chain, vendor=vendor, trust=revoked(SIGNED + DAY))


def test_a_tsa_root_is_no_signing_anchor_and_a_signing_root_no_tsa(
    short_lived: tuple[pki.Issued, pki.Issued], authority: tsa.Authority
) -> None:
    root, leaf = short_lived
    sig = pki.sign(leaf.key, b"manifest")
    token = authority.response(sig, at=SIGNED)
    # The TSA's root pinned as a signer's root does not make the TSA trusted for timestamps.
    as_signer = VendorTrust(vendor="Example Networks", version=1, roots={
        r.sha256: r for r in (TrustedRoot.from_certificate(c, origin="t") for c in (root.cert, authority.root.cert))
    })  # fmt: skip
    with pytest.raises(TimestampUntrusted, match="no TSA root pinned"):
        verify_detached(
            b"manifest", sig, pki.chain_pem(leaf), vendor=vendor_with([root]), trust=as_signer, timestamp=token
        )
    assert as_signer.anchors(NOW, TIMESTAMPING) == []
    assert _trust(root, authority.root.cert).anchors(NOW) == [root.cert]


def test_timestamp_refusals_each_have_their_code(authority: tsa.Authority) -> None:
    anchors = [authority.root.cert]
    sig = b"\x30\x45" + bytes(69)
    assert verify_timestamp(authority.response(sig, at=SIGNED, hash_name="sha512"), sig, anchors=anchors).time == SIGNED
    with pytest.raises(TimestampMalformed, match="not a DER RFC 3161"):
        verify_timestamp(b"\x30\x03\x02\x01\x00garbage", sig, anchors=anchors)
    with pytest.raises(TimestampMalformed, match="at most 65536"):
        verify_timestamp(b"\x00" * 70_000, sig, anchors=anchors)
    with pytest.raises(TimestampInvalid, match="did not grant"):
        verify_timestamp(authority.response(sig, at=SIGNED, status=2), sig, anchors=anchors)
    with pytest.raises(TimestampInvalid, match="in the future"):
        verify_timestamp(authority.response(sig, at=NOW + DAY), sig, anchors=anchors)
    with pytest.raises(TimestampMismatch, match="over other bytes"):
        verify_timestamp(authority.response(sig, at=SIGNED), sig + b"x", anchors=anchors)
    with pytest.raises(TimestampUntrusted, match="does not carry"):
        verify_timestamp(authority.response(sig, at=SIGNED, embed=False), sig, anchors=anchors)
    # A token before the TSA's own certificate was valid does not verify (rfc3161-client checks at genTime).
    young = tsa.authority("Young TSA")
    with pytest.raises((TimestampInvalid, TimestampUntrusted)):
        verify_timestamp(young.response(sig, at=SIGNED), sig, anchors=[young.root.cert])


def test_verify_blob_with_timestamp(
    tmp_path: Path, archived: Archived, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHIPGATE_HOME", str(archived.home))
    files = {"m": archived.manifest, "sig": archived.signature, "chain": archived.signer.pem}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "tsr").write_bytes(archived.authority.response(archived.signature, at=SIGNED))
    args = ["verify-blob", str(tmp_path / "m"), "--signature", str(tmp_path / "sig"), "--chain",
            str(tmp_path / "chain"), "--vendor", VENDOR]  # fmt: skip
    assert main([*args, "--timestamp", str(tmp_path / "tsr")]) == 0
    assert "valid at signing time" in capsys.readouterr().out
    assert main(args) == 1
    assert "trust.certificate_expired" in capsys.readouterr().err
    (tmp_path / "tsr").write_bytes(archived.authority.response(b"other", at=SIGNED))
    assert main([*args, "--timestamp", str(tmp_path / "tsr")]) == 1
    assert "trust.timestamp_mismatch" in capsys.readouterr().err


def test_tsa_root_pinned_from_the_cli(tmp_path: Path, archived: Archived, capsys: pytest.CaptureFixture[str]) -> None:
    # Without [tsa] in the vendor file, the operator pins the TSA root: a versioned trust change of purpose
    # timestamping, which makes the token count (and is listed as such).
    toml = archived.home / "trust" / "exn.toml"
    toml.write_text(toml.read_text().replace('[tsa]\nroots = ["tsa-root.pem"]\n', ""))
    package = _package(tmp_path / "p.zip", archived, archived.authority.response(archived.signature, at=SIGNED))
    assert _verify(package, archived)[1].keys() == {"trust.timestamp_untrusted"}
    home = ["--home", str(archived.home)]
    pem = archived.home / "trust" / "tsa-root.pem"
    assert main([*home, "trust", "pin", "--vendor", VENDOR, "--tsa", str(pem), "--reason", "vendor's TSA"]) == 0
    assert "pinned timestamp authority root" in capsys.readouterr().out
    assert main([*home, "trust", "list", "--vendor", VENDOR]) == 0
    assert "[timestamping]" in capsys.readouterr().out
    from shipgate.store import open_store

    with open_store(home=archived.home) as store:
        report = verify_package(package, request=VerifyRequest(), store=store, home=archived.home)
    assert (report.verdict, report.findings) == ("allow", ())
