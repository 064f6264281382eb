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
