"""Classes the forty-ninth hold-out set showed (tests/preflight/holdout49: installers, upgrade scripts and container
entrypoints of projects picked at random), each as its minimal construct next to a near-miss that must stay quiet
or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

SECRET = "preflight.secret_printed"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: set -x inside a subshell traces the subshell only -------------------------------------------------------------

SUBSHELL_TRACE = _text(
    "#!/bin/bash",  # 1
    "set -e",  # 2
    'if [ "$(ls -A)" ]; then',  # 3
    "    (",  # 4
    "        set -x",  # 5
    "        ls -A",  # 6
    "        sleep 10",  # 7
    "    )",  # 8
    "fi",  # 9
    'php /makedb.php "$DB_HOST" "$DB_USER" "$DB_PASSWORD"',  # 10
    'if [[ "${#ADMIN_PASSWORD}" -le 12 ]]; then exit 1; fi',  # 11
    'value=$(set -x; echo "$DB_HOST")',  # 12
    'php install.php --db-pass="$DB_PASSWORD"',  # 13
)


def test_a_set_x_in_a_subshell_does_not_trace_the_script() -> None:
    assert codes_at({"docker-entrypoint.sh": SUBSHELL_TRACE}, SECRET) == []


def test_a_near_miss_set_x_in_an_if_branch_traces_what_follows() -> None:
    traced = _text(
        "#!/bin/bash",
        'if [ -n "$DEBUG" ]; then',  # 2
        "    set -x",  # 3
        "fi",  # 4
        'php /makedb.php "$DB_HOST" "$DB_USER" "$DB_PASSWORD"',  # 5
    )
    assert codes_at({"docker-entrypoint.sh": traced}, SECRET) == [3]  # at its set -x (session 30)


# -- B: a package tool given the registry URL that replaces its default ----------------------------------------------

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"

WRITTEN_INDEX = _text(
    "#!/bin/bash",  # 1
    "pip install -r requirements.txt --index-url https://wheels.example.org/simple/",  # 2
    "pip3 install -i https://pypi.example.net/simple tool",  # 3
    "/opt/venv/bin/pip install --index-url https://pypi.example.com/simple tool",  # 4
)


def test_b_a_registry_url_written_on_the_step_is_an_endpoint_not_an_egress() -> None:
    files = {"scripts/startup.sh": WRITTEN_INDEX}
    assert codes_at(files, EGRESS) == []
    assert codes_at(files, ENDPOINT) == [2, 3, 4]


def test_b_near_miss_an_extra_index_still_asks_the_default_one() -> None:
    extra = _text(
        "#!/bin/bash",
        "pip install --extra-index-url https://wheels.example.org/simple/ tool",  # 2: pypi.org is asked too
        "pip install -r requirements.txt",  # 3: no URL at all
        'pip install --index-url "$INDEX" tool',  # 4: the index is the environment's
        "npm install --registry https://npm.example.com/",  # 5: no endpoint of its own line
        "python3 -m pip install tool",  # 6: no URL (an index written on a pip module run: holdout92)
        "pip install --index-url=https://pypi.example.com/simple tool",  # 7: no endpoint of its line either
    )
    assert codes_at({"scripts/startup.sh": extra}, EGRESS) == [2, 3, 4, 5, 6, 7]


# -- C: a temporary directory from mktemp or, failing that, mktemp again ----------------------------------------------

RM_RF = "preflight.rm_rf_variable"

MKTEMP_FALLBACK = _text(
    "#!/usr/bin/env bash",  # 1
    "set -euo pipefail",  # 2
    "err() {",  # 3
    "  if [ ! -z ${td-} ]; then",  # 4
    "    rm -rf $td",  # 5
    "  fi",  # 6
    "  exit 1",  # 7
    "}",  # 8
    "td=$(mktemp -d || mktemp -d -t tmp)",  # 9
    "curl -sL https://example.org/tool.tar.gz | tar -C $td -xz || err",  # 10
    "rm -rf $td",  # 11
)


def test_c_mktemp_or_mktemp_is_a_temporary_directory() -> None:
    assert codes_at({"install.sh": MKTEMP_FALLBACK}, RM_RF) == []


def test_c_near_miss_a_fallback_to_another_program_is_no_mktemp_value() -> None:
    other = _text(
        "#!/usr/bin/env bash",
        "set -euo pipefail",
        'td=$(mktemp -d || echo "$WORKDIR")',  # 3: empty when WORKDIR is
        "rm -rf $td",  # 4
        "tmp=$(mktemp -d || true)",  # 5: empty when mktemp failed, and set -e does not stop it
        'rm -rf "$tmp"/*',  # 6: then /*
    )
    assert codes_at({"install.sh": other}, RM_RF) == [4, 6]


# -- D: chown of a tree to the owner its own top directory has ---------------------------------------------------------

PRIVILEGE = "preflight.implicit_privilege"

KEPT_OWNER = _text(
    "#!/bin/bash",  # 1
    "cd /opt/app/data",  # 2
    "mongod --repair --dbpath /opt/app/data/db",  # 3
    'chown -R "$(stat -c "%u:%g" /opt/app/data)" /opt/app/data',  # 4
    "chown -R $(stat -c '%U:%G' /srv/app/) /srv/app",  # 5
)


def test_d_a_tree_given_back_its_own_directory_owner_needs_no_root() -> None:
    assert codes_at({"upgrade.sh": KEPT_OWNER}, PRIVILEGE) == []


def test_d_near_miss_the_owner_of_another_path_or_a_named_account() -> None:
    other = _text(
        "#!/bin/bash",
        'chown -R "$(stat -c "%u:%g" /srv/reference)" /opt/app/data',  # 2: another path's owner
        "chown -R app:app /opt/app/data",  # 3: a named account
        'chown -R "$(stat -c "%u:%g" /opt/app)" /opt/app /etc/app',  # 4: also a tree it is not the top of
    )
    assert codes_at({"upgrade.sh": other}, PRIVILEGE) == [2, 3, 4]


# -- E: the elif of an if whose failing test means the uid is 0 -------------------------------------------------------

ELIF_AS_ROOT = _text(
    "#!/usr/bin/env bash",  # 1
    "CUID=$(id -u)",  # 2
    'if [ "${RUNAS_UID0}" == "true" ] || [ "${CUID}" != "0" ]; then',  # 3
    "    java -jar /usr/lib/app/ace.jar start &",  # 4
    'elif [ "${RUNAS_UID0}" == "false" ]; then',  # 5
    "    usermod -o -u ${APP_UID} app",  # 6
    '    chown -R "${APP_UID}:${APP_GID}" /var/lib/app',  # 7
    "    gosu app:app java -jar /usr/lib/app/ace.jar start &",  # 8
    "fi",  # 9
)


def test_e_an_elif_after_a_failed_not_root_test_runs_as_root() -> None:
    assert codes_at({"docker-entrypoint.sh": ELIF_AS_ROOT}, PRIVILEGE) == []


def test_e_near_miss_the_elif_of_a_conjunction_is_not_known_to_run_as_root() -> None:
    conjunction = _text(
        "#!/usr/bin/env bash",
        "CUID=$(id -u)",
        'if [ "${RUNAS_UID0}" == "true" ] && [ "${CUID}" != "0" ]; then',  # 3: fails for root and for others
        "    java -jar /usr/lib/app/ace.jar start &",
        'elif [ "${RUNAS_UID0}" == "false" ]; then',
        "    usermod -o -u ${APP_UID} app",  # 6
        "fi",
        'if [ "${RUNAS_UID0}" == "true" ]; then',  # 8: no uid in the test
        "    :",
        "elif [ -n \"$APP_UID\" ]; then",
        "    usermod -o -u ${APP_UID} app",  # 11
        "fi",
    )
    assert codes_at({"docker-entrypoint.sh": conjunction}, PRIVILEGE) == [6, 11]


# -- F: a fetched unit or settings file copied under /etc or /usr is configuration -------------------------------------

DOWNLOAD = "preflight.unverified_download_exec"

FETCHED_CONFIG = _text(
    "#!/bin/sh",  # 1
    "wget -q https://raw.example.org/app/master/dist/app.service -O app.service",  # 2
    "wget -q https://raw.example.org/app/master/app.conf -O app.conf",  # 3
    "cp app.service /usr/local/lib/systemd/system/",  # 4
    "cp app.conf /etc/app/app.conf",  # 5
)


def test_f_a_fetched_unit_or_config_copied_into_the_system_is_configuration() -> None:
    assert codes_at({"get.sh": FETCHED_CONFIG}, DOWNLOAD) == []


def test_f_near_miss_programs_and_init_jobs_copied_there_are_installed() -> None:
    programs = _text(
        "#!/bin/sh",
        "wget -q https://raw.example.org/app/master/app-helper -O app-helper",  # 2
        "wget -q https://raw.example.org/app/master/reloader.conf -O reloader.conf",  # 3: an Upstart job
        "cp app-helper /usr/local/lib/app/",  # 4
        "cp reloader.conf /etc/init/reloader.conf",  # 5
    )
    assert codes_at({"get.sh": programs}, DOWNLOAD) == [4, 5]


# -- G: go get / go install of a module at a branch --------------------------------------------------------------------

MODULE_BRANCH = _text(
    "#!/bin/sh",  # 1
    'if [ "$APPVERSION" == "" ]; then',  # 2
    "    APPVERSION=master",  # 3
    "fi",  # 4
    "go get -trimpath github.com/example/app/cmd/{app,appctl}@$APPVERSION",  # 5
    "go install example.org/tool/cmd/tool@main",  # 6
)


def test_g_a_module_built_at_a_branch_is_an_unverified_download() -> None:
    assert codes_at({"get.sh": MODULE_BRANCH}, DOWNLOAD) == [5, 6]


def test_g_near_miss_release_versions_and_queries_are_not_branches() -> None:
    releases = _text(
        "#!/bin/sh",
        "go install github.com/example/app/cmd/app@v1.4.2",  # 2
        "go install golang.org/x/tools/gopls@latest",  # 3
        "go get example.org/lib@v0.0.0-20240101120000-abcdef123456",  # 4: a pseudo-version pins a commit
        "go mod download",  # 5
        "go build -o bin/app ./cmd/app",  # 6
    )
    assert codes_at({"get.sh": releases}, DOWNLOAD) == []
