"""Classes of mistakes the twentieth hold-out set found (tests/preflight/holdout20), each as its minimal construct
next to a near-miss that must stay quiet (or stay reported)."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

SECRET = "preflight.secret_printed"


def _entrypoint(shebang: str, *lines: str) -> list[int | None]:
    return codes_at({"docker/entrypoint.sh": "\n".join((shebang, *lines)) + "\n"}, SECRET)


def test_a_shebang_with_x_traces_every_command_from_the_first_line() -> None:
    # Kimai's ``#!/bin/bash -x``: the container log shows the password the command takes
    assert _entrypoint("#!/bin/bash -x", 'until php /dbtest.php "$DB_HOST" "$DB_PASSWORD"; do sleep 3; done') == [2]
    assert _entrypoint("#!/bin/sh -ex", 'mysql -uroot -p"$MYSQL_ROOT_PASSWORD" -e "select 1"') == [2]
    # near-misses: -e alone traces nothing; a password only written to a file is not printed
    assert _entrypoint("#!/bin/bash -e", 'mysql -uroot -p"$MYSQL_ROOT_PASSWORD" -e "select 1"') == []
    assert _entrypoint("#!/bin/bash -x", "cat /run/secrets/db > /etc/app/db.conf") == []


def test_a_function_that_switches_tracing_off_prints_nothing_until_it_switches_it_on() -> None:
    body = [
        "keep_secret() {",
        "  { set +x; } 2>/dev/null",
        '  if [ -n "$APP_SECRET" ]; then',
        "    set -x",
        "    return",
        "  fi",
        '  echo "APP_SECRET=$APP_SECRET" > /opt/app/.env.local',
        '  mysql -p"$DB_PASSWORD" -e "select 1"',
        "  set -x",
        '  mysql -p"$DB_PASSWORD" -e "select 2"',
        "}",
        "keep_secret",
    ]
    # only the command after the function's own ``set -x`` (the one before ``return`` leaves the function) is traced
    assert _entrypoint("#!/bin/bash -x", *body) == [11]
    # near-miss: without the ``set +x`` every command in the function is traced (the test, the echo, both mysql;
    # lines shift); one finding for the whole trace, at its first traced line (session 30)
    assert _entrypoint("#!/bin/bash -x", *(line for line in body if "set +x" not in line)) == [3]


def test_set_x_prints_a_secret_each_time_a_command_takes_it() -> None:
    # LibreSpeed's two sed branches each write $IPINFO_APIKEY into a PHP file with tracing on
    twice = [
        "set -x",
        "sed -i s/KEY/$IPINFO_APIKEY/g /var/www/html/backend/key.php",
        "sed -i s/KEY/$IPINFO_APIKEY/g /var/www/html/key.php",
    ]
    assert in_script(SECRET, *twice) == [3]  # at its set -x (session 30)
    # near-miss: a secret read into a variable while tracing is reported once, where its assignment is traced
    read = ["set -x", 'token="$(cat /run/secrets/t)"', 'curl -H "X: $token" https://a.vendor.io', 'curl -H "$token" b']
    assert in_script(SECRET, *read) == [3]


def test_su_to_an_account_without_privilege_or_password_is_a_drop() -> None:
    # wallabag's entrypoint runs the app console as nobody; only root can do that, and it gains nothing
    drop = ['su -c "php bin/console wallabag:install --env=prod -n" -s /bin/sh nobody']
    assert in_script("preflight.sudo_unavailable", *drop) == []
    assert in_script("preflight.sudo_unavailable", "su www-data -s /bin/sh -c 'php occ upgrade'") == []
    # near-misses: a service account with a password (holdout8), su to root, an interactive su to nobody
    assert in_script("preflight.sudo_unavailable", "su - postgres -c 'createdb app'") == [3]
    assert in_script("preflight.sudo_unavailable", "su -c 'apt-get -y install app'") == [3]
    assert in_script("preflight.sudo_unavailable", "su nobody") == []  # no command: gains no root (session 30)


def test_an_elif_root_branch_and_the_functions_only_it_calls_run_as_root() -> None:
    # Mealie: ``elif [ "$(id -u)" = "0" ]`` changes the account's ids and chowns, then re-executes itself via gosu
    mealie = [
        "add_user() {",
        '  usermod -o -u "$PUID" abc',
        "}",
        'if [ "$(id -u)" = "$PUID" ]; then',
        "  echo ready",
        'elif [ "$(id -u)" = "0" ]; then',
        "  add_user",
        "  chown -R abc /app",
        "fi",
    ]
    assert in_script("preflight.implicit_privilege", *mealie) == []
    # near-misses: the same function also called outside the branch, an elif that tests something else
    assert in_script("preflight.implicit_privilege", *mealie, "add_user") == [4]
    other = [line.replace('"$(id -u)" = "0"', '-n "$PUID"') for line in mealie]
    assert in_script("preflight.implicit_privilege", *other) == [4, 10]


def test_a_framework_entry_script_run_as_a_program_migrates_as_under_php() -> None:
    # wallabag's ``migrate`` command: ``su -c "bin/console doctrine:migrations:migrate …" -s /bin/sh nobody``
    wallabag = 'exec su -c "bin/console doctrine:migrations:migrate --env=prod --no-interaction" -s /bin/sh nobody'
    assert in_script("preflight.hidden_migration", wallabag) == [3]
    assert in_script("preflight.hidden_migration", "./artisan migrate --force") == [3]
    # near-misses: other console commands, a migration status query
    assert in_script("preflight.hidden_migration", "bin/console doctrine:migrations:status") == []
    assert in_script("preflight.hidden_migration", "bin/console cache:clear --env=prod") == []
    assert in_script("preflight.hidden_migration", "./artisan migrate:status") == []


def test_a_uid_test_inside_a_function_the_script_branches_on_is_a_root_check() -> None:
    # AdGuard Home: ``is_root`` returns 0 for root; ``if ! is_root; then rerun_with_root; fi`` re-runs or exits
    adguard = [
        "is_root() {",
        '  if [ "$( id -u )" -eq 0 ]; then',
        "    return 0",
        "  fi",
        "  return 1",
        "}",
        "rerun() {",
        "  echo 'run me as root' >&2",
        "  exit 1",
        "}",
        "if ! is_root; then",
        "  rerun",
        "fi",
        "mkdir -p /usr/local/etc/rc.d",
    ]
    assert in_script("preflight.root_assumed", *adguard) == [4]
    assert in_script("preflight.implicit_privilege", *adguard) == []
    # near-misses: a branch that goes on without root, a function whose uid test does not decide its result
    goes_on = [line.replace("  rerun", "  echo 'not root'") for line in adguard]
    assert in_script("preflight.implicit_privilege", *goes_on) == [16]
    logs_only = [line.replace("return 0", "echo root") for line in adguard]
    assert in_script("preflight.root_assumed", *logs_only) == []


def test_shadow_converters_groupmod_and_a_system_directory_itself_need_root() -> None:
    # Kimai appends an account to /etc/passwd and /etc/group, then runs pwconv/grpconv; n8n opens /root to others
    assert in_script("preflight.implicit_privilege", "grpconv") == [3]
    assert in_script("preflight.implicit_privilege", "pwconv") == [3]
    assert in_script("preflight.implicit_privilege", 'groupmod -o -g "$PGID" abc') == [3]
    assert in_script("preflight.implicit_privilege", "chmod o+rx /root") == [3]
    # near-misses: a directory that only starts like a system one, one under the user's home
    assert in_script("preflight.implicit_privilege", "chmod o+rx /rootfs-build") == []
    assert in_script("preflight.implicit_privilege", 'chmod 700 "$HOME/.n8n"') == []


def test_set_x_traces_a_test_of_a_secret_with_its_value() -> None:
    # LibreSpeed: ``if [ ! -z "$IPINFO_APIKEY" ]; then`` prints ``+ '[' '!' -z <key> ']'`` into the log
    assert in_script(SECRET, "set -x", 'if [ ! -z "$IPINFO_APIKEY" ]; then', "  echo set", "fi") == [3]
    assert in_script(SECRET, "set -x", '[[ -n $DB_PASSWORD ]] && echo set') == [3]
    # near-misses: no tracing, a test of a variable that is not a secret, a test before ``set -x``
    assert in_script(SECRET, 'if [ ! -z "$IPINFO_APIKEY" ]; then', "  echo set", "fi") == []
    assert in_script(SECRET, "set -x", 'if [ "$MODE" = standalone ]; then', "  echo set", "fi") == []
    assert in_script(SECRET, '[ -n "$DB_PASSWORD" ] && echo set', "set -x") == []


def test_rm_of_a_path_ending_in_a_variable_that_always_names_an_entry_cannot_reach_root() -> None:
    # File Browser: ``rm -rf "$PREFIX/tmp/$filemanager_file"``; PREFIX is unset off Termux, the file name never is
    named = ['file="${os}-$arch-filemanager$ext"', 'rm -rf "$PREFIX/tmp/$file"']
    assert in_script("preflight.rm_rf_variable", *named) == []
    # near-misses: the last variable taken from an argument, from a command, or a bare glob; never assigned
    assert in_script("preflight.rm_rf_variable", 'file="$1"', 'rm -rf "$PREFIX/tmp/$file"') == [4]
    assert in_script("preflight.rm_rf_variable", "file=$(ls)", 'rm -rf "$PREFIX/$file"') == [4]
    assert in_script("preflight.rm_rf_variable", 'file="*"', 'rm -rf "$PREFIX/$file"') == [4]
    assert in_script("preflight.rm_rf_variable", 'rm -rf "$PREFIX/tmp/$file"') == [3]


def test_an_account_word_glued_to_pass_names_a_password() -> None:
    # Kimai: ``kimai:user:create admin "$ADMINMAIL" ROLE_SUPER_ADMIN "$ADMINPASS"`` under ``#!/bin/bash -x``
    assert _entrypoint("#!/bin/bash -x", 'console user:create admin "$ADMINPASS"') == [2]
    assert _entrypoint("#!/bin/bash -x", 'mysql -uroot -p"$MYSQLPASS" -e "select 1"') == [2]
    # near-misses: words that only end in "pass", a file holding the password
    assert _entrypoint("#!/bin/bash -x", 'route add "$BYPASS" "$COMPASS"') == []
    assert _entrypoint("#!/bin/bash -x", 'cat "$ADMINPASS_FILE"') == []
