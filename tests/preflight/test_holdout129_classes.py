"""Classes the hundred-and-twenty-ninth hold-out set showed (tests/preflight/holdout129: CLI tool and agent
installers that download a release and put it on PATH, holdout79's population sampled again), each as its minimal
construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
ROOT = "preflight.root_assumed"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a root check in a function that returns 1 for other users, its caller exiting on that status ----------


def _root_checked_agent(on_failure: str) -> str:
    return _text(
        "#!/usr/bin/env sh",  # 1
        "check_root() {",  # 2
        "    if [ $(id -u) -ne 0 ]; then",  # 3
        '        echo "Please run this script as root!"',  # 4
        "        return 1",  # 5
        "    else",  # 6
        "        return 0",  # 7
        "    fi",  # 8
        "}",  # 9
        on_failure,  # 10
        "mkdir -p /etc/agent",  # 11
        "cp agent /usr/local/bin/agent",  # 12
    )


def test_a_function_returning_1_for_non_root_with_caller_exiting_is_a_root_check() -> None:
    installer = _root_checked_agent("check_root || { rm -rf /tmp/agent; exit 1; }")
    assert codes_at({"install.sh": installer}, ROOT) == [3]
    assert codes_at({"install.sh": installer}, PRIVILEGE) == []


def test_a_if_not_check_function_then_exit_is_a_root_check_too() -> None:
    installer = _root_checked_agent("if ! check_root; then exit 1; fi")
    assert codes_at({"install.sh": installer}, ROOT) == [3]
    assert codes_at({"install.sh": installer}, PRIVILEGE) == []


def test_near_miss_a_caller_going_on_after_the_failed_check_still_reports_the_root_steps() -> None:
    installer = _root_checked_agent('check_root || echo "continuing without root"')
    assert codes_at({"install.sh": installer}, ROOT) == []
    assert codes_at({"install.sh": installer}, PRIVILEGE) == [11, 12]


def test_near_miss_a_function_returning_1_for_root_is_not_a_root_predicate() -> None:
    installer = _text(
        "#!/usr/bin/env sh",  # 1
        "refuse_root() {",  # 2
        "    if [ $(id -u) -eq 0 ]; then",  # 3
        "        return 1",  # 4
        "    fi",  # 5
        "}",  # 6
        "refuse_root || exit 1",  # 7
        "mkdir -p /etc/agent",  # 8
    )
    assert codes_at({"install.sh": installer}, ROOT) == []
    assert codes_at({"install.sh": installer}, PRIVILEGE) == [8]


# -- D: a blank line appended to a profile before the PATH line ------------------------------------------------

PERSISTENCE = "preflight.persistence"


def test_d_blank_echo_before_the_path_line_is_not_a_second_change() -> None:
    installer = _text(
        "#!/bin/bash",  # 1
        "mkdir -p ~/.local/bin",  # 2
        'echo "" >> ~/.bashrc',  # 3
        "echo 'export PATH=~/.local/bin:$PATH' >> ~/.bashrc",  # 4
    )
    assert codes_at({"install.sh": installer}, PERSISTENCE) == [4]


def test_near_miss_d_echo_of_a_variable_appended_to_a_profile_is_reported() -> None:
    installer = _text(
        "#!/bin/bash",  # 1
        'LINE="export PATH=$HOME/.tool/bin:$PATH"',  # 2
        'echo "$LINE" >> ~/.bashrc',  # 3
    )
    assert codes_at({"install.sh": installer}, PERSISTENCE) == [3]


# -- E: a sudoers line deleted before it is added again, its output sent to /dev/null ---------------------------


def _sudoers_agent(edit: str) -> str:
    return _text(
        "#!/bin/sh",  # 1
        '[ "$(id -u)" -eq 0 ] || exit 1',  # 2
        "remove_entry() {",  # 3
        f'    {edit} "/etc/sudoers" > /dev/null 2>&1',  # 4
        "}",  # 5
        "add_entry() {",  # 6
        "    remove_entry",  # 7
        '    echo "agent ALL=(ALL) NOPASSWD: /usr/bin/docker ps" >> "/etc/sudoers"',  # 8
        "}",  # 9
        "add_entry",  # 10
    )


def test_e_deleting_sed_is_no_grant_and_the_append_after_it_is_reported() -> None:
    installer = _sudoers_agent('sed -i "/^agent/d"')
    assert codes_at({"install.sh": installer}, PERSISTENCE) == [8]


def test_near_miss_e_substituting_sed_of_sudoers_is_reported_beside_the_append() -> None:
    installer = _sudoers_agent('sed -i "s/^agent.*/agent ALL=(ALL) NOPASSWD: ALL/"')
    assert codes_at({"install.sh": installer}, PERSISTENCE) == [4, 8]


# -- B: ``wget -O -`` sends the body to standard output; it saves no file a later ``find`` could name -----------

UNVERIFIED = "preflight.unverified_download_exec"


def _found_and_installed(get_json: str, *fetch: str) -> str:
    return _text(
        "#!/bin/bash",  # 1
        get_json,  # 2
        "install_binary() {",  # 3
        '    cp "$1" "$HOME/.local/bin/tool"',  # 4
        '    chmod +x "$HOME/.local/bin/tool"',  # 5
        "}",  # 6
        'get_json "https://api.example.com/releases/$TAG" > "$tmpdir/release.json"',  # 7
        *fetch,
        'binary=$(find "$extract_dir" -type f -name "tool*" | head -1)',
        'install_binary "$binary"',
    )


def test_b_wget_to_standard_output_in_a_function_whose_call_is_redirected_saves_no_file() -> None:
    for body in ('get_json() { wget -q -O - "$1"; }', 'get_json() { wget -qO- "$1"; }'):
        assert codes_at({"install.sh": _found_and_installed(body)}, UNVERIFIED) == [], body


def test_near_miss_b_wget_saving_under_the_urls_unknown_name_is_what_find_locates() -> None:
    fetch = 'wget -q "https://dl.example.com/$TAG/tool-$ARCH"'
    installer = _found_and_installed('get_json() { wget -q -O - "$1"; }', fetch)
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [4]


# -- C: a download staged in a bin directory under a temporary name, checked, then made the program ------------


def _staged_install(*check: str, saved: str = '"$BIN/tool.tmp.$$"') -> str:
    return _text(
        "#!/bin/sh",  # 1
        "set -e",  # 2
        'BIN="$HOME/.local/bin"',  # 3
        f'curl -fsSL -o {saved} "https://dl.example.com/tool-linux-x64"',  # 4
        *check,
        f"chmod +x {saved}",  # 5 + len(check)
        f'mv {saved} "$BIN/tool"',
    )


def test_c_staged_download_checked_before_it_is_made_executable_and_renamed_is_quiet() -> None:
    check = 'echo "0123abcd  $BIN/tool.tmp.$$" | sha256sum -c -'
    assert codes_at({"install.sh": _staged_install(check)}, UNVERIFIED) == []


def test_near_miss_c_staged_download_never_checked_is_reported_where_it_is_made_executable() -> None:
    assert codes_at({"install.sh": _staged_install()}, UNVERIFIED) == [5]


def test_near_miss_c_download_saved_under_the_programs_own_name_in_bin_is_reported_at_the_save() -> None:
    check = 'echo "0123abcd  $BIN/tool" | sha256sum -c -'
    assert codes_at({"install.sh": _staged_install(check, saved='"$BIN/tool"')}, UNVERIFIED) == [4]
