"""Round twenty-five of the whole packages (tests/preflight/packages/README.md, "Round twenty-five"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"

_MIGRATION = (
    "from django.db import migrations, models\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "    dependencies = [('core', '0031_shift')]\n"  # 5
    "\n"  # 6
    "    operations = [\n"  # 7
    "        migrations.AddField(\n"  # 8
    "            model_name='shift',\n"  # 9
    "            name='label',\n"  # 10
    "            field=models.CharField(blank=True, max_length=255),\n"  # 11
    "        ),\n"  # 12
    "    ]\n"  # 13
)
_HEALTH_CHECK = (
    "from django.conf import settings\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def database_warning():\n"  # 4
    '    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":\n'  # 5
    '        return "SQLite is not meant for production"\n'  # 6
)
_SQLITE_SETTINGS = "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n"


def _django_package(extra: dict[str, str]) -> dict[str, str | bytes]:
    return {"app/core/migrations/0032_shift_label.py": _MIGRATION, **extra}


def test_an_engine_a_health_check_compares_with_does_not_make_the_product_sqlite_only() -> None:
    # ephios: the engine the operator chose is compared with SQLite's name; the product names no engine it runs on
    found = findings(_django_package({"app/core/health.py": _HEALTH_CHECK}))
    assert (UNLOCKED, 8) in found


def test_a_compared_name_written_the_other_way_round_names_no_engine_either() -> None:
    check = _HEALTH_CHECK.replace(
        'settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"',
        '"django.db.backends.sqlite3" != settings.DATABASES["default"]["ENGINE"]',
    )
    assert (UNLOCKED, 8) in findings(_django_package({"app/core/health.py": check}))


def test_settings_that_give_sqlite_as_the_engine_keep_the_sqlite_reading() -> None:
    # near miss: the engine given as the setting's value (beside the same health check) is the product's database
    package = _django_package({"app/core/health.py": _HEALTH_CHECK, "app/settings.py": _SQLITE_SETTINGS})
    assert (UNLOCKED, 8) not in findings(package)
