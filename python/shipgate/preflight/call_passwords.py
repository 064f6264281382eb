"""Passwords a Python program passes to a call by name: ``paramiko.SSHClient().connect(host, password="x")``,
``psycopg2.connect(user="app", password="x")``, ``create_superuser("admin", "a@b", password="x")``.

The keyword reader (``secrets.keyword_secrets``) reads a line that assigns (``password = "x"``); a keyword argument
sits inside a call, often one of several on its line, and is read here from Python's own tree: the argument's name
and its value when that value is a string literal written in place. A name or an expression passed (``password=
args.password``, ``password=os.environ["PW"]``) holds no literal and is not read. The caller decides which names are
secret and which values are placeholders, as for an assignment."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from shipgate.preflight.python_tree import python_tree

_MAX_SOURCE = 1 << 20  # a program this large is data, not an installer: its calls are not read
_MAX_ARGUMENTS = 20_000


def keyword_literals(source: str) -> Iterator[tuple[int, str, str]]:
    """``(line, name, value)`` of every keyword argument given a string literal, at the value's line."""
    if len(source) > _MAX_SOURCE or "=" not in source:
        return
    tree = python_tree(source)
    if tree is None:
        return
    seen = 0
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for argument in node.keywords:
            value = argument.value
            if argument.arg is None or not isinstance(value, ast.Constant) or not isinstance(value.value, str):
                continue
            seen += 1
            if seen > _MAX_ARGUMENTS:
                return
            yield value.lineno, argument.arg, value.value
