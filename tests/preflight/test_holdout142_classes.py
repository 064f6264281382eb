"""Hold-out set 142 (tests/preflight/holdout142: units, timers, drop-ins, cron files and the jobs they start, run
against a stock Debian 12 server's unit list): the classes its first run showed, each as its minimal construct
next to a near-miss."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"
PRIVILEGE = "preflight.implicit_privilege"
SCHEDULED = "preflight.scheduled_job"
UNIT_MISSING = "preflight.systemd_unit_missing"


# -- A: aptitude is apt's other front-end: its update, installs and upgrades reach the mirrors and need root ----------


def test_a_aptitude_update_and_upgrades_reach_the_configured_mirrors() -> None:
    assert in_script(EGRESS, "aptitude -q update", "aptitude -y -o Dpkg::Options::=--force-confold safe-upgrade") == [
        3,
        4,
    ]
    assert in_script(PRIVILEGE, "aptitude -y install curl") == [3]


def test_a_near_miss_aptitude_reading_or_simulating_fetches_nothing() -> None:
    assert in_script(EGRESS, "aptitude search nginx", "aptitude show curl", "aptitude -s full-upgrade") == []
    assert in_script(PRIVILEGE, "aptitude show curl", "aptitude --simulate install curl") == []


# -- D: a unit a script copies into a unit directory is the package's ---------------------------------------------

TIMER = "[Unit]\nDescription=daily update\n\n[Timer]\nOnCalendar=daily\nUnit=acme-update.service\n"


def _copied_to(directory: str) -> list[int | None]:
    install = f"#!/bin/sh\ncp acme-update.service acme-update.timer {directory}\nsystemctl daemon-reload\n"
    return codes_at({"acme-update.timer": TIMER, "install.sh": install}, UNIT_MISSING)


def test_d_a_service_copied_into_the_unit_directory_is_not_missing() -> None:
    assert _copied_to("/lib/systemd/system/") == []
    assert _copied_to("/etc/systemd/system") == []


def test_d_near_miss_a_service_copied_elsewhere_is_still_missing() -> None:
    assert _copied_to("/opt/acme/units/") == [6]  # the timer's Unit= names a unit nothing installs


# -- E: a script that enables and then starts one timer schedules one job ------------------------------------------


def test_e_enable_then_start_of_one_timer_is_one_job() -> None:
    assert in_script(SCHEDULED, "systemctl enable acme.timer", "systemctl start acme.timer") == [3]


def test_e_near_miss_two_timers_are_two_jobs() -> None:
    assert in_script(SCHEDULED, "systemctl enable acme.timer", "systemctl start acme-backup.timer") == [3, 4]


# -- F: an image named without a tag is its :latest: a run of the image just pulled fetches nothing ----------------


def test_f_a_run_of_the_pulled_latest_image_is_not_a_second_fetch() -> None:
    assert in_script(EGRESS, "docker pull acme/web:latest", "docker run -d --name web acme/web") == [3]
    assert in_script(EGRESS, "docker pull docker.io/library/redis", "docker run -d redis:latest") == [3]


def test_f_near_miss_a_run_of_another_tag_fetches_it() -> None:
    assert in_script(EGRESS, "docker pull acme/web:1.2", "docker run -d --name web acme/web") == [3, 4]
