"""Classes the thirty-second hold-out set showed (tests/preflight/holdout32: in-place upgrade scripts of self-hosted
products), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_SU = "preflight.sudo_unavailable"
_IE = "preflight.implicit_egress"


def _sh(*lines: str) -> str:
    return "\n".join(("#!/bin/bash", *lines)) + "\n"


# -- A: sudo in a prefix variable reaches an eval'd command string only through the variable --


def test_a_eval_of_a_command_string_built_on_a_sudo_prefix_escalates() -> None:
    text = _sh(
        'PREFIX="sudo -k "',
        'if [ "$(whoami)" = "root" ]; then',
        '  PREFIX=""',
        "fi",
        'COMMAND="${PREFIX}pip install -r requirements.txt --upgrade"',
        "eval $COMMAND",
    )
    assert codes_at({"upgrade.sh": text}, _SU) == [7]


def test_a_eval_of_a_string_starting_with_the_prefix_escalates() -> None:
    text = _sh('PREFIX="sudo "', '[ "$(id -u)" -eq 0 ] && PREFIX=""', 'eval "${PREFIX}find . -name \'*.pyc\' -delete"')
    assert codes_at({"upgrade.sh": text}, _SU) == [4]


def test_a_near_miss_eval_of_a_string_whose_prefix_never_holds_an_escalator() -> None:
    text = _sh(
        'PREFIX="nice -n 10 "',
        'COMMAND="${PREFIX}pip install -r requirements.txt"',
        "eval $COMMAND",
        'SUDO="sudo"',
        'eval "$(ssh-agent -s)"',
    )
    assert codes_at({"upgrade.sh": text}, _SU) == []


# -- B: metadata refreshes and AUR helpers not known to fetch --


def test_b_check_update_and_aur_helpers_fetch() -> None:
    text = _sh("dnf check-update", "yum check-update", 'paru -S "$pkg"', "yay -Syu --noconfirm")
    assert codes_at({"upgrade.sh": text}, _IE) == [2, 3, 4, 5]


def test_b_near_miss_local_queries_of_the_same_tools_fetch_nothing() -> None:
    text = _sh("dnf list installed", "yum info nginx", "paru -Ss foo", "yay -Qi bar", "dnf check")
    assert codes_at({"upgrade.sh": text}, _IE) == []


def test_a_near_miss_a_later_command_string_without_the_prefix_does_not_escalate() -> None:
    text = _sh(
        'PREFIX="sudo -k "',
        'COMMAND="${PREFIX}pip install -r requirements.txt"',
        "eval $COMMAND",
        'COMMAND="./manage.py migrate"',
        "eval $COMMAND",
    )
    assert codes_at({"upgrade.sh": text}, _SU) == [4]


# -- C: a command run by find -exec --

_IP = "preflight.implicit_privilege"


def test_c_chown_run_by_find_exec_is_a_root_only_step() -> None:
    text = _sh('find "$ROOT" -path "$ROOT/app-data" -prune -o -exec chown 1000:1000 {} +')
    assert codes_at({"upgrade.sh": text}, _IP) == [2]


def test_c_near_miss_find_that_only_prints_or_runs_an_unprivileged_command() -> None:
    text = _sh('find "$ROOT" -name "*.pyc" -print', 'find . -type f -exec sed -i -e "1s/python/python3/" {} \\;')
    assert codes_at({"upgrade.sh": text}, _IP) == []


# -- D: a prefix variable before a deep literal path names that one entry --


def test_d_a_prefix_before_a_files_own_path_is_not_an_unguarded_delete() -> None:
    text = _sh(
        'rm -rf "${PREFIX}/usr/share/man/man1/rclone.1.gz"',
        'rm -rf "${PREFIX}/etc/udev/rules.d/11-usb-mount.rules"',
        'rm -rf "${PREFIX}/tmp/casaos-uninstall"',
    )
    assert codes_at({"update.sh": text}, "preflight.rm_rf_variable") == []


def test_d_near_miss_a_prefix_before_a_system_directory_is_one() -> None:
    text = _sh('rm -rf "${PREFIX}/usr/local/bin"', 'rm -rf "${PREFIX}/var/lib"', 'rm -rf "${PREFIX}/lib"')
    assert codes_at({"update.sh": text}, "preflight.rm_rf_variable") == [2, 3, 4]
