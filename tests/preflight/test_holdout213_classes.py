"""Classes the two-hundred-and-thirteenth hold-out set showed (tests/preflight/holdout213: systemd units, timers,
drop-ins, cron files and the jobs they start, against a Debian 12 unit list), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

from shipgate.preflight.units import debhelper_unit, parse_unit

SCHEDULED = "preflight.scheduled_job"

# -- A: a Debian packaging unit named by its type alone (debian/timer) is a unit of that type ------------------------

_TIMER = "\n[Unit]\nDescription=Run the report twice a day\n\n[Timer]\nOnCalendar=08:00\nOnCalendar=20:00\n"
_SERVICE = "[Unit]\nDescription=report\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/report\n"


def test_a_debian_timer_is_the_main_packages_timer() -> None:
    assert codes_at({"debian/timer": _TIMER}, SCHEDULED) == [6]


def test_a_debian_timer_beside_its_bare_service_is_one_job_and_no_missing_unit() -> None:
    files = {"debian/timer": _TIMER, "debian/service": _SERVICE}
    assert codes_at(files, SCHEDULED) == [6]
    assert codes_at(files, "preflight.systemd_unit_missing") == []


def test_a_a_file_named_timer_outside_debian_is_not_a_timer() -> None:
    assert codes_at({"contrib/timer": _TIMER}, SCHEDULED) == []


def test_a_debian_service_is_still_a_service() -> None:
    unit = parse_unit(_SERVICE, path="debian/service")
    assert unit.kind == "service"
    assert parse_unit(_TIMER, path="debian/timer").kind == "timer"
    assert parse_unit(_TIMER, path="contrib/timer").kind == "service"


def test_a_debhelper_names() -> None:
    assert debhelper_unit("debian/timer") and debhelper_unit("debian/socket") and debhelper_unit("debian/gitmon.timer")
    assert not debhelper_unit("debian/control") and not debhelper_unit("debian/rules") and not debhelper_unit("timer")
    assert not debhelper_unit("debian/cron.d")


# -- B: a query of a unit written as an if condition branches on the unit's absence -----------------------------------

MISSING = "preflight.systemd_unit_missing"


def test_b_status_as_an_if_condition_is_an_answer_not_a_missing_unit() -> None:
    # kafka-debian's job: skip when zookeeper is not up (the target has no zookeeper unit)
    assert in_script(MISSING, "if ! systemctl status zookeeper > /dev/null; then", "  exit 0", "fi") == []
    assert in_script(MISSING, "if systemctl is-active --quiet zookeeper; then", "  echo up", "fi") == []


def test_b_a_bare_query_of_a_missing_unit_is_still_reported() -> None:
    assert in_script(MISSING, "systemctl status zookeeper") == [3]


def test_b_an_action_inside_the_if_is_still_reported() -> None:
    lines = ("if ! systemctl is-active --quiet zookeeper; then", "  systemctl start zookeeper", "fi")
    assert in_script(MISSING, *lines) == [4]


def test_b_an_action_as_the_condition_is_still_reported() -> None:
    assert in_script(MISSING, "if systemctl restart zookeeper; then", "  echo ok", "fi") == [3]
