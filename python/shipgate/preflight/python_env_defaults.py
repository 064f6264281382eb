"""Literal fallbacks of environment variables in Python program source: ``os.getenv("DB_PASSWORD", "secret")``,
``os.environ.get(…)``, and a module's own alias of one (dpaste's ``env = os.environ.get`` then
``SECRET_KEY = env("SECRET_KEY", "secret-key")``). Read through Python's ``ast`` (the file is never run).

Whenever the variable is unset the product runs with the literal, which every copy of the package shares: the same
risk as a shell ``${DB_PASSWORD:-secret}`` (``preflight.default_credential``, docs/preflight.md). The caller
decides which names are secrets and which values are placeholders. A literal the module also compares a value with
(zou's ``if SECRET_KEY == "mysecretkey": raise …``) is one the product refuses or warns about, and a number or a
truth value (``int(os.getenv("LLM_TOKEN_BUDGET_MONTH", "0"))``: a count under a token-like name) is no secret:
neither is given."""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterator

from shipgate.preflight.shell.model import ParameterDefault

_GETTERS = frozenset({"os.getenv", "os.environ.get", "environ.get", "getenv"})
_MAX_SOURCE = 2_000_000
_TRUTH_VALUES = frozenset({"true", "false", "yes", "no", "on", "off", "none", "null"})


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        owner = _dotted(node.value)
        return f"{owner}.{node.attr}" if owner is not None else None
    return None


def _aliases(tree: ast.Module) -> set[str]:
    """Module-level names bound to a getter (``env = os.environ.get``)."""
    return {
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign) and _dotted(statement.value) in _GETTERS
        for target in statement.targets
        if isinstance(target, ast.Name)
    }


def _compared_literals(tree: ast.Module) -> set[str]:
    """String literals the module compares something with (``== "mysecretkey"``, ``in ("changeme", …)``)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                items = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
                found.update(i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str))
    return found


def env_defaults(source: str) -> Iterator[ParameterDefault]:
    """Each ``getter("NAME", "literal")`` call of ``source`` as the default it gives NAME."""
    if len(source) > _MAX_SOURCE or ("getenv" not in source and "environ" not in source):
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a package's invalid escapes are not the operator's concern
            tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return
    getters = _GETTERS | _aliases(tree)
    refused = _compared_literals(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2 or _dotted(node.func) not in getters:
            continue
        name, default = node.args[0], node.args[1]
        if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
            continue
        if (
            isinstance(default, ast.Constant)
            and isinstance(default.value, str)
            and _may_be_secret(default.value, refused)
        ):
            raw = ast.get_source_segment(source, node) or ""
            yield ParameterDefault(name.value, default.value, node.lineno, raw)


def _may_be_secret(value: str, refused: set[str]) -> bool:
    plain = value.strip().lower()
    return value not in refused and plain not in _TRUTH_VALUES and not plain.lstrip("+-").replace(".", "", 1).isdigit()
