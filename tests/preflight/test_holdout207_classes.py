"""Classes found by hold-out set 207 (upgrade, backup/restore and maintenance scripts of self-hosted products, sixth
long sample): a uid compared with a variable standing for root's uid, a constant the file sets to 0
(``ROOT_UID=0; [ "$UID" -ne "$ROOT_UID" ]``) or, in bash's ``[[ … ]]``, a name the file never sets, which the
arithmetic comparison reads as 0 (``[[ "$UID" -ne "$ROOT_UID" ]]``); and a password named by a camel-case ``Pass`` word
(``tmpPass="changeme"``)."""

from __future__ import annotations

from preflight_kit import codes_at

ROOT = "preflight.root_assumed"
CREDENTIAL = "preflight.hardcoded_credential"


def _bash(code: str, *lines: str) -> list[int | None]:
    return codes_at({"scripts/backup.sh": "\n".join(("#!/bin/bash", *lines)) + "\n"}, code)


def _check(test: str, *before: str) -> tuple[str, ...]:
    return (*before, f"if {test}; then", '  echo "You must run this script as root."', "  exit 1", "fi")


def test_a_uid_compared_with_a_name_never_set_in_double_brackets_is_a_root_check() -> None:
    assert _bash(ROOT, *_check('[[ "$UID" -ne "$ROOT_UID" ]]')) == [2]


def test_a_uid_compared_with_a_constant_zero_is_a_root_check() -> None:
    assert _bash(ROOT, *_check('[ "$(id -u)" -ne "$ROOT_UID" ]', "ROOT_UID=0")) == [3]


def test_a_name_never_set_in_single_brackets_is_no_root_value() -> None:
    # near miss: ``[ "$UID" -ne "" ]`` is an error (integer expression expected), the branch never runs
    assert _bash(ROOT, *_check('[ "$UID" -ne "$ROOT_UID" ]')) == []


def test_a_variable_given_another_value_is_no_root_value() -> None:
    # near miss: the service account's uid, or a name also set to something else, is not root's
    assert _bash(ROOT, *_check('[[ "$UID" -ne "$APP_UID" ]]', "APP_UID=1000")) == []
    assert _bash(ROOT, *_check('[[ "$UID" -ne "$WANT" ]]', "WANT=0", '[ -n "$1" ] && WANT=1000')) == []


def test_the_invoking_users_uid_from_the_environment_is_no_root_value() -> None:
    # near miss: sudo sets SUDO_UID although the file never does
    assert _bash(ROOT, *_check('[[ "$EUID" -ne "$SUDO_UID" ]]')) == []


def test_a_camel_case_pass_word_names_a_password() -> None:
    lines = ("for email in $(cat emails.txt); do", '  tmpPass="changeme"', '  zmprov ca "$email" "$tmpPass"', "done")
    assert _bash(CREDENTIAL, *lines) == [3]


def test_pass_inside_another_word_names_no_password() -> None:
    # near miss: ``bypass``, ``isPassive``, ``compassDir``, and a camel-case pass word that names a file or a flag
    lines = ('bypass="changeme"', 'isPassive="changeme"', 'compassDir="/opt/c"', 'dbPassFile="/etc/app/pw"')
    assert _bash(CREDENTIAL, *lines, 'byPass="true"', 'tmpPass="$1"') == []
