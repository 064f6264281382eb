"""A product's declaration of its own settings (CKAN's ``config_declaration.yaml``): which lines are text.

Such a file lists every setting as an item with its ``key``, ``default``, ``example`` and ``description``. A tool
writes the defaults into the configuration it generates (``ckan generate config``), so a ``default:`` or
``placeholder:`` value is one the product runs with; the ``description`` (reStructuredText, often with links) and
the ``example`` values are written for the operator reading the documentation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

DECLARED_MIN = 3
_KEY_ITEM = re.compile(r"\s*(?:-\s+)?key\s*:\s*\S")
_TEXT_FIELD = re.compile(r"(\s*(?:-\s+)?)(?:description|example)\s*:\s*(.*)$")
_BLOCK = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")


def declaration_text_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The ``description`` and ``example`` lines (a block scalar's continuation included) of a YAML file that
    declares at least ``DECLARED_MIN`` settings by ``key``; none for any other file."""
    if not path.endswith((".yaml", ".yml")) or sum(1 for _, text in lines if _KEY_ITEM.match(text)) < DECLARED_MIN:
        return set()
    text_lines: set[int] = set()
    inside = -1  # the indentation a continuation line must exceed, or -1 outside a text field
    for number, text in lines:
        indent = len(text) - len(text.lstrip())
        if inside >= 0 and (not text.strip() or indent > inside):
            text_lines.add(number)
            continue
        inside = -1
        field = _TEXT_FIELD.match(text)
        if field:
            text_lines.add(number)
            value = field.group(2)
            if not value or _BLOCK.match(value) or not value.startswith(("'", '"')):
                inside = len(field.group(1))  # a block scalar, or a plain scalar that may fold onto later lines
    return text_lines
