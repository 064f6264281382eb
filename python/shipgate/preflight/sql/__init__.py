"""SQL migrations read statement by statement: PostgreSQL through its own parser (pglast, libpg_query),
other dialects recognised and reported as not checked. ``parse_sql`` is the one entry point."""

from shipgate.preflight.sql.model import DATA_LOSS, IRREVERSIBLE, REVERSIBLE, SqlFile, Statement
from shipgate.preflight.sql.reader import MAX_SQL_BYTES, MAX_STATEMENTS, parse_sql

__all__ = [
    "DATA_LOSS",
    "IRREVERSIBLE",
    "MAX_SQL_BYTES",
    "MAX_STATEMENTS",
    "REVERSIBLE",
    "SqlFile",
    "Statement",
    "parse_sql",
]
