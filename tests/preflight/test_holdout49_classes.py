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
    assert codes_at({"docker-entrypoint.sh": traced}, SECRET) == [5]
