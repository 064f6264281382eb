"""The package layer end to end: every way an archive can differ from what the vendor signed is DENY with
the right code; a good package is ALLOW."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest
from verifier_kit import (
    VENDOR,
    Vendor,
    add_alias_entry,
    build,
    flip_byte,
    good_files,
    good_manifest,
    make_vendor,
    rewrite,
)

from shipgate.demo.build import PackageFile
from shipgate.findings import Severity
from shipgate.verifier import VerifyRequest, verify_package


@pytest.fixture
def vendor(tmp_path: Path) -> Vendor:
    return make_vendor(tmp_path / "home")


@pytest.fixture
def good(tmp_path: Path, vendor: Vendor) -> Path:
    return build(tmp_path / "good.zip", vendor.signer)


def codes(path: Path, who: Vendor, **request: object) -> set[str]:
    report = verify_package(path, request=VerifyRequest(**request), store=None, home=who.home)  # type: ignore[arg-type]
    assert report.verdict == "deny", report.to_dict()
    return {f.code for f in report.findings if f.severity >= Severity.LOW}


def test_good_package_is_allowed_with_its_signer(good: Path, vendor: Vendor) -> None:
    report = verify_package(good, request=VerifyRequest(), store=None, home=vendor.home)
    assert report.verdict == "allow"
    assert report.findings == ()
    assert report.package is not None and (report.package.name, report.package.version) == ("dten", "7.4.0")
    assert report.vendor == VENDOR
    assert report.signature is not None
    assert report.signature["signer"] == f"CN={VENDOR} Code Signing,O={VENDOR}"
    assert report.signature["root_sha256"] == vendor.root.sha256
    assert set(report.archive.digests) == {"sha256", "blake3"}
    assert report.archive.entries == 7  # manifest, signature, chain and four files


@pytest.mark.parametrize("entry", sorted(good_files()))
def test_one_byte_changed_in_a_listed_entry(tmp_path: Path, good: Path, vendor: Vendor, entry: str) -> None:
    original = good_files()[entry].data
    bad = rewrite(good, tmp_path / "bad.zip", change={entry: flip_byte(original)})
    report = verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert [(f.code, f.path) for f in report.findings] == [("manifest.digest_mismatch", entry)]
    assert report.findings[0].severity is Severity.CRITICAL


def test_one_byte_changed_in_the_manifest_breaks_the_signature(tmp_path: Path, good: Path, vendor: Vendor) -> None:
    manifest = good_manifest()
    at = manifest.index(b'"7.4.0"') + 3  # 7.4.0 -> 7.5.0: still a valid manifest
    bad = rewrite(good, tmp_path / "bad.zip", change={"manifest.json": flip_byte(manifest, at)})
    assert codes(bad, vendor) == {"trust.bad_signature"}


def test_one_byte_changed_in_the_signature(tmp_path: Path, good: Path, vendor: Vendor) -> None:
    with zipfile.ZipFile(good) as z:
        sig = z.read("manifest.json.sig")
    bad = rewrite(good, tmp_path / "bad.zip", change={"manifest.json.sig": flip_byte(sig, len(sig) // 2)})
    found = codes(bad, vendor)
    assert found <= {"trust.bad_signature", "trust.malformed_signature"} and found


def test_extra_entry(tmp_path: Path, vendor: Vendor) -> None:
    bad = build(tmp_path / "extra.zip", vendor.signer, extra={"scripts/payload.sh": b"#!/bin/sh\nid\n"})
    assert codes(bad, vendor) == {"manifest.unlisted_entry"}


def test_missing_entry(tmp_path: Path, good: Path, vendor: Vendor) -> None:
    bad = rewrite(good, tmp_path / "missing.zip", drop=("docs/CHANGES.txt",))
    report = verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert [(f.code, f.path) for f in report.findings] == [("manifest.file_missing", "docs/CHANGES.txt")]


def test_swapped_manifest(tmp_path: Path, good: Path, vendor: Vendor) -> None:
    """The manifest of another build (other binaries) put in place of the signed one."""
    other = good_files()
    other["binaries/dtend"] = PackageFile(data=b"\x7fELF other build", mode=0o755)
    bad = rewrite(good, tmp_path / "swapped.zip", change={"manifest.json": good_manifest(other)})
    report = verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert sorted((f.code, f.path) for f in report.findings) == [
        ("manifest.digest_mismatch", "binaries/dtend"),
        ("manifest.size_mismatch", "binaries/dtend"),
        ("trust.bad_signature", "manifest.json.sig"),
    ]


def test_manifest_signed_by_another_vendor(tmp_path: Path, vendor: Vendor) -> None:
    other = make_vendor(tmp_path / "other-home", "Other Corp", slug="other")
    bad = build(tmp_path / "other.zip", other.signer)  # the manifest still says Example Networks
    report = verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert [(f.code, f.path) for f in report.findings] == [("trust.unknown_issuer", "signing-chain.pem")]
    assert "Other Corp Root CA" in report.findings[0].message


def test_unsigned_package(tmp_path: Path, vendor: Vendor) -> None:
    bad = build(tmp_path / "unsigned.zip", None)
    report = verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert [(f.code, f.severity) for f in report.findings] == [("trust.no_signature", Severity.CRITICAL)]


def test_duplicate_names(tmp_path: Path, good: Path, vendor: Vendor) -> None:
    bad = tmp_path / "dup.zip"
    bad.write_bytes(good.read_bytes())
    with warnings.catch_warnings(), zipfile.ZipFile(bad, "a") as z:
        warnings.simplefilter("ignore")
        z.writestr("binaries/dtend", b"\x7fELF evil twin")
    found = codes(bad, vendor)
    assert "zip.duplicate_name" in found
    assert all(code.startswith("zip.") for code in found)


def test_overlapping_entries(tmp_path: Path, good: Path, vendor: Vendor) -> None:
    bad = add_alias_entry(good, tmp_path / "overlap.zip", target="scripts/pre-upgrade.sh", alias="scripts/zz.sh")
    found = codes(bad, vendor)
    assert "zip.overlapping_entries" in found
    assert all(code.startswith("zip.") for code in found)


def test_not_a_zip_is_deny_not_an_exception(tmp_path: Path, vendor: Vendor) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"this is not an archive\n" * 100)
    report = verify_package(junk, request=VerifyRequest(), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert "zip.not_a_zip" in report.codes()


def test_no_manifest(tmp_path: Path, vendor: Vendor) -> None:
    bare = tmp_path / "bare.zip"
    with zipfile.ZipFile(bare, "w") as z:
        z.writestr("binaries/dtend", b"\x7fELF")
    assert codes(bare, vendor) == {"manifest.missing"}


def test_unparsable_manifest_is_deny_with_the_field(tmp_path: Path, vendor: Vendor) -> None:
    bad = build(tmp_path / "garbled.zip", vendor.signer, manifest=b'{"manifest_version": 1, "package": ')
    # Nobody can say whose signature to check: that is a finding too.
    assert codes(bad, vendor) == {"manifest.invalid_json", "trust.unknown_vendor"}
    # Given the vendor, the signature over the (garbled but signed) bytes verifies; the manifest still denies.
    assert codes(bad, vendor, vendor=VENDOR) == {"manifest.invalid_json"}


def test_expected_archive_digest(good: Path, vendor: Vendor) -> None:
    assert codes(good, vendor, expect_sha256="00" * 32) == {"package.digest_mismatch"}
    ok = verify_package(good, request=VerifyRequest(), store=None, home=vendor.home)
    again = verify_package(
        good,
        request=VerifyRequest(
            expect_sha256=ok.archive.digests["sha256"].upper(), expect_blake3=ok.archive.digests["blake3"]
        ),
        store=None,
        home=vendor.home,
    )
    assert again.verdict == "allow"


def test_precomputed_digests_are_used_as_given(good: Path, vendor: Vendor) -> None:
    """The service hashes while the upload streams; the verifier does not hash the archive again."""
    given = {"sha256": "ab" * 32, "blake3": "cd" * 32}
    report = verify_package(good, request=VerifyRequest(archive_digests=given), store=None, home=vendor.home)
    assert dict(report.archive.digests) == given


def test_mode_as_declared(tmp_path: Path, vendor: Vendor) -> None:
    files = good_files()
    manifest = good_manifest(files).replace(b'"mode": "0755"', b'"mode": "0700"', 1)
    with zipfile.ZipFile(build(tmp_path / "m.zip", vendor.signer, files=files, manifest=manifest)) as z:
        first_exec = next(i.filename for i in z.infolist() if (i.external_attr >> 16) & 0o111)
    report = verify_package(tmp_path / "m.zip", request=VerifyRequest(), store=None, home=vendor.home)
    assert [(f.code, f.path, f.evidence["actual"]) for f in report.findings] == [
        ("manifest.mode_mismatch", first_exec, "0755")
    ]


def test_vendor_option_overrides_the_manifest(tmp_path: Path, good: Path, vendor: Vendor) -> None:
    report = verify_package(good, request=VerifyRequest(vendor="Nobody Inc"), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert sorted(f.code for f in report.findings) == ["manifest.vendor_differs", "trust.unknown_vendor"]
    # Signed by another configured vendor and verified with its trust on request: the manifest says it is
    # Example Networks' package, so the caller's vendor is wrong, whichever key signed it: deny, high.
    other = make_vendor(vendor.home, "Other Corp", slug="other")
    signed_by_other = build(tmp_path / "other.zip", other.signer)
    report = verify_package(signed_by_other, request=VerifyRequest(vendor="Other Corp"), store=None, home=vendor.home)
    assert report.verdict == "deny"
    assert [(f.code, f.severity) for f in report.findings] == [("manifest.vendor_differs", Severity.HIGH)]


def _blake3(data: bytes) -> str:
    from shipgate import _native

    h = _native.MultiDigest(["blake3"])
    h.update(data)
    return h.hexdigests()["blake3"]


def test_manifest_with_blake3_digests_only(tmp_path: Path, vendor: Vendor) -> None:
    """A manifest may give BLAKE3 instead of SHA-256: the inspector computes what the manifest uses."""
    import json

    files = good_files()
    doc = json.loads(good_manifest(files))
    for item in doc["files"]:
        del item["sha256"]
        item["blake3"] = _blake3(files[item["path"]].data)
    manifest = (json.dumps(doc, indent=2) + "\n").encode()
    good = build(tmp_path / "b3.zip", vendor.signer, files=files, manifest=manifest)
    assert verify_package(good, request=VerifyRequest(), store=None, home=vendor.home).verdict == "allow"
    data = files["binaries/dten-cli"].data
    bad = rewrite(good, tmp_path / "b3-bad.zip", change={"binaries/dten-cli": flip_byte(data, 7)})
    report = verify_package(bad, request=VerifyRequest(), store=None, home=vendor.home)
    assert [(f.code, f.path, f.evidence["algorithm"]) for f in report.findings] == [
        ("manifest.digest_mismatch", "binaries/dten-cli", "blake3")
    ]


def test_scanned_bytes_are_bounded(tmp_path: Path, vendor: Vendor) -> None:
    """Per file (PreflightOptions.max_file_bytes) and over all scanned files (max_total_bytes): the files
    past either limit are not read into memory, and each is reported skipped once."""
    from shipgate.preflight import PreflightOptions

    files = good_files()
    for i in range(3):
        files[f"scripts/step-{i}.sh"] = PackageFile(data=b"#!/bin/sh\n" + b"# padding\n" * 100, mode=0o755)
    package = build(tmp_path / "many.zip", vendor.signer, files=files)
    budget = PreflightOptions(max_total_bytes=2500)
    report = verify_package(package, request=VerifyRequest(preflight=budget), store=None, home=vendor.home)
    skipped = sorted(f.path for f in report.findings if f.code == "preflight.file_skipped")
    assert skipped == ["scripts/step-2.sh"]  # pre-upgrade.sh (42) + step-0 and step-1 (1010 each) fit
    options = PreflightOptions(max_file_bytes=500)
    report = verify_package(package, request=VerifyRequest(preflight=options), store=None, home=vendor.home)
    skipped = sorted(f.path for f in report.findings if f.code == "preflight.file_skipped")
    assert skipped == ["scripts/step-0.sh", "scripts/step-1.sh", "scripts/step-2.sh"]
    assert report.verdict == "allow"  # info findings only
