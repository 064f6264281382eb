"""Classes of mistakes the thirty-third hold-out set found (tests/preflight/holdout33: vendors' own package
scriptlets, kept under names and in folders fpm, nfpm and electron-builder accept), each as its minimal construct
next to a near-miss that must stay an ordinary script."""

from __future__ import annotations

from preflight_kit import codes_at

ROOT = "preflight.root_assumed"
IMPLICIT = "preflight.implicit_privilege"

# -- A: a script named for a package phase that tests what the package manager passes as $1 -----------------------

_BEFORE_REMOVE = (
    "#!/usr/bin/env bash\n"
    "set -eu\n"
    'if [ "$1" -gt 0 ]; then\n'  # rpm: versions left after the erase (an upgrade)
    "    exit 0\n"
    "fi\n"
    "systemctl disable vendor-daemon.service || true\n"
)


def test_a_a_phase_named_script_testing_the_package_argument_is_a_scriptlet() -> None:
    for path in ("dist-assets/linux/before-remove.sh", "build/afterRemove.sh", "scripts/pre_remove.sh"):
        assert codes_at({path: _BEFORE_REMOVE}, ROOT) == [1], path
        assert codes_at({path: _BEFORE_REMOVE}, IMPLICIT) == [], path
    dpkg = _BEFORE_REMOVE.replace('[ "$1" -gt 0 ]', '[[ "$1" == "upgrade" ]]')
    assert codes_at({"dist-assets/linux/before-remove.sh": dpkg}, ROOT) == [1]
    case = '#!/bin/sh\ncase "$1" in\n  purge) rm -f /etc/vendor.conf ;;\nesac\nsystemctl stop vendor-daemon\n'
    assert codes_at({"contrib/after-remove.sh": case}, ROOT) == [1]


def test_a_an_ordinary_name_or_an_argument_that_is_no_package_action_stays_ordinary() -> None:
    # the same steps under a name that is no phase; a hook testing its own words ("install", a flag) or $2
    assert codes_at({"dist-assets/linux/cleanup.sh": _BEFORE_REMOVE}, ROOT) == []
    assert codes_at({"dist-assets/linux/cleanup.sh": _BEFORE_REMOVE}, IMPLICIT) == [6]
    for test in ('[ "$1" = "install" ]', '[ "$1" = "--force" ]', '[ "$2" -gt 0 ]', '[ "$#" -gt 0 ]'):
        hook = _BEFORE_REMOVE.replace('[ "$1" -gt 0 ]', test)
        assert codes_at({"scripts/before-remove.sh": hook}, ROOT) == [], test
        assert codes_at({"scripts/before-remove.sh": hook}, IMPLICIT) == [6], test


# -- B: an after-install script that registers the service it ships to start at boot ------------------------------

_AFTER_INSTALL = (
    "#!/bin/bash\n"
    "SCRIPT_DIR=/usr/lib/vendor/scripts\n"
    "cp -f $SCRIPT_DIR/vendor.service /lib/systemd/system/vendor.service\n"
    "{enable}\n"
)


def test_b_an_after_install_script_that_enables_its_service_is_a_scriptlet() -> None:
    for enable in ("systemctl enable vendor", "update-rc.d vendor defaults", "chkconfig --add vendor"):
        for path in ("scripts/post-install.sh", "dist-assets/linux/after-install.sh", "src/afterInstall.sh"):
            files = {path: _AFTER_INSTALL.format(enable=enable)}
            assert codes_at(files, ROOT) == [1], (path, enable)
            assert codes_at(files, IMPLICIT) == [], (path, enable)


def test_b_a_hook_that_does_not_enable_a_service_or_another_phase_stays_ordinary() -> None:
    # an npm-style post-install hook that restarts (no boot registration), and a pre-install/upgrade that enables
    restart = {"scripts/post-install.sh": _AFTER_INSTALL.format(enable="systemctl restart vendor")}
    assert codes_at(restart, ROOT) == []
    assert codes_at(restart, IMPLICIT) == [3, 4]
    for path in ("scripts/before-install.sh", "scripts/post-upgrade.sh", "scripts/install.sh"):
        files = {path: _AFTER_INSTALL.format(enable="systemctl enable vendor")}
        assert codes_at(files, ROOT) == [], path
        assert codes_at(files, IMPLICIT) == [3, 4], path


# -- C: a scriptlet named for its phase by its last suffix in a packaging folder (fpm --after-upgrade's .postup) ---

_RESTART = "#!/bin/sh\nif command -v systemctl > /dev/null; then\n    systemctl restart vendor-server\nfi\n"


def test_c_a_phase_suffix_in_a_packaging_folder_is_a_scriptlet() -> None:
    for path in ("etc/hooks/rpm/vendor-server.postup", "rpm/vendor.preun", "packaging/deb/vendor.postun"):
        assert codes_at({path: _RESTART}, ROOT) == [1], path
        assert codes_at({path: _RESTART}, IMPLICIT) == [], path


def test_c_the_suffix_elsewhere_or_another_suffix_stays_ordinary() -> None:
    for path in ("etc/hooks/vendor-server.postup", "rpm/vendor.post", "rpm/vendor.setup", "rpm/postup"):
        assert codes_at({path: _RESTART}, ROOT) == [], path


# -- D: in a whole package, a folder holding both an install-side and a removal-side phase script is fpm's set -----

_BEFORE_INSTALL = (
    "#!/bin/bash\n"
    "if [ -f /var/tmp/vendor/variables.env ]; then\n"
    "    cp /var/tmp/vendor/variables.env /etc/vendor/\n"  # restored on upgrade: a write under /etc
    "fi\n"
)
_AFTER_REMOVE = "#!/bin/bash\nrm -f /etc/vendor/variables.env\n"


def test_d_a_phase_script_beside_the_other_side_s_phase_is_a_scriptlet() -> None:
    for before, after in (
        ("src/linux/scripts/beforeInstall.sh", "src/linux/scripts/afterRemoveDEB.sh"),
        ("scripts/pre-install.sh", "scripts/post-uninstall.sh"),
        ("build/linux/before-install", "build/linux/postrm"),
    ):
        files = {before: _BEFORE_INSTALL, after: _AFTER_REMOVE}
        assert codes_at(files, IMPLICIT) == [], before
        assert codes_at(files, ROOT) == [1], before  # one finding for the package's scriptlets


def test_d_install_hooks_alone_or_a_removal_note_elsewhere_stay_ordinary() -> None:
    for other in ("scripts/post-install.sh", "scripts/after-success.sh", "scripts/post-uninstall.md", "x/post-rm.sh"):
        files = {"scripts/before-install.sh": _BEFORE_INSTALL, other: _AFTER_REMOVE}
        assert codes_at(files, ROOT) == [], other
        assert 3 in codes_at(files, IMPLICIT), other  # the cp into /etc of before-install.sh
