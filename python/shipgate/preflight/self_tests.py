"""A library module's self-test: the code under ``if __name__ == "__main__":`` in a module of a Python package.

A module inside a package (``privacyidea/lib/security/aeshsm.py``) is imported by the product; the block under
``if __name__ == "__main__":`` runs only when a developer runs the file by hand to try it
(``password = "topSekr3t"  # nosec B105 # used for testing``), so its literals are test values, as a test file's are.
A script's main block is the script itself: a file at the top of the tree or in a folder of programs (``bin/``,
``sbin/``, ``scripts/``, ``tools/``, ``contrib/``, ``examples/``) or a ``__main__.py`` keeps its literals read.
"""

from __future__ import annotations

import ast
import posixpath
import re

from shipgate.preflight.python_tree import python_tree

_MAX_SOURCE = 1 << 20
_PROGRAM_DIR = re.compile(r"(?:^|/)(?:s?bin|scripts?|tools|contrib|examples?|utils?|dev)/")


def self_test_lines(path: str, text: str) -> set[int]:
    """The lines under a package module's ``if __name__ == "__main__":`` (see the module's docstring)."""
    if not path.endswith(".py") or "/" not in path or _PROGRAM_DIR.search(path) or "__main__" not in text:
        return set()
    if posixpath.basename(path) == "__main__.py" or len(text) > _MAX_SOURCE:
        return set()
    tree = python_tree(text)
    if tree is None:
        return set()
    lines: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and _is_main_test(node.test):
            end = max((n.end_lineno or n.lineno) for n in node.body)
            lines.update(range(node.lineno, end + 1))
    return lines


def _is_main_test(test: ast.expr) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = (test.left, test.comparators[0])
    named = any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides)
    return named and any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)
