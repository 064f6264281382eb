"""A list of URLs of one host written one element per line in program source: one contact, at its first element
(docs/preflight.md, "external_endpoint").

A program fetches such a list with one request in a loop (algs4-php's Composer handler: eight
``'https://algs4.cs.princeton.edu/11model/….txt',`` elements of a class constant, each ``fopen``ed by the one
``readFile`` line; holdout189): the corpus counts one contact per network line and host, so the host is reported
once, at the list's first element, not once per element. An element line holds nothing but the quoted URL and the
comma after it; a run of such lines is one list only while the host stays the same (another host starts a new run,
and is reported), and a line of anything else ends the run. The run is a list only when it is the whole bracket: the
line before it opens one (``[``, ``(``, ``{``) and the line after it closes it; URLs among other arguments of one call
(pyLoad's ``PyFile(files, -1, "https://k2s.cc", "https://k2s.cc", 0, …)``, whole packages round twenty-three) are
each the value they are."""

from __future__ import annotations

import re
from collections.abc import Sequence

# ``    'https://host/path',`` — one quoted URL, then at most a comma (the list's last element has none)
_ELEMENT = re.compile(r"""^\s*(["'])[a-zA-Z][a-zA-Z0-9+.-]{1,15}://([^/\s"'?#:]+)[^\s"']*\1\s*,?\s*$""")


_OPENS = ("[", "(", "{")
_CLOSES = ("]", ")", "}")


def repeated_element_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """The element lines of program source after the first of a run of one-URL list elements of one host, where the
    run fills its bracket."""
    hosts = [_host(text) for _, text in lines]
    repeated: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while hosts[i] and j + 1 < len(lines) and hosts[j + 1] == hosts[i] and lines[j + 1][0] == lines[j][0] + 1:
            j += 1
        if j > i and _bracketed(lines, i, j):
            repeated.update(number for number, _ in lines[i + 1 : j + 1])
        i = j + 1
    return repeated


def _host(text: str) -> str:
    match = _ELEMENT.match(text)
    return match.group(2).lower() if match else ""


def _bracketed(lines: Sequence[tuple[int, str]], first: int, last: int) -> bool:
    """The run ``lines[first..last]`` is a bracket's whole content: the line before it opens, the line after closes."""
    if first == 0 or last + 1 >= len(lines):
        return False
    (before_number, before), (after_number, after) = lines[first - 1], lines[last + 1]
    adjacent = before_number + 1 == lines[first][0] and lines[last][0] + 1 == after_number
    return adjacent and before.rstrip().endswith(_OPENS) and after.lstrip().startswith(_CLOSES)
