"""Python source read by Python's own parser (``ast``), once per file for the checks that ask in turn.

Each caller keeps its own size bound before asking; the tree is shared and read only (no caller changes it).

A Python 2 file that indents some lines with tabs and their neighbours with spaces (VeryNginx's ``install.py``,
holdout120) is one Python 3 refuses (``TabError``) and Python 2 runs: Python 2 reads a tab in the indentation as the
next multiple of eight columns. Such a file is parsed again with its indentation's tabs expanded that way, so its
lines and statements are the ones Python 2 runs. A Python 2 file whose ``print`` is a statement (``print 'x'``,
Hadoop-Monitoring's ``install.py``, holdout133) is parsed again with each such statement written as the call Python
3 spells (``print('x')``, on the same line, so every line keeps its number), and one with a ``ur'…'`` literal with it
written ``r'…'`` (Pootle's ``cleanhtml.py``, whole packages round thirty-two: ``python2_strings``); anything else
Python 3 does not parse stays unread."""

from __future__ import annotations

import ast
import functools
import warnings

from shipgate.preflight.python2_prints import print_calls
from shipgate.preflight.python2_strings import raw_literals


@functools.lru_cache(maxsize=8)  # a check asks for a file's docstrings, self-test and URL roles one after another
def python_tree(text: str) -> ast.Module | None:
    """``text`` parsed, or None when it is not Python that ``ast`` reads (or too deep for it)."""
    try:
        with warnings.catch_warnings():  # a package's invalid escapes (``'\.'``) are its own, not ours to print
            warnings.simplefilter("ignore")
            try:
                return ast.parse(text)
            except TabError:
                return ast.parse(_python2_indentation(text))
            except SyntaxError:
                source = raw_literals(text) or text
                calls = print_calls(source)
                if calls is None and source is text:
                    raise
                return ast.parse(calls or source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _python2_indentation(text: str) -> str:
    """``text`` with the tabs of each line's leading whitespace expanded to the next multiple of eight columns, as
    Python 2's tokenizer counts them; the rest of each line is unchanged."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        body = line.lstrip(" \t")
        indent = line[: len(line) - len(body)]
        if "\t" in indent:
            lines[index] = indent.expandtabs(8) + body
    return "".join(lines)


def module_strings(tree: ast.Module) -> dict[str, ast.Constant]:
    """Name -> string literal of each top-level ``NAME = "…"`` assigned once (a name rebound is not known): the
    value a bare name stands for anywhere in the module, as Fabric's host (``server = "root@…"``) or a Django
    ``RunSQL`` given SQL kept in a constant."""
    seen: dict[str, ast.Constant | None] = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.Assign):
            continue
        for target in stmt.targets:
            if isinstance(target, ast.Name):
                value = stmt.value
                literal = value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
                seen[target.id] = None if target.id in seen else literal
    return {name: value for name, value in seen.items() if value is not None}


def simple_name(node: ast.expr) -> str | None:
    """A name's id or an attribute's last part (``run`` of ``self.run``, ``Command`` of ``setuptools.Command``)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None
