"""Scripts a product hands to the servers it creates, as their user data.

A product that creates virtual machines (a cluster manager's profile, an orchestration plugin) boots each with a
script: it reads the file from its package and passes the text as the server's ``user_data`` (OpenStack Nova,
cloud-init) or ``UserData`` (EC2). cloud-init runs that script on the new server, as root, at its first boot; nothing
in it runs on the host being installed or during its upgrade. Senlin's Kubernetes profile does
``user_data = base.loadScript('./scripts/master.sh')``, and ``master.sh``'s ``apt-get``, ``apt-key``,
``/etc/cron.d`` file and ``kubectl apply -f https://…`` are the new master's steps, as a kickstart snippet's are the
installed machine's (``provisioning``).

Read from the package's Python source: a name, keyword or dict key called user data (``user_data``, ``userdata``,
``UserData``) given a value whose string literals name a file of the package, relative to the Python file's folder
(``./scripts/master.sh``) or to the package's root. A script read into any other name is not marked.
"""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Iterator, Mapping

from shipgate.preflight.python_tree import python_tree

MAX_SOURCE = 1 << 20  # bytes of one Python file parsed (a larger one marks nothing)
MAX_LITERALS = 16  # string literals of one user-data value tried as paths
_NAMES = frozenset({"userdata"})  # the name with case, ``_`` and ``-`` dropped


def _user_data_name(name: str) -> bool:
    return name.replace("_", "").replace("-", "").lower() in _NAMES


def _values(tree: ast.AST) -> Iterator[ast.expr]:
    """The values given to a user-data name: assigned, passed by keyword or put under a dict key."""
    for node in ast.walk(tree):
        assigned = isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and _user_data_name(target.id) for target in node.targets
        )
        passed = isinstance(node, ast.keyword) and node.arg is not None and _user_data_name(node.arg)
        if isinstance(node, ast.Assign | ast.keyword) and (assigned or passed):
            yield node.value
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and _user_data_name(key.value):
                    yield value


def _literals(value: ast.expr) -> Iterator[str]:
    found = 0
    for node in ast.walk(value):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and found < MAX_LITERALS:
            found += 1
            yield node.value


def _named_files(path: str, source: str, files: Mapping[str, object]) -> Iterator[str]:
    tree = python_tree(source)  # bounded, warnings of the package's own invalid escapes kept quiet
    if tree is None:
        return
    folder = posixpath.dirname(path)
    for value in _values(tree):
        for literal in _literals(value):
            relative = literal.strip()
            if not relative or relative.startswith("/") or "\n" in relative:
                continue
            for written in (posixpath.join(folder, relative), relative):
                named = posixpath.normpath(written)
                if named in files and named != path:
                    yield named


def served_user_data(files: Mapping[str, bytes | str]) -> frozenset[str]:
    """The files of ``files`` that the package's Python code hands to the servers it creates as user data."""
    found: set[str] = set()
    for path, data in files.items():
        if not path.endswith(".py") or len(data) > MAX_SOURCE:
            continue
        source = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        if "user" not in source.lower():
            continue  # no user-data name can be in it
        found.update(_named_files(path, source, files))
    return frozenset(found)
