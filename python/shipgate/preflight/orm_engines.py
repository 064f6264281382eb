"""Which database a Django product's migrations run on, when the package itself says so.

A Django migration (``migrations.AlterField``…) is read as the SQL Django sends to PostgreSQL, because the database
is chosen by the operator's settings. A product that names only SQLite (``'ENGINE': 'django.db.backends.sqlite3'``
in its settings, and no other ``django.db.backends.*`` engine anywhere in the package: not in an example settings
file, a comment or its documentation) runs them on SQLite, where PostgreSQL's locks do not apply: its Django
migrations are read as SQLite's (``migration_unchecked``, low), as an SQL file in a ``sqlite/`` folder is. A product
that names only MySQL or only Oracle (``django.db.backends.mysql``, holdout204's django_wxapp; ``.oracle``) runs
them there, and they are read as that database's likewise. One other engine named anywhere (Graphite's
``local_settings.py.example`` shows PostgreSQL) keeps PostgreSQL's reading. Test settings (``tests/settings.py``)
are not the product's, and an example or demo project's SQLite is not its choice either (Postorius's
``example_project/settings.py``, "Quick-start development settings" its setup guide runs for a try, then tells the
operator to change for another database): another engine such a project names still counts. An engine left open
(``"ENGINE": "django.db.backends.",`` for the operator to finish, or ``"django.db.backends." + db_backend`` from the
configuration) counts as another engine: the operator chooses it. A name compared with
(``settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"``: ephios' health check, which asks which
engine the operator chose) names no engine the product runs on.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from shipgate.preflight.contents import TextFile
from shipgate.preflight.distribution_drivers import offered_engines
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.sql.model import SqlFile
from shipgate.preflight.sql.reader import engine_bound

_ENGINE = re.compile(r"django\.db\.backends\.(\w+)")
# the engine's name left off the quoted prefix: filled in by the operator (Mezzanine's project template,
# ``"ENGINE": "django.db.backends.",`` under ``# Add "postgresql_psycopg2", "mysql", "sqlite3" or "oracle".``) or
# joined to a configured name (``"django.db.backends." + db_backend``)
_LEFT_OPEN = re.compile(r"""django\.db\.backends\.["']""")
LEFT_OPEN = "(the operator's)"
_DJANGO_MIGRATION = re.compile(r"(?:^|/)migrations/[^/]+\.py$")
# a project kept to show or try the product: ``example_project/``, ``examples/``, ``demo/``, ``sample_site/``
_EXAMPLE_PROJECT = re.compile(r"(?i)(?:^|/)(?:examples?|demo|sample)(?:[_-](?:project|site|app))?/")
# the engine's quoted name as one side of an equality test (either side)
_COMPARED = re.compile(
    r"""[=!]=\s*[rbuf]?["']django\.db\.backends\.\w+["']"""  # ``ENGINE == "django.db.backends.sqlite3"``
    r"""|["']django\.db\.backends\.\w+["']\s*[=!]="""  # ``"django.db.backends.sqlite3" != ENGINE``
)


def django_engines(texts: Iterable[TextFile]) -> set[str]:
    """The ``django.db.backends.<engine>`` names the package's files (tests aside, and an example project's
    SQLite) mention; ``LEFT_OPEN`` for an engine left to the operator."""
    names: set[str] = set()
    for text in texts:
        if is_test_path(text.path):
            continue
        example = bool(_EXAMPLE_PROJECT.search(text.path))
        for line in text.lines:
            if "django.db.backends." in line.text:
                named = _COMPARED.sub("", line.text)
                names.update(m.group(1) for m in _ENGINE.finditer(named) if not (example and m.group(1) == "sqlite3"))
                if _LEFT_OPEN.search(named):
                    names.add(LEFT_OPEN)
    return names


# the engines Django ships that are not PostgreSQL, by the dialect a migration run on them is read as
_OTHER_DATABASES = {"sqlite3": "sqlite", "mysql": "mysql", "oracle": "oracle"}
# a source distribution's root build descriptions, which say which drivers it installs or offers
_DESCRIPTIONS = frozenset({"pyproject.toml", "setup.cfg", "setup.py"})


def sole_database(texts: Iterable[TextFile]) -> str | None:
    """The dialect of the one Django engine the package names, when it names one alone and it is not PostgreSQL
    (``sqlite``, ``mysql``, ``oracle``); None otherwise. A database whose driver the distribution's own build
    description installs or offers (``distribution_drivers``: RDMO's ``postgres`` extra) is named too."""
    texts = list(texts)
    engines = django_engines(texts)
    if len(engines) == 1:
        described = ((t.path, "\n".join(line.text for line in t.lines)) for t in texts if t.path in _DESCRIPTIONS)
        engines |= offered_engines(described)
    if len(engines) != 1:
        return None
    return _OTHER_DATABASES.get(next(iter(engines)))


def on_database(sql: SqlFile, dialect: str) -> SqlFile:
    """A Django migration read as ``dialect``'s: what PostgreSQL would lock or rewrite is not checked."""
    if not _DJANGO_MIGRATION.search(sql.path):
        return sql
    statements = tuple(dataclasses.replace(s, checked=False) if engine_bound(s) else s for s in sql.statements)
    unchecked = sum(not s.checked for s in statements)
    return dataclasses.replace(sql, dialect=dialect, statements=statements, unchecked=unchecked)
