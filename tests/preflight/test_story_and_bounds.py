"""The story (README, Quick start) end to end, which files are scanned, and the bounds on what is read."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from preflight_kit import INVENTORY, located, package, run, script

from shipgate.findings import Severity
from shipgate.preflight import PackageContents, PreflightOptions, run_preflight
from shipgate.preflight.contents import Kind, scanned_kind

BUILT = datetime(2026, 10, 2, 9, tzinfo=UTC)


def test_the_dten_story() -> None:
    """Full-upgrade-package-dten.zip, the story of README's Quick start: every problem it describes is found."""
    contents = package(
        {
            "binaries/dtend": b"\x7fELF\x02\x01\x01\x00",
            "lib/modules/6.1.0/extra/dten.ko": b"\x7fELF\x02\x01\x01\x00",
            "scripts/pre-upgrade.sh": script(
                "sudo systemctl stop dten-agent.service",
                'DB_PASSWORD="Tr0ub4dor-and-3"',
                "curl -fsS -d @/var/lib/dten/inventory.json https://telemetry.dten-vendor.io/v2/checkin",
            ),
            "scripts/post-upgrade.sh": script("psql -d dten -f scripts/migrations/0042_add_index.sql"),
            "scripts/migrations/0042_add_index.sql": "ALTER TABLE routes ADD COLUMN hybrid boolean;\n",
        },
        mtimes={"binaries/dtend": datetime(2023, 3, 1), "lib/modules/6.1.0/extra/dten.ko": BUILT},
        dependencies=[{"name": "openssl", "version": ">=3.0"}, {"name": "postgresql", "version": ">=14,<17"}],
        reboot="recommended",
        services=["dten-agent.service"],
        config={"removed": ["dten.legacy.mode"], "required": {"dten.hybrid.enable": True}},
        migrations=["scripts/migrations/0042_add_index.sql"],
        hooks={"pre": "scripts/pre-upgrade.sh", "post": "scripts/post-upgrade.sh"},
    )
    found = [f for f in run(contents) if f.code != "preflight.file_skipped"]
    assert sorted({f.code for f in found}) == [
        "config.removed_key_set",
        "config.required_value_mismatch",
        "preflight.dependency_unbounded",
        "preflight.external_endpoint",
        "preflight.hardcoded_credential",
        "preflight.migration_outside_lock",
        "preflight.migration_unlocked",
        "preflight.reboot_understated",
        "preflight.stale_binary",
        "preflight.sudo_unavailable",
        "preflight.systemd_unit_missing",
    ]
    # Every finding says where (file, and line for text) and what to do.
    for f in found:
        assert f.evidence["file"] and f.remedy, f
        assert f.code == "preflight.stale_binary" or f.evidence["line"] >= 1, f
    assert located(found, "preflight.systemd") == [
        ("preflight.systemd_unit_missing", "scripts/pre-upgrade.sh", 3),
        ("preflight.systemd_unit_missing", "manifest.json", 53),
    ]


@pytest.mark.parametrize(
    ("path", "head", "kind"),
    [
        ("scripts/pre-upgrade.sh", b"", Kind.SHELL),
        ("scripts/run", b"#!/bin/bash\n", Kind.SHELL),
        ("tools/upgrade", b"#!/usr/bin/env bash\n", Kind.SHELL),
        ("db/0001.sql", b"", Kind.SQL),
        ("systemd/dten.timer", b"", Kind.SYSTEMD),
        ("etc/cron.d/dten", b"", Kind.CRON),
        ("crontab", b"", Kind.CRON),
        ("config/dten.toml", b"", Kind.CONFIG),
        ("config/dten", b"key=value", Kind.CONFIG),
        ("binaries/dtend", b"\x7fELF\x02\x01\x01\x00", None),
        ("docs/README.md", b"", Kind.CONFIG),
        ("manifest.json", b"{", None),
        ("assets/logo.json", b"{", Kind.CONFIG),
        ("manifest.json.sigstore.json", b"{", None),
        ("signing-chain.pem", b"-----", None),
        ("settings.toml", b"", Kind.CONFIG),
        ("scripts/cron-setup.sh", b"", Kind.SHELL),
        ("scripts/acronyms.txt", b"", Kind.CONFIG),
        ("config/.env.example", b"DB_PASSWORD=x\n", Kind.CONFIG),
        ("debian/postinst", b"", Kind.SHELL),
        ("opt/tool", b"#!/usr/bin/env bash\n", Kind.SHELL),
        ("opt/tool.py", b"#!/usr/bin/python3\n", Kind.CONFIG),
        ("etc/cron.daily/dten-gc", b"#!/bin/sh\n", Kind.SHELL),
        ("files/dten.cron", b"", Kind.CRON),
    ],
)
def test_which_files_are_scanned(path: str, head: bytes, kind: Kind | None) -> None:
    assert scanned_kind(path, head) is kind


def test_hooks_are_scanned_whatever_their_name() -> None:
    assert scanned_kind("tools/pre", b"", hooks=["tools/pre"]) is Kind.SHELL


def test_oversized_file_is_skipped_with_an_info_finding() -> None:
    big = script("sudo true") + "#" * 2000
    found = run(package({"scripts/big.sh": big}), options=PreflightOptions(max_file_bytes=1000))
    assert [(f.code, f.severity, f.path) for f in found] == [
        ("preflight.file_skipped", Severity.INFO, "scripts/big.sh")
    ]
    assert found[0].evidence["size"] == len(big)


def test_total_scan_budget() -> None:
    files = {f"scripts/s{i}.sh": script("sudo true") for i in range(3)}
    budget = len(files["scripts/s0.sh"]) * 2
    found = run(package(files), options=PreflightOptions(max_total_bytes=budget))
    assert [(f.code, f.path) for f in found] == [
        ("preflight.file_skipped", "scripts/s2.sh"),
        ("preflight.sudo_unavailable", "scripts/s0.sh"),
        ("preflight.sudo_unavailable", "scripts/s1.sh"),
    ]
    assert found[0].message.endswith(f"over the {budget}-byte total scan budget of the package; not scanned")


def test_binary_content_under_a_script_name_is_not_read_and_says_so() -> None:
    """No silent skip: binary entries are named in one info finding per package, bounded to 20 names."""
    found = run(package({"scripts/tool.sh": b"\x00\x01sudo rm -rf $X\n"}))
    assert [(f.code, f.severity, f.evidence["files"], f.evidence["count"]) for f in found] == [
        ("preflight.file_skipped", Severity.INFO, ["scripts/tool.sh"], 1)
    ]
    many = {f"bin/tool{i:02}": b"\x7fELF\x00" for i in range(25)}
    [skipped] = run(package(many))
    assert skipped.evidence["count"] == 25 and len(skipped.evidence["files"]) == 20
    assert "and 5 more" in skipped.message


@pytest.mark.slow
@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "line",
    [
        "a" * 8000,
        "a." * 4000,
        "-" * 8000,
        "systemctl " + "--x " * 2000,
        "curl " + "-o x " * 1600,
        "x=" * 4000,
        "ssh " + "a@" * 4000,
        "password" * 1000,
        "://" * 2700,
        "rm -r " + "-f " * 2600,
        "1.2.3." * 1300,
    ],
)
def test_adversarial_lines_scan_in_bounded_time(line: str) -> None:
    """512 KiB of one pathological line pattern in three file kinds, through every scanner."""
    text = "\n".join([line] * (512 * 1024 // (len(line) + 1)))
    contents = package({"scripts/evil.sh": script(text), "config/evil.conf": text, "x/evil.sql": text})
    started = time.monotonic()
    run(contents, INVENTORY)
    assert time.monotonic() - started < 20


def test_bare_manifest_with_files_and_epoch_mtimes() -> None:
    contents = package({"binaries/dtend": b"\x7fELF\x00", "scripts/a.sh": script("sudo true")})
    old = int(datetime(2022, 1, 1, tzinfo=UTC).timestamp())
    found = run_preflight(contents.manifest, files=contents.files, mtimes={"binaries/dtend": old}, inventory=INVENTORY)
    assert sorted(f.code for f in found) == [
        "preflight.file_skipped",
        "preflight.stale_binary",
        "preflight.sudo_unavailable",
    ]


@dataclass(frozen=True)
class Withdrawn:
    id: str
    kind: str
    packages: list[dict[str, str]]

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "packages": self.packages}


def test_advisory_models_are_read_and_other_objects_reported() -> None:
    model = Withdrawn("EXN-1", "withdrawn-package", [{"name": "dten", "version": "7.4.0"}])
    found = run(package({"scripts/a.sh": script("true")}), advisories=[model, 42])
    assert [(f.code, f.path) for f in found] == [
        ("preflight.advisory_ignored", "advisories[1]"),
        ("advisory.withdrawn_package", "advisory:EXN-1"),
    ]


def test_profile_directories_are_scanned() -> None:
    contents = package({"install/step1": "sudo true\n", "settings/app": "url = https://evil.vendor-cloud.com/\n"})
    # Every text file is read: the setting is found anyway; the shebang-less step is a script only by profile.
    assert located(run(contents)) == [("preflight.external_endpoint", "settings/app", 1)]
    options = PreflightOptions(script_dirs=("install",), config_dirs=("settings/",))
    assert located(run(contents, options=options)) == [
        ("preflight.sudo_unavailable", "install/step1", 1),
        ("preflight.external_endpoint", "settings/app", 1),
    ]


def test_text_given_as_str_is_read_and_a_missing_manifest_is_reported() -> None:
    contents = package({"scripts/a.sh": "x"})
    as_text = PackageContents(manifest=contents.manifest, files={"scripts/a.sh": "#!/bin/sh\nsudo true\n"})
    assert [f.code for f in run(as_text)] == ["preflight.sudo_unavailable"]
    no_manifest = PackageContents(manifest=None, files={"scripts/a.sh": b"sudo true\n"})  # type: ignore[arg-type]
    assert [(f.code, f.severity) for f in run(no_manifest)] == [("preflight.no_manifest", Severity.INFO)]
