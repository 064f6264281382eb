"""Classes the hundred-and-thirty-fourth hold-out set showed (tests/preflight/holdout134: install, update and deploy
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
PIPE = "preflight.pipe_to_shell"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a list given to a shell=True run is ``sh -c ARGS[0] ARGS[1:]``: its first item is the shell code -----------


def _installer(*lines: str) -> str:
    return _text("from subprocess import call", *lines)  # 1


def test_a_the_first_item_of_a_list_run_with_shell_true_is_shell_code() -> None:
    text = _installer("call(['git pull'], shell=True)")  # 2
    assert codes_at({"install.py": text}, EGRESS) == [2]


def test_a_the_list_s_later_items_are_the_shell_s_arguments_not_its_code() -> None:
    text = _installer("call(['echo done', 'git pull'], shell=True)")  # 2: $0 is 'git pull', nothing runs it
    assert codes_at({"install.py": text}, EGRESS) == []


def test_a_a_list_without_shell_true_stays_one_argv_word() -> None:
    text = _installer("call(['git pull'])")  # 2: a program named 'git pull', which no shell splits
    assert codes_at({"install.py": text}, EGRESS) == []


# -- A2: PyPy is a Python interpreter: ``pypy3 -m pip install`` fetches, ``curl … | pypy3`` runs what it fetched ----


def test_a2_pypy_running_pip_is_a_pip_install() -> None:
    text = _text("#!/bin/sh", "pypy3 -m pip install Flask")
    assert codes_at({"install.sh": text}, EGRESS) == [2]


def test_a2_pypy_running_another_module_is_not_a_fetch() -> None:
    text = _text("#!/bin/sh", "pypy3 -m http.server")
    assert codes_at({"install.sh": text}, EGRESS) == []


def test_a2_a_download_piped_to_pypy_is_run_unverified() -> None:
    text = _text("#!/bin/sh", "curl -s https://bootstrap.pypa.io/get-pip.py | pypy3")
    assert codes_at({"install.sh": text}, PIPE) == [2]


def test_a2_a_download_piped_to_a_file_is_not_run() -> None:
    text = _text("#!/bin/sh", "curl -s https://bootstrap.pypa.io/get-pip.py | tee get-pip.py")
    assert codes_at({"install.sh": text}, PIPE) == []

