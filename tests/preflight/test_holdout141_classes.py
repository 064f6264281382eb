"""Classes the 141st hold-out set showed (tests/preflight/holdout141: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRINTED = "preflight.secret_printed"
SUDO = "preflight.sudo_unavailable"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: one escalation whose -c string runs over several lines is reported once ----------------------------------


def test_a_switch_whose_command_string_spans_lines_is_one_escalation() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'su - postgres -c "chmod 0700 /var/lib/pgdata &&\\',  # 2
        "initdb /var/lib/pgdata &&\\",  # 3
        'pg_ctl start -D /var/lib/pgdata"',  # 4
        "exec app",  # 5
    )
    assert codes_at({"start.sh": script}, SUDO) == [2]
    shell = _text("#!/bin/sh", 'sudo sh -c "mkdir -p /opt/app &&', 'cp app /opt/app/"', "exec app")
    assert codes_at({"install.sh": shell}, SUDO) == [2]


def test_a_near_miss_separate_escalations_are_each_reported() -> None:
    separate = _text("#!/bin/sh", 'su - postgres -c "initdb /var/lib/pgdata"', 'su - postgres -c "pg_ctl start"')
    assert codes_at({"start.sh": separate}, SUDO) == [2, 3]
    prefix = _text(
        "#!/bin/sh",  # 1
        'PREFIX="sudo "',  # 2
        'eval "${PREFIX}mkdir -p /opt/app"',  # 3
        'eval "${PREFIX}cp app /opt/app/"',  # 4: a second step run through the same prefix
    )
    assert codes_at({"install.sh": prefix}, SUDO) == [3, 4]


# -- B: a secret echoed under set -x is one print, not a print and its trace -------------------------------------


def test_b_an_echoed_secret_under_x_is_reported_once_on_its_line() -> None:
    script = _text(
        "#!/bin/bash -ex",  # 1
        'echo "RUNNERTOKEN: ${RUNNERTOKEN}"',  # 2
        'gitlab-runner register --registration-token "${RUNNERTOKEN}"',  # 3: traced with the token
        "exec /entrypoint",  # 4
    )
    assert codes_at({"register_and_run.sh": script}, PRINTED) == [2, 3]


def test_b_a_near_miss_the_trace_of_another_secret_on_the_line_is_kept() -> None:
    script = _text(
        "#!/bin/bash -ex",  # 1
        'echo "TOKEN: ${API_TOKEN}" "${DB_PASSWORD}" > /dev/null',  # 2: printed to /dev/null, traced with both
        "exec app",  # 3
    )
    assert codes_at({"start.sh": script}, PRINTED) == [2]
    untraced = _text("#!/bin/bash -e", 'echo "TOKEN: ${API_TOKEN}"', "exec app")
    assert codes_at({"start.sh": untraced}, PRINTED) == [2]


# -- C: su to an account before the root-only steps of a script written for root all through -----------------------


def test_c_a_switch_before_several_unconditional_root_only_steps_is_a_drop() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'su - postgres -c "initdb /var/lib/pgdata"',  # 2: root dropping to postgres
        "psql -U postgres -f /app/init.sql",  # 3
        "apk add bash",  # 4: root-only
        'sed -i -e "s/ash/bash/" /etc/passwd',  # 5: root-only
        "exec /app/server",  # 6
    )
    assert codes_at({"start.sh": script}, SUDO) == []
    assert codes_at({"start.sh": script}, "preflight.implicit_privilege") == [4, 5]


def test_c_a_near_miss_one_root_only_step_or_conditional_ones_leave_the_switch_an_escalation() -> None:
    one = _text("#!/bin/sh", 'su - postgres -c "initdb /var/lib/pgdata"', "apk add bash", "exec /app/server")
    assert codes_at({"start.sh": one}, SUDO) == [2]
    conditional = _text(
        "#!/bin/sh",  # 1
        'su - postgres -c "initdb /var/lib/pgdata"',  # 2
        'if [ -n "$EXTRA" ]; then apk add bash; fi',  # 3
        'if [ -n "$SHELL_FIX" ]; then sed -i -e "s/ash/bash/" /etc/passwd; fi',  # 4
    )
    assert codes_at({"start.sh": conditional}, SUDO) == [2]
    to_root = _text("#!/bin/sh", 'su root -c "apk add bash"', "apk add curl", "sed -i s/a/b/ /etc/passwd")
    assert codes_at({"start.sh": to_root}, SUDO) == [2]
