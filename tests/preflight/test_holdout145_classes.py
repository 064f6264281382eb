"""Classes the hundred-and-forty-fifth hold-out set showed (tests/preflight/holdout145: install, update and deploy
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: aptitude, Debian's other apt front end, installs and fetches packages as apt-get does ---------------------


def test_a_aptitude_install_is_a_root_only_fetch() -> None:
    text = _text("#!/bin/sh", "aptitude update", "aptitude install -y vsftpd")  # 2, 3
    assert codes_at({"install.sh": text}, EGRESS) == [2, 3]
    assert codes_at({"install.sh": text}, PRIVILEGE) == [2, 3]


def test_a_aptitude_run_by_a_perl_installer_is_read_too() -> None:
    text = _text("#!/usr/bin/perl", 'system "aptitude install -y mysql-server";')
    assert codes_at({"install.pl": text}, EGRESS) == [2]


def test_a_aptitude_that_only_searches_or_simulates_changes_nothing() -> None:
    text = _text("#!/bin/sh", "aptitude search vsftpd", "aptitude -s install vsftpd", "aptitude show vsftpd")
    assert codes_at({"install.sh": text}, EGRESS) == []
    assert codes_at({"install.sh": text}, PRIVILEGE) == []
