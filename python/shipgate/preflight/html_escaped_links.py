"""A URL written HTML-escaped in a file that is not markup: the text of a page's link, not an address requested.

``&amp;`` is how HTML and XML write ``&``: in an XML file (a ``web.config``, a Maven ``settings.xml``) it is the
markup's own escape and the URL, once parsed, is the one a client requests. In a JSON, YAML, INI, env or properties
file nothing decodes it: a client given ``https://maps.google.com/maps?hl={0}&amp;q={1}`` would send ``&amp;`` as
written. A product writes its query that way only because the value goes into a page's HTML as is, an ``href`` or
an ``<img src>`` a browser follows (Smartstore's ``appsettings.json`` ``"MapsUrl"``, holdout156; Lufi's
``piwik_img => 'https://piwik.example.org/piwik.php?idsite=1&amp;rec=1'``, holdout131): a mention.
"""

from __future__ import annotations

import re

# Files whose text is markup, where ``&amp;`` is the escape of ``&`` (the URL is decoded before use).
_MARKUP = (
    ".xml", ".xsd", ".xsl", ".xslt", ".html", ".htm", ".xhtml", ".svg", ".config", ".csproj", ".props", ".targets",
    ".plist", ".wsdl", ".xaml", ".resx", ".jelly", ".jsp", ".jspx", ".pom",
)  # fmt: skip


# ``&amp;`` between query parameters; a setting's value read up to a ``;`` ends in ``&amp``.
_ESCAPED_AMPERSAND = re.compile(r"[?&][\w.%-]*=[^&\s]*&amp(?:;|$)")


def html_escaped_link(path: str, url: str) -> bool:
    """``url`` writes a query separator as ``&amp;`` and ``path`` is not markup: a link for a page's HTML."""
    return bool(_ESCAPED_AMPERSAND.search(url)) and not path.lower().endswith(_MARKUP)
