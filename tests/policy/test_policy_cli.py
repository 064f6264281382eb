"""``shipgate policy explain`` and ``shipgate policy check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.cli import main


def test_explain_a_preflight_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "explain", "preflight.systemd_unit_missing"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "preflight.systemd_unit_missing",
        "  meaning:          a script or manifest services names a unit the target lacks (closest existing name "
        "suggested)",
        "  default severity: high",
        "  remedy:           Fix the unit name in the script (the closest existing unit is suggested), or install "
        "the unit first.",
        "  verdict:          deny (default policy severity: high → deny)",
    ]


def test_explain_a_floor_and_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "explain", "advisory.withdrawn_package"]) == 0
    assert "verdict:          deny (safe default: *.withdrawn* → deny" in capsys.readouterr().out
    assert main(["policy", "explain", "preflight.stale_binary"]) == 0
    assert "verdict:          warn (default policy severity: medium → warn)" in capsys.readouterr().out


def test_explain_with_a_policy_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text('[[rules]]\ncode = "preflight.stale_binary"\naction = "deny"\n')
    assert main(["policy", "explain", "preflight.stale_binary", "--policy", str(policy)]) == 0
    assert f"verdict:          deny ({policy} rules[0]: preflight.stale_binary → deny)" in capsys.readouterr().out


def test_explain_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "explain", "trust.unsigned_bundle"]) == 1
    captured = capsys.readouterr()
    assert "unknown finding code 'trust.unsigned_bundle'" in captured.err
    assert captured.out.splitlines() == [
        "trust.unsigned_bundle (not in the catalogue)",
        "  if critical: deny (safe default: trust.unsigned* → deny (unsigned package))",
        "  if high:     deny (safe default: trust.unsigned* → deny (unsigned package))",
        "  if medium:   deny (safe default: trust.unsigned* → deny (unsigned package))",
        "  if low:      deny (safe default: trust.unsigned* → deny (unsigned package))",
        "  if info:     deny (safe default: trust.unsigned* → deny (unsigned package))",
    ]
    assert main(["policy", "explain", "Not A Code"]) == 1
    assert capsys.readouterr().out == ""


def test_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text(
        '[[rules]]\ncode = "zip.*"\nmin_severity = "medium"\naction = "deny"\n'
        '[[waivers]]\ncode = "preflight.sudo_unavailable"\nreason = "CHG-1"\nowner = "ops"\n'
        'expires = 2020-01-01\npackage = "dten"\n'
    )
    assert main(["policy", "check", str(policy)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{policy}: ok, 1 rules, 1 waivers",
        "  rules[0]: zip.* at medium or above → deny",
        "  waivers[0]: preflight.sudo_unavailable [package=dten] owner ops, expires 2020-01-01 (EXPIRED): CHG-1",
    ]
    policy.write_text("[[rules]]\naction = 'deny'\n")
    assert main(["policy", "check", str(policy)]) == 2
    assert f"shipgate: policy {policy}: rules[0].code: required" in capsys.readouterr().err
