"""Classes found by hold-out set 203 (upgrade, backup/restore and maintenance scripts of self-hosted products, fifth
long sample): a command handed to a runner function that copies its arguments into an array (``local
cmd=("$@")``; ``spinner_run "Installing" sudo dpkg -i "$deb"``), a function whose output a loop reads through a
process substitution (``done < <(_auth_headers)``), an account's crontab read back and re-installed through ``sed``,
bootc's, pkg_add's and a ports tree's ``make install`` fetches, and a command line held in a variable run with a
file ending added (``${DOWNLOAD_NC}.zip``)."""

from __future__ import annotations

from preflight_kit import codes_at

SUDO = "preflight.sudo_unavailable"
MIGRATION = "preflight.hidden_migration"
SECRET = "preflight.secret_printed"
SCHEDULED = "preflight.scheduled_job"
EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"

_SPINNER = (
    "spinner_run() {",
    '  local msg="$1"',
    "  shift",
    '  local cmd=("$@")',
    '  printf "%s " "$msg"',
    '  "${cmd[@]}" &>/dev/null &',
    "  wait $!",
    "}",
)


def _bash(code: str, *lines: str) -> list[int | None]:
    return codes_at({"scripts/upgrade.sh": "\n".join(("#!/bin/bash", "set -eu", *lines)) + "\n"}, code)


def test_sudo_handed_to_a_runner_that_copies_its_arguments_into_an_array_is_escalation() -> None:
    assert _bash(SUDO, *_SPINNER, 'spinner_run "Installing" sudo dpkg -i "$1"') == [11]


def test_a_migrator_handed_to_such_a_runner_is_the_step() -> None:
    assert _bash(MIGRATION, *_SPINNER, 'spinner_run "Reconfiguring" sudo gitlab-ctl reconfigure') == [11]


def test_a_runner_of_one_argument_copied_into_an_array_runs_no_command() -> None:
    # near miss: ``local cmd=("$1")`` holds the message, not the command line; the call's sudo is only an argument
    lines = ("note() {", '  local cmd=("$1")', '  printf "%s\\n" "${cmd[@]}"', "}", 'note "run sudo dpkg -i x.deb"')
    assert _bash(SUDO, *lines) == []


def test_a_function_whose_output_a_loop_reads_through_a_process_substitution_prints_nothing() -> None:
    lines = (
        "_auth_headers() {",
        '  echo "-H"',
        '  echo "Authorization: Bearer $GH_TOKEN"',
        "}",
        "fetch() {",
        "  local headers=()",
        '  while IFS= read -r line; do headers+=("$line"); done < <(_auth_headers)',
        '  curl -sSfL "${headers[@]}" "$1"',
        "}",
        "fetch https://api.github.com/repos/o/r",
    )
    assert _bash(SECRET, *lines) == []


def test_the_same_function_called_to_the_log_prints_the_token() -> None:
    # near miss: a plain call of it prints the header, token included
    lines = ("_auth_headers() {", '  echo "Authorization: Bearer $GH_TOKEN"', "}", "_auth_headers")
    assert _bash(SECRET, *lines) == [4]


def test_an_accounts_crontab_read_back_and_commented_out_adds_no_job() -> None:
    lines = (
        "crontab -l -u www-data | sed 's/^/#/' | crontab -u www-data -",
        "crontab -l -u www-data | sed 's/^.//' | crontab -u www-data -",
    )
    assert _bash(SCHEDULED, *lines) == []


def test_a_line_appended_to_the_table_read_back_is_a_new_job() -> None:
    # near miss: sed's ``a`` command adds a line the table did not hold
    lines = ("crontab -l | sed '$a */5 * * * * /opt/app/tick' | crontab -",)
    assert _bash(SCHEDULED, *lines) == [3]


def test_a_line_echoed_beside_the_table_read_back_is_a_new_job() -> None:
    # near miss: the group's echo writes a job into what crontab installs
    lines = ("(crontab -l; echo '0 3 * * * /opt/app/gc') | sed 's/x/y/' | crontab -",)
    assert _bash(SCHEDULED, *lines) == [3]


def test_another_accounts_table_installed_for_www_data_is_a_new_job() -> None:
    # near miss: root's table copied into www-data's is not the account's own
    lines = ("crontab -l | sed 's/^#//' | crontab -u www-data -",)
    assert _bash(SCHEDULED, *lines) == [3]


def test_a_command_line_in_a_variable_run_with_a_file_ending_added_contacts_its_host() -> None:
    lines = (
        'read -r -p "version? " VER',
        'DOWNLOAD="curl -LO https://download.example.org/releases/app-$VER"',
        "${DOWNLOAD}.zip",
    )
    assert _bash(ENDPOINT, *lines) == [5]


def test_a_one_word_value_with_a_file_ending_stays_a_file_name() -> None:
    # near miss: ``${NAME}.sh`` of ``NAME=https://…`` is not a command line (one word): nothing is contacted
    lines = ("NAME=https://download.example.org/setup", "${NAME}.sh")
    assert _bash(ENDPOINT, *lines) == []


def test_bootc_upgrade_and_its_check_fetch_from_the_registry() -> None:
    assert _bash(EGRESS, "bootc upgrade --check", "bootc upgrade", "bootc status") == [3, 4]


def test_make_install_in_a_ports_directory_fetches_the_distfiles() -> None:
    lines = ("cd /usr/ports/databases/py-sqlalchemy && make install clean", "make -C /usr/ports/www/nginx")
    assert _bash(EGRESS, *lines) == [3, 4]


def test_make_clean_in_a_ports_directory_and_make_install_elsewhere_stay_quiet() -> None:
    # near miss: cleaning fetches nothing; a build outside a ports tree builds the checkout's own sources
    lines = ("cd /usr/ports/databases/py-sqlalchemy && make clean", "cd /opt/app/src && make install")
    assert _bash(EGRESS, *lines) == []


def test_pkg_add_of_a_package_name_fetches_and_of_a_local_file_does_not() -> None:
    lines = ("pkg_add -r py-sqlalchemy", "pkg_add ./packages/py-sqlalchemy-1.4.tgz")
    assert _bash(EGRESS, *lines) == [3]
