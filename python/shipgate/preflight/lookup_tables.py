"""A table that turns URL-shaped names into short names, used only to look them up.

Ipsilon's OpenID attribute exchange keeps ``AP_MAP = {'http://axschema.org/contact/email': 'email', …}`` and reads
it only as ``if name in AP_MAP: key = AP_MAP[name]``: each URL is the name a protocol gives an attribute, matched
against the names a request carries, and nothing requests it. A module-level dict literal of at least
``LOOKUP_TABLE_MIN`` entries, each a URL literal mapped to a plain string that is no URL, whose name the module uses
only as such a lookup (``key in TABLE``, ``TABLE[key]``, ``TABLE.get(key)``) is such a table. One other use keeps
its URLs read: the table iterated (``for url in MIRRORS``), its ``keys()``/``items()``, the table handed to a call,
a second assignment, or no use at all in the module.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Sequence

LOOKUP_TABLE_MIN = 3


def lookup_key_lines(tree: ast.Module, nodes: Sequence[ast.AST]) -> set[int]:
    """The key lines of the module's URL-keyed lookup tables (see the module's docstring); ``nodes`` is
    ``ast.walk(tree)`` as a list."""
    tables = _url_keyed_tables(tree)
    if not tables:
        return set()
    loads: Counter[str] = Counter()
    stores: Counter[str] = Counter()
    for node in nodes:
        if isinstance(node, ast.Name) and node.id in tables:
            (loads if isinstance(node.ctx, ast.Load) else stores)[node.id] += 1
    looked_up = _lookups(nodes, set(tables))
    lines: set[int] = set()
    for name, table in tables.items():
        if stores[name] == 1 and loads[name] and loads[name] == looked_up[name]:
            lines.update(key.lineno for key in table.keys if key is not None)
    return lines


def _url_keyed_tables(tree: ast.Module) -> dict[str, ast.Dict]:
    tables: dict[str, ast.Dict] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        if isinstance(node.value, ast.Dict) and _maps_urls_to_names(node.value):
            tables[node.targets[0].id] = node.value
    return tables


def _maps_urls_to_names(table: ast.Dict) -> bool:
    if len(table.keys) < LOOKUP_TABLE_MIN:
        return False
    for key, value in zip(table.keys, table.values, strict=True):
        url, name = _text(key), _text(value)
        if url is None or "://" not in url or any(c.isspace() for c in url):
            return False
        if name is None or "://" in name:
            return False
    return True


def _text(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _lookups(nodes: Sequence[ast.AST], names: set[str]) -> Counter[str]:
    """How often each name is used as a lookup: ``x in NAME``, ``NAME[x]``, ``NAME.get(x)``."""
    found: Counter[str] = Counter()
    for node in nodes:
        if isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators, strict=True):
                if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Name) and right.id in names:
                    found[right.id] += 1
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in names:
            found[node.value.id] += isinstance(node.ctx, ast.Load)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            table = node.func.value
            if isinstance(table, ast.Name) and table.id in names:
                found[table.id] += 1
    return found
