"""`shipgate plan` on packages whose scripts are real upgrade scripts: a prompt becomes a step before the window
(someone must be at the terminal) with `plan.interactive_step`; the window and the status never claim an
interruption of 0 s, and the rollback is never "ready" when no script takes a backup; a compose stop and a
script's reboot are steps of the window."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from shipgate.cli import main
from shipgate.demo.build import PackageFile, PackageSpec

HOLDOUT8 = Path(__file__).resolve().parents[1] / "preflight" / "holdout8"
SEAFILE = HOLDOUT8 / "haiwen__seafile-server" / "scripts" / "upgrade" / "minor-upgrade.sh"
MAILCOW = HOLDOUT8 / "mailcow__mailcow-dockerized" / "helper-scripts" / "update_compose.sh"


def build(tmp_path: Path, scripts: dict[str, bytes]) -> Path:
    spec = PackageSpec(
        files={path: PackageFile(data=data, mode=0o755) for path, data in scripts.items()},
        package={"name": "app", "version": "2.0.0", "vendor": "Example", "built": "2026-10-02T09:00:00Z"},
        fields={"hooks": {"post": next(iter(scripts))}},
    )
    return spec.build(tmp_path / "app.zip", signer=None)


def plan_of(tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str],
            scripts: dict[str, bytes]) -> dict[str, Any]:
    main(["--home", str(home), "plan", str(build(tmp_path, scripts)), "--format", "json"])
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def test_seafile_and_mailcow_need_someone_at_the_terminal(tmp_path: Path, home: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    doc = plan_of(tmp_path, home, capsys, {"scripts/minor-upgrade.sh": SEAFILE.read_bytes(),
                                           "scripts/update_compose.sh": MAILCOW.read_bytes()})
    prompts = {(f["evidence"]["file"], f["evidence"]["line"]) for f in doc["findings"]
               if f["code"] == "plan.interactive_step"}
    assert prompts == {("scripts/minor-upgrade.sh", 14), ("scripts/update_compose.sh", 16)}
    attended = [s for s in doc["before"] if s["kind"] == "attended"]
    assert [s["where"] for s in attended] == ["scripts/minor-upgrade.sh:14", "scripts/update_compose.sh:16"]
    # Nothing in these scripts stops a service: no estimate, not one of 0 s, and no "ready" rollback.
    assert doc["window"]["estimated"] is False and doc["window"]["parts"] == []
    before = doc["status"]["before"]
    assert "up to 0s" not in before and "not known yet" in before
    assert "A rollback plan is ready" not in before and "Parts of the rollback are manual" in before
    assert any(s["kind"] == "backup" and "no script of the package takes a backup" in s["why"] for s in doc["before"])


def test_a_compose_update_with_a_dump_is_estimated_and_its_rollback_ready(
        tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = (b"#!/bin/sh\nset -e\ndocker compose pull web\ndocker compose stop web\n"
              b"docker compose exec -T db pg_dump -U app app > /var/backups/app.sql\n"
              b"docker compose up -d web\n")
    doc = plan_of(tmp_path, home, capsys, {"scripts/update.sh": script})
    assert doc["window"]["estimated"] is True
    assert [p["what"] for p in doc["window"]["parts"]] == ["stop and start web", "health check"]
    assert doc["window"]["parts"][0]["where"] == "scripts/update.sh:4"
    assert doc["rollback"]["database_backup"] == "scripts/update.sh:5"
    assert "A rollback plan is ready" in doc["status"]["before"]
    assert not [f for f in doc["findings"] if f["code"] == "plan.interactive_step"]


def test_looking_at_the_stack_is_no_window_and_a_read_from_a_file_no_prompt(
        tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = (b"#!/bin/sh\ndocker compose ps\ndocker compose pull\n"
              b"while read -r image; do docker pull \"$image\"; done < images.txt\n")
    doc = plan_of(tmp_path, home, capsys, {"scripts/update.sh": script})
    assert doc["window"]["estimated"] is False
    assert not [f for f in doc["findings"] if f["code"] == "plan.interactive_step"]


def test_a_script_that_reboots_puts_the_reboot_in_the_window(
        tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = b"#!/bin/sh\napt-get -y dist-upgrade\nshutdown -r now\n"
    doc = plan_of(tmp_path, home, capsys, {"scripts/update.sh": script})
    [reboot] = [p for p in doc["window"]["parts"] if p["what"] == "reboot"]
    assert reboot["where"] == "scripts/update.sh:3" and reboot["seconds"] == 300


def test_each_format_says_there_is_no_estimate(tmp_path: Path, home: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    archive = build(tmp_path, {"scripts/minor-upgrade.sh": SEAFILE.read_bytes()})
    for fmt in ("text", "md", "html"):
        main(["--home", str(home), "plan", str(archive), "--format", fmt])
        out = capsys.readouterr().out
        assert "no estimate" in out.lower() and "found no step that takes the service down" in out, fmt
        assert "estimate 0s" not in out and "up to 0s" not in out and "rollback plan is ready" not in out, fmt
