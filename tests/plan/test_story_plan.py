"""The acceptance on the story (issue 19): the plan of the demo's package names every pre-step, estimates a
window longer than the declared five minutes with its reasons, flags the missing configuration backup,
classifies the migration, lists the telemetry registration, the cron job and the new backoff flag as
cleanup and decision items, and finds dten.backoff.v2 in the binary although nothing names it."""

from __future__ import annotations

import zipfile
from datetime import timedelta

from shipgate.demo.run import DemoResult
from shipgate.package.durations import format_duration
from shipgate.plan.model import Plan


def _plan(story: DemoResult) -> Plan:
    assert story.after.plan is not None
    return story.after.plan


def test_the_binary_carries_the_undocumented_flag(story: DemoResult) -> None:
    index = story.after.index
    assert index is not None and "dten.backoff.v2" in index.flags["binaries/dtend"]
    with zipfile.ZipFile(story.package) as z:  # nothing in the package but the binary says it
        assert [n for n in z.namelist() if b"dten.backoff.v2" in z.read(n)] == ["binaries/dtend"]
    [flag] = [f for f in _plan(story).findings if f.code == "plan.undocumented_flag"]
    assert flag.path == "binaries/dtend" and flag.evidence["flag"] == "dten.backoff.v2"


def test_before_names_every_pre_step(story: DemoResult) -> None:
    steps = [(s.kind, s.text) for s in _plan(story).before]
    texts = " | ".join(t for _, t in steps)
    assert "Set dten.hybrid.enable = true" in texts
    assert 'Move dten.legacy.mode = "on"' in texts
    assert "Fix the unit name dten-agent.service; the target runs dten-agentd.service" in texts
    assert "Arrange the privilege the scripts assume" in texts
    kinds = [k for k, _ in steps]
    assert kinds.count("backup") == 2  # the configuration, and the database the migration alters
    assert any("config/dten.conf" in t for k, t in steps if k == "backup")
    assert "Back up tables routes (schema and rows)" in texts
    # The trust step is there while the rotated CA is unknown (the demo's first verification).
    assert story.before.plan is not None
    assert [s.kind for s in story.before.plan.before].count("trust") == 1


def test_window_is_longer_than_the_declared_five_minutes_with_reasons(story: DemoResult) -> None:
    window = _plan(story).window
    assert window.declared == timedelta(minutes=5)
    assert window.estimate > window.declared
    reasons = [p.what for p in window.parts]
    assert reasons[:2] == ["stop and start dten-agent.service", "reboot"]
    assert "migration scripts/migrations/0042_add_index.sql" in reasons and reasons[-1] == "health check"
    reboot = next(p for p in window.parts if p.what == "reboot")
    assert "kernel module" in reboot.why and "recommended" in reboot.why
    [understated] = [f for f in _plan(story).findings if f.code == "plan.window_understated"]
    assert understated.evidence["declared_seconds"] == 300


def test_the_missing_config_backup_is_flagged(story: DemoResult) -> None:
    plan = _plan(story)
    assert plan.rollback.config_backup is None
    assert plan.rollback.config_files == ("config/dten.conf",)
    assert set(plan.rollback.config_keys) == {"dten.hybrid.enable", "dten.legacy.mode"}
    [missing] = [f for f in plan.findings if f.code == "plan.config_backup_missing"]
    assert missing.severity.label == "medium" and missing.path == "config/dten.conf"


def test_the_migration_is_classified(story: DemoResult) -> None:
    [migration] = _plan(story).rollback.migrations
    assert migration.path == "scripts/migrations/0042_add_index.sql"
    assert migration.classification == "reversible"  # ALTER TABLE routes ADD COLUMN
    assert migration.tables == ("routes",) and migration.down is None
    assert [s["line"] for s in migration.statements] == [2]


def test_after_lists_the_registration_the_cron_job_and_the_flag(story: DemoResult) -> None:
    after = _plan(story).after
    by_kind = {s.kind: s for s in after}
    assert "telemetry.dten-vendor.io" in by_kind["registration"].text
    assert by_kind["registration"].where == "scripts/pre-upgrade.sh:6"
    assert by_kind["job"].where == "cron/dten-housekeeping:2" and "runs as root" in by_kind["job"].why
    assert by_kind["flag"].text.startswith("Decide dten.backoff.v2")
    assert by_kind["credential"].where == "scripts/pre-upgrade.sh:5"


def test_status_template_is_filled_and_conservative(story: DemoResult) -> None:
    plan = _plan(story)
    before = plan.status.messages["before"]
    # The estimate with its buffer, never the vendor's five minutes.
    estimate = format_duration(plan.window.estimate)
    assert before.startswith(f"Planned: upgrade of dten 7.1.2 → 7.4.0, in a window of up to {estimate} ")
    assert "Open risks being handled:" in before
    assert set(plan.status.messages) == {"before", "during", "done", "rolled_back"}
