"""Classes the eighty-third hold-out set showed (tests/preflight/holdout83: installers, self-hosted update scripts
and container entrypoints picked at random), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

DELETE = "preflight.destructive_delete"
EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"
MIGRATION = "preflight.hidden_migration"
PRIVILEGE = "preflight.implicit_privilege"
UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- C: a remote added only in the other branch of the statement the fetch is in ---------------------------------

_CLONE_OR_PULL = (
    "#!/bin/sh",  # 1
    "cd /srv/app",  # 2
    "if [ ! -d .git ]; then",  # 3
    "  git init",  # 4
    "  git remote add origin https://github.com/example/app.git",  # 5
    "  git fetch",  # 6
    "  git checkout -f origin/dist",  # 7
    "else",  # 8
    "  git fetch",  # 9
    "  git pull -f",  # 10
    "fi",  # 11
)


def test_c_pull_in_the_branch_that_adds_no_remote_is_egress_of_the_configured_remote() -> None:
    assert codes_at({"update.sh": _text(*_CLONE_OR_PULL)}, EGRESS) == [9, 10]


def test_near_miss_c_fetch_after_adding_the_remote_in_the_same_branch_is_that_urls_endpoint() -> None:
    found = codes_at({"update.sh": _text(*_CLONE_OR_PULL)}, ENDPOINT)
    assert found in ([5], [6])
    straight = _text("#!/bin/sh", "cd /srv/app", "git remote add origin https://github.com/example/app.git", "git pull")
    assert codes_at({"update.sh": straight}, EGRESS) == []


# -- E: a build tool asked only for its version runs nothing of the pulled tree ----------------------------------


def test_e_build_in_the_pulled_tree_is_reported_at_the_install_not_at_the_version_probe() -> None:
    update = _text(
        "#!/bin/sh",  # 1
        "cd /srv/app",  # 2
        "git pull",  # 3
        "composer -V | grep version",  # 4
        "composer install",  # 5
    )
    assert codes_at({"update.sh": update}, UNVERIFIED) == [5]


def test_near_miss_e_version_probe_alone_after_a_pull_stays_quiet() -> None:
    update = _text("#!/bin/sh", "cd /srv/app", "git pull", "composer --version", "npm -V")
    assert codes_at({"update.sh": update}, UNVERIFIED) == []


# -- F: a function of the script named like a database updater is read by its body ------------------------------


def test_near_miss_f_own_function_named_migrate_database_is_not_a_migrator() -> None:
    update = _text(
        "#!/bin/bash",
        "migrate_database() {",
        '    mkdir -p "/opt/app/data"',
        "}",
        "migrate_database",
    )
    assert codes_at({"update.sh": update}, MIGRATION) == []


def test_f_program_named_like_an_updater_and_a_function_that_migrates_are_reported() -> None:
    program = _text("#!/bin/bash", "/opt/app/bin/upgrade-db --all")
    assert codes_at({"update.sh": program}, MIGRATION) == [2]
    function = _text(
        "#!/bin/bash",  # 1
        "migrate_database() {",  # 2
        "    php artisan migrate --force",  # 3
        "}",  # 4
        "migrate_database",  # 5
    )
    assert codes_at({"update.sh": function}, MIGRATION) == [3]


# -- D: a Python program fed to the interpreter on a heredoc, reading its URL from the environment ---------------

_STDIN_PROGRAM = (
    "#!/usr/bin/env bash",  # 1
    'API_URL="https://api.github.com/repos/example/agent/releases/latest"',  # 2
    "fetch_asset_url() {",  # 3
    "  API_URL=\"$API_URL\" python3 - <<'PY'",  # 4
    "import json, os, urllib.request",  # 5
    'api_url = os.environ["API_URL"]',  # 6
    "with urllib.request.urlopen(api_url) as response:",  # 7
    '    print(json.load(response).get("tag_name", ""))',  # 8
    "PY",  # 9
    "}",  # 10
    "URL=$(fetch_asset_url)",  # 11
)


def test_d_python_program_on_a_heredoc_contacts_the_host_the_shell_hands_it() -> None:
    assert codes_at({"install.sh": _text(*_STDIN_PROGRAM)}, ENDPOINT) == [4]


def test_near_miss_d_heredoc_given_to_a_python_script_file_is_its_input_not_a_program() -> None:
    as_input = [line.replace("python3 - <<'PY'", "python3 tools/parse.py <<'PY'") for line in _STDIN_PROGRAM]
    assert codes_at({"install.sh": _text(*as_input)}, ENDPOINT) == []
    local = [line.replace("urllib.request.urlopen(api_url)", "open('/etc/agent.json')") for line in _STDIN_PROGRAM]
    assert codes_at({"install.sh": _text(*local)}, ENDPOINT) == []


# -- A: the data folder of a product installed in a top-level directory of its own --------------------------------


def test_a_recursive_delete_of_a_top_level_products_data_folder_is_destructive() -> None:
    start = _text(
        "#!/usr/bin/env bash",  # 1
        'if ! curl -fsSL "http://${PEER}:8888/status.json" | grep -q "$NODE"; then',  # 2
        "  rm -rf /vernemq/data/*",  # 3
        "fi",  # 4
    )
    assert codes_at({"start.sh": start}, DELETE) == [3]


def test_near_miss_a_scratch_system_and_backed_up_data_folders_stay_quiet() -> None:
    quiet = _text(
        "#!/usr/bin/env bash",
        "rm -rf /tmp/data/unpacked",
        "rm -rf /app/data/cache",
        "rm -rf /usr/share/data/icons",
        "rm -rf /vernemq/database",
    )
    assert codes_at({"start.sh": quiet}, DELETE) == []
    backed_up = _text("#!/usr/bin/env bash", "tar czf /backup/data.tgz /vernemq/data", "rm -rf /vernemq/data/*")
    assert codes_at({"start.sh": backed_up}, DELETE) == []


# -- G: an entrypoint that adds a passwd entry for its own uid runs as an unprivileged uid by design ---------------

_ARBITRARY_UID = (
    "#!/bin/bash",  # 1
    "if ! whoami &> /dev/null; then",  # 2
    "  if [ -w /etc/passwd ]; then",  # 3
    '    echo "app:x:$(id -u):0:app user:/opt/app:/sbin/nologin" >> /etc/passwd',  # 4
    "  fi",  # 5
    "fi",  # 6
    'printf "%b\\n" "$APP_CLID" > /var/lib/app/instance.clid',  # 7
    'exec "$@"',  # 8
)


def test_g_arbitrary_uid_entrypoint_writes_its_own_data_directory_without_root() -> None:
    assert codes_at({"docker-entrypoint.sh": _text(*_ARBITRARY_UID)}, PRIVILEGE) == []


def test_near_miss_g_same_write_without_the_passwd_entry_or_with_an_account_step_is_reported() -> None:
    plain = _text(_ARBITRARY_UID[0], *_ARBITRARY_UID[6:])
    assert codes_at({"docker-entrypoint.sh": plain}, PRIVILEGE) == [2]
    account = _text(*_ARBITRARY_UID[:7], "useradd -r app", 'exec "$@"')
    assert codes_at({"docker-entrypoint.sh": account}, PRIVILEGE) == [8]
