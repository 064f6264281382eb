"""Classes of mistakes the hundred-and-forty-eighth hold-out set found (tests/preflight/holdout148: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
UNVERIFIED = "preflight.unverified_download_exec"


def _in(code: str, *lines: str) -> list[int | None]:
    """Lines of the ``code`` findings in a bash script of ``lines`` (its ``#!`` line is line 1; no ``set -e``)."""
    return codes_at({"scripts/upgrade.sh": "\n".join(("#!/bin/bash", *lines)) + "\n"}, code)


# -- A: a ``local`` in a function hides the values other functions give the name -------------------------------------

_TWO_SCOPES = (
    "install_system() {",
    '    local unit_dir="/etc/systemd/system"',
    '    sudo install -m 644 app.service "${unit_dir}/app.service"',
    "}",
    "install_user() {",
    '    local unit_dir="${HOME}/.config/systemd/user"',
    '    install -m 644 app.service "${unit_dir}/app.service"',
    "}",
    'if [ "$1" = system ]; then install_system; else install_user; fi',
)


def test_a_local_value_is_the_functions_own() -> None:
    # the user's unit directory: the other function's /etc/systemd/system is not this function's unit_dir
    assert _in(PRIVILEGE, *_TWO_SCOPES) == []


def test_a_near_misses_same_function_and_global_names_keep_the_literal() -> None:
    # an option overriding the function's own literal default leaves the literal in place
    same = (
        "configure() {",
        '    local dir="/etc/app"',
        '    [ -n "$1" ] && dir="$1"',
        '    cp app.conf "$dir/app.conf"',
        "}",
        "configure",
    )
    assert _in(PRIVILEGE, *same) == [5]
    # a ``local`` copying an argument may hold the caller's literal (holdout79's dry: ``local _prefix="$2"``)
    passed = (
        "main() {",
        '    local prefix="/usr/local/bin"',
        '    install_to "$prefix"',
        "}",
        "install_to() {",
        '    local prefix="$1"',
        '    mv app "$prefix/app"',
        "}",
        "main",
    )
    assert _in(PRIVILEGE, *passed) == [8]
    # without ``local`` the name is global: an unknown value does not hide the literal above it (as before)
    plain = ('DIR="/etc/app"', "set_dir() {", '    DIR="$1"', "}", "set_dir", 'cp app.conf "$DIR/app.conf"')
    assert _in(PRIVILEGE, *plain) == [7]


# -- B: a bare checksum on its own line does not stop a script without errexit ---------------------------------------

_FETCH = "wget -O app.tar.gz https://dl.example.org/app.tar.gz"
_INSTALL = "tar -x -C /usr/local -f app.tar.gz"


def test_b_bare_check_without_errexit_is_gone_past() -> None:
    # sha1sum -c fails, the script goes on to the tar: a check the run goes past
    assert _in(UNVERIFIED, _FETCH, "echo 'abc123 *app.tar.gz' | sha1sum -c", _INSTALL) == [4]
    assert _in(UNVERIFIED, _FETCH, "sha256sum -c app.tar.gz.sha256", _INSTALL) == [4]


def test_b_near_misses_checks_that_stop_the_run() -> None:
    check = "echo 'abc123 *app.tar.gz' | sha1sum -c"
    assert _in(UNVERIFIED, "set -e", _FETCH, check, _INSTALL) == []
    assert _in(UNVERIFIED, "set -o errexit", _FETCH, check, _INSTALL) == []
    assert _in(UNVERIFIED, _FETCH, check + " || exit 1", _INSTALL) == []
    assert _in(UNVERIFIED, _FETCH, check, "[ $? -eq 0 ] || exit 1", _INSTALL) == []
    assert _in(UNVERIFIED, _FETCH, "if ! sha256sum -c app.tar.gz.sha256; then exit 1; fi", _INSTALL) == []
