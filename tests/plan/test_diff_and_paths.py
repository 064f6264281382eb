"""The upgrade diff of two indexes (each difference once, undeclared ones as findings) and upgrade paths
(a skipped version is high and names the version to install first)."""

from __future__ import annotations

from shipgate.package.versions import Constraint
from shipgate.plan.config_files import ConfigFile
from shipgate.plan.diff import Declared, diff_indexes
from shipgate.plan.index import IndexedFile, Located, ManifestStatements, PackageIndex
from shipgate.plan.paths import KnownVersion, check_path

UNIT = {"Unit.Description": '"dten agent"', "Service.ExecStart": '"/opt/dten/bin/dten-agent"'}


def index(version: str, **parts: object) -> PackageIndex:
    base: dict[str, object] = {"name": "dten", "version": version, "vendor": "Example Networks",
                               "sha256": version * 8, "size": 1000}
    return PackageIndex(**{**base, **parts})  # type: ignore[arg-type]


def test_each_planted_difference_is_reported_once_with_evidence() -> None:
    old = index(
        "7.3.0",
        files=(IndexedFile(path="bin/dtend", digest="sha256:aa", size=10, mode=0o755, binary=True),
               IndexedFile(path="config/dten.toml", digest="sha256:c1", size=5),
               IndexedFile(path="units/dten-agentd.service", digest="sha256:u1", size=5)),
        config={"config/dten.toml": ConfigFile(path="config/dten.toml", format="toml",
                                               keys={"dten.legacy.mode": '"on"', "dten.retries": "3"}),
                "units/dten-agentd.service": ConfigFile(path="units/dten-agentd.service", format="systemd",
                                                        keys=UNIT)},
        units={"dten-agentd.service": "units/dten-agentd.service"},
        flags={"bin/dtend": ("dten.retries",)},
        endpoints=(Located(what="updates.example.net", file="scripts/post.sh", line=3),),
    )
    new = index(
        "7.4.0",
        files=(IndexedFile(path="bin/dtend", digest="sha256:bb", size=12, mode=0o755, binary=True),
               IndexedFile(path="config/dten.toml", digest="sha256:c2", size=4),
               IndexedFile(path="units/dten-agent.service", digest="sha256:u2", size=6)),
        config={"config/dten.toml": ConfigFile(path="config/dten.toml", format="toml", keys={"dten.retries": "3"}),
                "units/dten-agent.service": ConfigFile(path="units/dten-agent.service", format="systemd", keys=UNIT)},
        units={"dten-agent.service": "units/dten-agent.service"},
        flags={"bin/dtend": ("dten.retries", "dten.backoff.v2", "--trace")},
        endpoints=(Located(what="updates.example.net", file="scripts/post.sh", line=3),
                   Located(what="telemetry.dten-vendor.io", file="scripts/pre.sh", line=6, detail={"text": "curl"})),
    )
    diff = diff_indexes(old, new)
    kinds = [(c.kind, c.subject) for c in diff.changes]
    assert sorted(kinds) == sorted([
        ("unit_renamed", "dten-agentd.service"),
        ("key_removed", "dten.legacy.mode"),
        ("binary_changed", "bin/dtend"),
        ("flag_added", "dten.backoff.v2"),
        ("flag_added", "--trace"),
        ("endpoint_added", "telemetry.dten-vendor.io"),
    ])
    assert sorted((f.code, f.path) for f in diff.findings()) == [
        ("plan.new_endpoint", "scripts/pre.sh"),
        ("plan.undeclared_removed_key", "config/dten.toml"),
        ("plan.undocumented_flag", "bin/dtend"),
        ("plan.unit_renamed", "units/dten-agent.service"),
    ]
    renamed = diff.of_kind("unit_renamed")[0]
    assert renamed.evidence["same"] == UNIT and renamed.new == "dten-agent.service"
    removed = diff.of_kind("key_removed")[0]
    assert removed.old == '"on"' and removed.evidence["old_file"] == "config/dten.toml"
    # A long option is a change to know about, not the product's undocumented switch.
    assert next(c for c in diff.changes if c.subject == "--trace").code is None


def test_a_declared_removal_or_a_documented_flag_is_no_finding() -> None:
    old = index("7.3.0", config={"c.toml": ConfigFile(path="c.toml", format="toml", keys={"dten.legacy.mode": "1"})},
                flags={"bin/x": ()})
    new = index("7.4.0", manifest=ManifestStatements(removed=("dten.legacy.mode",)),
                flags={"bin/x": ("dten.backoff.v2",)}, config={"c.toml": ConfigFile(path="c.toml", format="toml")})
    notice = Declared.from_advisories([{"kind": "notice", "text": "gate with dten.backoff.v2=false"}])
    diff = diff_indexes(old, new, declared=notice)
    assert diff.findings() == []
    assert diff.of_kind("flag_added")[0].evidence["documented_in"] == "a vendor advisory"
    assert diff.of_kind("key_removed")[0].evidence["declared"] is True


def test_unchanged_versions_have_no_changes() -> None:
    same = index("7.3.0", files=(IndexedFile(path="a", digest="sha256:1", size=1),))
    assert diff_indexes(same, same).changes == ()


def test_skipped_version_names_the_intermediate() -> None:
    path = (Constraint.parse(">=7.3,<7.4"),)
    [finding] = check_path(name="dten", version="7.4.0", upgrades_from=path, running="7.1.2")
    assert finding.code == "plan.upgrade_path_skipped" and finding.severity.label == "high"
    assert finding.evidence["intermediate"] == "7.3"
    assert "install dten 7.3 first" in finding.message
    # A version shipgate has indexed, on both paths, is named instead of the bare bound.
    known = (KnownVersion(version="7.3.2", upgrades_from=(">=7.0",)), KnownVersion(version="7.3.0",
             upgrades_from=(">=7.2",)))
    [bridged] = check_path(name="dten", version="7.4.0", upgrades_from=path, running="7.1.2", known=known)
    assert bridged.evidence["intermediate"] == "7.3.2"


def test_on_the_path_or_undeclared_is_silent_and_a_downgrade_is_said() -> None:
    path = (Constraint.parse("7.3.1"), Constraint.parse("7.3.2"))
    assert check_path(name="dten", version="7.4.0", upgrades_from=path, running="7.3.2") == []
    assert check_path(name="dten", version="7.4.0", upgrades_from=(), running="6.0") == []
    assert check_path(name="dten", version="7.4.0", upgrades_from=path, running=None) == []
    codes = [f.code for f in check_path(name="dten", version="7.4.0", upgrades_from=(), running="7.5")]
    assert codes == ["plan.version_not_newer"]
