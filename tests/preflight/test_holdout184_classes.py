"""Classes the hundred-and-eighty-fourth hold-out set showed (tests/preflight/holdout184: systemd units, timers,
drop-ins, cron files and the jobs they start, against a Debian 12 unit list), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

UNIT_MISSING = "preflight.systemd_unit_missing"

# -- A: an init script run by its path names the service systemd makes of it ----------------------------------------

_CRON_D = "debian/cron.d"


def _cron(command: str) -> str:
    return f"# jobs\n*/30 * * * *\troot\t{command}\n"


def test_a_an_init_script_of_a_service_the_target_lacks_is_missing_in_a_cron_job() -> None:
    job = _cron("cd /etc/bind && /usr/bin/php /usr/share/dten/zones.php && /etc/init.d/bind9 reload")
    assert codes_at({_CRON_D: job}, UNIT_MISSING) == [2]


def test_a_an_init_script_of_a_missing_service_is_missing_in_a_script() -> None:
    assert in_script(UNIT_MISSING, "/etc/init.d/dten-web restart") == [3]


def test_a_an_init_script_of_a_service_on_the_target_is_present() -> None:
    # the kit's inventory lists postgresql.service
    assert in_script(UNIT_MISSING, "/etc/init.d/postgresql reload") == []


def test_a_an_init_script_the_package_ships_is_present() -> None:
    init = "#!/bin/sh\n### BEGIN INIT INFO\n# Provides: dten-web\n### END INIT INFO\n"
    files = {_CRON_D: _cron("/etc/init.d/dten-web reload"), "etc/init.d/dten-web": init}
    assert codes_at(files, UNIT_MISSING) == []


def test_a_a_service_whose_init_script_the_package_ships_is_present_for_service_too() -> None:
    init = "#!/bin/sh\n### BEGIN INIT INFO\n# Provides: dten-web\n### END INIT INFO\n"
    files = {_CRON_D: _cron("service dten-web reload"), "etc/init.d/dten-web": init}
    assert codes_at(files, UNIT_MISSING) == []
    assert codes_at({_CRON_D: _cron("service dten-web reload")}, UNIT_MISSING) == [2]


def test_a_an_init_script_without_a_service_verb_or_with_a_run_time_name_is_not_read() -> None:
    assert in_script(UNIT_MISSING, "/etc/init.d/dten-web --help", "/etc/init.d/$SVC restart") == []


def test_a_a_program_outside_init_d_is_not_a_service() -> None:
    assert in_script(UNIT_MISSING, "/usr/local/bin/dten-web restart", "/etc/dten/init.d.sh reload") == []
