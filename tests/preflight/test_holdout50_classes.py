"""Classes the fiftieth hold-out set showed (tests/preflight/holdout50: install and upgrade programs written in
Python, PHP, JavaScript, Go and Perl), each as its minimal construct next to a near-miss that must stay quiet or
stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
PROTECTION = "preflight.protection_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Python step names its programs through module constants --------------------------------------------------

CONSTANT_PROGRAMS = _text(
    "import sys",  # 1
    "from tool.osi import run_command",  # 2
    "SYSCTL = '/usr/bin/systemctl'",  # 3
    "YUM = 'yum'",  # 4
    "",  # 5
    "def main():",  # 6
    "    run_command([YUM, 'remove', '-y', 'kernel-old'])",  # 7
    "    run_command([SYSCTL, 'stop', 'firewalld'])",  # 8
    "    run_command([SYSCTL, 'restart', 'sshd'])",  # 9
    "",  # 10
    "if __name__ == '__main__':",  # 11
    "    main()",  # 12
)


def test_a_a_program_named_by_a_module_constant_is_that_program() -> None:
    files = {"scripts/initapp.py": CONSTANT_PROGRAMS}
    assert codes_at(files, PRIVILEGE) == [7, 8, 9]
    assert codes_at(files, PROTECTION) == [8]


def test_a_near_miss_a_constant_that_is_computed_names_no_program() -> None:
    # the program is a value the script computes (a path joined at run time): still unknown, nothing reported
    computed = CONSTANT_PROGRAMS.replace("'/usr/bin/systemctl'", "os.path.join(BASE, 'tool')").replace(
        "'yum'", "find_program()"
    )
    files = {"scripts/initapp.py": computed}
    assert codes_at(files, PRIVILEGE) == []
    assert codes_at(files, PROTECTION) == []
