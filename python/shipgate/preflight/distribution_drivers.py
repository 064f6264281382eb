"""The databases a Python source distribution's own build description offers drivers for.

A Django product's default settings often name SQLite for a first try while the operator's settings choose the
database it runs on; the distribution then installs or offers that database's driver, as a dependency or an extra
(RDMO's ``postgres = ["psycopg[binary]>=3.1"]`` and ``recommended = ["rdmo[…,postgres,…]"]``, round thirty-nine). A
driver the distribution offers names its engine as a settings file would (``orm_engines``): its Django migrations
are then not the default engine's alone (docs/preflight.md, "Django product that names SQLite alone").

Read at the tree's root only (a vendored project's description is not this package's), never run:

- ``pyproject.toml``: ``[project] dependencies`` and ``[project.optional-dependencies]``;
- ``setup.cfg``: ``[options] install_requires`` and ``[options.extras_require]``;
- ``setup.py``: ``setup(install_requires=[…], extras_require={…})`` given literal lists and dicts (``ast``).

An extra named for the project's own checks (``test``, ``dev``, ``ci``, ``docs``, ``lint``…) installs what its tests
and tools use, not what the product runs on: not read.
"""

from __future__ import annotations

import ast
import configparser
import re
import tomllib
from collections.abc import Iterable, Iterator

from shipgate.preflight.python_tree import python_tree

# a requirement's distribution name, normalised (PEP 503): what a driver is known by
_DRIVERS = {
    "psycopg": "postgresql",
    "psycopg-binary": "postgresql",
    "psycopg-c": "postgresql",
    "psycopg2": "postgresql",
    "psycopg2-binary": "postgresql",
    "psycopg2cffi": "postgresql",
    "mysqlclient": "mysql",
    "pymysql": "mysql",
    "mysql-connector-python": "mysql",
    "cx-oracle": "oracle",
    "oracledb": "oracle",
}
_REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_CHECKS_EXTRA = re.compile(r"(?i)^(?:tests?|testing|dev|devel|develop|development|ci|docs?|lint|pytest|typing|mypy)$")
_MAX_DESCRIPTION = 1 << 20


def offered_engines(files: Iterable[tuple[str, str]]) -> set[str]:
    """The Django engines (``postgresql``, ``mysql``, ``oracle``) whose drivers the root build description among
    ``files`` (``(path, text)``) installs or offers in an extra the product runs with."""
    readers = {"pyproject.toml": _pyproject, "setup.cfg": _setup_cfg, "setup.py": _setup_py}
    engines: set[str] = set()
    for path, text in files:
        reader = readers.get(path)
        if reader is not None and len(text) <= _MAX_DESCRIPTION:
            engines.update(_DRIVERS[name] for name in map(_name, reader(text)) if name in _DRIVERS)
    return engines


def _name(requirement: str) -> str:
    match = _REQUIREMENT_NAME.match(requirement)
    return re.sub(r"[._-]+", "-", match.group(1)).lower() if match else ""


def _kept(extras: object) -> Iterator[str]:
    """The requirements of the extras in a ``{name: [requirement…]}`` mapping not named for the project's checks."""
    if not isinstance(extras, dict):
        return
    for name, requirements in extras.items():
        if isinstance(name, str) and not _CHECKS_EXTRA.match(name) and isinstance(requirements, list):
            yield from (r for r in requirements if isinstance(r, str))


def _pyproject(text: str) -> list[str]:
    try:
        project = tomllib.loads(text).get("project")
    except (tomllib.TOMLDecodeError, ValueError):
        return []
    if not isinstance(project, dict):
        return []
    required = project.get("dependencies")
    listed = [r for r in required if isinstance(r, str)] if isinstance(required, list) else []
    return listed + list(_kept(project.get("optional-dependencies")))


def _setup_cfg(text: str) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    listed = parser.get("options", "install_requires", fallback="").splitlines()
    if parser.has_section("options.extras_require"):
        extras = {k: v.splitlines() for k, v in parser.items("options.extras_require")}
        listed.extend(_kept(extras))
    return [r for r in listed if r.strip()]


def _setup_py(text: str) -> list[str]:
    tree = python_tree(text)
    if tree is None:
        return []
    listed: list[str] = []
    for node in ast.walk(tree):
        func = node.func if isinstance(node, ast.Call) else None
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name != "setup" or not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            try:
                value = ast.literal_eval(keyword.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
            if keyword.arg == "install_requires" and isinstance(value, list | tuple):
                listed.extend(r for r in value if isinstance(r, str))
            elif keyword.arg == "extras_require" and isinstance(value, dict):
                listed.extend(_kept({k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}))
    return listed
