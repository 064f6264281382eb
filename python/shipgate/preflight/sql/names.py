"""SQL files named by dialect: ``x.sql``, and Synapse's convention of a dialect next to the ``.sql`` extension
(``x.sql.postgres``, ``x.sql.sqlite``, ``x.postgres.sql``), which says which database the file is for."""

from __future__ import annotations

import posixpath

_DIALECTS = {
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "pgsql": "postgresql",
    "pg": "postgresql",
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    "mysql": "mysql",
    "mariadb": "mysql",
}


def sql_name(path: str) -> tuple[bool, str | None]:
    """(whether ``path`` names an SQL file, the dialect its name gives or None)."""
    parts = posixpath.basename(path).lower().split(".")
    if len(parts) < 2:
        return False, None
    if parts[-1] == "sql":
        return True, _DIALECTS.get(parts[-2]) if len(parts) > 2 else None
    if parts[-2] == "sql" and len(parts) > 2 and parts[-1] in _DIALECTS:
        return True, _DIALECTS[parts[-1]]
    return False, None
