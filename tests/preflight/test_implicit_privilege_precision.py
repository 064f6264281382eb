"""`implicit_privilege` false findings the hold-outs showed where the reader was wrong (h283, session 28): each
construct next to the nearest input that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

_PRIVILEGE = "preflight.implicit_privilege"


def _found(script: str, name: str = "install.sh") -> list[int]:
    return codes_at({name: "#!/bin/bash\n" + script}, _PRIVILEGE)


# -- commands that fail before they change anything (idle_steps) -----------------------------------------------------


def test_chown_with_an_owner_and_no_file_changes_nothing() -> None:
    assert _found("useradd -m backup\nchown backup.service\n") == [2]  # holdout157: a missing operand


def test_chown_of_a_file_is_still_reported() -> None:
    assert _found("useradd -m backup\nchown backup backup.service\n") == [2, 3]


def test_chown_through_xargs_gets_its_files_from_input() -> None:
    assert _found("find /data | xargs -n1 chown app:app\n") == [2]


def test_mv_of_a_file_into_the_directory_it_is_in_moves_nothing() -> None:
    assert _found("mv /usr/local/bin/ovpn.sh /usr/local/bin\n") == []  # holdout171: "are the same file"


def test_mv_into_another_system_directory_is_still_reported() -> None:
    assert _found("mv /usr/local/bin/ovpn.sh /usr/bin\n") == [2]
    assert _found("mv ovpn.sh /usr/local/bin\n") == [2]


# -- restorecon of the invoking account's own files ------------------------------------------------------------------


def test_restorecon_of_a_path_in_the_home_directory_needs_no_root() -> None:
    assert _found("APP_LOCATION=~/html\n/usr/sbin/restorecon -R $APP_LOCATION\n") == []  # holdout82
    assert _found('restorecon -R "$HOME/site"\n') == []


def test_restorecon_of_a_system_path_is_still_reported() -> None:
    assert _found("restorecon -R /var/www/html\n") == [2]
    assert _found("restorecon -R ~/html /etc/nginx\n") == [2]


# -- an rm under a path the script tests for writability -------------------------------------------------------------

_GUARDED_RM = (
    'BINARY_PATH="/usr/local/bin/tool"\n'
    'if [ -w "$BINARY_PATH" ] || [ -w "$(dirname "$BINARY_PATH")" ]; then\n'
    '    rm -f "$BINARY_PATH"\n'  # 4
    "else\n"
    '    sudo rm -f "$BINARY_PATH"\n'
    "fi\n"
)


def test_rm_of_a_path_tested_with_w_is_not_reported() -> None:
    assert _found(_GUARDED_RM) == []  # holdout52's claude-cowork uninstall


def test_rm_of_a_system_path_with_no_writability_test_is_still_reported() -> None:
    assert _found(_GUARDED_RM.replace('[ -w "$BINARY_PATH" ] || [ -w "$(dirname "$BINARY_PATH")" ]', "true")) == [4]


# -- a shell test of two literals that differ (a make variable the Makefile fixes) -----------------------------------

_MAKEFILE = (
    "VKBD=uinput\n"
    "PREFIX=/usr/local\n"
    "install:\n"
    '\t@if [ "$(VKBD)" = "usb-gadget" ]; then \\\n'
    "\t\tinstall -Dm755 src/usb-gadget.sh $(DESTDIR)$(PREFIX)/bin/keyd-usb-gadget.sh; \\\n"  # 5
    "\tfi\n"
)


def test_a_recipe_branch_whose_literal_test_never_holds_is_not_reported() -> None:
    assert codes_at({"Makefile": _MAKEFILE}, _PRIVILEGE) == []  # holdout36's keyd


def test_a_recipe_branch_whose_literal_test_holds_is_still_reported() -> None:
    assert codes_at({"Makefile": _MAKEFILE.replace("VKBD=uinput", "VKBD=usb-gadget")}, _PRIVILEGE) == [5]


# -- a chown to the invoking user unless root runs the script (runner_owners) ----------------------------------------

_ADAPTS = (
    'uid="$(id -u)"\n'
    'if [ "$uid" = 0 ]; then\n'
    '    user=www-data\n'
    'else\n'
    '    user="$uid"\n'
    'fi\n'
    'chown "$user" /var/www/html/.htaccess\n'  # 8
)


def test_chown_to_a_variable_that_is_the_invoking_user_unless_root_is_not_reported() -> None:
    assert _found(_ADAPTS) == []  # holdout49's Joomla entrypoint


def test_chown_to_a_variable_that_names_an_account_for_every_run_is_still_reported() -> None:
    assert _found(_ADAPTS.replace('user="$uid"', 'user=nobody')) == [8]


_PREDICATE = (
    'set_owner() {\n'
    '    chown -R "${userid}":"${groupid}" /data\n'  # 3
    '}\n'
    'if running_as_root; then\n'
    '    userid="neo4j"; groupid="neo4j"\n'
    'else\n'
    '    userid="$(id -u)"; groupid="$(id -g)"\n'
    'fi\n'
    'set_owner\n'
)


def test_chown_in_a_function_to_the_arms_of_a_root_predicate_is_not_reported() -> None:
    assert _found(_PREDICATE) == []  # holdout93's Neo4j: the predicate is in a sourced file
    assert _found(_PREDICATE.replace('userid="$(id -u)"', 'userid=app')) == [3]


def test_a_chown_inside_the_arm_that_names_the_account_is_still_reported() -> None:
    inside = (
        'if [ -n "$SELF" ]; then\n'
        '    owner="$(id -u)"\n'
        'else\n'
        '    owner=app\n'
        '    chown -R "$owner" /var/lib/app\n'  # 6
        'fi\n'
    )
    assert _found(inside) == [6]


# -- a state folder the script's own chown gave an account is that account's from then on (start_scripts) ----------
# (an appliance's PostgreSQL migration: ``chown -R postgres:postgres /var/lib/postgresql`` and then the script's
# snapshots, moves and removals inside it; the corpus rule: /var/lib/<product>/ counts unless the account owns it)


def test_writes_inside_a_folder_the_script_chowned_to_an_account_are_the_accounts() -> None:
    found = in_script(
        _PRIVILEGE,
        "chown -R postgres:postgres /var/lib/postgresql",
        "mkdir -p /var/lib/postgresql/lib.snapshot",
        "rsync -a /var/lib/postgresql/lib/ /var/lib/postgresql/lib.snapshot/",
        "mv /var/lib/postgresql/lib /var/lib/postgresql/lib.bak",
        "rm -rf /var/lib/postgresql/lib.bak",
    )
    assert found == [3]  # the chown itself stays the root-only step


def test_writes_before_the_chown_stay_root_only() -> None:
    found = in_script(
        _PRIVILEGE,
        "mkdir -p /var/lib/postgresql/lib.snapshot",
        "chown -R postgres:postgres /var/lib/postgresql",
    )
    assert found == [3, 4]


def test_folder_chowned_to_root_stays_root_only() -> None:
    found = in_script(_PRIVILEGE, "chown -R root:root /var/lib/app", "mkdir -p /var/lib/app/data")
    assert found == [3, 4]


def test_writes_outside_the_chowned_folder_stay_root_only() -> None:
    found = in_script(
        _PRIVILEGE,
        "chown -R postgres:postgres /var/lib/postgresql",
        "mkdir -p /var/lib/other/data",
        "cp /var/lib/postgresql/13.dump /etc/backup.dump",
        "rm -rf /var/lib/postgresql",
    )
    assert found == [3, 4, 5, 6]


def test_an_owner_known_only_at_run_time_gives_nothing() -> None:
    found = in_script(_PRIVILEGE, 'chown -R "$OWNER" /var/lib/app', "touch /var/lib/app/ready")
    assert found == [3, 4]
