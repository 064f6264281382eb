"""Classes the forty-fifth hold-out set showed (tests/preflight/holdout45: installers, self-updaters and container
entrypoints of projects picked at random), each as its minimal construct next to a near-miss that must stay quiet
or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
RM_RF = "preflight.rm_rf_variable"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: find's -exec action edits the files find walks: {} stands for a path under the starting point ---------------

EDITS_FOUND_FILES = _text(
    "#!/bin/sh",  # 1
    "find /etc/php*/ -type f -name php.ini -exec sed -r -i 's#^;?memory_limit.*#memory_limit = 1G#' {} \\;",  # 2
    "find /etc/apache2/ -type f -name site.conf -exec sed -i 's/^Listen.*/Listen 8080/' {} +",  # 3
)


def test_a_a_find_exec_edit_under_etc_needs_root() -> None:
    assert codes_at({"docker-entrypoint.sh": EDITS_FOUND_FILES}, PRIVILEGE) == [2, 3]


def test_a_near_miss_a_find_exec_that_reads_or_edits_the_users_own_tree_or_removes_what_it_finds() -> None:
    quiet = _text(
        "#!/bin/sh",
        "find /etc/php*/ -type f -name php.ini -exec grep -H memory_limit {} \\;",  # reads only
        'find "$HOME/.app" -type f -name "*.conf" -exec sed -i s/a/b/ {} \\;',  # the user's own files
        "find . -name '*.orig' -exec sed -i s/a/b/ {} +",  # the working directory
    )
    assert codes_at({"docker-entrypoint.sh": quiet}, PRIVILEGE) == []
    # a file found under / is removed, not / itself: no unguarded recursive delete of the root
    assert codes_at({"upgrade.sh": _text("#!/bin/sh", "find / -name CVS -exec rm -fr {} \\;")}, RM_RF) == []
    # stale entries find selects under a data directory are removed, not the directory's data
    stale = _text("#!/bin/sh", "find /var/lib/app -maxdepth 1 -name 'app-*' -type d -exec rm -rf \"{}\" \\;")
    assert codes_at({"etc/init.d/app": stale}, "preflight.destructive_delete") == []


# -- B: chown to the ids the script stored from id -u / id -g keeps the files the invoker's own ----------------------

OWN_IDS = _text(
    "#!/bin/bash",  # 1
    "set_permissions() {",  # 2
    '    local owner="$(id -u)"',  # 3
    '    local group="$(id -g)"',  # 4
    "    chown -R $owner:$group /var/www/html",  # 5
    "}",  # 6
    "set_permissions",  # 7
)


def test_b_chown_to_variables_holding_the_invokers_ids_needs_no_root() -> None:
    assert codes_at({"docker-entrypoint.sh": OWN_IDS}, PRIVILEGE) == []


def test_b_near_miss_a_stored_service_account_or_an_environment_user_is_another_account() -> None:
    other = _text(
        "#!/bin/bash",  # 1
        'owner="$(id -u)"',  # 2
        "group=www-data",  # 3
        "chown -R $owner:$group /var/www/html",  # 4: the group is another account's
        'chown -R "$APP_USER":"$APP_USER" /uploads',  # 5: an account the environment names
        'chown "$USER":"$USER" /conf/.env',  # 6: not assigned here: the container's configured account
    )
    assert codes_at({"docker-entrypoint.sh": other}, PRIVILEGE) == [4, 5, 6]


# -- C: a fallback for an empty variable, also written as a comparison with "", that holds a URL with a password ----

DEFAULT = "preflight.default_credential"
HARDCODED = "preflight.hardcoded_credential"

URL_FALLBACKS = _text(
    "#!/bin/sh",  # 1
    'if [ "$CMD_DB_URL" = "" ]; then',  # 2
    '    CMD_DB_URL="postgres://app:s3cret@database:5432/app"',  # 3
    "fi",  # 4
    'if [ -z "$BROKER_URL" ]; then',  # 5
    '    BROKER_URL="amqp://app:s3cret@rabbit:5672/"',  # 6
    "fi",  # 7
    'if [[ "${ADMIN_PASSWORD}" == "" ]]; then',  # 8
    "    ADMIN_PASSWORD=s3cret",  # 9
    "fi",  # 10
)


def test_c_a_fallback_url_with_a_password_is_a_default_credential() -> None:
    files = {"docker-entrypoint.sh": URL_FALLBACKS}
    assert codes_at(files, DEFAULT) == [3, 6, 9]
    assert codes_at(files, HARDCODED) == []


def test_c_near_miss_a_url_set_outright_or_with_no_password_or_a_comparison_with_a_value() -> None:
    files = {
        "docker-entrypoint.sh": _text(
            "#!/bin/sh",  # 1
            'DB_URL="postgres://app:s3cret@database:5432/app"',  # 2: always set: hard-coded, not a default
            'if [ -z "$CACHE_URL" ]; then',  # 3
            '    CACHE_URL="redis://cache:6379/0"',  # 4: no password
            "fi",  # 5
            'if [ "$MODE" = "" ]; then',  # 6
            '    BACKUP_URL="postgres://app:s3cret@database:5432/app"',  # 7: another variable's test
            "fi",  # 8
            'if [ "$ADMIN_PASSWORD" = "x" ]; then',  # 9
            "    ADMIN_PASSWORD=s3cret",  # 10: a comparison with a value, not with nothing
            "fi",  # 11
        )
    }
    assert codes_at(files, DEFAULT) == []
    assert codes_at(files, HARDCODED) == [2, 7, 10]


# -- D: an interpreter given an application script and the bare verb migrate ---------------------------------------

MIGRATION = "preflight.hidden_migration"


def test_d_an_application_script_told_to_migrate_is_a_hidden_migration() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "php /var/www/html/command.php migrate",  # 2
        "python3 tools/app.py migrate",  # 3
    )
    assert codes_at({"docker-entrypoint.sh": script}, MIGRATION) == [2, 3]


def test_d_near_miss_another_verb_a_migrate_like_word_or_no_script() -> None:
    quiet = _text(
        "#!/bin/sh",
        "php /var/www/html/command.php rebuild",
        "php /var/www/html/command.php migrate-files",  # not the bare verb
        "php -r 'echo 1;' migrate",  # no application script
        "echo php command.php migrate",
    )
    assert codes_at({"docker-entrypoint.sh": quiet}, MIGRATION) == []
