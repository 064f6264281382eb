"""A list of URLs of one host written one element per line in program source: one contact, at its first element
(docs/preflight.md, "external_endpoint").

A program fetches such a list with one request in a loop (algs4-php's Composer handler: eight
``'https://algs4.cs.princeton.edu/11model/….txt',`` elements of a class constant, each ``fopen``ed by the one
``readFile`` line; holdout189): the corpus counts one contact per network line and host, so the host is reported
once, at the list's first element, not once per element. An element line holds nothing but the quoted URL and the
comma after it; a run of such lines is one list only while the host stays the same (another host starts a new run,
and is reported), and a line of anything else ends the run."""

from __future__ import annotations

import re
from collections.abc import Sequence

# ``    'https://host/path',`` — one quoted URL, then at most a comma (the list's last element has none)
_ELEMENT = re.compile(r"""^\s*(["'])[a-zA-Z][a-zA-Z0-9+.-]{1,15}://([^/\s"'?#:]+)[^\s"']*\1\s*,?\s*$""")


def repeated_element_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """The element lines of program source after the first of a run of one-URL list elements of one host."""
    repeated: set[int] = set()
    host, previous = "", -1
    for number, text in lines:
        match = _ELEMENT.match(text)
        this = match.group(2).lower() if match else ""
        if this and this == host and number == previous + 1:
            repeated.add(number)
        host, previous = this, number
    return repeated
