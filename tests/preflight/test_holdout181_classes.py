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


# -- B: Samba's account database changed with pdbedit ----------------------------------------------------------------


def test_b_pdbedit_changing_samba_accounts_needs_root() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "pdbedit -i smbpasswd:/config/smbpasswd",  # 2
        'pdbedit -a -u "$USER" -t',  # 3
        'pdbedit -x "$OLD_USER"',  # 4
        "pdbedit --import=smbpasswd:/config/smbpasswd",  # 5
        "pdbedit -P 'maximum password age' -C 0",  # 6
        'pdbedit -r -f "Full Name" alice',  # 7
    )
    assert codes_at({"samba.sh": script}, PRIVILEGE) == [2, 3, 4, 5, 6, 7]


def test_b_pdbedit_listing_and_a_root_checked_import_stay_quiet() -> None:
    script = _text(
        "#!/bin/bash",
        "pdbedit -L",
        "pdbedit -L -v -u alice",
        "pdbedit -w -L > /tmp/accounts.txt",
        'if [ "$(id -u)" -eq 0 ]; then pdbedit -i smbpasswd:/config/smbpasswd; fi',
        "exec smbd -FS --no-process-group",
    )
    assert codes_at({"samba.sh": script}, PRIVILEGE) == []
