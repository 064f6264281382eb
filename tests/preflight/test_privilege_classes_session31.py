"""Privilege classes of shell and other non-program files that the hold-out guard showed in session 31
(``implicit_privilege``, ``sudo_unavailable``, ``root_assumed``), each as its minimal construct next to near-misses
that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

IMPLICIT = "preflight.implicit_privilege"

# -- A: yum's and dnf's clean (and their other state-changing verbs) manage the system's packages -------------------


def test_a_dnf_and_yum_clean_without_escalation_are_root_only() -> None:
    # calisera-io/ha-jenkins's packer setup (dnf clean all), packetfence's do-upgrade (yum clean all)
    assert in_script(IMPLICIT, "dnf clean all") == [3]
    assert in_script(IMPLICIT, "yum clean all") == [3]
    assert in_script(IMPLICIT, "dnf -y autoremove") == [3]
    assert in_script(IMPLICIT, "yum -y reinstall httpd") == [3]


def test_a_clean_through_sudo_or_after_a_root_check_is_not_implicit() -> None:
    assert in_script(IMPLICIT, "sudo dnf clean all") == []
    root_check = ['if [ "$(id -u)" -ne 0 ]; then', "  echo run as root", "  exit 1", "fi"]
    assert in_script(IMPLICIT, *root_check, "yum clean all") == []


def test_a_read_only_verbs_stay_quiet() -> None:
    assert in_script(IMPLICIT, "dnf list installed") == []
    assert in_script(IMPLICIT, "yum info httpd") == []
    assert in_script(IMPLICIT, 'echo "run: yum clean all"') == []


# -- B: BSD chflags of a system flag (schg, sappnd, sunlnk and their no- forms) is root's, whoever owns the file -----


def test_b_chflags_of_a_system_flag_is_root_only() -> None:
    # pfSense's rc.firmware: ``/bin/chflags -R noschg /${files}`` for bin lib libexec sbin usr
    assert in_script(IMPLICIT, "chflags -R noschg /usr") == [3]
    assert in_script(IMPLICIT, '/bin/chflags schg,sunlnk "$HOME/keep"') == [3]


def test_b_chflags_of_user_flags_or_through_sudo_stays_quiet() -> None:
    assert in_script(IMPLICIT, "chflags nouchg ~/notes.txt") == []
    assert in_script(IMPLICIT, 'chflags -R nodump "$HOME/cache"') == []
    assert in_script(IMPLICIT, "sudo chflags -R noschg /usr") == []


def test_b_clearing_a_system_flag_in_the_runs_own_trees_stays_quiet() -> None:
    # clearing a flag a file does not carry changes nothing (holdout35's ``chflags -R noschg ./build``)
    assert in_script(IMPLICIT, "chflags -R noschg ./build") == []
    assert in_script(IMPLICIT, "chflags -R noschg /tmp/stage") == []
    assert in_script(IMPLICIT, 'chflags -R noschg "$HOME/stage"') == []
