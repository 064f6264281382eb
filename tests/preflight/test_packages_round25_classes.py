"""Round twenty-five of the whole packages (tests/preflight/packages/README.md, "Round twenty-five"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import codes_at, findings

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


REWRITE = "preflight.migration_rewrites_table"

_INITIAL = (
    "from django.db import migrations, models\n"
    "import django.db.models.deletion\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(name='Shift', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "        migrations.CreateModel(name='Event', fields=[('id', models.AutoField(primary_key=True))]),\n"
    "        migrations.CreateModel(\n"
    "            name='Participation',\n"
    "            fields=[\n"
    "                ('id', models.AutoField(primary_key=True)),\n"
    "                ('shift', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='shift')),\n"
    "            ],\n"
    "        ),\n"
    "    ]\n"
)
_RELABELLED = (
    "from django.db import migrations, models\n"  # 1
    "import django.db.models.deletion\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "class Migration(migrations.Migration):\n"  # 5
    "    dependencies = [('core', '0001_initial')]\n"  # 6
    "    operations = [\n"  # 7
    "        migrations.AlterField(\n"  # 8
    "            model_name='participation',\n"  # 9
    "            name='shift',\n"  # 10
    "            field=models.ForeignKey(\n"  # 11
    "                on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='core.shift'\n"
    "            ),\n"  # 13
    "        ),\n"  # 14
    "    ]\n"  # 15
)


def _history(second: str) -> dict[str, str | bytes]:
    return {"app/core/migrations/0001_initial.py": _INITIAL, "app/core/migrations/0002_alter_shift.py": second}


def test_a_foreign_key_to_its_own_apps_model_named_with_the_label_is_the_same_target() -> None:
    # ephios: ``to='shift'`` became ``to='core.shift'`` (and a related name): Django sends no SQL
    found = findings(_history(_RELABELLED))
    assert (UNLOCKED, 8) not in found and (REWRITE, 8) not in found


def test_a_foreign_key_pointed_at_another_model_is_still_a_new_target() -> None:
    # near miss: the same AlterField naming another model of the app re-points the column
    found = findings(_history(_RELABELLED.replace("to='core.shift'", "to='core.event'")))
    assert (UNLOCKED, 8) in found and (REWRITE, 8) in found


def test_a_model_of_the_same_name_in_another_app_is_another_target() -> None:
    # near miss: ``'rota.shift'`` is not the ``core`` app's ``shift``
    found = findings(_history(_RELABELLED.replace("to='core.shift'", "to='rota.shift'")))
    assert (REWRITE, 8) in found


ENDPOINT = "preflight.external_endpoint"

_REFERENCE = (
    "reference:\n"  # 1
    "  values:\n"  # 2
    "    - rank: '3'\n"  # 3
    "      keyword: bugtraqid\n"  # 4
    "      description: The SecurityFocus vulnerability database identifier\n"  # 5
    "        (http://www.securityfocus.com/bid)\n"  # 6
    "    - rank: '4'\n"  # 7
    "      upstream: the server the collector forwards to\n"  # 8
    "        https://collector.vendor.io/ingest\n"  # 9
    "      feed: https://feeds.vendor.io/events.json\n"  # 10
)


def _endpoint_lines(files: dict[str, str | bytes]) -> set[int]:
    return {line for code, line in findings(files) if code == ENDPOINT}


def test_the_next_line_of_a_yaml_description_is_its_text() -> None:
    # Prewikka's IDMEF reference: the URL falls on the description's second line
    assert 6 not in _endpoint_lines({"app/yaml/Reference.yml": _REFERENCE})


def test_the_next_line_of_a_value_of_another_key_and_the_next_key_are_still_read() -> None:
    # near miss: a continuation under ``upstream:`` and the following ``feed:`` setting stay hosts it contacts
    found = _endpoint_lines({"app/yaml/Reference.yml": _REFERENCE})
    assert {9, 10} <= found


_WARNING_PAGE = (
    "<%! from prewikka.utils.html import Markup %>\n"  # 1
    '<div class="modal-body content">\n'  # 2
    '  ${ Markup(_("It has less <a href=\'%s\'>features</a>.")) % "https://www.vendor-siem.com/en/editions/" }\n'  # 3
    "</div>\n"  # 4
)
_MAKO_CONFIG = (
    "<%! import os %>\n"  # 1
    "[upstream]\n"  # 2
    "server = https://feeds.vendor-siem.com/rules\n"  # 3
)


def test_a_mako_page_templates_links_are_the_readers_browsers() -> None:
    # Prewikka's OSS warning dialog links to the vendor's page
    assert 3 not in _endpoint_lines({"app/templates/warning.mak": _WARNING_PAGE})


def test_a_mako_template_of_no_html_page_is_still_read() -> None:
    # near miss: a Mako template that writes a configuration file (no HTML element) keeps its hosts
    assert 3 in _endpoint_lines({"app/templates/upstream.conf.mako": _MAKO_CONFIG})


_CONSOLE_CONF = (
    "[general]\n"  # 1
    "# URL to get details about a host\n"  # 2
    "host_details_url: http://www.vendor-siem.com/host_details.php\n"  # 3
    "port_details_url: http://www.vendor-siem.com/port_details.php\n"  # 4
    "user_details_url: https://sso.vendor-siem.com/api/userinfo\n"  # 5
    "rules_url: https://feeds.vendor-siem.com/rules\n"  # 6
)


def test_a_setting_named_for_a_page_of_details_is_a_link() -> None:
    # Prewikka's console links an alert's host and port to the vendor's pages of details
    assert not {3, 4} & _endpoint_lines({"etc/console/console.conf": _CONSOLE_CONF})


def test_a_users_details_endpoint_and_other_urls_are_still_contacted() -> None:
    # near miss: an OAuth client's user-details endpoint and a feed the product fetches
    assert {5, 6} <= _endpoint_lines({"etc/console/console.conf": _CONSOLE_CONF})


CREDENTIAL = "preflight.hardcoded_credential"


def _credential_lines(text: str) -> set[int]:
    return {line for code, line in findings({"app/default.cfg": text}) if code == CREDENTIAL}


def test_a_connection_url_of_field_names_is_a_template() -> None:
    # OpenCVE's default.cfg: user, password and database are each named by what goes there
    text = "[core]\ndatabase_uri = postgresql://user:secret@localhost:5432/dbname\n"
    assert 2 not in _credential_lines(text)


def test_the_same_login_to_a_named_database_is_a_value() -> None:
    # near miss: a real database name makes the same login one a product runs with
    text = "[core]\ndatabase_uri = postgresql://user:secret@localhost:5432/opencve\n"
    assert 2 in _credential_lines(text)


_PLUGIN = (
    "import requests\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def favourites(profile_id):\n"  # 4
    "    profile_details_url = 'https://www.vendor-tv.nl/api/account/@me/profile/'\n"  # 5
    "    return requests.get(profile_details_url + profile_id).json()\n"  # 6
)


def test_a_details_url_program_source_requests_is_still_contacted() -> None:
    # near miss: FlexGet's NPO plugin requests its ``profile_details_url``; in program source the name says nothing
    assert 5 in _endpoint_lines({"app/plugins/watchlist.py": _PLUGIN})


def test_a_text_key_with_no_value_opens_settings_not_text() -> None:
    # near miss (found by round 10's terms test): ``docs:`` holding a mapping; its URL is read as a setting's
    terms = 'docs:\n  terms_of_service:\n    url: "https://terms.dten-cloud.io/tos-2.0.html"\n'
    assert codes_at({"latest/terms.yaml": terms}, "preflight.external_endpoint") == [3]
