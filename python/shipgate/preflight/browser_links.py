"""Links a web app's own browser scripts show or open: pages a person's browser goes to, not hosts the product
contacts.

A script an app serves to browsers requests its API (``$.ajax({url: "https://api…"})``, ``const API = "https://…"``:
still read as contacted); it also puts links into the messages it shows, and those a browser only follows when the
user clicks:

- a value filled into a link of a message template: the file writes ``href="%(url)s"`` (sprintf's named
  placeholder, OctoPrint's ``_.sprintf(gettext('… <a href="%(url)s">the FAQ</a>'), {url: "https://faq…"})``) or
  ``href="{url}"`` (a brace placeholder, uMap's ``translate('… <a href="{url}">…', {url: …})``) and gives ``url`` a
  URL (``url: "https://…"``, also on the line after ``url:``);
- a page the script opens or points an element at: ``window.open("https://…")``, ``location.href = …``,
  ``.attr("href", "https://…" + slug)`` (also on the line after ``"href",``);
- a value whose name says it is a link (``$rootScope.publicLink = "https://…"``, ``supportHref: …``).

Read in JavaScript and TypeScript files (``.js``, ``.mjs``, ``.cjs``, ``.jsx``, ``.ts``, ``.tsx``, ``.vue``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue")
# sprintf's ``%(name)s`` or a brace placeholder, ``{name}`` (uMap's ``translate('… <a href="{url}">…', {url: …})``)
_HREF_PLACEHOLDER = re.compile(r"""href\s*=\s*\\?["']?(?:%\((\w+)\)s|\{(\w+)\})""")
_URL = re.compile(r"""["'`](?:https?:)?//""")
# the name a URL literal is given, right before its opening quote: ``url: "``, ``jsconsole:"``, ``x.url = '``
_NAMED = re.compile(r"""(?:^|[\s{,(.])["']?(\w+)["']?\s*[:=]\s*$""")
_OPENED = re.compile(
    r"""(?:\bwindow\.open|\blocation\.(?:assign|replace))\s*\(\s*$"""
    r"""|\blocation(?:\.href)?\s*=\s*$"""
    r"""|(?:\.(?:attr|prop|setAttribute)\s*\(|^)\s*["']href["']\s*,\s*$"""
)
_LINK_NAME = re.compile(r"(?:link|href)s?$", re.I)


def browser_link_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a browser script whose URL literal is a link it shows or opens (see the module's docstring)."""
    if not path.lower().endswith(_SUFFIXES):
        return set()
    placeholders = {
        m.group(1) or m.group(2) for _, text in lines if "href" in text for m in _HREF_PLACEHOLDER.finditer(text)
    }
    found: set[int] = set()
    before = ""  # the previous line's text, for a value written on the line after its name
    for number, text in lines:
        url = _URL.search(text)
        if url is not None:
            lead = text[: url.start()]
            if not lead.strip():
                lead = before.rstrip()
            if _OPENED.search(lead) or _linked_name(_NAMED.search(lead), placeholders):
                found.add(number)
        if text.strip():
            before = text
    return found


def _linked_name(named: re.Match[str] | None, placeholders: set[str]) -> bool:
    return named is not None and (named.group(1) in placeholders or bool(_LINK_NAME.search(named.group(1))))
