"""An Alembic ``alembic.ini``'s ``sqlalchemy.url``, when the product's own code replaces it.

``alembic.ini`` names the database the ``alembic`` command connects to (``sqlalchemy.url = sqlite:///aodh.db``).
A product that runs its revisions itself hands Alembic the database the operator configured instead: its code sets
the option before upgrading (``cfg.set_main_option("sqlalchemy.url", engine_url)``), so the file's URL is a
placeholder nobody connects to, and it says nothing of the database the product runs on. Such a package's
``alembic.ini`` is read without that setting when the package's database is decided (``sql.package_db``); every
other setting of the file, and every other configuration file, is read as before. Test code does not count.
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Iterable

from shipgate.preflight.markup import is_test_path
from shipgate.preflight.python_tree import python_tree

_URL_KEY = "sqlalchemy.url"
_URL_LINE = re.compile(r"^\s*sqlalchemy\.url\s*[=:]", re.I)


def is_alembic_ini(path: str) -> bool:
    """An Alembic configuration file: ``alembic.ini`` (or ``<name>-alembic.ini``, ``alembic-<name>.ini``)."""
    name = posixpath.basename(path).lower()
    return name.endswith(".ini") and "alembic" in name


def _sets_url(call: ast.Call) -> bool:
    """``<config>.set_main_option("sqlalchemy.url", …)``."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "set_main_option" and call.args):
        return False
    first = call.args[0]
    return isinstance(first, ast.Constant) and first.value == _URL_KEY


def url_replaced(sources: Iterable[tuple[str, str]]) -> bool:
    """Some Python file of the product (``(path, text)``; tests aside) sets Alembic's ``sqlalchemy.url`` itself."""
    for path, text in sources:
        if not path.endswith(".py") or is_test_path(path) or "set_main_option" not in text:
            continue
        tree = python_tree(text)
        if tree is not None and any(isinstance(n, ast.Call) and _sets_url(n) for n in ast.walk(tree)):
            return True
    return False


def without_url(text: str) -> str:
    """An ``alembic.ini`` text with its ``sqlalchemy.url`` lines left out."""
    return "\n".join(line for line in text.split("\n") if not _URL_LINE.match(line))
