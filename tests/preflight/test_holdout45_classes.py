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
