"""Classes the forty-second hold-out set showed (tests/preflight/holdout42: install, upgrade and entrypoint scripts
and maintainer scripts of projects picked at random), each as its minimal construct next to a near-miss that must
stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a tool that fills a directory it is given writes there: git clone URL DIR, composer install -d DIR --------

FILLS_SYSTEM_DIRS = _text(
    "#!/bin/sh",  # 1
    "git clone -q -b develop https://github.com/acme/app /usr/src/app",  # 2
    'sh -c "git clone -q https://github.com/acme/addons /usr/src/app/addon"',  # 3
    "composer install --no-dev -d /usr/src/app",  # 4
    "composer --working-dir=/usr/local/share/app update",  # 5
)


def test_a_a_clone_or_a_composer_install_into_a_system_directory_needs_root() -> None:
    assert codes_at({"docker-entrypoint.sh": FILLS_SYSTEM_DIRS}, PRIVILEGE) == [2, 3, 4, 5]


def test_a_near_miss_a_clone_with_no_directory_or_into_the_users_tree_and_a_read_only_composer_verb() -> None:
    quiet = _text(
        "#!/bin/sh",
        "git clone https://github.com/acme/app",  # the URL's name in the working directory
        "git clone -b main https://github.com/acme/app /opt/app",  # /opt is not a root-only prefix
        "git -C /usr/src/app log --oneline",  # -C names where git looks, it clones nothing
        "composer validate -d /usr/src/app",  # a verb that writes no vendor/
        "composer install -d /home/app/site",
    )
    assert codes_at({"docker-entrypoint.sh": quiet}, PRIVILEGE) == []


# -- B: a project package manager told the project's directory before its verb still installs ----------------------

EGRESS = "preflight.implicit_egress"

DIR_BEFORE_VERB = _text(
    "#!/bin/sh",  # 1
    "pnpm -C /var/lib/app install",  # 2
    "npm --prefix /srv/app ci",  # 3
    "yarn --cwd /srv/app install",  # 4
    "composer -d /srv/app install --no-dev",  # 5
)


def test_b_an_install_after_a_directory_option_reaches_the_registry() -> None:
    assert codes_at({"debian/postinst": DIR_BEFORE_VERB}, EGRESS) == [2, 3, 4, 5]


def test_b_near_miss_a_directory_option_before_a_verb_that_fetches_nothing() -> None:
    quiet = _text(
        "#!/bin/sh",
        "pnpm -C /var/lib/app run build",
        "npm --prefix /srv/app test",
        "yarn --cwd /srv/app build",
        "composer -d /srv/app validate",
    )
    assert codes_at({"debian/postinst": quiet}, EGRESS) == []


# -- C: a download wrapper called through a function that runs its arguments (``ensure downloader URL FILE``) ------

ENDPOINT = "preflight.external_endpoint"
DOWNLOAD = "preflight.unverified_download_exec"

THROUGH_RUNNER = _text(
    "#!/bin/sh",  # 1
    'BASE_URL="https://github.com/acme/app/releases/latest/download"',  # 2
    "main() {",  # 3
    '    _url="${BASE_URL}/app-x86_64.tar.gz"',  # 4
    '    ensure downloader "$_url" /opt/app/bin/app.tar.gz',  # 5
    "    ensure tar zxf /opt/app/bin/app.tar.gz -C /opt/app/bin",  # 6
    "}",  # 7
    "downloader() {",  # 8
    '    curl --silent --fail --location "$1" --output "$2"',  # 9
    "}",  # 10
    "ensure() {",  # 11
    '    if ! "$@"; then echo "failed: $*" >&2; exit 1; fi',  # 12
    "}",  # 13
    'main "$@"',  # 14
)


def test_c_a_download_through_an_argument_runner_is_a_contact_and_a_fetch() -> None:
    assert codes_at({"install.sh": THROUGH_RUNNER}, ENDPOINT) == [5]
    assert codes_at({"install.sh": THROUGH_RUNNER}, DOWNLOAD) == [6]


def test_c_near_miss_a_function_that_only_prints_its_arguments_runs_nothing() -> None:
    runner_body = '    if ! "$@"; then echo "failed: $*" >&2; exit 1; fi'
    printed = THROUGH_RUNNER.replace(runner_body, '    echo "would run: $*"')
    assert codes_at({"install.sh": printed}, ENDPOINT) == []
    assert codes_at({"install.sh": printed}, DOWNLOAD) == []


# -- D: an interpreter given an application script and a verb that updates its database -----------------------------

MIGRATION = "preflight.hidden_migration"

DB_UPDATE_VERBS = _text(
    "#!/bin/sh",  # 1
    "php application/commands/console.php updatedb",  # 2
    "php /var/www/html/bin/console.php dbstructure update",  # 3
    "python3 /srv/app/tools/admin.py upgrade-db",  # 4
    "php bin/console.php db:update",  # 5
)


def test_d_an_application_console_told_to_update_its_database_migrates() -> None:
    assert codes_at({"entrypoint.sh": DB_UPDATE_VERBS}, MIGRATION) == [2, 3, 4, 5]


def test_d_near_miss_other_verbs_and_mlocates_updatedb_stay_quiet() -> None:
    quiet = _text(
        "#!/bin/sh",
        "updatedb",  # mlocate's file-name database, run as a program
        "php console.php cache:clear",
        "php bin/console.php dbstructure dumpsql",  # prints the structure, changes nothing
        "php script.php update",  # no database named
        "php application/commands/console.php install admin secret Admin a@example.com",
    )
    assert codes_at({"entrypoint.sh": quiet}, MIGRATION) == []


# -- E: a secret carried through an array and a loop's copy of it into an echo ------------------------------------

PRINTED = "preflight.secret_printed"

THROUGH_ARRAYS = _text(
    "#!/bin/bash",  # 1
    'acctoken="$2"',  # 2
    "args=()",  # 3
    'args+=("--token ${acctoken}")',  # 4
    "filtered=()",  # 5
    'for arg in "${args[@]}"; do',  # 6
    '    [ -n "$arg" ] && filtered+=("$arg")',  # 7
    "done",  # 8
    'echo "installer.sh --update ${filtered[*]}"',  # 9
)


def test_e_a_token_copied_through_an_array_and_a_loop_is_printed() -> None:
    assert codes_at({"app-update.sh": THROUGH_ARRAYS}, PRINTED) == [9]


def test_e_near_miss_an_array_of_other_values_and_a_digest_of_the_secret_print_no_secret() -> None:
    other = THROUGH_ARRAYS.replace('args+=("--token ${acctoken}")', 'args+=("--name ${username}")')
    assert codes_at({"app-update.sh": other}, PRINTED) == []
    digest = _text(
        "#!/bin/bash",
        'acctoken="$2"',
        'sum="$(printf %s "$acctoken" | sha256sum)"',
        'label="token digest $sum"',
        'echo "$label"',
    )
    assert codes_at({"app-update.sh": digest}, PRINTED) == []


# -- su after unescalated root-only steps: the author runs the script as root, so the switch is a drop -----------

SUDO = "preflight.sudo_unavailable"


def test_su_to_an_account_after_the_scripts_own_root_only_steps_is_a_drop() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "install_app() {",  # 2
        "  git clone https://github.com/acme/app /usr/src/app",  # 3
        "  chown -R app:app /usr/src/app",  # 4
        '  su app -c "npm ci"',  # 5
        '  su -c "composer install" -s /bin/bash "$web_user"',  # 6
        "}",  # 7
        "install_app",  # 8
    )
    assert codes_at({"install.sh": script}, SUDO) == []
    assert codes_at({"install.sh": script}, PRIVILEGE) == [3, 4]


def test_near_miss_su_before_any_root_only_step_or_to_root_still_asks_for_a_password() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "setup() {",  # 2
        '  su app -c "npm ci"',  # 3: nothing above it says the script runs as root
        "  chown -R app:app /usr/src/app",  # 4
        '  su root -c "systemctl restart app"',  # 5: a switch to root is an escalation
        "}",  # 6
        "other() {",  # 7
        '  su app -c "npm run build"',  # 8: runs first: nothing has said the script runs as root yet
        "}",  # 9
        "other; setup",  # 10
    )
    assert codes_at({"install.sh": script}, SUDO) == [3, 5, 8]


def test_su_in_a_function_run_after_another_functions_root_only_step_is_a_drop() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "setup() {",  # 2
        "  chown -R app:app /usr/src/app",  # 3
        "}",  # 4
        "build() {",  # 5
        '  su app -c "npm run build"',  # 6: setup's chown ran before it (the call order), as root
        "}",  # 7
        "main() { setup; build; }",  # 8
        "main",  # 9
    )
    assert codes_at({"install.sh": script}, SUDO) == []
