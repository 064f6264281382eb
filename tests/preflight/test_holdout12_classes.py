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
    quiet = ("SUDO=$(command -v sudo 2>/dev/null || true)", "$SUDO apt-get install -y vendor-agent")
    assert in_script("preflight.sudo_unavailable", *quiet) == [4]


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


# -- C: an unquoted expansion is split into fields: apt options kept in a variable reach apt one by one ----------


def test_c_apt_options_in_a_variable_are_the_options_apt_gets() -> None:
    lines = ('APT_ARGS=${APT_ARGS:-"--yes --auto-remove --allow-unauthenticated"}', "apt-get ${APT_ARGS} dist-upgrade")
    assert in_script("preflight.signature_verification_disabled", *lines) == [4]
    assert in_script("preflight.implicit_egress", *lines) == [4]


def test_c_a_quoted_expansion_or_other_options_stay_one_harmless_word() -> None:
    quoted = ('APT_ARGS="--yes --allow-unauthenticated"', 'apt-get "$APT_ARGS" dist-upgrade')
    assert in_script("preflight.signature_verification_disabled", *quoted) == []
    plain = ('APT_ARGS="--yes --no-install-recommends"', "apt-get $APT_ARGS install vendor-agent")
    assert in_script("preflight.signature_verification_disabled", *plain) == []
    assert in_script("preflight.implicit_egress", *plain) == [4]


# -- D: apt's option values are not its action, and a simulation changes nothing --------------------------------


def test_d_the_action_after_an_option_value_and_a_simulation() -> None:
    lines = (
        "apt-get --simulate --allow-unauthenticated -o Dpkg::Options::=--force-confold dist-upgrade",
        "apt-get --yes --option Dpkg::Options::=--force-confdef dist-upgrade",
    )
    assert in_script("preflight.implicit_egress", *lines) == [4]
    assert in_script("preflight.implicit_privilege", *lines) == [4]
    assert in_script("preflight.signature_verification_disabled", *lines) == []


def test_d_a_simulated_update_still_fetches_and_a_real_run_still_counts() -> None:
    lines = ("apt-get -s update", "apt-get -o APT::Get::AllowUnauthenticated=true install vendor-agent")
    assert in_script("preflight.implicit_egress", *lines) == [3, 4]
    assert in_script("preflight.signature_verification_disabled", *lines) == [4]


# -- E: a function that runs its arguments ("$@") runs the command in them: its disable is a disable ---------------

_RUNNER = (
    "do_and_check_cmd() {",
    '    output=$("$@" 2>&1) || { echo "failed: $*"; exit 1; }',
    "}",
)


def test_e_a_service_disabled_through_an_argument_runner() -> None:
    lines = (*_RUNNER, "do_and_check_cmd systemctl stop vendor-agent", "do_and_check_cmd systemctl disable vendor-a")
    assert in_script("preflight.service_disabled", *lines) == [7]


def test_e_a_runner_that_stops_or_enables_disables_nothing() -> None:
    lines = (*_RUNNER, "do_and_check_cmd systemctl stop vendor-a", "do_and_check_cmd systemctl enable vendor-a")
    assert in_script("preflight.service_disabled", *lines) == []


# -- F: a recursive rm of a variable under a test that it names an existing path is never rm of "" or / ------------


def test_f_rm_of_a_variable_tested_to_exist() -> None:
    lines = (
        'remove_path() { path=$1; if [ -e "$path" ]; then rm -rf "$path"; fi; }',
        '[ -d "$OLD_DIR" ] && rm -rf "$OLD_DIR"',
        'remove_path "$CACHE_DIR"',
    )
    assert in_script("preflight.rm_rf_variable", *lines) == []


def test_f_an_other_test_or_an_else_branch_guards_nothing() -> None:
    lines = (
        'if [ -n "$force" ]; then rm -rf $path; fi',
        'if [ -e "$marker" ]; then rm -rf $path; fi',
        'if [ -e "$path" ]; then echo kept; else rm -rf $path; fi',
        '[ ! -d "$OLD_DIR" ] && rm -rf $OLD_DIR',
    )
    assert in_script("preflight.rm_rf_variable", *lines) == [3, 4, 5, 6]


# -- G: mv removes its source: moving a system directory aside is a write there -----------------------------------


def test_g_moving_a_system_directory_aside_needs_root() -> None:
    lines = ('TMPDIR="$(mktemp -d)"', 'mv /etc/ldap/slapd.d "$TMPDIR"', 'mv /var/lib/ldap "$TMPDIR"')
    assert in_script("preflight.implicit_privilege", *lines) == [4, 5]


def test_g_moving_the_products_own_files_needs_nothing() -> None:
    lines = ('TMPDIR="$(mktemp -d)"', 'mv "$HOME/.vendor/cache" "$TMPDIR"', "mv ./build/agent ./dist/agent")
    assert in_script("preflight.implicit_privilege", *lines) == []


# -- H: data moved or copied aside is kept: deleting it afterwards (or in a rollback) is not destructive ----------


def test_h_data_set_aside_before_it_is_replaced() -> None:
    lines = (
        "rollback() { rm -rf /var/lib/ldap && mv /tmp/saved/ldap /var/lib/ldap; }",
        "mv /var/lib/ldap /tmp/saved",
        "slapadd -l backup.ldif || rollback",
    )
    assert in_script("preflight.destructive_delete", *lines) == []


def test_h_setting_aside_something_else_keeps_nothing_of_it() -> None:
    lines = ("cp -a /var/lib/vendor/config /tmp/saved", "rm -rf /var/lib/vendor")
    assert in_script("preflight.destructive_delete", *lines) == [4]


# -- I: a variable whose every value begins with a directory below / is never empty and never / ------------------


def test_i_a_variable_with_a_literal_directory_prefix() -> None:
    lines = ('TMPDIR="/tmp/$(date +%s)"', 'mkdir -p "$TMPDIR"', 'rm -rf "$TMPDIR"')
    assert in_script("preflight.rm_rf_variable", *lines) == []


def test_i_a_prefix_of_only_a_slash_or_an_unset_variable_is_still_risky() -> None:
    lines = ('WORK="/$(basename "$1")"', 'rm -rf "$WORK"', 'rm -rf $STAGING')
    assert in_script("preflight.rm_rf_variable", *lines) == [4, 5]


# -- J: a vendor's database updater that migrates with no verb (ZoneMinder's zmupdate.pl) ------------------------


def test_j_zmupdate_upgrades_the_schema_in_a_postinst() -> None:
    postinst = "#!/bin/sh\nset +e\nif [ \"$1\" = configure ]; then\n  zmupdate.pl --nointeractive\nfi\n"
    assert codes_at({"debian/zoneminder.postinst": postinst}, "preflight.hidden_migration") == [4]


def test_j_freshening_the_config_or_checking_for_a_release_migrates_nothing() -> None:
    postinst = "#!/bin/sh\nzmupdate.pl --nointeractive -f\nzmupdate.pl -c\nzmupdate.pl --help\n"
    assert codes_at({"debian/zoneminder.postinst": postinst}, "preflight.hidden_migration") == []
