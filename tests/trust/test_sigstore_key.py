"""`shipgate verify-blob --bundle B --key PUBKEY.pem`: managed-key Sigstore bundles (no certificate), on the
sigstore-conformance managed-key bundles and tampered copies of them. The risk: a key bundle passing with
another key, another artifact, or a log entry that the pinned trusted root does not vouch for."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from shipgate.cli import main

CASE = "managed-key-and-trusted-root"  # carries its own trusted_root.json


def _case(corpora: Path) -> Path:
    return corpora / "sigstore-conformance" / "assets" / "bundle-verify" / CASE


def _run(corpora: Path, *, bundle: Path | None = None, key: Path | None = None, artifact: Path | None = None) -> int:
    case = _case(corpora)
    return main(
        [
            "verify-blob",
            str(artifact or case.parent / "a.txt"),
            "--bundle",
            str(bundle or case / "bundle.sigstore.json"),
            "--key",
            str(key or case / "key.pub"),
            "--trusted-root",
            str(case / "trusted_root.json"),
        ]
    )


def _tampered(corpora: Path, tmp_path: Path, change: str) -> Path:
    doc = json.loads((_case(corpora) / "bundle.sigstore.json").read_text())
    entry = doc["verificationMaterial"]["tlogEntries"][0]
    if change == "integrated_time":
        entry["integratedTime"] = str(int(entry["integratedTime"]) + 1)
    elif change == "root_hash":
        root = bytearray(base64.b64decode(entry["inclusionProof"]["rootHash"]))
        root[0] ^= 1
        entry["inclusionProof"]["rootHash"] = base64.b64encode(bytes(root)).decode()
    elif change == "signature":
        sig = bytearray(base64.b64decode(doc["messageSignature"]["signature"]))
        sig[-1] ^= 1
        doc["messageSignature"]["signature"] = base64.b64encode(bytes(sig)).decode()
    path = tmp_path / "bundle.sigstore.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.usefixtures("home")
def test_managed_key_bundle_verifies_with_its_key(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(corpora) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "Signer:  public key sha256:" in out
    assert "Verified OK" in out


@pytest.mark.usefixtures("home")
def test_another_valid_key_is_refused(corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.pub"
    other.write_bytes(
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    assert _run(corpora, key=other) == 1
    assert "trust.sigstore_invalid" in (err := capsys.readouterr().err)
    assert "does not verify with the given key" in err


@pytest.mark.usefixtures("home")
def test_another_artifact_is_refused(corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    artifact = tmp_path / "a.txt"
    artifact.write_bytes((_case(corpora).parent / "a.txt").read_bytes() + b"\n")
    assert _run(corpora, artifact=artifact) == 1
    assert "message digest is not the artifact's SHA-256" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ("integrated_time", "SET: invalid inclusion promise"),
        ("root_hash", "invalid log entry"),
        ("signature", "does not verify with the given key"),
    ],
)
@pytest.mark.usefixtures("home")
def test_tampered_bundle_is_refused(
    corpora: Path, tmp_path: Path, change: str, why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(corpora, bundle=_tampered(corpora, tmp_path, change)) == 1
    err = capsys.readouterr().err
    assert "trust.sigstore_invalid" in err
    assert why in err


@pytest.mark.usefixtures("home")
def test_production_root_does_not_vouch_for_a_private_log(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _case(corpora)
    production = corpora / "sigstore-python" / "trust-roots" / "production" / "trusted_root.json"
    args = ["verify-blob", str(case.parent / "a.txt"), "--bundle", str(case / "bundle.sigstore.json")]
    assert main([*args, "--key", str(case / "key.pub"), "--trusted-root", str(production)]) == 1
    assert "trust.sigstore_invalid" in capsys.readouterr().err


@pytest.mark.usefixtures("home")
def test_certificate_bundle_with_key_is_refused(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    happy = _case(corpora).parent / "happy-path-v0.3"
    assert _run(corpora, bundle=happy / "bundle.sigstore.json") == 1
    err = capsys.readouterr().err
    assert "trust.malformed_signature" in err
    assert "--identity ID --issuer URL instead of --key" in err


def test_logged_body_with_another_key_is_refused() -> None:
    from sigstore.errors import VerificationError

    from shipgate.trust.sigstore_key import _check_hashedrekord

    def spki(key: ec.EllipticCurvePrivateKey) -> bytes:
        return key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    logged, given = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    pem = logged.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    digest, sig = b"\x01" * 32, b"sig"
    body = {
        "apiVersion": "0.0.1",
        "kind": "hashedrekord",
        "spec": {
            "data": {"hash": {"algorithm": "sha256", "value": digest.hex()}},
            "signature": {
                "content": base64.b64encode(sig).decode(),
                "publicKey": {"content": base64.b64encode(pem).decode()},
            },
        },
    }
    raw = json.dumps(body).encode()
    _check_hashedrekord(raw, signature=sig, digest=digest, key_der=spki(logged))
    with pytest.raises(VerificationError, match="another key"):
        _check_hashedrekord(raw, signature=sig, digest=digest, key_der=spki(given))
    with pytest.raises(VerificationError, match="another artifact"):
        _check_hashedrekord(raw, signature=sig, digest=b"\x02" * 32, key_der=spki(logged))
    with pytest.raises(VerificationError, match="another signature"):
        _check_hashedrekord(raw, signature=b"other", digest=digest, key_der=spki(logged))


@pytest.mark.parametrize(
    "extra",
    [
        ["--identity", "x", "--issuer", "y"],  # a key bundle has no identity
        [],  # neither --key nor --identity/--issuer
    ],
)
@pytest.mark.usefixtures("home")
def test_key_and_identity_usage(corpora: Path, extra: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    case = _case(corpora)
    args = ["verify-blob", str(case.parent / "a.txt"), "--bundle", str(case / "bundle.sigstore.json")]
    if extra:
        args += ["--key", str(case / "key.pub")]
    with pytest.raises(SystemExit) as exit_:
        main([*args, *extra])
    assert exit_.value.code == 2
    assert "--key" in capsys.readouterr().err


def test_key_without_bundle_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "f").write_bytes(b"x")
    with pytest.raises(SystemExit) as exit_:
        main(["verify-blob", str(tmp_path / "f"), "--key", str(tmp_path / "k.pem")])
    assert exit_.value.code == 2
    assert "go with --bundle" in capsys.readouterr().err
