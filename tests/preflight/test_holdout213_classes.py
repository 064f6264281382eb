"""Classes the two-hundred-and-thirteenth hold-out set showed (tests/preflight/holdout213: systemd units, timers,
drop-ins, cron files and the jobs they start, against a Debian 12 unit list), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

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
