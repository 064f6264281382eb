"""The scripts a Python source distribution installs as commands on ``PATH``, from its build description.

setuptools copies the files a project lists as scripts into the environment's ``bin/`` when the package is
installed; the operator runs them later, by hand and as the account they choose (privacyIDEA's
``tools/reset-privacyidea`` and ``tools/privacyidea-create-userdb``, run by the administrator as root; Graphite's
``bin/*``). Installing the package does not run them, so what the privilege checks ask of an installer does not
apply to them, as it does not to a system package's payload (``runners.installed_payload``). What such a tool
does when run (a migration, a download) is still read.

Read, at the tree's root only (an sdist's build description; a vendored project's is not this package's):

- ``pyproject.toml``: ``[tool.setuptools] script-files`` (a list of paths);
- ``setup.cfg``: ``[options] scripts`` (one path per line);
- ``setup.py``: ``setup(scripts=…)`` given a list or tuple of string literals, or ``glob("bin/*")`` of a literal
  pattern (matched against the package's own paths), read through Python's ``ast`` (the file is never run).

Entry points (``[project.scripts]``, ``console_scripts``) name functions in modules, not files: not read here.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import tomllib
from collections.abc import Iterable, Mapping

from shipgate.preflight.python_tree import python_tree

_MAX_DESCRIPTION = 1 << 20
_MAX_SCRIPTS = 1000


def installed_commands(files: Mapping[str, bytes]) -> frozenset[str]:
    """The package paths its root build description installs as commands (``tools/reset-privacyidea``)."""
    named: list[str] = []
    readers = (("pyproject.toml", _pyproject), ("setup.cfg", _setup_cfg), ("setup.py", _setup_py))
    for name, reader in readers:
        data = files.get(name)
        if data is not None and len(data) <= _MAX_DESCRIPTION:
            named.extend(reader(data.decode("utf-8", errors="replace"), files.keys()))
    return frozenset(_normal(p) for p in named[:_MAX_SCRIPTS] if p in files or _normal(p) in files)


def _normal(path: str) -> str:
    return path.removeprefix("./")


def _pyproject(text: str, paths: Iterable[str]) -> list[str]:
    try:
        doc = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return []
    tool = doc.get("tool")
    setuptools = tool.get("setuptools") if isinstance(tool, dict) else None
    listed = setuptools.get("script-files") if isinstance(setuptools, dict) else None
    return [p for p in listed if isinstance(p, str)] if isinstance(listed, list) else []


def _setup_cfg(text: str, paths: Iterable[str]) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    value = parser.get("options", "scripts", fallback="")
    return [p.strip() for p in value.replace(",", "\n").splitlines() if p.strip()]


def _setup_py(text: str, paths: Iterable[str]) -> list[str]:
    tree = python_tree(text)
    if tree is None:
        return []
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node.func) == "setup":
            for keyword in node.keywords:
                if keyword.arg == "scripts":
                    found.extend(_listed(keyword.value, paths))
    return found


def _listed(value: ast.expr, paths: Iterable[str]) -> list[str]:
    """The paths a ``scripts=`` value names: literal strings, or the package paths a literal glob matches."""
    if isinstance(value, ast.List | ast.Tuple):
        return [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(value, ast.Call) and _called(value.func) == "glob" and value.args:
        pattern = value.args[0]
        if isinstance(pattern, ast.Constant) and isinstance(pattern.value, str):
            wanted = _normal(pattern.value)
            # glob's ``*`` does not cross a folder, as fnmatch's does
            return [p for p in paths if fnmatch.fnmatchcase(p, wanted) and p.count("/") == wanted.count("/")]
    return []


def _called(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None
