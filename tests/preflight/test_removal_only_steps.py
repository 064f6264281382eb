"""Steps that run only when the package is removed are not reported (an upgrade does not run them); a step of a
removal-side script that also runs on an upgrade is. Each construct beside the near-miss that stays reported."""

from __future__ import annotations

from preflight_kit import codes_at

_DISABLE = "preflight.service_disabled"


def test_rpm_erase_count_guards_a_removal_only_step() -> None:
    body = (
        "#!/bin/sh\n"
        "if [ $1 -eq 0 ]; then\n  systemctl disable vendor-a\nfi\n"  # 3: erase only
        '[ "$1" = 0 ] && systemctl disable vendor-b\n'  # 5: erase only
        "[ $1 = 0 ] && systemctl disable vendor-c\n"  # 6: erase only
        "if [ $1 -eq 1 ]; then systemctl disable vendor-d; fi\n"  # 7: upgrade: reported
        "if [ $1 -ge 1 ]; then systemctl try-restart vendor; else systemctl disable vendor-e; fi\n"  # 8: else = erase
        "systemctl disable vendor-f\n"  # 9: every run: reported
    )
    for path in ("rpm/postun", "packaging/vendor.preun", "dist/linux/after-remove.sh"):
        assert codes_at({path: body}, _DISABLE) == [7, 9], path


def test_a_count_test_means_nothing_outside_an_rpm_scriptlet_or_in_a_function() -> None:
    body = "#!/bin/sh\nif [ $1 -eq 0 ]; then\n  systemctl disable vendor\nfi\n"
    assert codes_at({"scripts/setup.sh": body}, _DISABLE) == [3]
    in_function = "#!/bin/sh\nstep() {\n  if [ $1 -eq 0 ]; then systemctl disable vendor; fi\n}\nstep 0\n"
    assert codes_at({"rpm/preun": in_function}, _DISABLE) == [3]


def test_an_early_exit_on_upgrade_leaves_removal_only_steps() -> None:
    deb = '#!/bin/sh\nset -e\n[ "$1" = upgrade ] && exit 0\nsystemctl disable vendor\n'
    assert codes_at({"debian/prerm": deb}, _DISABLE) == []
    rpm = '#!/bin/sh\nif [ "$1" -gt 0 ]; then\n  exit 0\nfi\nsystemctl disable vendor\n'
    assert codes_at({"dist-assets/linux/before-remove.sh": rpm}, _DISABLE) == []
    dpkg_if = '#!/bin/sh\nif [ "$1" = "upgrade" ]; then exit 0; fi\nsystemctl disable vendor\n'
    assert codes_at({"debian/vendor.postrm": dpkg_if}, _DISABLE) == []


def test_an_unguarded_or_non_exiting_removal_side_step_stays_reported() -> None:
    assert codes_at({"debian/prerm": "#!/bin/sh\nsystemctl disable vendor\n"}, _DISABLE) == [2]
    # the exit is on removal, not on an upgrade: what follows runs on an upgrade
    on_remove = '#!/bin/sh\n[ "$1" = remove ] && exit 0\nsystemctl disable vendor\n'
    assert codes_at({"debian/prerm": on_remove}, _DISABLE) == [3]
    # the upgrade branch does not end the script
    no_exit = '#!/bin/sh\n[ "$1" = upgrade ] && echo upgrading\nsystemctl disable vendor\n'
    assert codes_at({"debian/prerm": no_exit}, _DISABLE) == [3]
    # an install-side script: its steps after the same exit run on a fresh install, and an install is reported
    preinst = '#!/bin/sh\n[ "$1" = upgrade ] && exit 0\nsystemctl disable vendor\n'
    assert codes_at({"debian/preinst": preinst}, _DISABLE) == [3]


def test_a_branch_an_upgrade_does_not_take_in_a_removal_side_script() -> None:
    body = (
        '#!/bin/sh\nif [ "$1" != "upgrade" ]; then\n  systemctl disable vendor-a\nfi\n'
        'if [ "$1" = configure ]; then :; elif [ "$1" = purge ]; then systemctl disable vendor-b; fi\n'
    )
    assert codes_at({"debian/postrm": body}, _DISABLE) == []
    # the same != test in a script that is not removal-side says nothing about removal
    assert codes_at({"debian/postinst": body}, _DISABLE) == [3]


def test_deinstall_scripts_and_pacman_remove_functions_run_only_on_removal() -> None:
    steps = "systemctl disable vendor\n"
    for path in ("vendor/vendor.pre-deinstall", "+POST_DEINSTALL", "sysutils/vendor/files/pkg-deinstall.in"):
        assert codes_at({path: "#!/bin/sh\n" + steps}, _DISABLE) == [], path
    pacman = "pre_remove() {\n  systemctl disable vendor\n}\n\npost_upgrade() {\n  systemctl disable other\n}\n"
    assert codes_at({"vendor/vendor.install": pacman}, _DISABLE) == [6]
    # apk's upgrade script runs on an upgrade
    assert codes_at({"vendor/vendor.post-upgrade": "#!/bin/sh\n" + steps}, _DISABLE) == [2]


def test_an_rpm_spec_preun_macro_disables_only_on_erase() -> None:
    spec = "Name: vendor\n\n%preun\n%systemd_preun vendor.service\n\n%postun\nsystemctl disable other\n"
    assert codes_at({"vendor.spec": spec}, _DISABLE) == [7]


def test_a_function_called_only_on_removal_runs_only_on_removal() -> None:
    body = (
        "#!/bin/bash\n"
        "stop_units() {\n  systemctl disable vendor\n}\n"  # 3: called only under 0)
        "remove() {\n  stop_units\n}\n"
        "keep() {\n  systemctl disable other\n}\n"  # 9: called on removal and on every run
        'case "$1" in\n  0) remove; keep ;;\n  1) echo upgrade ;;\nesac\n'
        "keep\n"
    )
    assert codes_at({"src/linux/scripts/afterRemoveRPM.sh": body}, _DISABLE) == [9]
    # a call on the upgrade branch too: its steps run on an upgrade
    upgraded = body.replace("1) echo upgrade", "1) stop_units")
    assert codes_at({"src/linux/scripts/afterRemoveRPM.sh": upgraded}, _DISABLE) == [3, 9]


def test_a_delete_on_purge_only_is_quiet_and_one_that_also_runs_on_upgrade_is_reported() -> None:
    purge = '#!/bin/sh\ncase "$1" in\n  purge)\n    rm -rf /var/lib/vendor\n    ;;\nesac\n'
    assert codes_at({"debian/postrm": purge}, "preflight.destructive_delete") == []
    both = purge.replace("  purge)", "  purge|upgrade)")
    assert codes_at({"debian/postrm": both}, "preflight.destructive_delete") == [4]


def test_every_upgrade_time_check_skips_a_removal_only_step() -> None:
    """World-writable modes, unguarded recursive deletes, dropped databases, profile changes and registry fetches
    under a purge branch run only on removal; the same steps under ``configure)`` are reported."""
    steps = (
        "    chmod 777 /var/lib/vendor\n"
        '    rm -rf $VENDOR_DIR/*\n'
        "    dropdb vendor\n"
        "    echo 'export PATH=$PATH:/opt/vendor/bin' >> /etc/profile\n"
        "    apt-get install -y vendor-cleanup\n"
    )
    removal = f'#!/bin/sh\ncase "$1" in\n  purge)\n{steps}    ;;\nesac\n'
    upgrade = f'#!/bin/sh\ncase "$1" in\n  configure)\n{steps}    ;;\nesac\n'
    codes = ("preflight.world_writable", "preflight.rm_rf_variable", "preflight.destructive_delete",
             "preflight.persistence", "preflight.implicit_egress")
    for code in codes:
        assert codes_at({"debian/postrm": removal}, code) == [], code
    assert {code: codes_at({"debian/postinst": upgrade}, code) != [] for code in codes} == dict.fromkeys(codes, True)
