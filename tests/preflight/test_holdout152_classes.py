"""Classes the 152nd hold-out set showed (tests/preflight/holdout152: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRINTED = "preflight.secret_printed"
SUDO = "preflight.sudo_unavailable"
CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a script named for secrets, sourced under the shebang's -x --------------------------------------------------


def test_a_secrets_script_sourced_under_xtrace_is_printed() -> None:
    script = _text("#!/bin/bash -eux", "", "source /expand_secrets.sh", "exec app")
    assert codes_at({"start.sh": script}, PRINTED) == [3]


def test_a_other_script_sourced_under_xtrace_stays_quiet() -> None:
    script = _text("#!/bin/bash -eux", "", "source /secrets_check.sh", "source /app/env.sh", "exec app")
    assert codes_at({"start.sh": script}, PRINTED) == []


# -- B: an assignment whose value expands a secret, traced -----------------------------------------------------------


def test_b_traced_assignment_expanding_a_secret_is_printed() -> None:
    script = _text(
        "#!/bin/bash -eux",  # 1
        'if [ -z "${DB_URL:-}" ]; then',  # 2
        "  DB_URL=postgres://${DB_USER:-app}:${DB_PASSWORD:-app}@db/app",  # 3
        "fi",  # 4
        "exec app",  # 5
    )
    assert codes_at({"start.sh": script}, PRINTED) == [3]


def test_b_traced_assignment_of_the_directory_or_no_secret_stays_quiet() -> None:
    script = _text(
        "#!/bin/bash -eux",
        'BUNDLE="${PWD}/$(find . -name "*.tgz")"',
        "DB_URL=postgres://${DB_USER:-app}@${DB_HOST:-db}/app",
        "exec app",
    )
    assert codes_at({"start.sh": script}, PRINTED) == []
    untraced = _text("#!/bin/bash -eu", "DB_URL=postgres://app:${DB_PASSWORD}@db/app", "exec app")
    assert codes_at({"start.sh": untraced}, PRINTED) == []


# -- C: su to a service account named through a variable set to one literal -----------------------------------------


def test_c_su_to_a_variable_holding_a_service_account_is_a_drop() -> None:
    script = _text("#!/bin/sh", "WWWUSER='www-data'", 'exec su -p -s /bin/sh -c "$@" -- "$WWWUSER"')
    assert codes_at({"entrypoint.sh": script}, SUDO) == []


def test_c_su_to_a_variable_of_run_time_value_still_escalates() -> None:
    script = _text("#!/bin/sh", 'WWWUSER="$1"', 'exec su -p -s /bin/sh -c "$@" -- "$WWWUSER"')
    assert codes_at({"entrypoint.sh": script}, SUDO) == [3]
    root = _text("#!/bin/sh", "TARGET=root", 'exec su -p -s /bin/sh -c "$@" -- "$TARGET"')
    assert codes_at({"entrypoint.sh": root}, SUDO) == [3]


# -- D: chpasswd given a literal password for an account named by a variable ----------------------------------------


def test_d_literal_password_for_a_variable_account_is_reported() -> None:
    script = _text("#!/bin/sh", 'echo "$APP_USER:fixmymail" | chpasswd')
    assert codes_at({"start.sh": script}, CREDENTIAL) == [2]


def test_d_run_time_password_stays_quiet() -> None:
    script = _text("#!/bin/sh", 'echo "$APP_USER:$APP_PASSWORD" | chpasswd', 'echo "${U:-app}:${P:-}" | chpasswd')
    assert codes_at({"start.sh": script}, CREDENTIAL) == []
