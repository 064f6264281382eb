"""Classes the twenty-first hold-out set showed (tests/preflight/holdout21: system hook configuration a package
installs), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings

from shipgate.preflight.hooks import commands as commands_of
from shipgate.preflight.udev import commands, read_rules

# -- A: udev rules: what they grant (MODE) and what they run (RUN+=, PROGRAM=) ------------------------------------

_WW = "preflight.world_writable"

_UDEV = (
    "# serial adapters\n"
    'ATTRS{idVendor}=="10c4", ATTRS{idProduct}=="ea60", MODE:="0666", ENV{ID_MM_DEVICE_IGNORE}="1"\n'
    'SUBSYSTEM=="tty", ATTRS{interface}=="Probe", MODE="0660", GROUP="plugdev"\n'
    'ATTRS{idVendor}=="0483", MODE="660", GROUP="plugdev", TAG+="uaccess"\n'
    'ATTRS{idVendor}=="1366", \\\n'
    '    MODE="0666"\n'
)


def test_udev_mode_0666_is_world_writable_at_the_mode_key_line() -> None:
    assert codes_at({"assets/99-vendor-udev.rules": _UDEV}, _WW) == [2, 6]


def test_udev_group_modes_and_uaccess_are_quiet() -> None:
    text = 'SUBSYSTEM=="input", GROUP="input", MODE="0660"\nKERNEL=="vcsm", MODE="0640", TAG+="uaccess"\n'
    assert codes_at({"etc/udev/rules.d/99-com.rules": text}, _WW) == []


def test_a_mode_in_a_file_that_is_not_udev_rules_is_not_read() -> None:
    assert codes_at({"etc/vendor/99-vendor.conf": _UDEV}, _WW) == []
    assert read_rules("etc/vendor/access.rules", 'polkit.addRule(function(a, s) { return "MODE=0666"; });\n') is None


def test_udev_run_and_program_commands_are_read_as_shell_at_their_lines() -> None:
    text = (
        'SUBSYSTEM=="gpio", ACTION=="add", RUN+="/bin/chmod 0666 /sys/class/gpio/export"\n'
        "\n"
        'SUBSYSTEM=="pwm*", PROGRAM="/bin/sh -c \'\\\n'
        "\tchown -R root:gpio /sys/class/pwm && chmod -R 777 /sys/class/pwm\\\n"
        "'\"\n"
    )
    assert codes_at({"lib/udev/rules.d/60-gpio.rules": text}, _WW) == [1, 3]


def test_udev_group_grants_in_run_are_quiet_and_run_as_root() -> None:
    text = (
        'SUBSYSTEM=="backlight", ACTION=="add", RUN+="/bin/chgrp video $sys$devpath/brightness", '
        'RUN+="/bin/chmod g+w $sys$devpath/brightness"\n'
        'ACTION=="change", SUBSYSTEM=="power_supply", RUN+="/usr/sbin/vendor-tool auto"\n'
    )
    found = findings({"usr/lib/udev/rules.d/60-backlight.rules": text})
    assert [f for f in found if f[0] in (_WW, "preflight.implicit_privilege", "preflight.sudo_unavailable")] == []


def test_udev_commands_skip_builtins_and_join_one_line() -> None:
    text = (
        'ACTION=="add", IMPORT{builtin}="usb_id", RUN{builtin}+="kmod load $env{MODALIAS}"\n'
        'ACTION=="add", RUN+="/bin/a", RUN+="/bin/b"\n'
        'IMPORT{program}="/lib/udev/vendor_id %k"\n'
    )
    assert commands("x/70-vendor.rules", text) == [(2, "/bin/a ; /bin/b"), (3, "/lib/udev/vendor_id %k")]


# -- B: polkit rules that grant with no authentication -------------------------------------------------------------

_PERSIST = "preflight.persistence"

_POLKIT = """// Allow the group to manage the daemon without a password (polkit.Result.YES in a comment)
polkit.addRule(function(action, subject) {
    if (action.id == "org.vendor.manage" &&
        subject.isInGroup("vendor")) {
        return polkit.Result.YES;
    }
    return polkit.Result.NOT_HANDLED;
});
"""


def test_polkit_result_yes_is_persistence_at_its_line() -> None:
    assert codes_at({"src/remote/vendord.rules": _POLKIT}, _PERSIST) == [5]
    assert codes_at({"system-helper/org.vendor.rules.in": _POLKIT}, _PERSIST) == [5]


def test_polkit_rules_that_still_ask_are_quiet() -> None:
    asks = _POLKIT.replace("Result.YES;", "Result.AUTH_ADMIN_KEEP;")
    assert codes_at({"data/50-vendor.rules": asks}, _PERSIST) == []
    message = 'polkit.addRule(function(a, s) { log("return polkit.Result.YES"); return polkit.Result.NO; });\n'
    assert codes_at({"data/50-vendor.rules": message}, _PERSIST) == []


def test_pkla_result_yes_is_persistence() -> None:
    pkla = (
        "[Vendor manage]\nIdentity=unix-group:vendor\nAction=org.vendor.manage\nResultAny=no\n"
        "ResultInactive=no\nResultActive=yes\n"
    )
    assert codes_at({"var/lib/polkit-1/localauthority/50-local.d/vendor.pkla": pkla}, _PERSIST) == [6]
    assert codes_at({"x/vendor.pkla": pkla.replace("=yes", "=auth_admin_keep")}, _PERSIST) == []


# -- C: a login script (/etc/profile.d) is not an install step -----------------------------------------------------


def test_sudo_in_a_profile_d_script_is_not_the_installer_escalating() -> None:
    body = "#!/bin/sh\nSHADOW=\"$(sudo -n grep -E '^pi:' /etc/shadow 2>/dev/null)\"\n"
    assert codes_at({"etc/profile.d/check.sh": body}, "preflight.sudo_unavailable") == []
    assert codes_at({"scripts/check.sh": body}, "preflight.sudo_unavailable") == [2]


# -- D: apt hooks and modprobe install commands are read as root shell at their lines ------------------------------

_APT = """// vendor hooks
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };
APT::Update::Post-Invoke-Success {
    "curl -fsSL https://updates.vendor.example.com/notify.sh | sh";
};
DPkg { Pre-Invoke { "chmod 777 /var/lib/vendor"; }; };
APT::Periodic::Enable "0";
"""


def test_apt_hook_commands_are_shell_at_their_lines() -> None:
    files = {"etc/apt/apt.conf.d/99vendor": _APT}
    assert codes_at(files, "preflight.pipe_to_shell") == [4]
    assert codes_at(files, _WW) == [6]
    assert codes_at(files, "preflight.implicit_privilege") == []  # apt runs its hooks as root


def test_apt_settings_that_are_not_hooks_are_data() -> None:
    text = 'APT::Periodic::Update-Package-Lists "1";\nUnattended-Upgrade::Mail "chmod 777 /tmp/x";\n'
    assert codes_at({"etc/apt/apt.conf.d/20auto-upgrades": text}, _WW) == []
    assert commands_of("ex/apt/needrestart-apt_d", 'DPkg::Post-Invoke {"test -x /usr/lib/x && /usr/lib/x"; };\n') == [
        (1, "test -x /usr/lib/x && /usr/lib/x")
    ]
    assert commands_of("docs/notes.txt", "Remember to run DPkg::Post-Invoke hooks, e.g. {chmod 777}.\n") == []


def test_modprobe_install_commands_are_shell() -> None:
    text = (
        "options bonding max_bonds=0\n"
        "install usb-storage /bin/true\n"
        "install vendor /sbin/modprobe --ignore-install vendor; chmod 0666 /dev/vendor0\n"
    )
    assert codes_at({"etc/modprobe.d/vendor.conf": text}, _WW) == [3]
    assert codes_at({"etc/vendor/vendor.conf": text}, _WW) == []


# -- E: sudoers entries continued over several lines (a long Cmnd_Alias, as VDSM writes) ---------------------------

_ALIASES = """Cmnd_Alias VENDOR_STORAGE = \\
    /sbin/fsck -p *, \\
    /bin/kill, \\
    /sbin/reboot -f

vendor  ALL=(ALL) NOPASSWD: VENDOR_STORAGE, \\
    /usr/sbin/vendor-ctl
Defaults:vendor !requiretty
"""


def test_a_sudoers_file_found_by_content_may_continue_lines() -> None:
    assert codes_at({"ex/monitoring/vendor-sudoers": _ALIASES}, _PERSIST) == [6]
    assert codes_at({"etc/sudoers.d/50_vendor": _ALIASES}, _PERSIST) == [6]


def test_continued_lines_of_other_configuration_are_not_sudoers() -> None:
    makefile = "SRCS = main.c \\\n    util.c\nCFLAGS = -O2 -Wall\nall: $(SRCS)\n"
    assert codes_at({"src/vendor-build": makefile}, _PERSIST) == []
