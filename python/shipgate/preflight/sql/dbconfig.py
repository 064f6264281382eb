"""dbconfig-common's SQL files (Debian's database helper for packaged web applications): a package puts the SQL
that creates its schema under ``usr/share/dbconfig-common/data/<package>/install/<dbtype>`` and the SQL of each
upgrade under ``…/upgrade/<dbtype>/<version>``, files without an extension. dbconfig-common runs ``install/`` on a
fresh install only, and on an upgrade every ``upgrade/`` file whose version is above the version being upgraded
from, in version order (dbconfig-common's documentation, "Upgrading"). ``<dbtype>`` names the database: ``pgsql``,
``mysql``, ``sqlite3``."""

from __future__ import annotations

import re

_DBCONFIG = re.compile(
    r"(?:^|/)usr/share/dbconfig-common/data/[^/]+/(?:(install)/(?:pgsql|mysql|sqlite3?)|(upgrade)/(?:pgsql|mysql|sqlite3?)/[^/]+)$"
)


def dbconfig_sql(path: str) -> str | None:
    """``install`` or ``upgrade`` for a dbconfig-common SQL file (see the module docstring), else None."""
    m = _DBCONFIG.search(path)
    return (m.group(1) or m.group(2)) if m else None
