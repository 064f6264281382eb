"""The order a package's files are offered to the scan budget (``contents.ScanBudget``): a web app's browser
assets last.

The budget admits files in the order it is offered them until ``max_total_bytes`` is spent. Offered in path order,
a Django product's ``project-static/`` (source maps, bundled libraries and a built documentation site: 140 MB in
Nautobot) spends it before the apps whose names sort after it, and their migrations go unread. Browser assets carry
no install step, migration or setting preflight reports, so they are offered after every other file; the files read
are still handed on in path order."""

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


def is_served_asset(path: str) -> bool:
    """A browser asset served as it is: a page, script, style, source map or font under a web app's static folder
    (``nautobot/project-static/dist/js/libraries.js.map``, ``project-static/docs/index.html``), or a documentation
    site's search index."""
    lower = path.lower()
    if posixpath.basename(lower) == _SEARCH_INDEX:
        return True
    return lower.endswith(_ASSET_SUFFIXES) and bool(_ASSET_DIR.search(lower)) and not _MIGRATION_DIR.search(lower)


def budget_order(paths: Iterable[str]) -> list[str]:
    """``paths`` in the order the scan budget is offered them: path order, served assets after the rest."""
    return sorted(paths, key=lambda p: (is_served_asset(p), p))
