"""The files only a development or test settings class of the package's Python code names.

A Flask application commonly keeps its settings as classes, one per environment (``Config``, then
``DevelopmentConfig``, ``TestingConfig``, ``ProductionConfig``), and picks one at start (``app.config.from_object``).
A file of the package that only the development or test class points at (WaiverDB's ``DevelopmentConfig``:
``OIDC_CLIENT_SECRETS = os.path.join(…, 'conf', 'client_secrets.json')``, the OIDC client of Fedora's development
identity provider) is read when a developer runs the server with those settings; a deployment reads the files its
production settings name (``/etc/waiverdb/settings.py``). The hosts such a file names are contacted when a developer
runs the server so, not by the product (docs/preflight.md, "External endpoints").

A class is a development or test one by its name: ``Dev``/``Development``/``Test``/``Testing``/``Local`` and then
``Config``/``Configuration``/``Settings`` (``DevelopmentConfig``, ``TestSettings``). It names a file by a string
literal of its body that is the file's path from the package root or its end (``'conf/client_secrets.json'``), or by
the string arguments a call ends with (``os.path.join(base, 'conf', 'client_secrets.json')``). A file whose name any
other string literal of the package's Python code holds (outside those classes, tests left out) is not
development-only: production code may read it too.
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping

from shipgate.preflight.markup import is_test_path
from shipgate.preflight.python_tree import python_tree

MAX_SOURCE = 1 << 20  # bytes of one Python module read
_SETTINGS_CLASS = re.compile(r"^(?:Dev|Development|Test|Testing|Local)(?:Config|Configuration|Settings)$")
_CLASS_LINE = re.compile(r"^\s*class\s+(?:Dev|Development|Test|Testing|Local)(?:Config|Configuration|Settings)\b", re.M)
_FILE_NAME = re.compile(r"^[\w.-]+\.[A-Za-z0-9]{1,8}$")


def development_settings_files(files: Mapping[str, bytes | str]) -> frozenset[str]:
    """The non-Python files of ``files`` that only a development or test settings class names."""
    modules = dict(_modules(files))
    named: set[str] = set()  # the path ends the development and test classes name
    for text in modules.values():
        if _CLASS_LINE.search(text) and (tree := python_tree(text)) is not None:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and _SETTINGS_CLASS.match(node.name):
                    named.update(_named_paths(node))
    if not named:
        return frozenset()
    candidates = {p for p in files if not p.endswith(".py") and any(p == e or p.endswith("/" + e) for e in named)}
    wanted = {posixpath.basename(p) for p in candidates}
    elsewhere: set[str] = set()  # the candidates' names other string literals hold
    for text in modules.values():
        if any(name in text for name in wanted) and (tree := python_tree(text)) is not None:
            elsewhere.update(_names_outside_classes(tree, wanted))
    return frozenset(p for p in candidates if posixpath.basename(p) not in elsewhere)


def _modules(files: Mapping[str, bytes | str]) -> Iterator[tuple[str, str]]:
    """The package's Python modules but its tests, as text."""
    for path, data in files.items():
        if path.endswith(".py") and not is_test_path(path) and len(data) <= MAX_SOURCE:
            yield path, data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data


def _named_paths(cls: ast.ClassDef) -> Iterator[str]:
    """The relative file paths a settings class's body names: whole literals and a call's trailing string arguments."""
    joined: set[int] = set()  # the literals read as a call's trailing arguments
    for node in ast.walk(cls):
        if isinstance(node, ast.Call):
            trailing: list[tuple[int, str]] = []  # (node id, text) of the trailing string arguments
            for arg in reversed(node.args):
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    break
                trailing.insert(0, (id(arg), arg.value))
            if trailing and _FILE_NAME.match(trailing[-1][1]):
                joined.update(ident for ident, _ in trailing)
                yield posixpath.join(*(text for _, text in trailing))
    for node in ast.walk(cls):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in joined:
            value = node.value.strip().removeprefix("./")
            if _FILE_NAME.match(posixpath.basename(value)) and "://" not in value and not value.startswith("/"):
                yield value


def _names_outside_classes(tree: ast.AST, wanted: Iterable[str]) -> Iterator[str]:
    """The names of ``wanted`` that a string literal outside the development and test settings classes holds."""
    inside = {
        id(n)
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef) and _SETTINGS_CLASS.match(cls.name)
        for n in ast.walk(cls)
    }
    names = tuple(wanted)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside:
            yield from (name for name in names if name in node.value)
