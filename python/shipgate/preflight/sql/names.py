"""SQL files named by dialect: ``x.sql``, and Synapse's convention of a dialect next to the ``.sql`` extension
(``x.sql.postgres``, ``x.sql.sqlite``, ``x.postgres.sql``, also before a migration's direction:
``x.mysql.up.sql``, or as the one dialect word of the name: ``oracle.initial.sql``), which says which database the
file is for; failing that, the folder a migration tool keeps per database (``migrations_sqlite/``, ``schema/mysql/``,
``sqlite3/``, ``mysql8/``, ``SQL/oracle/``). Oracle and SQL Server are named so that their files are not read as
PostgreSQL's."""

from __future__ import annotations

import posixpath
import re

DIALECTS = {
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "pgsql": "postgresql",
    "pg": "postgresql",
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    "mysql": "mysql",
    "mariadb": "mysql",
    "oracle": "oracle",
    "mssql": "mssql",
    "sqlserver": "mssql",
}


def sql_name(path: str) -> tuple[bool, str | None]:
    """(whether ``path`` names an SQL file, the dialect its name gives or None)."""
    parts = posixpath.basename(path).lower().split(".")
    if len(parts) < 2:
        return False, None
    if parts[-1] == "sql":
        if len(parts) > 3 and parts[-2] in ("up", "down"):  # Authelia's V0003.Name.mysql.up.sql
            return True, DIALECTS.get(parts[-3])
        if len(parts) > 2 and parts[-2] not in DIALECTS:  # Roundcube's oracle.initial.sql: one dialect word
            words = {DIALECTS[p] for p in parts[:-1] if p in DIALECTS}
            return True, words.pop() if len(words) == 1 else _stem_dialect(parts[:-1])
        return True, DIALECTS.get(parts[-2]) if len(parts) > 2 else _stem_dialect(parts[:-1])
    if parts[-2] == "sql" and len(parts) > 2 and parts[-1] in DIALECTS:
        return True, DIALECTS[parts[-1]]
    return False, None


def path_dialect(path: str) -> str | None:
    """The dialect ``path`` gives: its name's (``x.sql.sqlite``), else the nearest folder whose name holds one
    dialect word (``migrations_sqlite``, ``atuin-server-postgres``, ``mysql``), else None."""
    named = sql_name(path)[1]
    if named is not None:
        return named
    for folder in reversed(posixpath.dirname(path).lower().split("/")):
        words = re.split(r"[^a-z0-9]+", folder)
        # a version after the name (mysql8, postgres15) still names it (sqlite3 is a name of its own)
        found = {DIALECTS.get(w) or DIALECTS.get(w.rstrip("0123456789")) for w in words} - {None}
        if len(found) == 1:
            return found.pop()
    return None


# "pg" also starts names of PostgreSQL objects and tools (pg_trgm, pg_stat): as a word of a file name it says little
_STEM_DIALECTS = {w: d for w, d in DIALECTS.items() if w != "pg"}


def _stem_dialect(parts: list[str]) -> str | None:
    """The one database a file name's words name when they are joined by ``_`` or ``-`` rather than dots
    (``openfire_mysql.sql``, ``upgrade-sqlite.sql``): a product that ships one upgrade file per database names each
    so; None when no word, or more than one database, is named."""
    words = {_STEM_DIALECTS.get(w) for part in parts for w in re.split(r"[^a-z0-9]+", part)} - {None}
    return words.pop() if len(words) == 1 else None
