"""The database a package's product runs on, when its configuration names one and only one: a setting
(``DB_CONNECTION=mysql``, ``DB_DRIVER: sqlite3``, ``TYPEORM_CONNECTION=mariadb``), a migration tool's adapter
(phinx ``adapter: mysql``, Knex ``client: 'mysql2'``, Sequelize ``dialect: "sqlite"``) or a connection URL
(``DATABASE_URL=mysql://…``, ``jdbc:mariadb://…``, ``sqlite:///…``). Only configuration files are read (not notes or
documentation: a project's release notes and API reference, ``releasenotes/notes/*.yaml``, are YAML written for
readers, whose ``connection = mysql+pymysql://…`` shows one deployment's setting), and a package that also names
PostgreSQL anywhere there is not decided: a migration whose own name, folder and text say nothing is then read as
PostgreSQL, as in a package of one file."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

from shipgate.preflight.project_layout import is_project_documentation

_NAMES = {
    "mysql": "mysql",
    "mysql2": "mysql",
    "mysqli": "mysql",
    "pdo_mysql": "mysql",
    "mariadb": "mysql",
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    "pdo_sqlite": "sqlite",
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "pgsql": "postgresql",
    "pdo_pgsql": "postgresql",
    "pg": "postgresql",
}
_SETTING = re.compile(
    # a product's own prefix on the database settings (ZoneMinder's ``ZM_DB_TYPE=mysql``)
    r"\b(?:(?:[A-Z][A-Z0-9]*_)?(?:DB_CONNECTION|DB_DRIVER|DB_TYPE|DB_ENGINE|DB_DIALECT|DATABASE_TYPE|DATABASE_DRIVER"
    r"|DATABASE_ENGINE|DATABASE_DIALECT)|TYPEORM_CONNECTION|adapter|client|dialect|driver)"
    r"[\"']?\s*(?:=>|[=:])\s*[\"']?(\w+)",
    re.I,
)
# A connection URL (``mysql://…``, ``postgresql+psycopg://…``), a PDO DSN (``mysql:host=db;dbname=app``) or an SQLite
# file DSN (``sqlite:/var/lib/app.db``). A word and a colon followed by anything else is not one: a container image
# (``mariadb:latest``, ``postgres:16``) or a named volume (``-v mariadb:/var/lib/mysql``) names no database the
# product connects to (docs/preflight.md, "Functions, variables and the package's database").
_URL = re.compile(
    r"\b(?:(mysql|mariadb|sqlite3?|postgres(?:ql)?)(?:\+\w+)?:(?://|\w+=)|(sqlite3?):/)",
    re.I,
)
_CONFIG_EXTENSIONS = (".env", ".yml", ".yaml", ".json", ".ini", ".conf", ".cnf", ".properties", ".toml", ".cfg")
_CONFIG_NAMES = re.compile(r"^(?:\.env(?:\.\w+)?|[\w.-]*\.env|phinx\.\w+|knexfile\.\w+|database\.php|config\.php)$")
MAX_CONFIG_CHARS = 256 * 1024
# A word each pattern needs, lowercased: ASCII text without one cannot match it (re.I also matches a few non-ASCII
# letters to ASCII ones, so other text is searched).
_SETTING_WORDS = (
    "db_connection", "db_driver", "db_type", "db_engine", "db_dialect", "database_type", "database_driver",
    "database_engine", "database_dialect", "typeorm_connection", "adapter", "client", "dialect", "driver",
)  # fmt: skip
_URL_WORDS = ("mysql", "mariadb", "sqlite", "postgres")


def _patterns_in(sample: str) -> tuple[re.Pattern[str], ...]:
    """The patterns that may match ``sample``."""
    if not sample.isascii():
        return _SETTING, _URL
    lowered = sample.lower()
    setting = any(w in lowered for w in _SETTING_WORDS)
    url = any(w in lowered for w in _URL_WORDS)
    return (_SETTING,) * setting + (_URL,) * url


def is_config(path: str) -> bool:
    """A configuration file by its name: the ones whose settings say which database the product uses. A release
    note or an API reference sample (``releasenotes/notes/x.yaml``, ``api-ref/source/…json``) is not one, whatever
    its extension: it is written for readers (``project_layout.is_project_documentation``)."""
    if is_project_documentation(path):
        return False
    name = posixpath.basename(path).lower()
    return name.endswith(_CONFIG_EXTENSIONS) or bool(_CONFIG_NAMES.match(name))


def _named(match: re.Match[str]) -> str:
    """The database word a setting or URL match holds (the URL pattern has one group per form)."""
    return next(group for group in match.groups() if group)


def named_databases(text: str) -> set[str]:
    """The databases a configuration text names in a setting or a connection URL."""
    sample = text[:MAX_CONFIG_CHARS]
    words = [_named(m).lower() for pattern in _patterns_in(sample) for m in pattern.finditer(sample)]
    return {_NAMES[w] for w in words if w in _NAMES}


def offered_databases(dbtypes: Iterable[str]) -> set[str]:
    """The databases a Debian package's dbconfig-common setup offers the administrator: the values its maintainer
    scripts give ``dbc_dbtypes`` (``"sqlite3, pgsql, mysql"``; dbconfig-common's documentation, "Using
    dbconfig-common in your packages"). The package runs on whichever is chosen, whatever its default
    configuration names."""
    words = (w.strip().lower() for value in dbtypes for w in re.split(r"[\s,]+", value))
    return {_NAMES[w] for w in words if w in _NAMES}


def package_database(configs: Iterable[tuple[str, str]], offered: Iterable[str] = ()) -> str | None:
    """'mysql' or 'sqlite' when the package's configuration files (``(path, text)``) name that database and no
    other; None otherwise (none named, PostgreSQL named, or more than one). ``offered``: the databases its
    installer lets the administrator choose (:func:`offered_databases`), counted as named."""
    named: set[str] = set(offered)
    for path, text in configs:
        if is_config(path):
            named |= named_databases(text)
    return named.pop() if len(named) == 1 and named <= {"mysql", "sqlite"} else None
