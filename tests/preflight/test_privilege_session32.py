"""Privilege classes of the hold-out guard read in session 32 (``preflight.implicit_privilege``), each as its minimal
construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

IMPLICIT = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"

# -- A: make install in a build directory whose configure was given a system --prefix ---------------------------------


def test_a_make_install_after_configure_with_a_system_prefix() -> None:
    # holdout243's poppy: ./configure --prefix=/usr/local/python3, make, make install (twice)
    found = in_script(
        IMPLICIT,
        "cd /tmp/Python-3.6.5",
        "./configure --prefix=/usr/local/python3",
        "make",
        "make install",
    )
    assert found == [6]


def test_a_the_same_build_from_python_subprocess_strings() -> None:
    source = (
        "import os, subprocess\n"
        "os.chdir('/tmp/build')\n"
        "subprocess.call('./configure --prefix=/usr',shell=True)\n"
        "subprocess.call('make',shell=True)\n"
        "subprocess.call('make install',shell=True)\n"
    )
    assert codes_at({"install.py": source}, IMPLICIT) == [5]


def test_a_a_home_prefix_a_staged_install_and_no_prefix_stay_quiet() -> None:
    assert in_script(IMPLICIT, "./configure --prefix=$HOME/.local", "make", "make install") == []
    assert in_script(IMPLICIT, "./configure --prefix=/opt/app", "make install") == []
    assert in_script(IMPLICIT, "./configure --prefix=/usr", "make", "make DESTDIR=/tmp/stage install") == []
    assert in_script(IMPLICIT, "./configure", "make", "make install") == []
    assert in_script(IMPLICIT, "./configure --prefix=/usr", "make", "make check") == []


def test_a_another_build_directory_is_not_the_configured_one() -> None:
    lines = ("cd /tmp/a", "./configure --prefix=/usr", "cd /tmp/b", "make install")
    assert in_script(IMPLICIT, *lines) == []


def test_a_a_configure_option_of_another_program_is_not_a_prefix() -> None:
    assert in_script(IMPLICIT, "npm --prefix /usr/lib/app run configure", "make install") == []


# -- C: a first-boot script's closing reboot or halt is the end of its own run -----------------------------------------

_FIRST_BOOT = "#!/bin/bash\nresize2fs /dev/mmcblk0p2\napt-get install -y ntpdate\nsystemctl enable signer\nreboot\n"


def test_c_the_reboot_of_a_first_boot_script_is_quiet_its_root_steps_are_not() -> None:
    assert codes_at({"firstboot.sh": _FIRST_BOOT}, IMPLICIT) == [2, 3, 4]
    halting = {"image/files/first-boot-init.sh": _FIRST_BOOT.replace("reboot", "shutdown -r now")}
    assert codes_at(halting, IMPLICIT) == [2, 3, 4]


def test_c_a_reboot_elsewhere_is_still_reported() -> None:
    assert codes_at({"install.sh": _FIRST_BOOT}, IMPLICIT) == [2, 3, 4, 5]
    assert codes_at({"firstboot/setup.sh": _FIRST_BOOT}, IMPLICIT) == [2, 3, 4, 5]


# -- B: sudo after the script's own exiting root check gains nothing (corpus README, session 32) ----------------------


def test_b_sudo_after_an_exiting_root_check_is_not_reported() -> None:
    check = ('if [ "$(id -u)" != "0" ]; then', "  echo 'run as root'", "  exit 1", "fi")
    assert in_script(SUDO, *check, "sudo apt-get update", "curl -fsSL https://e.com/k | sudo gpg --dearmor") == []


def test_b_sudo_with_no_root_check_is_reported() -> None:
    assert in_script(SUDO, "sudo apt-get update") == [3]
