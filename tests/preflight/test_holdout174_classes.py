"""Classes the hundred-and-seventy-fourth hold-out set showed (tests/preflight/holdout174: install, update and deploy
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ROOT = "preflight.root_assumed"
IMPLICIT = "preflight.implicit_privilege"


def _perl(*lines: str) -> str:
    return "\n".join(("#!/usr/bin/perl", "use strict;", *lines)) + "\n"  # 1, 2


# -- A: a Perl root check on the environment's login name, ``$ENV{'USER'} eq 'root'`` ----------------------------------


def test_a_a_login_name_check_that_exits_is_a_root_check() -> None:
    text = _perl(
        "unless ($ENV{'USER'} eq 'root') {",
        '    print "Please run with sudo.\\n";',
        "    exit;",
        "}",
        "`useradd -m slideshow`;",
    )
    files = {"install.pl": text}
    assert codes_at(files, ROOT) == [3]
    assert codes_at(files, IMPLICIT) == []


def test_a_bare_and_double_quoted_keys_and_logname_are_read_too() -> None:
    for key in ("USER", '"USER"', "LOGNAME"):
        text = _perl(f"die \"root only\\n\" if $ENV{{{key}}} ne 'root';", "`chown -R kiosk /home/kiosk`;")
        assert codes_at({"install.pl": text}, ROOT) == [3], key


def test_a_a_login_name_check_that_does_not_exit_stays_quiet() -> None:
    text = _perl(
        "if ($ENV{'USER'} ne 'root') {",
        '    print "not root: the account is not created\\n";',
        "}",
        "`useradd -m slideshow`;",
    )
    files = {"install.pl": text}
    assert codes_at(files, ROOT) == []
    assert codes_at(files, IMPLICIT) == [6]


def test_a_another_environment_variable_compared_with_root_is_no_root_check() -> None:
    text = _perl("unless ($ENV{'SLIDESHOW_OWNER'} eq 'root') {", "    exit;", "}", "`useradd -m slideshow`;")
    files = {"install.pl": text}
    assert codes_at(files, ROOT) == []
    assert codes_at(files, IMPLICIT) == [6]


# -- C: ``useradd`` that creates the account in an admin group ------------------------------------------------------

PERSISTENCE = "preflight.persistence"


def _sh(*lines: str) -> dict[str, str]:
    return {"install.sh": "\n".join(("#!/bin/sh", "set -e", *lines)) + "\n"}  # 1, 2


def test_c_useradd_with_the_sudo_group_as_primary_group_is_persistence() -> None:
    assert codes_at(_sh('useradd -m -g sudo -s /bin/bash "$1"'), PERSISTENCE) == [3]


def test_c_useradd_with_an_admin_supplementary_group_is_persistence() -> None:
    assert codes_at(_sh("useradd -m -G users,wheel operator"), PERSISTENCE) == [3]
    assert codes_at(_sh("useradd --groups=adm,sudo -m operator"), PERSISTENCE) == [3]


def test_c_useradd_in_an_ordinary_group_stays_quiet() -> None:
    assert codes_at(_sh("useradd -m -g teachers -s /bin/bash slideshow"), PERSISTENCE) == []


def test_c_an_admin_group_word_outside_the_group_options_stays_quiet() -> None:
    assert codes_at(_sh("useradd -m -c 'sudo helper' -g staff helper"), PERSISTENCE) == []


# -- B: a Fabric 1 fabfile whose every connection is made as root ------------------------------------------------------


def _fabfile(*lines: str) -> dict[str, str]:
    head = ("from fabric.api import env, execute, run, settings, task", "")  # 1, 2
    return {"fabfile.py": "\n".join((*head, *lines)) + "\n"}


def test_b_run_over_a_connection_made_as_root_is_not_implicit_privilege() -> None:
    files = _fabfile(
        "def create_user():",
        "    run('useradd -m {}'.format(env.host))",
        "",
        "@task",
        "def create_users():",
        "    with settings(user='root'):",
        "        execute(create_user, hosts=['a.example.org'])",
    )
    assert codes_at(files, IMPLICIT) == []
    assert codes_at(files, ROOT) == []


def test_b_env_user_root_is_a_root_connection_too() -> None:
    files = _fabfile("env.user = 'root'", "", "@task", "def restart():", "    run('service nginx restart')")
    assert codes_at(files, IMPLICIT) == []


def test_b_a_connection_as_another_user_keeps_run_unprivileged() -> None:
    files = _fabfile("env.user = 'deploy'", "", "@task", "def restart():", "    run('service nginx restart')")
    assert codes_at(files, IMPLICIT) == [7]


def test_b_root_in_one_place_and_another_user_elsewhere_keeps_run_unprivileged() -> None:
    files = _fabfile(
        "@task",
        "def restart():",
        "    with settings(user='deploy'):",
        "        run('service nginx restart')",
        "    with settings(user='root'):",
        "        run('hostname')",
    )
    assert codes_at(files, IMPLICIT) == [6]
