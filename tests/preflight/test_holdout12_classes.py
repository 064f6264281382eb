"""Classes of mistakes the twelfth hold-out set found (tests/preflight/holdout12: upgrade scripts, scriptlets stored
as standalone files, backup/restore hooks and an agent installer), each as its minimal construct next to a near-miss
that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

# -- A: sudo found at run time (``maybe_sudo=$(command -v sudo)``) is escalation ---------------------------------


def test_a_an_escalator_looked_up_at_run_time_is_sudo() -> None:
    lines = (
        'maybe_sudo=""',
        'if [ "$(id -u)" != "0" ]; then',
        "  maybe_sudo=$(command -v sudo)",
        "  $maybe_sudo -k",
        "fi",
        "$maybe_sudo apt-get install -y vendor-agent",
        "echo ok | $maybe_sudo tee /etc/vendor.conf",
    )
    assert in_script("preflight.sudo_unavailable", *lines) == [8, 9]
    assert in_script("preflight.implicit_privilege", *lines) == []
    which = ("SUDO=`which doas`", "$SUDO apt-get install -y vendor-agent")
    assert in_script("preflight.sudo_unavailable", *which) == [4]


def test_a_a_looked_up_tool_that_does_not_escalate_is_not_sudo() -> None:
    lines = ("CURL=$(command -v curl)", "RUN=$(command -v sudo-wrapper)", "$RUN $CURL -fsSO x.tgz", "$CURL -fsSO y")
    assert in_script("preflight.sudo_unavailable", *lines) == []


# -- B: scriptlets under other spellings: RPM section names with the format, camelCase fpm names, build templates --

_SCRIPTLET = "#!/bin/sh\nset -e\nchkconfig --add vendor-agent\nservice vendor-agent start\n"


def test_b_scriptlets_named_for_their_format_or_templated_are_run_as_root() -> None:
    for path in (
        "contrib/rhel_post.sh",
        "src/linux/scripts/afterRemoveRPM.sh",
        "scripts/postinst-deb-systemd.sh",
        "pkg/beforeInstall.sh",
        "debian/vendor-agent.postinst.in",
        "debian/vendor-agent.config",
        "debian/vendor-agent.config.in",
    ):
        assert codes_at({path: _SCRIPTLET}, "preflight.root_assumed") == [1], path
        assert codes_at({path: _SCRIPTLET}, "preflight.implicit_privilege") == [], path


def test_b_a_vendor_hook_or_a_configure_input_is_not_a_scriptlet() -> None:
    for path in ("scripts/post_deploy.sh", "scripts/post.sh", "src/beforeInstall.sh", "config.in", "build/agent.in"):
        assert codes_at({path: _SCRIPTLET}, "preflight.root_assumed") == [], path
        assert codes_at({path: _SCRIPTLET}, "preflight.implicit_privilege") == [3, 4], path
