"""Classes of mistakes the hundred-and-fifty-seventh hold-out set found (tests/preflight/holdout157: shell
installers, update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or
keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
UNVERIFIED = "preflight.unverified_download_exec"


def _in(code: str, *lines: str) -> list[int | None]:
    """Lines of the ``code`` findings in a bash script of ``lines`` (its ``#!`` line is line 1; no ``set -e``)."""
    return codes_at({"scripts/install.sh": "\n".join(("#!/bin/bash", *lines)) + "\n"}, code)


# -- A: what a command changes in a system directory it was started in -----------------------------------------------


def test_a_unzip_and_relative_entries_after_cd_into_a_system_directory() -> None:
    lines = ("cd /usr/share/panel", "unzip Panel4.zip", "rm Panel4.zip index.html")
    assert _in(PRIVILEGE, *lines) == [3, 4]


def test_a_near_misses_listing_another_target_and_a_scratch_directory() -> None:
    # unzip that lists or extracts elsewhere, absolute and variable operands
    there = ("cd /usr/share/panel", "unzip -l Panel4.zip", "unzip -q Panel4.zip -d /tmp/panel", 'rm "$TMP/x" /tmp/y')
    assert _in(PRIVILEGE, *there) == []
    assert _in(PRIVILEGE, "cd /tmp/build", "unzip Panel4.zip", "rm Panel4.zip", "chmod +x run.sh") == []
    # an entrypoint's data directories in the app's own tree under /etc (holdout's shlink entrypoint)
    assert _in(PRIVILEGE, "cd /etc/shlink", "mkdir -p data/cache data/locks") == []


# -- B: Debian's PHP module helpers and MySQL's data directory initialiser ---------------------------------------------


def test_b_php_module_helpers_and_the_data_directory_initialiser_need_root() -> None:
    lines = ("php5enmod mcrypt", "phpdismod xdebug", "mysql_install_db", "mariadb-install-db --datadir=/var/lib/db")
    assert _in(PRIVILEGE, *lines) == [2, 3, 4, 5]


def test_b_near_misses_a_data_directory_of_the_users_and_php_itself() -> None:
    lines = ('mysql_install_db --datadir="$HOME/db"', "mysql_install_db --datadir /srv/me/db", "php -m")
    assert _in(PRIVILEGE, *lines) == []


# -- C: a service stopped for an update and started again runs the updated checkout ---------------------------------


def test_c_a_service_stopped_before_a_pull_and_started_after_it() -> None:
    lines = ("sudo systemctl stop app.service", "git pull", "sudo systemctl start app.service")
    assert _in(UNVERIFIED, *lines) == [4]
    # ``service NAME stop`` … a pull and a checkout of a typed tag … ``service NAME start``
    typed = ("service app stop", "git -C /opt/app pull || true", 'git -C /opt/app checkout "$v"', "service app start")
    assert _in(UNVERIFIED, *typed) == [5]


def test_c_near_misses_no_stop_another_service_a_later_stop_and_a_verified_tag() -> None:
    # a restart right after the pull runs the pulled code (session 30 ruling, corpus README)
    assert _in(UNVERIFIED, "git pull", "sudo systemctl restart app") == [3]
    assert _in(UNVERIFIED, "systemctl stop nginx", "git pull", "date", "systemctl start app") == []
    assert _in(UNVERIFIED, "git pull", "systemctl stop app", "systemctl start app") == []
    assert _in(UNVERIFIED, "systemctl stop app", "git pull", "git verify-tag v1.2", "systemctl start app") == []
