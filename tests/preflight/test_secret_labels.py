"""Secrets printed under a label that names them, and files named for a secret printed whole (secret_labels,
printed_files)."""

from __future__ import annotations

import pytest
from preflight_kit import in_script

CODE = "preflight.secret_printed"


@pytest.mark.parametrize(
    "lines",
    [
        ('k=$(head -c 32 /dev/urandom | base64)', 'echo "Your API key is: $k"'),
        ('KEY=$(./ctl keys create net 1 | jq -r .accessstring)', 'echo "join key created: $KEY"'),
        ('R=$(openssl rand -base64 24)', 'echo "The admin password was generated: ${R}"'),
        ("true", 'echo "Token = $T"'),
        ('KEY=$(openssl rand -hex 16)', 'echo "Your ACME key: $KEY"'),  # a drawn value under any key label
        ('k=$(pwgen -s 32 1)', 'echo "Node key = ${k}"'),
    ],
)
def test_a_value_a_message_names_a_secret_is_printed(lines: tuple[str, str]) -> None:
    assert in_script(CODE, *lines) == [4]


@pytest.mark.parametrize(
    "lines",
    [
        ('R=$(openssl rand -hex 3)', 'echo "Generated: $R"'),  # nothing names it
        ('F=/etc/app/pw', 'echo "Password file: $F"'),  # the label names the file
        ('N=32', 'echo "password length: $N"'),
        ("true", 'echo "Password for $USER_NAME:"'),
        ("true", 'echo "Your token is $TOKEN_PATH"'),  # a name that says it is a path
        ('NC="\\033[0m"', 'echo -e "You must enter your agent API key${NC}"'),  # colour code run into the words
        ("true", 'echo "GPG key: $FINGERPRINT"'),  # a bare key is no secret kind
        ('K=$(gpg --list-keys --with-colons | cut -d: -f5)', 'echo "Signing with key: $K"'),  # no random draw
        ('K=$(uuidgen)', 'echo "Node key: $K"'),  # an identifier
        ('K=$(openssl rand -hex 16); [ -f k ] && K=$(cat k)', 'echo "Node key: $K"'),  # not only drawn
        ('K=$(openssl rand -hex 3)', 'echo "Using key prefix $K"'),  # no label set off by a colon
        ('K=$(openssl rand -hex 16)', 'echo "Your API key is: $K" > /etc/app/key'),  # written, not printed
    ],
)
def test_near_misses_stay_quiet(lines: tuple[str, str]) -> None:
    assert in_script(CODE, *lines) == []


@pytest.mark.parametrize(
    "line",
    [
        "sudo cat /var/lib/jenkins/secrets/initialAdminPassword",
        'echo "Admin password: $(cat /var/lib/app/initial_password)"',
        "grep 'Password:' /etc/gitlab/initial_root_password",
        "tail -n1 /opt/app/admin-token.txt",
    ],
)
def test_a_file_named_for_a_secret_printed_whole(line: str) -> None:
    assert in_script(CODE, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "cat ~/.ssh/id_ed25519.pub",  # a public key
        'cat "$PASSWORD_FILE" | docker login -u me --password-stdin',  # read by a program
        "TOKEN_VALUE=$(cat /etc/app/token)",  # kept in a variable
        "cat /etc/nginx/.htpasswd",  # hashes
        'grep -q "^admin" /etc/app/secrets.cfg',  # prints nothing
        "cat /etc/app/token.sha256",  # the digest beside it
        "cat /etc/app/token > /backup/token",  # written elsewhere
    ],
)
def test_reading_a_secret_file_without_printing_it_is_quiet(line: str) -> None:
    assert in_script(CODE, line) == []


def test_a_value_one_message_names_a_secret_is_one_at_every_print() -> None:
    lines = (
        "KEY=$(./ctl keys create net 1 | jq -r .accessstring)",
        'echo "join key created: $KEY"',
        'echo "joining with command: agent join -t $KEY --name=$NAME"',
    )
    assert in_script(CODE, *lines) == [4, 5]


def test_a_reassigned_variable_is_not_the_named_secret() -> None:
    lines = (
        "KEY=$(./ctl keys create net 1 | jq -r .accessstring)",
        'echo "join key created: $KEY"',
        "KEY=region",
        'echo "using $KEY"',
    )
    assert in_script(CODE, *lines) == [4]
