"""Classes the hundred-and-fortieth hold-out set showed (tests/preflight/holdout140: CLI tool and agent installers
that download a release and put it on PATH, holdout79's population sampled a third time), each as its minimal
construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PERSISTENCE = "preflight.persistence"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B, C: a blank or comment line appended to a profile named by a variable, before the real lines --------------


def _rc_installer(first: str) -> str:
    return _text(
        "#!/bin/bash",  # 1
        'RC_FILE="$HOME/.zshrc"',  # 2
        f'{first} >> "$RC_FILE"',  # 3
        'echo "$FUNC_BLOCK" >> "$RC_FILE"',  # 4
    )


def test_b_blank_echo_to_a_profile_variable_is_not_a_change() -> None:
    assert codes_at({"install.sh": _rc_installer('echo ""')}, PERSISTENCE) == [4]


def test_c_comment_echo_to_a_profile_is_not_a_change() -> None:
    assert codes_at({"install.sh": _rc_installer('echo "# env-manage"')}, PERSISTENCE) == [4]
    assert codes_at({"install.sh": _rc_installer("echo -e '\\n# tool'")}, PERSISTENCE) == [4]
    direct = _text("#!/bin/sh", 'echo "# tool" >> ~/.bashrc', "echo 'eval \"$(tool init)\"' >> ~/.bashrc")
    assert codes_at({"install.sh": direct}, PERSISTENCE) == [3]


def test_near_miss_c_a_comment_followed_by_a_command_line_is_reported() -> None:
    assert codes_at({"install.sh": _rc_installer("echo -e '# tool\\nexport PATH=~/.tool/bin:$PATH'")}, PERSISTENCE) == [
        3,
        4,
    ]
    assert codes_at({"install.sh": _rc_installer('echo "# $TOOL"')}, PERSISTENCE) == [3, 4]
    assert codes_at({"install.sh": _rc_installer('echo "em init"')}, PERSISTENCE) == [3, 4]


# -- A: a function that escalates only when an option asks for it, the file defaulting the option off ----------

PRIVILEGE = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"


def _option_runner(default: str, option: str = 'USE_SUDO="${2:?missing value for --sudo}"') -> str:
    return _text(
        "#!/usr/bin/env bash",  # 1
        f'USE_SUDO="{default}"',  # 2
        "run_write() {",  # 3
        '  if [ "${USE_SUDO}" = "always" ]; then',  # 4
        '    sudo "$@"',  # 5
        "    return",  # 6
        "  fi",  # 7
        '  "$@"',  # 8
        "}",  # 9
        'while [ "$#" -gt 0 ]; do',  # 10
        '  case "$1" in',  # 11
        f"    --sudo) {option}; shift 2 ;;",  # 12
        "    *) shift ;;",  # 13
        "  esac",  # 14
        "done",  # 15
        'run_write install -m 0755 tool "/usr/local/lib/tool/tool"',  # 16
        'run_write ln -sfn /usr/local/lib/tool/tool "/usr/local/bin/tool"',  # 17
    )


def test_a_escalation_only_on_the_operators_option_leaves_the_calls_plain() -> None:
    installer = _option_runner("never")
    assert codes_at({"install.sh": installer}, PRIVILEGE) == [16, 17]
    assert codes_at({"install.sh": installer}, SUDO) == [5]


def test_a_getopts_optarg_is_the_operators_word_too() -> None:
    installer = _option_runner("never", 'USE_SUDO="$OPTARG"')
    assert codes_at({"install.sh": installer}, PRIVILEGE) == [16, 17]
    assert codes_at({"install.sh": installer}, SUDO) == [5]


def test_near_miss_a_default_that_escalates_keeps_every_call_escalated() -> None:
    installer = _option_runner("always")
    assert codes_at({"install.sh": installer}, PRIVILEGE) == []
    assert codes_at({"install.sh": installer}, SUDO) == [16, 17]


def test_near_miss_a_value_from_the_environment_is_not_the_operators_option() -> None:
    installer = _option_runner("never", 'USE_SUDO="$INSTALL_SUDO"')
    assert codes_at({"install.sh": installer}, PRIVILEGE) == []
    assert codes_at({"install.sh": installer}, SUDO) == [16, 17]
