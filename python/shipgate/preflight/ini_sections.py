"""The sections of an INI or TOML file: ``[name]`` headers (TOML's ``[[name]]`` too) and the lines under each."""

from __future__ import annotations

import re
from collections.abc import Iterable

_HEADER = re.compile(r"^\s*\[{1,2}([^\]]+)\]{1,2}\s*$")


def sections(lines: Iterable[tuple[int, str]]) -> dict[str, list[tuple[int, str]]]:
    """Each section's lines (its header left out) by its name, lower-cased and without quotes (``["links"]``); the
    lines before the first header are under ``""``, and a section written twice is one."""
    found: dict[str, list[tuple[int, str]]] = {}
    current = ""
    for number, text in lines:
        header = _HEADER.match(text)
        if header is not None:
            current = header.group(1).strip().strip("\"'").lower()
            found.setdefault(current, [])
            continue
        found.setdefault(current, []).append((number, text))
    return found


def section_of_lines(lines: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Each line's section name (as :func:`sections` gives it), for the lines under a header; none for a file
    with no ``[name]`` header."""
    return {number: name for name, under in sections(lines).items() if name for number, _ in under}
