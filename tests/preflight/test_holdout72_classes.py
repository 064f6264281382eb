"""Classes found while measuring the seventy-second hold-out set (tests/preflight/holdout72: distribution maintainer
scripts, RPM scriptlets and the timers, cron, sudoers, tmpfiles and logrotate files they install). Its first run had
no disagreement; these are the neighbouring constructs of the same population that preflight did not read, each as
its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, findings

JOB = "preflight.scheduled_job"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: debhelper's periodic cron files (debian/<package>.cron.daily …) are installed into /etc/cron.<period>/ -------

PRUNE = _text("#!/bin/sh", "test -x /usr/bin/vendor || exit 0", "/usr/bin/vendor --prune")


def test_a_debian_cron_period_files_are_scheduled_jobs() -> None:
    for name in (
        "debian/cron.daily",
        "debian/vendor.cron.daily",
        "debian/vendor.cron.hourly",
        "debian/vendor-agent.cron.weekly",
        "pkg/debian/vendor.cron.monthly",
    ):
        assert codes_at({name: PRUNE}, JOB) == [1], name


def test_a_debian_cron_period_file_runs_as_root_without_privilege_findings() -> None:
    root_step = _text("#!/bin/sh", "mkdir -p /var/lib/vendor/archive", "cp /etc/vendor/state /var/lib/vendor/archive/")
    assert findings({"debian/vendor.cron.daily": root_step}) == [(JOB, 1)]


def test_a_near_miss_other_names_and_places_stay_unscheduled() -> None:
    for name in (
        "debian/cron.daily.ex",
        "debian/vendor.cron.yearly",
        "debian/vendor.crondaily",
        "packaging/vendor.cron.daily",
        "debian/vendor.daily",
        "conf/cron.daily_vendor",
    ):
        assert codes_at({name: PRUNE}, JOB) == [], name
