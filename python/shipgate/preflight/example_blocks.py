"""Sample values nested under an ``example:``/``examples:`` key of a YAML document.

An OpenAPI or JSON-schema description gives each request body, response or field an example (``example:`` followed
by a block: ``- id: 12345`` / ``url: "https://example.com/movie.mp4"``): values shown in API documentation, sent by
no one. A one-line ``example: 'https://…'`` is already a mention by its key; this covers the block nested under it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUFFIXES = (".yml", ".yaml")
_EXAMPLE_KEY = re.compile(r"^(\s*)(?:-\s+)?[\"']?(?:examples?|x-examples?)[\"']?\s*:\s*(?:#.*)?$")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def example_block_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of the blocks nested under an ``example:``/``examples:`` key of a YAML file."""
    if not path.lower().endswith(_SUFFIXES):
        return set()
    found: set[int] = set()
    key_indent: int | None = None
    for number, text in lines:
        if not text.strip():
            continue
        indent = _indent(text)
        if key_indent is not None:
            inside = indent > key_indent or (indent == key_indent and text.lstrip().startswith("- "))
            if inside:
                found.add(number)
                continue
            key_indent = None
        start = _EXAMPLE_KEY.match(text)
        if start is not None:
            key_indent = len(start.group(1))
    return found
