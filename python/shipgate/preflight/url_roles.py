"""What a URL in program source is for, when its shape or its place says so.

- A licence's page is shown to people: a product names the licences it offers (CKAN's ``license.py``:
  ``url = "http://www.opendefinition.org/licenses/odc-by"``) or its own; the URL is a link, not a resource the
  product requests.
- A module's metadata (``__plugin_url__ = "https://docs…"``, ``__url__``, ``__homepage__``): a plugin's or a
  package's links, read by a plugin manager's page or an index, as package metadata is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_LICENCE_PAGE = re.compile(r"(?i)^[a-z]+://[^/]+/(?:[^?#]*/)?(?:licen[cs]es?|legal)(?:/|\.html?$|$)")


def licence_page(url: str) -> bool:
    """A URL whose path names a licence page (``…/licenses/by-nc/2.0/``, ``…/licenses/LICENSE-2.0``)."""
    return bool(_LICENCE_PAGE.match(url))


_MODULE_METADATA = re.compile(r"__(?:\w+_)?(?:url|homepage|website|author_email)__\s*=")


def module_metadata_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a Python module that set a metadata attribute (``__plugin_url__ = …``, ``__url__ = …``)."""
    if not path.endswith(".py"):
        return set()
    return {number for number, text in lines if text.startswith("__") and _MODULE_METADATA.match(text)}
