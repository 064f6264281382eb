"""Round thirty-nine of the whole packages (tests/preflight/packages/README.md, "Round thirty-nine"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep
its result)."""

from __future__ import annotations

from preflight_kit import codes_at, package, run

from shipgate.findings import Severity

UNLOCKED = "preflight.migration_unlocked"
REWRITE = "preflight.migration_rewrites_table"
INDEX = "preflight.index_not_concurrent"
ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"
TLS = "preflight.tls_verification_disabled"
EGRESS = "preflight.implicit_egress"

# -------------------------------------------------- a driver the distribution offers names its database

_INITIAL = (
    "from django.db import migrations, models\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(name='Catalog', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "        migrations.CreateModel(name='Attribute', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "        migrations.CreateModel(name='Entity', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "    ]\n"
)
_ADD_TITLE = (
    "from django.db import migrations, models\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "    dependencies = [('questions', '0001_initial')]\n"  # 5
    "    operations = [\n"  # 6
    "        migrations.AddField(\n"  # 7
    "            model_name='catalog',\n"  # 8
    "            name='title',\n"  # 9
    "            field=models.CharField(blank=True, max_length=256),\n"  # 10
    "        ),\n"  # 11
    "    ]\n"  # 12
)
_SQLITE_SETTINGS = "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n"
_PYPROJECT = '[project]\nname = "rdmo"\ndependencies = ["django>=4.2"]\n\n[project.optional-dependencies]\n{extras}\n'


def _in(files: dict[str, str | bytes], path: str) -> list[tuple[str, int | None]]:
    """(code, line) of the findings above info in the package file ``path``."""
    found = run(package(files))
    return sorted(
        (f.code, f.evidence.get("line"))
        for f in found
        if f.severity > Severity.INFO and (f.evidence.get("file") or f.path) == path
    )


_CHANGE = "rdmo/questions/migrations/0002_change.py"
_META = "rdmo/questions/migrations/0004_meta.py"


def findings(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    """The findings of the migration a test changes (``0002_change.py``, or ``0004_meta.py`` when there is one)."""
    return _in(files, _META if _META in files else _CHANGE)


def _product(migration: str, **extra: str) -> dict[str, str | bytes]:
    return {
        "rdmo/questions/migrations/0001_initial.py": _INITIAL,
        "rdmo/questions/migrations/0002_change.py": migration,
        "rdmo/core/settings.py": _SQLITE_SETTINGS,
        **extra,
    }


def test_a_postgresql_driver_in_an_extra_makes_the_sqlite_default_not_the_only_database() -> None:
    # RDMO: its settings name SQLite for a first try; its ``postgres`` extra installs psycopg
    pyproject = _PYPROJECT.format(extras='postgres = ["psycopg[binary]>=3.1,<4.0"]\nmysql = ["mysqlclient>=2.2"]')
    assert (UNLOCKED, 7) in findings(_product(_ADD_TITLE, **{"pyproject.toml": pyproject}))


def test_a_driver_in_setup_py_or_setup_cfg_names_its_database_too() -> None:
    setup_py = "from setuptools import setup\n\nsetup(name='app', extras_require={'pgsql': ['psycopg2-binary']})\n"
    setup_cfg = "[metadata]\nname = app\n\n[options]\ninstall_requires =\n    django\n    PyMySQL>=1.0\n"
    assert (UNLOCKED, 7) in findings(_product(_ADD_TITLE, **{"setup.py": setup_py}))
    assert (UNLOCKED, 7) in findings(_product(_ADD_TITLE, **{"setup.cfg": setup_cfg}))


def test_a_driver_only_the_projects_tests_install_keeps_the_sqlite_reading() -> None:
    # near miss: an extra for the project's own checks, and no driver at all
    pyproject = _PYPROJECT.format(extras='test = ["pytest", "psycopg2-binary"]\ndocs = ["sphinx"]')
    assert (UNLOCKED, 7) not in findings(_product(_ADD_TITLE, **{"pyproject.toml": pyproject}))
    assert (UNLOCKED, 7) not in findings(_product(_ADD_TITLE))


def test_a_vendored_projects_build_description_is_not_the_packages() -> None:
    # near miss: a description below the root is another project's
    pyproject = _PYPROJECT.format(extras='postgres = ["psycopg"]')
    assert (UNLOCKED, 7) not in findings(_product(_ADD_TITLE, **{"vendor/lib/pyproject.toml": pyproject}))


# --------------------------------------------------------------- the index a slug field is built with

_ADD_SLUG = _ADD_TITLE.replace("models.CharField(blank=True, max_length=256)", "models.SlugField({options})")
_PYPROJECT_PG = _PYPROJECT.format(extras='postgres = ["psycopg"]')


def _slug(options: str) -> list[tuple[str, int | None]]:
    """A product that names no database (read as PostgreSQL) adding a slug field."""
    files = _product(_ADD_SLUG.format(options=options), **{"pyproject.toml": _PYPROJECT_PG})
    del files["rdmo/core/settings.py"]
    return findings(files)


def test_a_slug_field_added_to_a_live_table_builds_its_index() -> None:
    # RDMO's ``AddField`` of ``key = SlugField(blank=True, max_length=128, null=True)``: indexed unless told not to
    found = _slug("max_length=128, null=True")
    assert (UNLOCKED, 7) in found and (INDEX, 7) in found


def test_a_slug_field_without_an_index_or_with_a_unique_one_builds_no_plain_index() -> None:
    # near misses: ``db_index=False`` builds none; ``unique=True``'s index is its constraint
    bare = _slug("db_index=False, null=True")
    unique = _slug("unique=True, null=True")
    assert (INDEX, 7) not in bare and (UNLOCKED, 7) in bare
    assert (INDEX, 7) not in unique and (REWRITE, 7) in unique


def test_an_explicit_index_is_counted_once() -> None:
    found = _slug("db_index=True, null=True")
    assert found.count((INDEX, 7)) == 1


# ------------------------------------------------ a foreign key that names the same table, or no constraint

_WITH_KEY = _INITIAL.replace(
    "        migrations.CreateModel(name='Entity', fields=[('id', models.AutoField(primary_key=True))]),\n",
    "        migrations.CreateModel(name='Entity', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "        migrations.CreateModel(\n"
    "            name='Value',\n"
    "            fields=[\n"
    "                ('id', models.AutoField(primary_key=True)),\n"
    "                ('attribute', models.ForeignKey("
    "null=True, on_delete=models.SET_NULL, to='questions.Entity'{c})),\n"
    "            ],\n"
    "        ),\n",
)
_RENAME = (
    "from django.db import migrations\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    dependencies = [('questions', '0002_change')]\n"
    "    operations = [\n"
    "        migrations.DeleteModel(name='Attribute'),\n"
    "        migrations.RenameModel(old_name='Entity', new_name='Attribute'),\n"
    "    ]\n"
)
_RETARGET = (
    "from django.db import migrations, models\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "    dependencies = [('questions', '0003_rename')]\n"  # 5
    "    operations = [\n"  # 6
    "        migrations.AlterField(\n"  # 7
    "            model_name='value',\n"  # 8
    "            name='attribute',\n"  # 9
    "            field=models.ForeignKey(null=True, on_delete=models.SET_NULL, to='questions.{to}'{c}),\n"  # 10
    "        ),\n"  # 11
    "    ]\n"  # 12
)


def _keyed(to: str, constraint: str = "", first: str = "") -> dict[str, str | bytes]:
    return {
        "rdmo/questions/migrations/0001_initial.py": _WITH_KEY.format(c=first),
        "rdmo/questions/migrations/0002_change.py": _ADD_TITLE,
        "rdmo/questions/migrations/0003_rename.py": _RENAME,
        "rdmo/questions/migrations/0004_meta.py": _RETARGET.format(to=to, c=constraint),
    }  # no settings: a product that names no database is read as PostgreSQL


def test_a_foreign_key_naming_its_models_new_name_points_at_the_same_table() -> None:
    # RDMO's ``AttributeEntity`` renamed ``Attribute``: the AlterField after the rename names the same table
    found = findings(_keyed("Attribute"))
    assert (UNLOCKED, 7) not in found and (REWRITE, 7) not in found


def test_a_foreign_key_pointed_at_another_model_still_checks_every_row() -> None:
    # near miss: a model that was not renamed into it
    found = findings(_keyed("Catalog"))
    assert (UNLOCKED, 7) in found and (REWRITE, 7) in found


def test_a_foreign_key_moved_without_a_constraint_validates_nothing() -> None:
    # RDMO's ``condition.source``: ``db_constraint=False`` before and after: no constraint to add
    found = findings(_keyed("Catalog", ", db_constraint=False", ", db_constraint=False"))
    assert (UNLOCKED, 7) not in found and (REWRITE, 7) not in found


def test_a_constraint_dropped_while_moving_the_key_only_locks() -> None:
    # RDMO's ``value.option``: the old key had a constraint; dropping it is a brief ACCESS EXCLUSIVE change, no scan
    found = findings(_keyed("Catalog", ", db_constraint=False"))
    assert (UNLOCKED, 7) in found and (REWRITE, 7) not in found


# ------------------------------------------------------------------------ citation and AppStream metadata

_CITATION = (
    "cff-version: 1.2.0\n"  # 1
    "title: RDMO\n"  # 2
    "authors:\n"  # 3
    "  - family-names: Doe\n"  # 4
    "    orcid: https://orcid.org/0000-0002-1825-0097\n"  # 5
    "repository-code: https://github.com/rdmorganiser/rdmo\n"  # 6
)
_METAINFO = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'  # 1
    '<component type="desktop-application">\n'  # 2
    "  <id>org.deluge_torrent.deluge</id>\n"  # 3
    '  <url type="homepage">https://www.deluge-torrent.org/</url>\n'  # 4
    '  <url type="bugtracker">https://dev.deluge-torrent.org/</url>\n'  # 5
    "</component>\n"  # 6
)


def test_citation_and_appstream_metadata_name_no_host_the_product_contacts() -> None:
    assert codes_at({"CITATION.cff": _CITATION}, ENDPOINT) == []
    assert codes_at({"deluge/ui/data/share/metainfo/deluge.metainfo.xml.in": _METAINFO}, ENDPOINT) == []
    assert codes_at({"data/org.app.appdata.xml": _METAINFO}, ENDPOINT) == []


def test_the_same_yaml_and_xml_as_settings_are_read() -> None:
    # near miss: a configuration file of the same text names the hosts it is set to
    settings = "upstream:\n  url: https://api.orcid.org/v3.0/\n"
    assert codes_at({"etc/app/settings.yml": settings}, ENDPOINT) == [2]


# ----------------------------------------------- a documentation build and a maintainer's changelog tool

_ZENSICAL = '[project]\nsite_name = "pyinfra"\nrepo_url = "https://github.com/pyinfra-dev/pyinfra"\n'
_CHANGELOG_TOOL = (
    "#!/usr/bin/env python\n"  # 1
    "import subprocess\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "def username(sha):\n"  # 5
    '    return subprocess.run(["gh", "api", f"repos/o/r/commits/{sha}"], capture_output=True)\n'  # 6
    "\n"  # 7
    "\n"  # 8
    'if __name__ == "__main__":\n'  # 9
    '    username("HEAD")\n'  # 10
)
_DOCS_BUILD = (
    "#!/bin/bash\n"  # 1
    "set -euo pipefail\n"  # 2
    "\n"  # 3
    "build_docs() {\n"  # 4
    "    local build_dir=$1\n"  # 5
    '    rm -rf "$build_dir"\n'  # 6
    "}\n"  # 7
    "\n"  # 8
    'build_docs "$1"\n'  # 9
)
RM_RF = "preflight.rm_rf_variable"


def test_a_documentation_sites_build_and_a_changelog_tool_are_a_maintainers() -> None:
    # pyinfra's zensical.toml, scripts/generate_changelog.py and scripts/build-public-docs.sh
    assert codes_at({"zensical.toml": _ZENSICAL}, ENDPOINT) == []
    assert codes_at({"scripts/generate_changelog.py": _CHANGELOG_TOOL}, EGRESS) == []
    assert codes_at({"scripts/build-public-docs.sh": _DOCS_BUILD}, RM_RF) == []


def test_a_script_named_for_another_task_stays_a_step() -> None:
    # near miss: the same tools under names an operator runs
    assert codes_at({"scripts/sync_users.py": _CHANGELOG_TOOL}, EGRESS) == [6]
    assert codes_at({"scripts/backup-data.sh": _DOCS_BUILD}, RM_RF) == [6]


# ---------------------------------------------------------------------------- a page opened in a browser

_MENU = (
    "import webbrowser\n"  # 1
    "import deluge.common\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "def on_homepage(widget):\n"  # 5
    "    deluge.common.open_url_in_browser('https://deluge-torrent.org')\n"  # 6
    "\n"  # 7
    "\n"  # 8
    "def on_faq(widget):\n"  # 9
    "    webbrowser.open_new_tab('https://dev.deluge-torrent.org/wiki/Faq')\n"  # 10
)


def test_a_url_handed_to_the_users_browser_is_a_page_not_a_request() -> None:
    assert codes_at({"deluge/ui/gtk3/menubar.py": _MENU}, ENDPOINT) == []


def test_a_url_a_call_named_open_url_fetches_is_still_contacted() -> None:
    # near miss: ``open_url`` (Ansible's) sends the request itself
    source = "from ansible.module_utils.urls import open_url\n\n\ndef check():\n    open_url('https://api.vendor.io/v1/ping')\n"
    assert codes_at({"app/check.py": source}, ENDPOINT) == [5]


# ------------------------------------------------------------- a password given to Django by its position

_CREATE_ADMIN = (
    "from django.contrib.auth import get_user_model\n"  # 1
    "from django.core.management.base import BaseCommand\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "class Command(BaseCommand):\n"  # 5
    "\n"  # 6
    "    def handle(self, *args, **options):\n"  # 7
    "        get_user_model().objects.create_superuser('admin', 'admin@example.com', {password})\n"  # 8
)


def test_a_superuser_created_with_a_literal_password_by_position_is_a_credential() -> None:
    # RDMO's ``create_admin_user`` command
    path = "rdmo/core/management/commands/create_admin_user.py"
    assert codes_at({path: _CREATE_ADMIN.format(password="'admin'")}, CREDENTIAL) == [8]


def test_a_password_the_command_reads_is_no_literal() -> None:
    path = "rdmo/core/management/commands/create_admin_user.py"
    assert codes_at({path: _CREATE_ADMIN.format(password="options['password']")}, CREDENTIAL) == []
    assert codes_at({path: _CREATE_ADMIN.format(password="None")}, CREDENTIAL) == []


# ---------------------------------------------------------- a Twisted TLS connection that verifies nothing

_CLIENT = (
    "from twisted.internet import reactor, ssl\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def connect(host, port, factory):\n"  # 4
    "    return reactor.connectSSL(\n"  # 5
    "        host, port, factory, {context}\n"  # 6
    "    )\n"  # 7
)


def test_a_connection_opened_with_twisteds_client_context_factory_is_unverified() -> None:
    # Deluge's thin client logging in to its daemon
    assert codes_at({"deluge/ui/client.py": _CLIENT.format(context="ssl.ClientContextFactory()")}, TLS) == [6]


def test_a_connection_with_options_for_its_host_is_verified() -> None:
    # near miss: ``optionsForClientTLS`` checks the certificate against the host name
    context = "ssl.optionsForClientTLS(host)"
    assert codes_at({"deluge/ui/client.py": _CLIENT.format(context=context)}, TLS) == []
