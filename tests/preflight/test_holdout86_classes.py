"""Classes the eighty-sixth hold-out set showed (tests/preflight/holdout86: installers, self-hosted update scripts
and container entrypoints picked at random), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
MIGRATION = "preflight.hidden_migration"
PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an application script told by a long option to update its schema ------------------------------------------


def test_a_script_given_a_schema_update_option_is_a_hidden_migration() -> None:
    start = _text(
        "#!/bin/sh -e",  # 1
        "DST_DIR=/var/www/html/app",  # 2
        "php83 $DST_DIR/update.php --update-schema=force-yes",  # 3
        "php /srv/app/cli.php --upgrade-db",  # 4
        "exec php-fpm83 --nodaemonize",  # 5
    )
    assert codes_at({"startup.sh": start}, MIGRATION) == [3, 4]


def test_near_miss_a_other_options_a_declined_update_and_the_interpreters_own_option_stay_quiet() -> None:
    start = _text(
        "#!/bin/sh -e",  # 1
        "php83 /srv/app/update.php --feeds --quiet",  # 2
        "php83 /srv/app/update.php --update-schema=no",  # 3
        "php83 /srv/app/update.php --update-schema --help",  # 4
        "php83 /srv/app/update.php --user-check-password admin:x",  # 5
        "curl --update-schema https://example.com/x.php",  # 6
    )
    assert codes_at({"startup.sh": start}, MIGRATION) == []


# -- C: an entry right in /var removed, or a link put in its place --------------------------------------------------


def test_c_removing_or_linking_an_entry_of_var_needs_root() -> None:
    entrypoint = _text(
        "#!/usr/bin/env sh",  # 1
        "cd /usr/local/share/app",  # 2
        "rm -r /var/www",  # 3
        "ln -s $(pwd)/site /var/www",  # 4
        "exec /usr/bin/supervisord -c /etc/supervisord.conf",  # 5
    )
    assert codes_at({"docker-entrypoint.sh": entrypoint}, PRIVILEGE) == [3, 4]


def test_near_miss_c_entries_below_var_www_a_link_to_var_and_a_root_checked_script_stay_quiet() -> None:
    below = _text(
        "#!/usr/bin/env sh",  # 1
        "rm -rf /var/www/html/cache",  # 2
        "ln -s /srv/site /var/www/html/site",  # 3
        "ln -s /var/www /srv/www",  # 4
    )
    assert codes_at({"docker-entrypoint.sh": below}, PRIVILEGE) == []
    checked = _text(
        "#!/bin/sh",  # 1
        'if [ "$(id -u)" -ne 0 ]; then echo "run as root"; exit 1; fi',  # 2
        "rm -r /var/www",  # 3
        "ln -s /srv/site /var/www",  # 4
    )
    assert codes_at({"docker-entrypoint.sh": checked}, PRIVILEGE) == []


# -- B: $UID is the running shell's uid in bash, an environment variable in a POSIX sh ----------------------------

_FIXPERMS = (
    'if [ -z "$GID" ]; then',  # 2
    '\tGID="$UID"',  # 3
    "fi",  # 4
    "fixperms() {",  # 5
    "\tchown -R $UID:$GID /data /opt/bridge",  # 6
    "}",  # 7
    "cd /data",  # 8
    "fixperms",  # 9
    "exec su-exec $UID:$GID /usr/bin/bridge",  # 10
)


def test_b_chown_to_uid_under_a_posix_sh_gives_the_files_to_the_configured_account() -> None:
    assert codes_at({"docker-run.sh": _text("#!/bin/sh", *_FIXPERMS)}, PRIVILEGE) == [6]
    assert codes_at({"docker-run.sh": _text("#!/usr/bin/env sh", *_FIXPERMS)}, PRIVILEGE) == [6]


def test_near_miss_b_uid_under_bash_and_user_under_sh_are_the_invoking_account() -> None:
    assert codes_at({"docker-run.sh": _text("#!/bin/bash", *_FIXPERMS)}, PRIVILEGE) == []
    own = _text("#!/bin/sh", 'chown -R "$USER" /data', 'chown "$(id -u):$(id -g)" /data/x')
    assert codes_at({"docker-run.sh": own}, PRIVILEGE) == []


# -- F: a password given to an option that tests it against the account, not one that sets it ----------------------


def test_f_an_option_that_checks_a_password_is_no_credential() -> None:
    start = _text(
        "#!/bin/sh -e",  # 1
        'if php83 /srv/app/update.php --user-check-password "admin:password"; then',  # 2
        "  echo default",  # 3
        "fi",  # 4
        "app-cli --verify-password s3cretPw9",  # 5
    )
    assert codes_at({"startup.sh": start}, CREDENTIAL) == []


def test_near_miss_f_an_option_that_sets_a_password_or_a_checkpoint_secret_stays_reported() -> None:
    start = _text(
        "#!/bin/sh -e",  # 1
        'php83 /srv/app/update.php --user-set-password "admin:s3cretPw9"',  # 2
        "app-cli --checkpoint-password s3cretPw9",  # 3
    )
    assert codes_at({"startup.sh": start}, CREDENTIAL) == [2, 3]
