"""The order a package's files are offered to the scan budget (``contents.ScanBudget``): a web app's browser
assets and a product's gettext catalogues last.

The budget admits files in the order it is offered them until ``max_total_bytes`` is spent. Offered in path order,
a Django product's ``project-static/`` (source maps, bundled libraries and a built documentation site: 140 MB in
Nautobot) spends it before the apps whose names sort after it, and their migrations go unread. Browser assets carry
no install step, migration or setting preflight reports, so they are offered after every other file; the files read
are still handed on in path order. Gettext catalogues (``.po``, ``.pot``, compiled ``.mo``) are the same kind of
file for the budget: words shown to people (docs/preflight.md, translation catalogues), 80 MB of them in a
translation platform's ``<app>/locale/*/LC_MESSAGES/``, which sorts before its ``trans/migrations/``."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

# what a browser loads as served: pages, scripts, styles, their source maps, fonts and images
_ASSET_SUFFIXES = (
    ".html",
    ".htm",
    ".map",
    ".js",
    ".mjs",
    ".css",
    ".scss",
    ".less",
    ".svg",
    ".woff",
    ".woff2",
    ".ttf",
    ".eot",
)
# a folder a web app serves its assets from
_ASSET_DIR = re.compile(r"(?:^|/)(?:[\w-]*static|dist|assets|public|node_modules|bower_components)/", re.I)
# a migration in JavaScript (knex, Sequelize) is not an asset, wherever it sits
_MIGRATION_DIR = re.compile(r"(?:^|/)(?:migrations?|migrate|seeders?)/", re.I)
_SEARCH_INDEX = "search_index.json"
# gettext's message catalogues: their source, template and compiled forms
_CATALOGUE_SUFFIXES = (".po", ".pot", ".mo")


def is_served_asset(path: str) -> bool:
    """A browser asset served as it is: a page, script, style, source map or font under a web app's static folder
    (``nautobot/project-static/dist/js/libraries.js.map``, ``project-static/docs/index.html``), or a documentation
    site's search index."""
    lower = path.lower()
    if posixpath.basename(lower) == _SEARCH_INDEX:
        return True
    return lower.endswith(_ASSET_SUFFIXES) and bool(_ASSET_DIR.search(lower)) and not _MIGRATION_DIR.search(lower)


def is_message_catalogue(path: str) -> bool:
    """A gettext message catalogue (``weblate/locale/de/LC_MESSAGES/django.po``, ``po/app.pot``, a compiled
    ``.mo``): translated words, by the file's own suffix, wherever it sits."""
    return path.lower().endswith(_CATALOGUE_SUFFIXES)


def budget_order(paths: Iterable[str]) -> list[str]:
    """``paths`` in the order the scan budget is offered them: path order, served assets and message catalogues
    after the rest."""
    return sorted(paths, key=lambda p: (is_served_asset(p) or is_message_catalogue(p), p))
