"""Classes of misses and false findings that remained across the hold-out sets (tests/preflight/holdout*/) after
each set's own round, each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at, script

# -- fpm's scriptlet names (``beforeInstall.sh``, ``post-install.sh``) with both dpkg's and rpm's tools -------------

_BOTH = script(
    'if [ -f /etc/debian_version ]; then update-rc.d vendor-agent defaults; else chkconfig --add vendor-agent; fi',
    "cp -f /usr/lib/vendor/vendor-agent.service /lib/systemd/system/vendor-agent.service",
)


def test_an_fpm_named_scriptlet_for_deb_and_rpm_runs_as_root() -> None:
    for path in ("scripts/post-install.sh", "src/linux/scripts/beforeInstall.sh", "scripts/after_upgrade.sh"):
        assert codes_at({path: _BOTH}, "preflight.root_assumed") == [1], path
        assert codes_at({path: _BOTH}, "preflight.implicit_privilege") == [], path
    queried = script("VERSION=$(dpkg-query -W -f='${Version}' vendor || rpm -q vendor)", "cp x /etc/vendor/x")
    assert codes_at({"scripts/beforeInstall.sh": queried}, "preflight.root_assumed") == [1]


def test_an_fpm_name_alone_or_one_package_system_is_a_vendor_hook() -> None:
    one = script("chkconfig --add vendor-agent", "cp -f a.service /lib/systemd/system/a.service")
    assert codes_at({"scripts/post-install.sh": one}, "preflight.root_assumed") == []
    assert codes_at({"scripts/post-install.sh": one}, "preflight.implicit_privilege") == [3, 4]
    # an installer of either system's packages (apt-get or yum) is any installer
    deps = script("apt-get install -y jq || yum install -y jq")
    assert codes_at({"scripts/post-install.sh": deps}, "preflight.root_assumed") == []
    # both systems' tools in a file not named as a scriptlet
    assert codes_at({"scripts/setup.sh": _BOTH}, "preflight.root_assumed") == []
