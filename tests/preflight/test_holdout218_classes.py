"""Classes the two-hundred-and-eighteenth hold-out set showed (tests/preflight/holdout218: CLI tool and agent
installers that download a release and put it on PATH), each as its minimal construct next to near-misses that must
stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

PRIVILEGE = "preflight.implicit_privilege"

# -- B: a download wrapper's call that names a system directory as the place to save ---------------------------------

_WRAPPER = ("exec_curl(){", '  curl -L --silent -o "$2" "$1"', "}")


def test_b_a_wrapper_saving_into_usr_local_bin_writes_there_at_the_call() -> None:
    # dl's installer: exec_curl URL /usr/local/bin/dl, no sudo and no root check
    lines = (*_WRAPPER, "TARGET=/usr/local/bin/dl", "exec_curl https://github.com/o/dl/releases/download/v1/x $TARGET")
    assert in_script(PRIVILEGE, *lines) == [7]


def test_b_each_call_is_a_write_of_its_own() -> None:
    lines = (
        *_WRAPPER,
        'if [ "$(uname)" = Darwin ]; then',
        "  exec_curl https://github.com/o/dl/releases/download/v1/mac /usr/local/bin/dl",
        "else",
        "  exec_curl https://github.com/o/dl/releases/download/v1/linux /usr/local/bin/dl",
        "fi",
    )
    assert in_script(PRIVILEGE, *lines) == [7, 9]


def test_b_a_wrapper_saving_into_the_users_bin_is_quiet() -> None:
    lines = (*_WRAPPER, 'exec_curl https://github.com/o/dl/releases/download/v1/x "$HOME/.local/bin/dl"')
    assert in_script(PRIVILEGE, *lines) == []


def test_b_a_wrapper_that_prints_what_it_fetches_is_quiet() -> None:
    # the second argument is not where anything is saved: the body writes to stdout
    lines = ("show(){", '  curl -fsSL "$1"', "}", "show https://example.org/notes.txt /usr/local/bin/dl")
    assert in_script(PRIVILEGE, *lines) == []


def test_b_a_place_the_body_names_itself_is_reported_in_the_body_not_at_the_call() -> None:
    # cyberpanel's preUpgrade.sh: the function writes its own /usr/local path; the call names only the URL
    lines = (
        "download(){",
        '  _out="/usr/local/upgrade.sh"',
        '  curl -fsSL -o "$_out" "$1"',
        "}",
        "download https://example.org/upgrade.sh",
    )
    assert in_script(PRIVILEGE, *lines) == [5]


def test_b_a_wrapper_call_after_a_root_check_is_quiet() -> None:
    lines = (
        '[ "$(id -u)" -eq 0 ] || { echo "run as root"; exit 1; }',
        *_WRAPPER,
        "exec_curl https://github.com/o/dl/releases/download/v1/x /usr/local/bin/dl",
    )
    assert in_script(PRIVILEGE, *lines) == []
