"""Elements of an XML configuration that a comment introduces as examples.

A shipped XML configuration shows the operator where a value goes with a comment that calls the element after it an
example (OpenDNSSEC's ``addns.xml``: ``<!-- EXAMPLE: send request to 1.2.3.4 on the default port 53 -->`` before
``<Remote><Address>1.2.3.4</Address></Remote>``): the addresses in it are the ones the operator puts theirs in place
of, not peers anyone runs. The element that follows such a comment (the next start tag, through its end tag) holds
sample values. The comment must open with the word and a colon (``EXAMPLE:``, ``Example:``); a comment that describes
the element (``<!-- Address of host to request XFR from -->``) or mentions an example in passing says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_EXAMPLE_COMMENT = re.compile(r"(?i)^\s*<!--\s*examples?\s*:")
_START_TAG = re.compile(r"^\s*<([A-Za-z_][\w.:-]*)")
_MAX_ELEMENT_LINES = 200  # an example spans a few lines; a larger one is not an example block


def _is_xml(lines: Sequence[tuple[int, str]]) -> bool:
    first = next((text.lstrip() for _, text in lines if text.strip()), "")
    return first.startswith("<")


def _depth_change(tag: str, text: str) -> int:
    """Start tags of ``tag`` on the line less its end tags; an empty-element tag (``<tag/>``) opens nothing."""
    name = re.escape(tag)
    opened = len(re.findall(rf"<{name}(?=[\s/>])", text)) - len(re.findall(rf"<{name}(?:\s[^<>]*)?/>", text))
    return opened - text.count(f"</{tag}>")


def example_element_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of each element an ``<!-- EXAMPLE: … -->`` comment introduces, in an XML file."""
    del path  # read by content: a file is XML when its first text is markup
    if not _is_xml(lines) or not any("<!--" in text for _, text in lines):
        return set()
    found: set[int] = set()
    comment_open = pending = False
    tag, depth, taken = "", 0, 0
    for number, text in lines:
        if tag:
            found.add(number)
            depth += _depth_change(tag, text)
            taken += 1
            if depth <= 0 or taken >= _MAX_ELEMENT_LINES:
                tag = ""
            continue
        if comment_open:
            comment_open = "-->" not in text
            pending = not comment_open
            continue
        if _EXAMPLE_COMMENT.match(text):
            comment_open = "-->" not in text
            pending = not comment_open
            continue
        stripped = text.strip()
        if not pending or not stripped or stripped.startswith("<!--"):
            continue
        start = _START_TAG.match(text)
        pending = False
        if start is None:
            continue  # an end tag or text: the example comment introduced nothing
        found.add(number)
        depth, taken = _depth_change(start.group(1), text), 1
        tag = start.group(1) if depth > 0 else ""
    return found
