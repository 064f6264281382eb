"""Jetty's module files (``modules/*.mod``, read by ``start.jar``): which of their lines are text.

A module file is a list of ``[section]`` blocks. ``[files]`` lists what ``start.jar --add-module`` downloads when the
module is enabled (``https://…/x.jar|lib/x.jar``; a ``maven://group/artifact`` coordinate names no host,
``hosts.url_host``); ``[description]``, ``[license]`` and the others are text shown to the operator, template
settings or class paths: a URL there is a link, not a download.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SECTION = re.compile(r"\[([a-z][a-z0-9-]*)(?:=[^\]]*)?\]\s*$")
_DOWNLOADS = "files"


def module_text_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a Jetty module outside its ``[files]`` section; none for any other file."""
    if not path.endswith(".mod") or not any(_SECTION.match(text.strip()) for _, text in lines[:40]):
        return set()
    text_lines: set[int] = set()
    section = ""
    for number, text in lines:
        header = _SECTION.match(text.strip())
        if header:
            section = header.group(1)
        elif section != _DOWNLOADS:
            text_lines.add(number)
    return text_lines
