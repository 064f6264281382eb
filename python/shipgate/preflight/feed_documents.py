"""Documents a product serves to other programs' readers: an Atom or RSS feed (OPDS catalogues are Atom), an
OpenSearch description, a sitemap.

Their links (``<uri>https://github.com/…</uri>``, ``rel="http://opds-spec.org/image"``, a ``<Contact>`` page) are
for whoever reads the feed: an e-reader follows them, the product does not request them. Known by the root element
within the first lines (``<feed xmlns="http://www.w3.org/2005/Atom">``, ``<rss version=…>``,
``<OpenSearchDescription``, ``<urlset``), usually in a template the product fills in (``{{ url_for(…) }}``). A
configuration file that merely mentions a feed (``<feed url="https://…"/>`` inside another root) is not one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUFFIXES = (".xml", ".atom", ".rss", ".opds", ".xml.j2", ".xml.jinja", ".xml.jinja2")
_HEAD = 5
# the root element of a served document: the first element after the XML declaration and comments
_ROOT = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:feed\s[^>]*xmlns\s*=\s*[\"']http://www\.w3\.org/2005/Atom[\"']|rss\s[^>]*version\s*="
    r"|OpenSearchDescription\b|urlset\b|sitemapindex\b)",
    re.S,
)


def is_served_feed(path: str, lines: Sequence[tuple[int, str]]) -> bool:
    """An Atom/RSS feed, OpenSearch description or sitemap (or a template of one), by its root element."""
    if not path.lower().endswith(_SUFFIXES):
        return False
    return bool(_ROOT.match("\n".join(text for _, text in lines[:_HEAD])))
