"""`shipgate plan` as a release engineer runs it: each format, --previous, --window, and the exit status
(1 when the plan has a high finding); usage errors exit 2 with a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from versions import build_version

from shipgate.cli import main
from shipgate.demo.run import DemoResult


@pytest.fixture
def env(tmp_path: Path) -> Path:
    path = tmp_path / "env.toml"
    path.write_text('[components]\ndten = "7.3.0"\n[systemd]\nunits = ["dten-agentd.service"]\n')
    return path


def test_plan_against_previous_in_each_format(tmp_path: Path, home: Path, env: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    old, new = build_version(tmp_path / "old.zip", "7.3.0"), build_version(tmp_path / "new.zip", "7.4.0")
    base = ["--home", str(home), "plan", str(new), "--env", str(env), "--previous", str(old)]
    assert main([*base, "--format", "json"]) == 0  # medium findings only
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "shipgate.plan/v1" and doc["running"] == "7.3.0"
    assert doc["compared_with"] == f"--previous {old}"
    assert {c["kind"] for c in doc["diff"]} >= {"unit_renamed", "key_removed", "flag_added", "endpoint_added"}
    assert any(s["text"].startswith("Update what names dten-agentd.service to dten-agent.service")
               for s in doc["before"])
    main([*base, "--format", "md"])
    assert capsys.readouterr().out.startswith("# Upgrade runbook: dten 7.3.0 → 7.4.0\n")
    main([*base, "--format", "html"])
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main([*base, "--window", "1m"]) == 1  # a negotiated window shorter than the estimate is high
    assert "plan.window_too_short" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path: Path, home: Path, env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = build_version(tmp_path / "new.zip", "7.4.0")
    assert main(["--home", str(home), "plan", str(new), "--window", "soon"]) == 2
    assert "--window: 'soon' is not a duration" in capsys.readouterr().err
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert main(["--home", str(home), "plan", str(new), "--previous", str(junk)]) == 2
    assert "cannot be indexed" in capsys.readouterr().err


def test_the_verify_report_carries_the_plan(story: DemoResult) -> None:
    from shipgate.report.html import render_html
    from shipgate.report.text import render_text

    doc = story.after.to_dict()
    assert doc["plan"]["schema"] == "shipgate.plan/v1"
    assert doc["plan"]["verdict"] == story.after.verdict
    text = render_text(story.after)
    assert "  plan dten 7.1.2 → 7.4.0:" in text and "shipgate plan PACKAGE.zip --env ENV.toml --format md" in text
    page = render_html(story.after)
    assert '<div id="plan">' in page and '<section id="rollback">' in page


def test_the_plan_survives_the_json_round_trip(story: DemoResult) -> None:
    """The service sends the report as JSON; the client rebuilds the same plan from it."""
    from shipgate.plan.model import Plan

    plan = story.after.plan
    assert plan is not None
    again = Plan.from_dict(json.loads(json.dumps(plan.to_dict())))
    assert again.to_dict() == plan.to_dict()
    assert again == plan
