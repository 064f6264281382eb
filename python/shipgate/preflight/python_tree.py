"""Python source read by Python's own parser (``ast``), once per file for the checks that ask in turn.

Each caller keeps its own size bound before asking; the tree is shared and read only (no caller changes it)."""

from __future__ import annotations

import ast
import functools
import warnings


@functools.lru_cache(maxsize=8)  # a check asks for a file's docstrings, self-test and URL roles one after another
def python_tree(text: str) -> ast.Module | None:
    """``text`` parsed, or None when it is not Python that ``ast`` reads (or too deep for it)."""
    try:
        with warnings.catch_warnings():  # a package's invalid escapes (``'\.'``) are its own, not ours to print
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
