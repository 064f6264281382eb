"""Classes the 116th hold-out set showed (tests/preflight/holdout116: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRINTED = "preflight.secret_printed"
PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: every command of a ``( … )`` / ``{ …; }`` stage feeds the next stage of the pipeline ------------------------


def test_a_echoes_grouped_in_a_subshell_feed_the_program_they_are_piped_into() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "(echo $PASSWORD; echo $PASSWORD) | smbpasswd -a -s $USERNAME",  # 2
        '{ echo "$DB_PASSWORD"; echo "$DB_PASSWORD"; } | passwd -q app',  # 3
    )
    assert codes_at({"start.sh": script}, PRINTED) == []


def test_a_near_miss_a_grouped_echo_sent_to_stderr_or_a_group_not_piped_still_prints() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        '(echo "password: $PASSWORD" >&2; echo "$PASSWORD") | smbpasswd -a -s "$USERNAME"',  # 2
        '(echo "$API_TOKEN"; echo done)',  # 3
    )
    assert codes_at({"start.sh": script}, PRINTED) == [2, 3]


# -- B: htpasswd writes the password file it is given -------------------------------------------------------------


def test_b_htpasswd_creating_a_file_under_etc_needs_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'htpasswd -bc /etc/nginx/htpasswd "$USERNAME" "$PASSWORD"',  # 2
        'htpasswd -B -C 12 -b /etc/apache2/.htpasswd "$USERNAME" "$PASSWORD"',  # 3
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == [2, 3]


def test_b_near_miss_htpasswd_printing_the_entry_or_writing_a_file_of_its_own_stays_quiet() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'htpasswd -nb "$USERNAME" "$PASSWORD" > "$HOME/htpasswd"',  # 2
        'htpasswd -bc "$HOME/.htpasswd" "$USERNAME" "$PASSWORD"',  # 3
        'htpasswd -vb /etc/nginx/htpasswd "$USERNAME" "$PASSWORD"',  # 4
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == []


# -- C: smbpasswd managing an account of Samba's needs root -------------------------------------------------------


def test_c_smbpasswd_adding_or_removing_an_account_needs_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'printf "%s\\n%s\\n" "$PASSWORD" "$PASSWORD" | smbpasswd -a -s "$USERNAME"',  # 2
        'smbpasswd -x "$OLD_USER"',  # 3
        'smbpasswd -sa "$USERNAME" < "$PASSWORD_FILE"',  # 4
    )
    assert codes_at({"start.sh": script}, PRIVILEGE) == [2, 3, 4]


def test_c_near_miss_smbpasswd_changing_the_callers_own_password_stays_quiet() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'smbpasswd -s < "$HOME/new-password"',  # 2
        'smbpasswd -r "$SERVER" -U "$USERNAME"',  # 3
    )
    assert codes_at({"start.sh": script}, PRIVILEGE) == []
