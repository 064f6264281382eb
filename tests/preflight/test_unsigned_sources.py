"""``preflight.signature_verification_disabled``: package sources and install commands that skip signature checks,
each construct beside a near miss that stays quiet.

Risk covered: a repository file or an install step that takes packages from whoever answers for the repository
(``gpgcheck=0``, ``[trusted=yes]``, ``--allow-unauthenticated``) passing as an ordinary package install."""

from __future__ import annotations

import pytest
from preflight_kit import package, run

from shipgate.findings import Severity

CODE = "preflight.signature_verification_disabled"


def unsigned(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    """(path, line) of each signature_verification_disabled finding."""
    return sorted((f.path, f.evidence.get("line")) for f in run(package(files)) if f.code == CODE)


def test_a_repo_section_without_any_signature_check() -> None:
    repo = (
        "[vendor]\nbaseurl=https://rpm.vendor.io/el9\ngpgcheck=0\nenabled=1\n\n"
        "[vendor-signed-metadata]\nbaseurl=https://rpm.vendor.io/el9-meta\ngpgcheck=0\nrepo_gpgcheck=1\n\n"
        "[vendor-checked]\nbaseurl=https://rpm.vendor.io/el9-ok\ngpgcheck=1\n"
    )
    # Near misses: repo_gpgcheck=1 signs the metadata that holds every package's checksum; gpgcheck=1.
    assert unsigned({"etc/yum.repos.d/vendor.repo": repo}) == [("etc/yum.repos.d/vendor.repo", 3)]
    assert unsigned({"packaging/vendor.repo.fedora": repo}) == [("packaging/vendor.repo.fedora", 3)]


def test_apt_sources_trusted_or_insecure() -> None:
    files = {
        "etc/apt/sources.list.d/vendor.list": "deb [arch=amd64 trusted=yes] https://apt.vendor.io stable main\n"
        "deb [signed-by=/usr/share/keyrings/vendor.gpg] https://apt.vendor.io stable main\n",
        "etc/apt/sources.list.d/vendor.sources": "Types: deb\nURIs: https://apt.vendor.io\nSuites: stable\n"
        "Components: main\nTrusted: yes\n",
        "etc/apt/apt.conf.d/99vendor": 'APT::Get::AllowUnauthenticated "true";\nAPT::Install-Recommends "false";\n',
    }
    assert unsigned(files) == [
        ("etc/apt/apt.conf.d/99vendor", 1),
        ("etc/apt/sources.list.d/vendor.list", 1),
        ("etc/apt/sources.list.d/vendor.sources", 5),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "apt-get install -y --allow-unauthenticated vendor-agent",
        "apt-get -o APT::Get::AllowUnauthenticated=true install vendor-agent",
        "dnf install -y --nogpgcheck vendor-agent",
        "yum --setopt=vendor.gpgcheck=0 install vendor-agent",
        "zypper --no-gpg-checks install vendor-agent",
        "rpm -Uvh --nosignature vendor-agent.rpm",
        "apk add --allow-untrusted vendor-agent.apk",
        'echo "deb [trusted=yes] https://apt.vendor.io stable main" | tee /etc/apt/sources.list.d/vendor.list',
    ],
)
def test_install_commands_that_skip_signatures(line: str) -> None:
    found = run(package({"scripts/install.sh": f"#!/bin/sh\nset -e\n{line}\n"}))
    hits = [f for f in found if f.code == CODE]
    assert [(f.evidence.get("line"), f.severity) for f in hits] == [(3, Severity.HIGH)]


@pytest.mark.parametrize(
    "line",
    [
        "apt-get install -y vendor-agent",
        "dnf install -y --setopt=install_weak_deps=False vendor-agent",
        "rpm --import https://rpm.vendor.io/key.asc",
        'echo "deb [signed-by=/usr/share/keyrings/vendor.gpg] https://apt.vendor.io stable main" > vendor.list',
        'echo "gpgcheck=0 turns the signature check off: never ship it"',
    ],
)
def test_near_misses_keep_signatures_on(line: str) -> None:
    assert unsigned({"scripts/install.sh": f"#!/bin/sh\n{line}\n"}) == []
