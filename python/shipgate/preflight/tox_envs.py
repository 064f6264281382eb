"""The scripts a project's tox test environments run: development tooling, wherever the project keeps them.

tox reads ``tox.ini`` at the project's root (``distributed`` knows the file as CI tooling). The ``commands``,
``commands_pre`` and ``commands_post`` of its ``[testenv]`` and ``[testenv:NAME]`` sections are the commands a test
run executes, one a line, with ``{toxinidir}`` for the root: a script of the package that one of them runs (as its
program, ``{toxinidir}/setup-mysql-tests.sh stestr run``, or given to a shell, ``bash tools/start-db.sh``) starts a
test database or a test service for the test suite, as a Makefile's developer targets do
(``makefile_tooling``). RefStack's ``setup-mysql-tests.sh`` runs ``sudo mysql`` to create a test database whose
password is ``ref_pass``: a test run's steps, not the install's. A script no test environment runs stays a step.
``setup.py`` is never one: it is the package's build description, whatever tox also runs through it.
"""

from __future__ import annotations

import configparser
import shlex
from collections.abc import Iterator, Mapping

MAX_TOX_INI = 1 << 18  # bytes of tox.ini read (a larger one names no script)
MAX_LINES = 2000  # command lines read across its test environments
_COMMAND_KEYS = ("commands", "commands_pre", "commands_post")
_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh"})


def _command_lines(text: str) -> Iterator[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return
    count = 0
    for section in parser.sections():
        if section != "testenv" and not section.startswith("testenv:"):
            continue
        for key in _COMMAND_KEYS:
            for line in parser.get(section, key, fallback="").splitlines():
                count += 1
                if count > MAX_LINES:
                    return
                yield line.strip()


def line_script(line: str) -> str | None:
    """The package path a command line runs: its program, or the script a shell is given; None for others."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError:  # an unclosed quote
        return None
    if words and words[0] in _SHELLS:
        words = [w for w in words[1:] if not w.startswith("-")]
    if not words:
        return None
    path = words[0].replace("{toxinidir}/", "", 1).removeprefix("./")
    return None if "{" in path or path.startswith("/") else path


def test_env_scripts(files: Mapping[str, bytes | str]) -> frozenset[str]:
    """The paths of ``files`` that a test environment of the root ``tox.ini`` runs."""
    data = files.get("tox.ini")
    if data is None or len(data) > MAX_TOX_INI:
        return frozenset()
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    run = {line_script(line) for line in _command_lines(text)}
    return frozenset(p for p in run if p and p in files and p != "setup.py")
