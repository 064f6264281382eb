"""Round forty-one of the whole packages (tests/preflight/packages/README.md, "Round forty-one"): each class fixed,
with a construct (the case that was missed on the first run) and near misses (the similar cases that must keep their
result)."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"
HIDDEN = "preflight.hidden_migration"

# -------------------------------------------------- a tool's entry point run through ``python -c``

# zc.buildout's bootstrap (Circus's sdist, holdout31's buildout): easy_install run as ``python -c`` code that calls
# its ``main()``, which reads the words after the code from ``sys.argv``
_BOOTSTRAP = (
    "import os, subprocess, sys, tempfile\n"  # 1
    "tmpeggs = tempfile.mkdtemp()\n"  # 2
    "cmd = [sys.executable, '-c',\n"  # 3
    "       'from setuptools.command.easy_install import main; main()',\n"  # 4
    "       '-mZqNxd', tmpeggs]\n"  # 5
    "requirement = 'zc.buildout'\n"  # 6
    "cmd.append(requirement)\n"  # 7
    "if subprocess.call(cmd, env=dict(os.environ)) != 0:\n"  # 8
    "    raise Exception('Failed to execute command')\n"  # 9
)


def test_easy_install_run_through_its_entry_point_reaches_pypi() -> None:
    assert codes_at({"bootstrap.py": _BOOTSTRAP}, EGRESS) == [8]


def test_pip_run_through_its_entry_point_reaches_pypi() -> None:
    line = "python3 -c 'from pip._internal.cli.main import main as pip; pip()' install vendor-tools"
    assert in_script(EGRESS, line) == [3]


def test_an_entry_point_given_its_arguments_in_the_code_reads_no_words_after_it() -> None:
    # ``main([...])`` is handed its own list: the words after the code are not its command line
    line = "python3 -c 'from setuptools.command.easy_install import main; main([\"--help\"])' zc.buildout"
    assert in_script(EGRESS, line) == []


def test_other_code_run_by_the_interpreter_is_no_tool() -> None:
    lines = (
        "python3 -c 'import sys; print(sys.version)' zc.buildout",
        "python3 -c 'from vendor_tools.cli import main; main()' install zc.buildout",
    )
    assert in_script(EGRESS, *lines) == []


def test_easy_install_of_a_local_distribution_through_its_entry_point_stays_on_the_host() -> None:
    line = "python3 -c 'from setuptools.command.easy_install import main; main()' ./dist/vendor_tools-1.0.tar.gz"
    assert in_script(EGRESS, line) == []


def test_a_migration_cli_run_through_its_entry_point_is_a_hidden_migration() -> None:
    # the same reading gives the migration checks the CLI's words (``python -m alembic upgrade head`` already was)
    lines = (
        "python3 -c 'from alembic.config import main; main()' upgrade head",
        "python3 -c 'from alembic.config import main; main()' --help",
    )
    assert in_script(HIDDEN, *lines) == [3]
