"""`shipgate diff` on two real package versions (tests/plan/versions.py): each of the four planted
differences reported exactly once, with its evidence, and each undeclared one a finding; `diff NEW --env`
compares against the stored index of the version the inventory says runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from versions import build_version

from shipgate.cli import main

PLANTED = {
    ("key_removed", "dten.cache.legacy"),
    ("unit_renamed", "dten-agentd.service"),
    ("flag_added", "dten.backoff.v2"),
    ("endpoint_added", "hooks.dten-cloud.example.com"),
}


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return build_version(tmp_path / "dten-7.3.0.zip", "7.3.0"), build_version(tmp_path / "dten-7.4.0.zip", "7.4.0")


def _diff(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    status = main(list(argv))
    out = capsys.readouterr().out
    return status, json.loads(out)


def test_each_difference_once_with_evidence(versions: tuple[Path, Path], home: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    old, new = versions
    status, doc = _diff(capsys, "--home", str(home), "diff", str(old), str(new), "--json")
    changes = doc["changes"]
    assert isinstance(changes, list)
    seen = [(c["kind"], c["subject"]) for c in changes]
    for planted in PLANTED:
        assert seen.count(planted) == 1, planted
    # The rest is what a version bump changes anyway: the binary's bytes and the post script.
    assert set(seen) - PLANTED == {("binary_changed", "binaries/dtend"), ("file_changed", "scripts/post-upgrade.sh")}
    by_kind = {c["kind"]: c for c in changes}
    assert by_kind["key_removed"]["old"] == '"true"' and by_kind["key_removed"]["where"] == "config/dten.properties"
    assert by_kind["unit_renamed"]["new"] == "dten-agent.service"
    assert by_kind["unit_renamed"]["evidence"]["same"]["Service.ExecStart"].startswith('"/opt/dten/bin/dten-agent')
    assert by_kind["flag_added"]["where"] == "binaries/dtend"
    assert by_kind["endpoint_added"]["where"] == "scripts/post-upgrade.sh:4"
    codes = sorted(f["code"] for f in doc["findings"])  # type: ignore[union-attr]
    assert codes == ["plan.new_endpoint", "plan.undeclared_removed_key", "plan.undocumented_flag", "plan.unit_renamed"]
    assert status == 1


def test_diff_of_a_version_with_itself_is_empty(versions: tuple[Path, Path], home: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = versions
    status, doc = _diff(capsys, "--home", str(home), "diff", str(old), str(old), "--json")
    assert doc["changes"] == [] and status == 0


def test_diff_new_against_the_stored_index_of_what_runs(versions: tuple[Path, Path], home: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    old, new = versions
    env = tmp_path / "env.toml"
    env.write_text('[components]\ndten = "7.3.0"\n')
    # Nothing stored yet: a usage error that says what to do.
    assert main(["--home", str(home), "diff", str(new), "--env", str(env)]) == 2
    assert "verify that version's package once" in capsys.readouterr().err
    main(["--home", str(home), "verify", str(old), "--json"])  # stores 7.3.0's verdict and index
    capsys.readouterr()
    status, doc = _diff(capsys, "--home", str(home), "diff", str(new), "--env", str(env), "--json")
    assert {(c["kind"], c["subject"]) for c in doc["changes"]} >= PLANTED  # type: ignore[union-attr]
    assert doc["old"]["version"] == "7.3.0" and status == 1  # type: ignore[index]
