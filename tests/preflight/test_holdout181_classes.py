"""Classes the 181st hold-out set showed (tests/preflight/holdout181: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: Postfix's own installation steps (post-install, set-permissions) ----------------------------------------------


def test_a_postfix_permission_and_directory_repair_needs_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "/etc/postfix/post-install meta_directory=/etc/postfix create-missing",  # 2
        "postfix set-permissions",  # 3
        "postfix -c /etc/postfix-out set-permissions",  # 4
        "postfix post-install upgrade-permissions",  # 5
        "postfix upgrade-configuration",  # 6
        "/usr/libexec/postfix/post-install config_directory=/etc/postfix set-permissions",  # 7
        "postfix start-fg",  # 8
    )
    assert codes_at({"docker-entrypoint.sh": script}, PRIVILEGE) == [2, 3, 4, 5, 6, 7]


def test_a_postfix_reading_steps_and_a_root_checked_repair_stay_quiet() -> None:
    script = _text(
        "#!/bin/sh",
        "postfix check",
        "postfix status || true",
        "post-install first-install-reminder",
        "postfix -c /etc/postfix post-install first-install-reminder",
        "./post-install configure",
        'if [ "$(id -u)" = "0" ]; then postfix set-permissions; fi',
        "exec postfix start-fg",
    )
    assert codes_at({"docker-entrypoint.sh": script}, PRIVILEGE) == []
