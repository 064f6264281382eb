"""The prose lines of a TOML multi-line string: text a page shows, not settings.

A TOML value may run over several lines as a multi-line string (``text = \"\"\"`` … ``\"\"\"``, or with ``'''``):
rustypaste's ``[landing_page] text`` is the page its server shows, with ``Check out the GitHub repository at
https://github.com/orhun/rustypaste`` among its sentences. The lines inside such a string are no ``key = value``
settings; a line where a URL follows words (``… repository at https://…``) is a sentence, and its URL is a link
written for readers, not a host the product connects to. A line that holds nothing but a URL (a list of addresses
written one per line) is read as before, and so is every line outside a multi-line string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUFFIXES = (".toml", ".toml.example", ".toml.sample", ".toml.template", ".toml.dist")
# ``key = """…`` or ``key = '''…``: the key, the opening delimiter and the rest of the line
_OPENS = re.compile(r"""^\s*[\w."'-]{1,128}\s*=\s*(\"\"\"|''')(.*)$""")
# a URL after a word and a blank on the same line: a sentence that links to it
_SENTENCE_URL = re.compile(r"[A-Za-z][\w,:;.!?'-]*\s+\S{0,16}?[a-z][a-z0-9+.-]{1,15}://")


def toml_text_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of ``path`` (a TOML file) inside a multi-line string on which a URL follows words."""
    if not path.lower().endswith(_SUFFIXES):
        return set()
    found: set[int] = set()
    delimiter = ""  # the open string's closing delimiter; "" outside any
    for number, text in lines:
        if not delimiter:
            opens = _OPENS.match(text)
            if opens is not None and opens.group(1) not in opens.group(2):
                delimiter = opens.group(1)
            continue
        inside, closes, _ = text.partition(delimiter)
        if _SENTENCE_URL.search(inside):
            found.add(number)
        if closes:
            delimiter = ""
    return found
