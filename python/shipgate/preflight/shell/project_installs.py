"""Local projects a package tool builds and installs: ``pip install .`` (also ``-e .``, ``.[dev]``, a directory's path,
``python3 -m pip``, ``uv pip``), ``pipx install --editable DIR``, ``cpanm --installdeps .`` and ``cargo install
--path DIR``. Given a directory, the tool runs the project's own build code in it (``setup.py`` or the build backend
the project names, ``Makefile.PL``/``Build.PL``, ``build.rs``), so a fetched checkout installed so has its code run
as ``npm ci`` in it does (docs/preflight.md, ``unverified_download_exec``). A package named from the index, a URL,
an archive or a wheel on disk (a wheel runs no build code; a fetched archive is followed as the file it is) is not
a project directory here."""

from __future__ import annotations

import re

from shipgate.preflight.shell.commands import runs_pip_module
from shipgate.preflight.shell.model import Command, Word

_PIP = frozenset({"pip", "pip3"})
# pip's and pipx's options that take a value (the value is no project): ``-t DIR``, ``-r FILE``, ``--python PY``…
_VALUE_OPTIONS = frozenset(
    {
        "-r", "--requirement", "-c", "--constraint", "-t", "--target", "--prefix", "--root", "-i", "--index-url",
        "--extra-index-url", "-f", "--find-links", "--python", "--src", "--upgrade-strategy", "--platform",
        "--python-version", "--implementation", "--abi", "--global-option", "--config-settings", "-C", "--no-binary",
        "--only-binary", "--progress-bar", "--trusted-host", "--cache-dir", "--log", "--proxy", "--timeout",
        "--retries", "--exists-action", "--cert", "--client-cert", "--report", "--suffix", "--pip-args",
        "--preinstall", "-l", "--local-lib", "-L", "--local-lib-contained", "-M", "--mirror", "--from",
    }
)  # fmt: skip
# Options whose value is the project (``-e .``, ``cpanm --installdeps .``, ``cargo install --path .``)
_PROJECT_OPTIONS = frozenset({"-e", "--editable", "--installdeps", "--path"})
# A path as written: the working directory, or a name with a directory part (pip takes a word with ``/`` as a path)
_PATH = re.compile(r"^(?:\.\.?/?|[^\s:@=<>]*/[^\s:@=<>]*)$")
_EXTRAS = re.compile(r"\[[^\]]*\]$")
# Files, not projects: a wheel or an archive (followed by the download checks as the file it is), a requirements list
_FILE = re.compile(r"\.(?:whl|zip|tar|tgz|tar\.gz|tar\.bz2|tar\.xz|txt|in|cfg|toml)$", re.IGNORECASE)


def installed_projects(command: Command) -> list[Word]:
    """The project directories ``command`` builds and installs (see the module's docstring), as written."""
    words = _install_words(command)
    if words is None:
        return []
    given: list[Word] = []
    skip = False
    for word in words:
        text = word.text
        if skip:
            skip = False
        elif text in _PROJECT_OPTIONS:
            continue  # its value is a project: read as an operand
        elif text in _VALUE_OPTIONS:
            skip = True
        elif text.partition("=")[0] in _PROJECT_OPTIONS:
            given.append(Word(word.raw, text.partition("=")[2], word.line, word.expands, word.assigned_at))
        elif not text.startswith("-"):
            given.append(word)
    return [_project(w) for w in given if _local_project(w.text)]


def _install_words(command: Command) -> list[Word] | None:
    """The words after the tool's ``install`` verb, or None when ``command`` is no install of one of the tools."""
    name = command.name or ""
    texts = [w.text for w in command.words[:4]]
    pip = name in _PIP or runs_pip_module(command) or (name == "uv" and texts[:1] == ["pip"])
    if pip or name in ("pipx", "cargo"):
        if "install" not in texts:
            return None
        return list(command.words[texts.index("install") + 1 :])
    if name in ("cpanm", "cpanminus"):
        return list(command.words)
    return None


def _local_project(text: str) -> bool:
    bare = _EXTRAS.sub("", text)
    return bool(_PATH.match(bare)) and "://" not in bare and not bare.startswith("git+") and not _FILE.search(bare)


def _project(word: Word) -> Word:
    """The directory without its extras (``.[dev]`` is ``.``)."""
    bare = _EXTRAS.sub("", word.text)
    return word if bare == word.text else Word(word.raw, bare, word.line, word.expands, word.assigned_at)
