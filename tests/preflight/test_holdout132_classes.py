"""Classes the 132nd hold-out set showed (tests/preflight/holdout132: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRINTED = "preflight.secret_printed"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a secrets file sourced while set -x traces prints what it sets -------------------------------------------


def test_a_secrets_file_sourced_under_the_shebangs_x_is_traced() -> None:
    script = _text(
        "#!/bin/bash -ex",  # 1
        "cd /app",  # 2
        'if [ -f "/run/secrets/environment" ]',  # 3
        "then",  # 4
        "    source /run/secrets/environment",  # 5
        "fi",  # 6
        "exec /usr/bin/supervisord",  # 7
    )
    assert codes_at({"start.sh": script}, PRINTED) == [5]


def test_a_file_in_a_secrets_folder_dotted_after_set_x_is_traced() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "set -eux",  # 2
        ". ./settings.env",  # 3: not a secrets file
        ". /etc/app/secrets/api.env",  # 4
        "exec app",  # 5
    )
    assert codes_at({"entrypoint.sh": script}, PRINTED) == [2]  # at its set -x (session 30)


def test_a_near_miss_untraced_or_not_a_secrets_file_stays_quiet() -> None:
    untraced = _text("#!/bin/bash -e", "source /run/secrets/environment", "exec app")
    assert codes_at({"start.sh": untraced}, PRINTED) == []
    plain = _text("#!/bin/bash -ex", "source /app/config.env", ". /usr/local/lib/helpers.sh", "exec app")
    assert codes_at({"start.sh": plain}, PRINTED) == []
    switched_off = _text("#!/bin/bash", "set -x", "set +x", "source /run/secrets/environment", "exec app")
    assert codes_at({"start.sh": switched_off}, PRINTED) == []
    run_time = _text("#!/bin/bash -ex", 'source "$1"', "exec app")
    assert codes_at({"start.sh": run_time}, PRINTED) == []
