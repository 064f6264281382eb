"""``shipgate trust …`` and ``shipgate verify-blob`` through ``shipgate.cli.main``: exit codes, spellings
(docs/formats.md §5), and the story — a package under a rotated root is refused until an audited change says why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shipgate.cli import main
from trust import pki
from trust.conftest import MANIFEST, VENDOR, VendorPKI, write_vendor_toml


def blob(tmp_path: Path, leaf: pki.Issued, *chain: pki.Issued) -> list[str]:
    (tmp_path / "manifest.json").write_bytes(MANIFEST)
    (tmp_path / "manifest.json.sig").write_bytes(pki.sign(leaf.key, MANIFEST))
    (tmp_path / "signing-chain.pem").write_bytes(pki.chain_pem(leaf, *chain))
    return [
        "verify-blob",
        str(tmp_path / "manifest.json"),
        "--signature",
        str(tmp_path / "manifest.json.sig"),
        "--chain",
        str(tmp_path / "signing-chain.pem"),
        "--vendor",
        VENDOR,
    ]


def test_rotation_story_through_the_cli(
    home: Path, tmp_path: Path, vendor_pki: VendorPKI, capsys: pytest.CaptureFixture[str]
) -> None:
    write_vendor_toml(home, vendor_pki.old_root, '[signer]\nsans = ["email:release@example.net"]\n')
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old = blob(tmp_path / "old", vendor_pki.old_leaf, vendor_pki.old_int)
    new = blob(tmp_path / "new", vendor_pki.new_leaf, vendor_pki.new_int, vendor_pki.new_root)

    assert main(old) == 0
    assert "Verified OK" in capsys.readouterr().out

    assert main([*new, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["verified"] is False
    [finding] = report["findings"]
    assert finding["code"] == "trust.unknown_issuer"
    assert vendor_pki.new_root.fingerprint in finding["message"]
    assert finding["evidence"]["pinned_roots"][0]["sha256"] == vendor_pki.old_root.fingerprint

    (tmp_path / "new-root.pem").write_bytes(vendor_pki.new_root.pem)
    assert main(["trust", "pin", "--vendor", VENDOR, str(tmp_path / "new-root.pem"), "--reason", "ticket 42"]) == 0
    assert "trust version 1" in capsys.readouterr().out
    assert main(new) == 0
    out = capsys.readouterr().out
    assert "pin v1" in out and "email:release@example.net" in out

    assert main(["trust", "history", "--vendor", VENDOR, "--json"]) == 0
    [change] = json.loads(capsys.readouterr().out)
    assert (change["version"], change["kind"], change["reason"]) == (1, "pin", "ticket 42")
    assert change["payload"]["root"]["sha256"] == vendor_pki.new_root.fingerprint

    assert main(["trust", "list", "--vendor", VENDOR, "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert {r["sha256"]: r["state"] for r in listed["roots"]} == {
        vendor_pki.old_root.fingerprint: "active",
        vendor_pki.new_root.fingerprint: "active",
    }

    assert main(["trust", "rollback", "--vendor", VENDOR, "0"]) == 0
    assert "as new version 2" in capsys.readouterr().out
    assert main(new) == 1
    assert "trust.unknown_issuer" in capsys.readouterr().err

    assert main(["trust", "show", "--vendor", VENDOR, "--version", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["version"] == 1 and len(shown["roots"]) == 2
    assert shown["signer"] == {"subjects": [], "sans": ["email:release@example.net"]}

    assert main(["trust", "unpin", "--vendor", VENDOR, vendor_pki.old_root.fingerprint]) == 0
    capsys.readouterr()
    assert main(old) == 1
    assert "trust.unknown_issuer" in capsys.readouterr().err
    assert main(["trust", "history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[4] for line in lines] == ["pin", "rollback", "unpin"]


def test_identity_mismatch_is_not_verified(
    home: Path, tmp_path: Path, vendor_pki: VendorPKI, capsys: pytest.CaptureFixture[str]
) -> None:
    write_vendor_toml(home, vendor_pki.old_root, '[signer]\nsubjects = ["CN=Nobody"]\n')
    assert main(blob(tmp_path, vendor_pki.old_leaf, vendor_pki.old_int)) == 1
    assert "trust.identity_mismatch" in capsys.readouterr().err


def test_usage_errors_exit_2(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["verify-blob", str(tmp_path / "f"), "--signature", "s"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["verify-blob", str(tmp_path / "f"), "--bundle", "b", "--identity", "i"])
    assert info.value.code == 2
    assert main(["trust", "rollback", "--vendor", VENDOR, "3"]) == 2
    assert "no trust changes to roll back" in capsys.readouterr().err
    (tmp_path / "bad.pem").write_text("nope")
    assert main(["trust", "pin", "--vendor", VENDOR, str(tmp_path / "bad.pem")]) == 2
    assert "trust.malformed_certificate" in capsys.readouterr().err


def test_bad_config_file_is_a_usage_error_naming_the_key(
    home: Path, tmp_path: Path, vendor_pki: VendorPKI, capsys: pytest.CaptureFixture[str]
) -> None:
    write_vendor_toml(home, vendor_pki.old_root, "[signer]\nsubject = ['CN=x']\n")
    assert main(blob(tmp_path, vendor_pki.old_leaf, vendor_pki.old_int)) == 2
    assert "[signer] has unknown keys ['subject']" in capsys.readouterr().err


def test_operator_crl_from_the_vendor_file_refuses_a_revoked_signer(
    home: Path, tmp_path: Path, vendor_pki: VendorPKI, capsys: pytest.CaptureFixture[str]
) -> None:
    from cryptography.hazmat.primitives import serialization

    path = write_vendor_toml(home, vendor_pki.old_root, 'crls = ["crls/*.crl"]\n')
    (path.parent / "crls").mkdir()
    crl = pki.crl(vendor_pki.old_int, [vendor_pki.old_leaf])
    (path.parent / "crls" / "code-signing-2023.crl").write_bytes(crl.public_bytes(serialization.Encoding.DER))
    assert main([*blob(tmp_path, vendor_pki.old_leaf, vendor_pki.old_int), "--json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["code"] == "trust.revoked"
    assert finding["evidence"]["crl_issuer"] == "CN=Example Networks Code Signing CA 2023,O=Example Networks"
    (path.parent / "crls" / "code-signing-2023.crl").write_bytes(b"not a crl")
    assert main(blob(tmp_path, vendor_pki.old_leaf, vendor_pki.old_int)) == 1
    assert "trust.crl_invalid" in capsys.readouterr().err


def test_operator_retires_a_root_with_an_overlap(
    home: Path, tmp_path: Path, vendor_pki: VendorPKI, capsys: pytest.CaptureFixture[str]
) -> None:
    write_vendor_toml(home, vendor_pki.old_root)
    args = blob(tmp_path, vendor_pki.old_leaf, vendor_pki.old_int)
    fp = vendor_pki.old_root.fingerprint
    assert main(["trust", "retire", "--vendor", VENDOR, fp, "--after", "2099-01-01T00:00:00Z"]) == 0
    assert "trusted until 2099-01-01T00:00:00Z): trust version 1" in capsys.readouterr().out
    assert main(args) == 0
    assert "trust.root_retiring" in capsys.readouterr().err
    assert main(["trust", "retire", "--vendor", VENDOR, fp, "--after", "2020-01-01T00:00:00Z"]) == 0
    capsys.readouterr()
    assert main([*args, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["code"] == "trust.root_retired"
    assert main(["trust", "retire", "--vendor", VENDOR, "ab" * 32]) == 2
    assert "has no root with sha256" in capsys.readouterr().err
    assert main(["trust", "retire", "--vendor", VENDOR, fp, "--after", "next tuesday"]) == 2
    assert "--after: 'next tuesday' is not a time" in capsys.readouterr().err
