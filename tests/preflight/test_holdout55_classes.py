"""Classes the fifty-fifth hold-out set showed (tests/preflight/holdout55: installers and container entrypoints
picked at random), each as its minimal construct next to a near-miss that must stay reported."""

from __future__ import annotations

from preflight_kit import in_script

PRINTED = "preflight.secret_printed"


# -- A: a secret echoed where no log sees it: its output thrown away, or a function's captured return value -----------


def test_a_secret_piped_through_tee_into_a_file_with_the_copy_discarded_is_not_printed() -> None:
    assert in_script(PRINTED, 'echo "$API_TOKEN" | tee /etc/opt/agent/API_TOKEN > /dev/null') == []
    assert in_script(PRINTED, 'echo "$DB_PASSWORD" >/dev/null') == []


def test_a_near_miss_tee_without_the_redirection_or_only_stderr_discarded_still_prints() -> None:
    assert in_script(PRINTED, 'echo "$API_TOKEN" | tee /etc/opt/agent/API_TOKEN') == [3]
    assert in_script(PRINTED, 'echo "$DB_PASSWORD" 2>/dev/null') == [3]


def test_a_echo_in_a_function_only_called_inside_command_substitution_returns_its_value() -> None:
    generated = ("new_token() {", '  token="$(openssl rand -hex 16)"', '  echo "$token"', "}", 'TOKEN="$(new_token)"')
    assert in_script(PRINTED, *generated) == []
    config = (
        "make_secret_config() {",
        '  temp="$(mktemp)"',
        '  secret_config="$temp.yml"',
        '  printf "password: %s" "$1" > "$secret_config"',
        '  echo "$secret_config"',
        "}",
        'secret_config="$(make_secret_config "$PASSWORD")"',
    )
    assert in_script(PRINTED, *config) == []


def test_a_near_miss_the_same_function_called_outside_a_substitution_or_echoing_to_stderr_prints() -> None:
    called = ("show_token() {", '  echo "$TOKEN"', "}", 'x="$(show_token)"', "show_token")
    assert in_script(PRINTED, *called) == [4]
    to_stderr = ("show_token() {", '  echo "$TOKEN" >&2', "}", 'x="$(show_token)"')
    assert in_script(PRINTED, *to_stderr) == [4]


# -- B: a file written only when the script is not root was meant to be writable without root ------------------------

PRIVILEGE = "preflight.implicit_privilege"
NOT_ROOT = 'if [ "$(id -u)" -ne 0 ]; then'


def test_b_a_write_under_etc_in_the_non_root_branch_is_not_implicit_privilege() -> None:
    rewrite = '  sed "s/^app:x:[0-9]*:/app:x:$(id -u):/" /etc/passwd > /tmp/passwd'
    lines = (NOT_ROOT, rewrite, "  cat /tmp/passwd > /etc/passwd", "fi")
    assert in_script(PRIVILEGE, *lines) == []


def test_b_near_miss_the_write_outside_the_branch_or_a_package_step_inside_it_stays_reported() -> None:
    assert in_script(PRIVILEGE, "cat /tmp/passwd > /etc/passwd") == [3]
    assert in_script(PRIVILEGE, NOT_ROOT, "  apt-get install -y curl", "fi") == [4]
