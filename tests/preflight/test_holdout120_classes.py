"""Classes the hundred-and-twentieth hold-out set showed (tests/preflight/holdout120: install, update and migrate
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.contents import Kind, refine_kind

PRIVILEGE = "preflight.implicit_privilege"
EGRESS = "preflight.implicit_egress"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Python 2 file indenting with tabs beside spaces is read as Python 2 reads it ---------------------------------


def _python2_installer(first: str, second: str) -> str:
    return _text(
        "#!/usr/bin/env python",  # 1
        "import os",  # 2
        "def install():",  # 3
        f"{first}print('installing')",  # 4
        f"{second}os.system('yum install -y openresty')",  # 5
        "if __name__ == '__main__':",  # 6
        "    install()",  # 7
    )


def test_a_a_tab_beside_eight_spaces_is_one_indentation_level() -> None:
    text = _python2_installer("        ", "\t")
    assert codes_at({"install.py": text}, EGRESS) == [5]


def test_a_spaces_only_read_as_before() -> None:
    text = _python2_installer("    ", "    ")
    assert codes_at({"install.py": text}, EGRESS) == [5]


def test_a_near_miss_a_tab_that_is_not_the_block_of_its_neighbours_stays_unread() -> None:
    # A tab is eight columns in Python 2: beside a four-space line it opens a deeper block (an IndentationError).
    text = _python2_installer("    ", "\t")
    assert codes_at({"install.py": text}, EGRESS) == []


def test_a_near_miss_python_2_statements_stay_unread() -> None:
    text = _python2_installer("        ", "\t").replace("print('installing')", "print 'installing'")
    assert codes_at({"install.py": text}, EGRESS) == []


# -- B: a program whose text holds the unit it writes is read as the program, not as a unit ----------------------------

_UNIT_HEREDOC = (
    "service = <<EOF",  # 1
    "[Unit]",  # 2
    "Description=Fan controller",  # 3
    "[Service]",  # 4
    "ExecStart=ruby fanctrl.rb",  # 5
    "EOF",  # 6
)


def test_b_a_ruby_installer_writing_a_unit_from_a_heredoc_is_read_as_ruby() -> None:
    text = _text(*_UNIT_HEREDOC, 'File.write("/etc/systemd/system/fanctrl.service", service)', "`systemctl daemon-reload`")
    assert codes_at({"install.rb": text}, PRIVILEGE) == [7, 8]


def test_b_near_miss_unit_text_in_a_file_that_is_no_program_source_is_still_a_unit() -> None:
    # Content still makes a unit of configuration that is no program source (holdout38's unit with no suffix).
    unit = _text(*_UNIT_HEREDOC[1:5])
    assert refine_kind(Kind.CONFIG, unit, "deploy/fanctrl") is Kind.SYSTEMD
    assert refine_kind(Kind.CONFIG, unit, "deploy/fanctrl.rb") is Kind.CONFIG
