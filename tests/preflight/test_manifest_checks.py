"""Dependencies, config, reboot, stale binaries and advisories, each with its near-twin."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from preflight_kit import INVENTORY, located, package, run, script

from shipgate.findings import Severity
from shipgate.preflight import PreflightOptions

PRE = "scripts/pre-upgrade.sh"
FILES = {PRE: script("true")}


def test_unbounded_dependency() -> None:
    risky = run(package(FILES, dependencies=[{"name": "openssl", "version": ">=3.0"}]))
    assert located(risky, "preflight.dependency") == [("preflight.dependency_unbounded", "manifest.json", 19)]
    assert risky[0].severity is Severity.MEDIUM and risky[0].evidence["constraint"] == ">=3.0"
    manifest = package(FILES, dependencies=[{"name": "openssl", "version": ">=3.0"}]).manifest
    assert manifest.raw.decode().splitlines()[19 - 1].strip() == '"name": "openssl",'
    benign = run(package(FILES, dependencies=[{"name": "openssl", "version": ">=3.0,<4"}]))
    assert located(benign, "preflight.dependency") == []


def test_dependency_not_satisfied_by_the_installed_version() -> None:
    risky = run(package(FILES, dependencies=[{"name": "postgresql", "version": ">=16,<17"}]))
    assert located(risky, "preflight.dependency") == [("preflight.dependency_unsatisfied", "manifest.json", 19)]
    assert risky[0].evidence["installed"] == "15.4"
    benign = run(package(FILES, dependencies=[{"name": "postgresql", "version": ">=14,<17"}]))
    assert located(benign, "preflight.dependency") == []


def test_dependency_missing_or_incomparable() -> None:
    inventory = replace(INVENTORY, components={"openssl": "vendor-build"})
    found = run(
        package(
            FILES,
            dependencies=[{"name": "libfoo", "version": "==1.0"}, {"name": "openssl", "version": ">=3.0,<4"}],
        ),
        inventory,
    )
    assert [f.code for f in found] == ["preflight.dependency_missing", "preflight.dependency_unverifiable"]


CONFIG = {"removed": ["dten.legacy.mode"], "required": {"dten.hybrid.enable": True}}


def test_config_removed_key_still_set_and_required_value_wrong() -> None:
    risky = run(package(FILES, config=CONFIG))
    assert located(risky, "config.") == [
        ("config.removed_key_set", "manifest.json", 19),
        ("config.required_value_mismatch", "manifest.json", 22),
    ]
    mismatch = risky[1]
    assert mismatch.evidence["key"] == "dten.hybrid.enable" and mismatch.evidence["current"] is False
    assert mismatch.remedy == "Set dten.hybrid.enable = true in the target configuration before upgrading."
    fixed = replace(INVENTORY, config={"dten.hybrid.enable": "on"})
    assert located(run(package(FILES, config=CONFIG), fixed), "config.") == []


def test_config_required_key_missing() -> None:
    risky = run(package(FILES, config=CONFIG), replace(INVENTORY, config={}))
    assert located(risky, "config.") == [("config.required_key_missing", "manifest.json", 22)]


def test_config_rename() -> None:
    config = {"renamed": {"dten.retry": "dten.backoff.retry"}}
    risky = run(package(FILES, config=config), replace(INVENTORY, config={"dten.retry": 3}))
    assert located(risky, "config.") == [("config.renamed_key", "manifest.json", 19)]
    done = replace(INVENTORY, config={"dten.retry": 3, "dten.backoff.retry": 3})
    assert located(run(package(FILES, config=config), done), "config.") == []


ADVISORY = {
    "id": "EXN-2026-0034",
    "kind": "config-change",
    "published": "2026-10-01T00:00:00Z",
    "applies_to": {"name": "dten", "version": ">=7.4"},
    "removed": ["dten.legacy.mode"],
    "required": {"dten.hybrid.enable": True},
    "text": "Without dten.hybrid.enable=true the service falls back to legacy routing.",
}


def test_config_change_advisory() -> None:
    risky = run(package(FILES), advisories=[ADVISORY])
    assert located(risky, "config.") == [
        ("config.removed_key_set", "advisory:EXN-2026-0034", None),
        ("config.required_value_mismatch", "advisory:EXN-2026-0034", None),
    ]
    assert risky[1].evidence["advisory"] == "EXN-2026-0034"
    assert "falls back to legacy routing" in risky[1].message
    other_version = dict(ADVISORY, applies_to={"name": "dten", "version": ">=8"})
    assert located(run(package(FILES), advisories=[other_version]), "config.") == []


def test_manifest_and_advisory_saying_the_same_thing_report_once() -> None:
    found = run(package(FILES, config=CONFIG), advisories=[ADVISORY])
    assert [f.path for f in found if f.code.startswith("config.")] == ["manifest.json", "manifest.json"]


def test_reboot_recommended_but_kernel_module_replaced() -> None:
    files = {**FILES, "lib/modules/6.1.0/extra/dten.ko": b"\x7fELF\x00"}
    risky = run(package(files, reboot="recommended"))
    assert located(risky, "preflight.reboot") == [("preflight.reboot_understated", "manifest.json", 23)]
    risky = [f for f in risky if f.code == "preflight.reboot_understated"]
    assert risky[0].evidence["files"] == ["lib/modules/6.1.0/extra/dten.ko"]
    assert risky[0].evidence["replaces"] == ["kernel module"]
    assert located(run(package(files, reboot="required")), "preflight.reboot") == []
    assert located(run(package(FILES, reboot="recommended")), "preflight.reboot") == []


def test_reboot_none_but_libc_replaced() -> None:
    found = run(package({**FILES, "lib/x86_64-linux-gnu/libc.so.6": b"\x00"}, reboot="none"))
    assert [f.evidence["replaces"] for f in found if f.code == "preflight.reboot_understated"] == [["C library"]]


BUILT = datetime(2026, 10, 2, 9, tzinfo=UTC)


def test_stale_binary() -> None:
    files = {**FILES, "binaries/dtend": b"\x7fELF\x00"}
    old = {"binaries/dtend": (BUILT - timedelta(days=3 * 365)).replace(tzinfo=None), PRE: BUILT}
    risky = run(package(files, mtimes=old))
    assert located(risky, "preflight.stale") == [("preflight.stale_binary", "binaries/dtend", 17)]
    risky = [f for f in risky if f.code == "preflight.stale_binary"]
    assert risky[0].evidence["age_days"] == 1095 and risky[0].evidence["threshold_days"] == 365
    fresh = {"binaries/dtend": BUILT - timedelta(days=20), PRE: BUILT}
    assert located(run(package(files, mtimes=fresh)), "preflight.stale") == []
    # The threshold is configurable.
    tight = PreflightOptions(stale_after=timedelta(days=7))
    assert len(located(run(package(files, mtimes=fresh), options=tight), "preflight.stale")) == 1


WITHDRAWN = {
    "id": "EXN-2026-0033",
    "kind": "withdrawn-package",
    "published": "2026-10-05T00:00:00Z",
    "packages": [{"name": "dten", "version": "7.4.0"}],
    "reason": "data loss on upgrade",
}


def test_withdrawn_package() -> None:
    found = run(package(FILES), advisories=[WITHDRAWN])
    assert [(f.code, f.severity, f.path) for f in found] == [
        ("advisory.withdrawn_package", Severity.CRITICAL, "advisory:EXN-2026-0033")
    ]
    assert "data loss on upgrade" in found[0].message
    assert found[0].evidence["file"] == "advisory:EXN-2026-0033" and found[0].remedy
    other = dict(WITHDRAWN, packages=[{"name": "dten", "version": "7.3.0"}])
    assert run(package(FILES), advisories=[other]) == []


def test_withdrawn_by_digest_matches_only_that_build() -> None:
    by_digest = dict(WITHDRAWN, packages=[{"name": "dten", "version": "7.4", "sha256": "AA" * 32}])
    assert len(run(package(FILES, archive_sha256="aa" * 32), advisories=[by_digest])) == 1
    assert run(package(FILES, archive_sha256="bb" * 32), advisories=[by_digest]) == []


def test_notice_severity_is_kept_up_to_medium() -> None:
    notice = {
        "id": "EXN-2026-0035",
        "kind": "notice",
        "severity": "medium",
        "applies_to": {"name": "dten", "version": ">=7.4"},
        "text": "New retry backoff.",
    }
    found = run(
        package(FILES),
        advisories=[
            notice,
            dict(notice, id="N2", severity="critical"),
            dict(notice, id="N3", severity="bogus"),
        ],
    )
    assert [(f.code, f.severity) for f in found] == [
        ("advisory.notice", Severity.MEDIUM),
        ("advisory.notice", Severity.MEDIUM),
        ("advisory.notice", Severity.INFO),
    ]
    assert run(package(FILES), advisories=[dict(notice, applies_to={"name": "other"})]) == []


def test_reboot_understated_by_scripts_that_rebuild_boot_files() -> None:
    risky = run(package({PRE: script("depmod -a", "update-initramfs -u -k all")}, reboot="recommended"))
    [hit] = [f for f in risky if f.code == "preflight.reboot_understated"]
    assert hit.evidence["commands"] == [
        {"file": PRE, "line": 3, "command": "depmod"},
        {"file": PRE, "line": 4, "command": "update-initramfs"},
    ]
    assert hit.evidence["replaces"] == ["boot configuration (scripts)"]
    benign = run(package({PRE: script("ldconfig", "systemctl daemon-reload")}, reboot="recommended"))
    assert located(benign, "preflight.reboot") == []


def test_unreadable_applies_to_is_reported_not_guessed() -> None:
    bad = dict(ADVISORY, applies_to={"name": "dten", "version": ">>7"})
    found = run(package(FILES), advisories=[bad])
    assert [(f.code, f.path) for f in found] == [("preflight.advisory_ignored", "advisory:EXN-2026-0034")]


def test_a_whole_feed_document_is_read() -> None:
    feed = {"feed_version": 12, "vendor": "Example Networks", "advisories": [WITHDRAWN]}
    assert [f.code for f in run(package(FILES), advisories=feed)] == ["advisory.withdrawn_package"]


def test_dependency_names_match_case_insensitively() -> None:
    found = run(package(FILES, dependencies=[{"name": "PostgreSQL", "version": ">=14,<17"}]))
    assert located(found, "preflight.dependency") == []
