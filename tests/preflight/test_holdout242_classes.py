"""Classes the two-hundred-and-forty-second hold-out set showed (tests/preflight/holdout242: shell installers and
updaters of self-hosted products), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

PRIVILEGE = "preflight.implicit_privilege"

# -- A: /run/lock is world-writable with the sticky bit (like /tmp): a lock file there needs no root -------------


def test_a_a_lock_file_in_the_shared_lock_directory_needs_no_root() -> None:
    assert in_script(PRIVILEGE, "exec 9>/run/lock/app-update.lock", "flock -n 9 || exit 0") == []
    assert in_script(PRIVILEGE, "touch /var/lock/app.lock") == []
    assert in_script(PRIVILEGE, "echo $$ > /var/run/lock/app.pid") == []


def test_a_the_rest_of_run_stays_root_only() -> None:
    assert in_script(PRIVILEGE, "echo $$ > /run/app.pid") == [3]
    assert in_script(PRIVILEGE, "mkdir -p /var/run/app") == [3]
    assert in_script(PRIVILEGE, "touch /run/lockfile") == [3]
    assert in_script(PRIVILEGE, "mkdir -p /run/lock") == [3]  # the lock directory itself is made in /run


# -- B: ``systemctl reset-failed UNIT`` changes the system manager's state, as restart does ----------------------


def test_b_reset_failed_of_a_system_unit_needs_root() -> None:
    assert in_script(PRIVILEGE, "systemctl reset-failed app.service") == [3]


def test_b_a_user_unit_or_a_status_query_stays_quiet() -> None:
    assert in_script(PRIVILEGE, "systemctl --user reset-failed app.service") == []
    assert in_script(PRIVILEGE, "systemctl is-failed app.service") == []
    assert in_script(PRIVILEGE, "service app status") == []


# -- C: a chmod of the file the run put in a directory it tested for writability ---------------------------------

_PICK = (
    'if [ -w "/usr/local/bin" ] || [ "$(id -u)" -eq 0 ]; then BIN_DIR=/usr/local/bin; '
    'else BIN_DIR="$HOME/.local/bin"; fi'
)


def test_c_chmod_in_a_writability_tested_bin_directory_is_quiet() -> None:
    lines = (_PICK, 'cp app "${BIN_DIR}/app"', 'chmod 0755 "${BIN_DIR}/app"')
    assert in_script(PRIVILEGE, *lines) == []


def test_c_chmod_under_an_untested_system_directory_is_still_reported() -> None:
    assert in_script(PRIVILEGE, "chmod 0755 /usr/local/bin/app") == [3]
    assert in_script(PRIVILEGE, '[ -w "$HOME/bin" ] && cp app "$HOME/bin/"', "chmod 0755 /usr/local/bin/app") == [4]
