"""``shipgate verify`` exit codes and outputs, and the verdict stored by digest with its audit entries."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from verifier_kit import VENDOR, Vendor, build, flip_byte, good_files, make_vendor, rewrite

from shipgate.cli import main
from shipgate.demo.build import PackageFile
from shipgate.policy import Policy
from shipgate.report.model import Report
from shipgate.store import open_store
from shipgate.verifier import VerifyRequest, verify_package


@pytest.fixture
def vendor(home: Path) -> Vendor:
    return make_vendor(home)


@pytest.fixture
def good(tmp_path: Path, vendor: Vendor) -> Path:
    return build(tmp_path / "good.zip", vendor.signer)


@pytest.fixture
def bad(tmp_path: Path, good: Path) -> Path:
    data = good_files()["binaries/dtend"].data
    return rewrite(good, tmp_path / "bad.zip", change={"binaries/dtend": flip_byte(data, 100)})


@pytest.fixture
def warned(tmp_path: Path, vendor: Vendor) -> Path:
    files = good_files()
    files["cron/dten"] = PackageFile(data=b"*/5 * * * * root /opt/dten/bin/dten-sync\n")
    return build(tmp_path / "cron.zip", vendor.signer, files=files)


def run_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().out


def test_exit_codes(good: Path, bad: Path, warned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("verify", str(good), capsys=capsys)[0] == 0
    assert run_cli("verify", str(bad), capsys=capsys)[0] == 1
    status, out = run_cli("verify", str(warned), capsys=capsys)
    assert (status, out.splitlines()[0]) == (0, "WARN  dten 7.4.0 from Example Networks")
    assert run_cli("verify", str(warned), "--fail-on", "warn", capsys=capsys)[0] == 1
    assert run_cli("verify", str(good.parent / "nope.zip"), capsys=capsys)[0] == 2


def test_json_and_sarif_output(good: Path, bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_cli("verify", str(bad), "--json", capsys=capsys)
    doc = json.loads(out)
    assert (status, doc["schema"], doc["verdict"]) == (1, "shipgate.report/v1", "deny")
    assert [f["code"] for f in doc["findings"]] == ["manifest.digest_mismatch"]
    status, out = run_cli("verify", str(good), "--sarif", capsys=capsys)
    assert (status, json.loads(out)["version"]) == (0, "2.1.0")


def test_html_and_attest_files(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, vsa = tmp_path / "r.html", tmp_path / "vsa.json"
    status, out = run_cli("verify", str(good), "--html", str(html), "--attest", str(vsa), capsys=capsys)
    assert status == 0 and out.startswith("ALLOW")
    assert "<!DOCTYPE html>" in html.read_text()
    assert json.loads(vsa.read_text())["payloadType"] == "application/vnd.in-toto+json"


def test_expect_sha256_option(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_cli("verify", str(good), "--expect-sha256", "0" * 64, "--json", capsys=capsys)
    assert status == 1
    assert [f["code"] for f in json.loads(out)["findings"]] == ["package.digest_mismatch"]


def test_malformed_expected_digest_is_a_usage_error(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["verify", str(good), "--expect-sha256", "abc"])
    assert exc.value.code == 2
    assert "--expect-sha256 takes 64 hexadecimal digits" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "env.toml"
    broken.write_text("[systemd]\nunits = 5\n")
    assert main(["verify", str(good), "--env", str(broken)]) == 2
    assert "inventory" in capsys.readouterr().err


def test_server_option_is_reserved(good: Path) -> None:
    """--server belongs to the service client; without it the answer is a clear exit 2, not a traceback."""
    out = subprocess.run(
        [sys.executable, "-m", "shipgate", "verify", str(good), "--server", "127.0.0.1:1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode in (1, 2), out
    assert "Traceback" not in out.stderr


def test_verdict_stored_by_both_digests_and_audited(good: Path, vendor: Vendor) -> None:
    with open_store(home=vendor.home) as store:
        report = verify_package(good, request=VerifyRequest(actor="test"), store=store, home=vendor.home)
        by_sha = store.get_verdict(report.archive.digests["sha256"])
        by_blake = store.get_verdict(f"blake3:{report.archive.digests['blake3']}")
        entries = store.audit_entries()
        assert store.verify_audit().ok
    assert by_sha is not None and by_blake is not None and by_sha.id == by_blake.id
    assert (by_sha.verdict, by_sha.package_name, by_sha.vendor) == ("allow", "dten", VENDOR)
    assert [(e.action, e.actor, e.subject) for e in entries] == [
        ("verdict.record", "test", report.archive.digests["sha256"])
    ]


def test_waiver_applied_is_audited(tmp_path: Path, warned: Path, vendor: Vendor) -> None:
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(
        '[[waivers]]\ncode = "preflight.scheduled_job"\nvendor = "Example Networks"\n'
        'reason = "the sync job is expected"\nowner = "ops@example.org"\nexpires = "2099-01-01"\n'
    )
    with open_store(home=vendor.home) as store:
        report = verify_package(
            warned, request=VerifyRequest(policy=Policy.load(policy_file)), store=store, home=vendor.home
        )
        actions = [e.action for e in store.audit_entries()]
    assert report.verdict == "allow"
    assert "policy.waiver_applied" in report.codes()
    assert actions == ["verdict.record", "policy.waiver_applied"]


def _withdrawn_verdict(package: Path, vendor: Vendor, withdrawn: dict[str, str]) -> tuple[Report, str | None]:
    """Verify ``package`` with one stored withdrawn-package advisory naming ``withdrawn``; the stored verdict."""
    from datetime import UTC, datetime

    from shipgate.store import AdvisoryRecord

    body = {
        "id": "EXN-2026-0033",
        "kind": "withdrawn-package",
        "published": "2026-11-01T00:00:00Z",
        "packages": [withdrawn],
        "reason": "data loss on upgrade",
    }
    with open_store(home=vendor.home) as store:
        store.put_advisories(
            [
                AdvisoryRecord(
                    vendor=VENDOR,
                    advisory_id="EXN-2026-0033",
                    kind="withdrawn-package",
                    feed_version=3,
                    body=body,
                    published=datetime(2026, 11, 1, tzinfo=UTC),
                )
            ],
            actor="test",
        )
        report = verify_package(package, request=VerifyRequest(), store=store, home=vendor.home)
        stored = store.get_verdict(report.archive.digests["sha256"])
    return report, stored.verdict if stored else None


def test_withdrawn_package_advisory_denies(good: Path, vendor: Vendor) -> None:
    report, stored = _withdrawn_verdict(good, vendor, {"name": "dten", "version": "7.4.0"})
    assert report.verdict == "deny"
    assert [(f.code, f.path) for f in report.findings] == [("advisory.withdrawn_package", "advisory:EXN-2026-0033")]
    assert stored == "deny"


def test_withdrawal_by_archive_digest_denies_a_renamed_package(good: Path, vendor: Vendor) -> None:
    """The digest alone identifies the archive: a withdrawn build re-labelled under another name is denied."""
    digest = hashlib.sha256(good.read_bytes()).hexdigest()
    report, stored = _withdrawn_verdict(good, vendor, {"name": "dten-renamed", "version": "9.9.9", "sha256": digest})
    assert report.verdict == "deny"
    assert [(f.code, f.path, f.evidence["matched_by"]) for f in report.findings] == [
        ("advisory.withdrawn_package", "advisory:EXN-2026-0033", "sha256")
    ]
    assert stored == "deny"
