"""Classes the hundred-and-thirty-third hold-out set showed (tests/preflight/holdout133: install, update and migrate
programs in Python, JavaScript, Go, PHP and Ruby), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- D: a PHP write through a variable the file assigns once a literal path is a write of that path ------------------


def _php_installer(*assignments: str) -> str:
    return _text(
        "<?php",  # 1
        *assignments,  # 2 (3)
        "file_put_contents($target, \"#!/bin/sh\\n\");",
    )


def test_d_a_write_through_a_path_variable_assigned_once_is_read_at_its_path() -> None:
    text = _php_installer("$target = '/usr/local/bin/todo';")
    assert codes_at({"install.php": text}, PRIVILEGE) == [3]


def test_d_a_write_through_a_variable_assigned_a_project_path_stays_quiet() -> None:
    text = _php_installer("$target = 'bin/todo';")
    assert codes_at({"install.php": text}, PRIVILEGE) == []


def test_d_a_variable_assigned_twice_is_not_taken_for_either_literal() -> None:
    text = _php_installer("$target = '/usr/local/bin/todo';", "$target = 'bin/todo';")
    assert codes_at({"install.php": text}, PRIVILEGE) == []


# -- B: a literal a Python program gives a secret only when its prompt was left empty is a fallback ----------------

DEFAULT = "preflight.default_credential"
HARDCODED = "preflight.hardcoded_credential"


def _prompting_installer(guard: str) -> str:
    return _text(
        "import os",  # 1
        'db_pass = input("Database Password : ")',  # 2
        guard,  # 3
        '    db_pass = "nbp123"',  # 4
        'os.system("mysql -p" + db_pass)',  # 5
    )


def test_b_a_literal_under_an_emptiness_test_of_the_same_name_is_a_default() -> None:
    for guard in ('if db_pass == "" :', "if not db_pass:", "if db_pass is None:"):
        files = {"install.py": _prompting_installer(guard)}
        assert (codes_at(files, DEFAULT), codes_at(files, HARDCODED)) == ([4], []), guard


def test_b_a_python2_file_is_read_the_same_way() -> None:
    text = _prompting_installer('if db_pass=="" :').replace("import os\n", "import os\nprint 'installing'\n")
    files = {"install.py": text}
    assert (codes_at(files, DEFAULT), codes_at(files, HARDCODED)) == ([5], [])


def test_b_a_literal_under_a_test_of_another_name_stays_hardcoded() -> None:
    files = {"install.py": _prompting_installer('if db_user == "":')}
    assert (codes_at(files, DEFAULT), codes_at(files, HARDCODED)) == ([], [4])


# -- A: a Python 2 program whose print is a statement is read as the calls Python 3 spells -------------------------


def _python2_program(last: str) -> str:
    return _text(
        "import os",  # 1
        "print '-- installing'  # a comment",  # 2
        "if True :",  # 3
        "    print",  # 4
        "os.system('pip install paramiko')",  # 5
        last,  # 6
    )


def test_a_print_statements_leave_the_program_read_on_its_own_lines() -> None:
    text = _python2_program('print "done",')
    assert codes_at({"install.py": text}, "preflight.implicit_egress") == [5]


def test_a_a_print_to_a_file_target_leaves_the_file_unread() -> None:
    text = _python2_program('print >>log, "done"')
    assert codes_at({"install.py": text}, "preflight.implicit_egress") == []


def test_a_python2_print_calls_keep_every_line_and_leave_calls_alone() -> None:
    from shipgate.preflight.python2_prints import print_calls

    source = "print 'a'  # c\nif x:\n    print\nprint x,\nprint(y)\nprint = 3\n"
    assert print_calls(source) == "print( 'a')  # c\nif x:\n    print()\nprint( x,)\nprint(y)\nprint = 3\n"
    assert print_calls("print(y)\n") is None


# -- E: a shell string a Python program builds with + or binds to a name first is read where it is run --------------


def test_e_a_command_string_bound_to_a_name_is_read_at_each_run_with_its_last_literal() -> None:
    text = _text(
        "import os",  # 1
        'cmd = "yum install epel-release -y"',  # 2
        "os.system(cmd)",  # 3
        'cmd = "yum install python-pip"',  # 4
        "os.system(cmd)",  # 5
        "cmd = input()",  # 6
        "os.system(cmd)",  # 7
    )
    assert codes_at({"install.py": text}, "preflight.implicit_egress") == [3, 5]


def test_e_a_literal_joined_to_a_path_constant_runs_its_program_on_that_path() -> None:
    text = _text("import os", 'BASE = "/root/workspace/"', 'os.system("mkdir -p " + BASE)')
    assert codes_at({"install.py": text}, PRIVILEGE) == [3]


def test_e_a_join_onto_a_project_path_stays_quiet() -> None:
    text = _text("import os", 'BASE = "workspace/"', 'os.system("mkdir -p " + BASE)')
    assert codes_at({"install.py": text}, PRIVILEGE) == []
