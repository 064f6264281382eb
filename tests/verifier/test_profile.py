"""A package profile maps another vendor's layout (manifest and signature names, script directories)
onto the roles of docs/formats.md §1."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from verifier_kit import PACKAGE, make_vendor

from shipgate.demo.build import PackageFile, manifest_bytes, manifest_for
from shipgate.errors import MalformedInput
from shipgate.package.profile import PackageProfile
from shipgate.verifier import VerifyRequest, verify_package

PROFILE = """
name = "acme-layout"
manifest = "META/package.json"
signature = "META/package.sig"
chain = "META/chain.pem"
sigstore_bundle = "META/package.sigstore.json"
scripts = ["install"]
"""


def test_profile_layout(tmp_path: Path) -> None:
    vendor = make_vendor(tmp_path / "home")
    profile_file = tmp_path / "acme.toml"
    profile_file.write_text(PROFILE)
    profile = PackageProfile.load(profile_file)
    files = {
        "payload/app.bin": PackageFile(data=b"\x7fELF app"),
        # No extension, no shebang, outside preflight's usual directories: a script only by the profile.
        "install/run": PackageFile(data=b"sudo /usr/sbin/service dten restart\n", mode=0o755),
    }
    manifest = manifest_bytes(manifest_for(files, package=PACKAGE))
    package = tmp_path / "acme.zip"
    with zipfile.ZipFile(package, "w") as z:
        z.writestr("META/package.json", manifest)
        z.writestr("META/package.sig", vendor.signer.sign(manifest))
        z.writestr("META/chain.pem", vendor.signer.pem)
        for name, f in files.items():
            info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
            info.create_system = 3
            info.external_attr = (0o100000 | f.mode) << 16
            z.writestr(info, f.data)
    env = tmp_path / "env.toml"
    env.write_text("[host]\nsudo = false\n")
    report = verify_package(package, request=VerifyRequest(profile=profile, env=env), store=None, home=vendor.home)
    assert report.signature is not None
    assert [(f.code, f.evidence.get("file"), f.evidence.get("line")) for f in report.findings] == [
        ("preflight.sudo_unavailable", "install/run", 1)
    ]
    # With the default profile the same archive has no manifest at all.
    default = verify_package(package, request=VerifyRequest(), store=None, home=vendor.home)
    assert default.codes() == {"manifest.missing"}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('manifest = "/etc/passwd"', "manifest must be a relative entry name"),
        ('colour = "blue"', "unknown keys"),
        ('signature = "manifest.json"', "must differ"),
        ("scripts = [1]", "scripts must be a list"),
    ],
)
def test_profile_is_read_strictly(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(text + "\n")
    with pytest.raises(MalformedInput, match=why):
        PackageProfile.load(path)
