"""Hold-out set 204 (tests/preflight/holdout204/README.md): each class fixed, with a construct (the case that was
wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at

UNLOCKED = "preflight.migration_unlocked"
UNCHECKED = "preflight.migration_unchecked"

# django_wxapp's 0012: an AlterField that adds db_index=True to user.nickname
_MIGRATION = (
    "from django.db import migrations, models\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "\n"  # 5
    "    dependencies = [\n"  # 6
    "        ('authorization', '0011_auto_20181224_1916'),\n"  # 7
    "    ]\n"  # 8
    "\n"  # 9
    "    operations = [\n"  # 10
    "        migrations.AlterField(\n"  # 11
    "            model_name='user',\n"  # 12
    "            name='nickname',\n"  # 13
    "            field=models.CharField(db_index=True, max_length=256),\n"  # 14
    "        ),\n"  # 15
    "    ]\n"  # 16
)


def _settings(*engines: str) -> str:
    entries = ", ".join(f"'{name}': {{'ENGINE': 'django.db.backends.{engine}'}}" for name, engine in engines)
    return f"DATABASES = {{{entries}}}\n"


def _package(settings_path: str, settings: str) -> dict[str, str | bytes]:
    return {"backend/authorization/migrations/0012_auto_20181224_1917.py": _MIGRATION, settings_path: settings}


# Class B: a Django product whose settings name MySQL (or Oracle) alone runs its migrations there, as one that
# names SQLite alone does; they were read as PostgreSQL's.


def test_settings_naming_mysql_alone_read_the_django_migrations_as_mysql() -> None:
    package = _package("backend/backend/settings.py", _settings(("default", "mysql")))
    assert codes_at(package, UNLOCKED) == []
    assert codes_at(package, UNCHECKED) == [11]


def test_settings_naming_oracle_alone_read_the_django_migrations_as_oracle() -> None:
    package = _package("backend/backend/settings.py", _settings(("default", "oracle")))
    assert codes_at(package, UNLOCKED) == []
    assert codes_at(package, UNCHECKED) == [11]


def test_settings_naming_sqlite_alone_keep_the_sqlite_reading() -> None:
    package = _package("backend/backend/settings.py", _settings(("default", "sqlite3")))
    assert codes_at(package, UNLOCKED) == []
    assert codes_at(package, UNCHECKED) == [11]


def test_mysql_beside_postgresql_keeps_postgresqls_reading() -> None:
    # near miss: a product that offers both databases is labelled as its PostgreSQL run (holdout19's rule)
    package = _package("backend/backend/settings.py", _settings(("default", "mysql"), ("pg", "postgresql")))
    assert codes_at(package, UNLOCKED) == [11]
    assert codes_at(package, UNCHECKED) == []


def test_mysql_named_only_by_the_test_settings_keeps_postgresqls_reading() -> None:
    # near miss: a test run's database is not the product's
    package = _package("backend/tests/settings.py", _settings(("default", "mysql")))
    assert codes_at(package, UNLOCKED) == [11]


def test_postgresql_alone_keeps_postgresqls_reading() -> None:
    # near miss: the engine named is PostgreSQL's own
    package = _package("backend/backend/settings.py", _settings(("default", "postgresql")))
    assert codes_at(package, UNLOCKED) == [11]
