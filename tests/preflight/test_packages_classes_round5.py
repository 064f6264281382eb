"""The classes of false positives and misses that round five of whole real packages showed
(tests/preflight/packages/README.md, "Round five"), each with a minimal construct and a near miss that must still
be reported."""

from __future__ import annotations

from preflight_kit import codes_at, located, package, run

from shipgate.preflight.contents import PreflightOptions
from shipgate.preflight.scan_order import budget_order, is_served_asset

INDEX = "preflight.index_not_concurrent"
REWRITE = "preflight.migration_rewrites_table"
UNLOCKED = "preflight.migration_unlocked"

FIELDS = (
    "from django.db import models\n"
    "from django_extensions.db.fields import AutoSlugField as _AutoSlugField\n"
    "from taggit.managers import TaggableManager\n\n\n"
    "class ForeignKeyWithAutoRelatedName(models.ForeignKey):\n    pass\n\n\n"
    "class ForeignKeyLimitedByContentTypes(ForeignKeyWithAutoRelatedName):\n    pass\n\n\n"
    "class StatusField(ForeignKeyLimitedByContentTypes):\n    pass\n\n\n"
    "class AutoSlugField(_AutoSlugField):\n    pass\n\n\n"
    "class TagsField(TaggableManager):\n    pass\n"
)
INITIAL = (
    "from django.db import migrations, models\n\n\n"
    "class Migration(migrations.Migration):\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    '            name="Site",\n'
    "            fields=[\n"
    '                ("id", models.UUIDField(primary_key=True)),\n'
    '                ("slug", models.SlugField(max_length=100, unique=True)),\n'
    '                ("name", models.CharField(max_length=100)),\n'
    '                ("region", models.ForeignKey(on_delete=models.CASCADE, to="dten.region")),\n'
    "            ],\n"
    '            options={"unique_together": {("name", "region")}},\n'
    "        ),\n"
    "        migrations.CreateModel(\n"
    '            name="Rack",\n'
    '            fields=[("id", models.UUIDField(primary_key=True)), ("name", models.CharField(max_length=50))],\n'
    "        ),\n"
    "    ]\n"
)


def _migration(*operations: str) -> str:
    body = "".join(f"        {op},\n" for op in operations)
    return (
        "import dten.core.fields\nfrom django.db import migrations, models\n\n\n"
        "class Migration(migrations.Migration):\n"
        '    dependencies = [("dcim", "0001_initial")]\n\n'
        f"    operations = [\n{body}    ]\n"
    )


def _app(second: str) -> dict[str, str | bytes]:
    return {
        "dten/core/fields.py": FIELDS,
        "dten/dcim/migrations/0001_initial.py": INITIAL,
        "dten/dcim/migrations/0002_change.py": second,
    }


def _at(files: dict[str, str | bytes], code: str) -> list[int | None]:
    return [line for c, path, line in located(run(package(files))) if c == code and path.endswith("0002_change.py")]


def test_a_many_to_many_field_altered_touches_no_column() -> None:
    altered = _migration(
        'migrations.AlterField(model_name="site", name="tags", field=dten.core.fields.TagsField(to="extras.Tag"))',
    )
    added = _migration(
        'migrations.AddField(model_name="site", name="tags", field=dten.core.fields.TagsField(to="extras.Tag"))',
    )
    files = _app(added)
    files["dten/dcim/migrations/0003_alter.py"] = altered.replace('"0001_initial"', '"0002_change"')
    found = located(run(package(files)))
    assert [line for c, p, line in found if c == UNLOCKED and p.endswith("0003_alter.py")] == []
    # near miss: adding it creates a join table whose foreign keys lock the live table (round two's rule)
    assert [line for c, p, line in found if c == UNLOCKED and p.endswith("0002_change.py")] == [9]


def test_a_foreign_key_the_project_defines_is_indexed_when_added() -> None:
    status = _migration(
        'migrations.AddField(model_name="rack", name="status", '
        'field=dten.core.fields.StatusField(null=True, on_delete=models.PROTECT, to="extras.status"))'
    )
    assert _at(_app(status), INDEX) == [9]
    # near miss: the same field without its index
    unindexed = _migration(
        'migrations.AddField(model_name="rack", name="status", '
        'field=dten.core.fields.StatusField(null=True, db_index=False, on_delete=models.PROTECT, to="extras.status"))'
    )
    assert _at(_app(unindexed), INDEX) == []


def test_a_field_class_that_keeps_its_column_sends_nothing() -> None:
    same = _migration(
        'migrations.AlterField(model_name="site", name="slug", '
        'field=dten.core.fields.AutoSlugField(max_length=100, populate_from="name", unique=True))',
        'migrations.AlterField(model_name="site", name="region", '
        'field=dten.core.fields.ForeignKeyWithAutoRelatedName(on_delete=models.PROTECT, to="dten.region"))',
    )
    assert _at(_app(same), UNLOCKED) == [] and _at(_app(same), REWRITE) == []
    # near miss: the library field narrowed is a real type change
    narrowed = _migration(
        'migrations.AlterField(model_name="site", name="slug", '
        'field=dten.core.fields.AutoSlugField(max_length=30, populate_from="name", unique=True))'
    )
    assert _at(_app(narrowed), REWRITE) == [9]


def test_an_index_added_or_dropped_by_alter_field_is_not_concurrent() -> None:
    indexed = _migration(
        'migrations.AlterField(model_name="rack", name="name", field=models.CharField(db_index=True, max_length=50))'
    )
    assert _at(_app(indexed), INDEX) == [9]
    assert _at(_app(indexed), UNLOCKED) == []  # Django sends CREATE INDEX only
    dropped = _migration(
        'migrations.AlterField(model_name="site", name="region", '
        'field=models.ForeignKey(db_index=False, on_delete=models.CASCADE, to="dten.region"))'
    )
    assert _at(_app(dropped), INDEX) == [9]
    # near miss: the same definition again changes nothing
    unchanged = _migration(
        'migrations.AlterField(model_name="rack", name="name", field=models.CharField(max_length=50))'
    )
    assert _at(_app(unchanged), INDEX) == [] and _at(_app(unchanged), UNLOCKED) == []


def test_emptying_unique_together_drops_a_constraint_only_when_there_was_one() -> None:
    emptied = _migration('migrations.AlterUniqueTogether(name="site", unique_together=set())')
    assert _at(_app(emptied), UNLOCKED) == [9]
    # near miss: a model that never had one: Django sends nothing
    never = _migration('migrations.AlterUniqueTogether(name="rack", unique_together={})')
    assert _at(_app(never), UNLOCKED) == []


def test_served_browser_assets_spend_the_scan_budget_last() -> None:
    assert is_served_asset("dten/project-static/dist/js/libraries.js.map")
    assert is_served_asset("dten/project-static/docs/overview/index.html")
    assert is_served_asset("site/search/search_index.json")
    # near misses: a JavaScript migration, the app's Python and templates are not assets
    assert not is_served_asset("dten/static/migrations/20240101_add_user.js")
    assert not is_served_asset("dten/project-static/settings.py")
    assert not is_served_asset("dten/templates/base.html")
    order = budget_order(["dten/a-static/app.js", "dten/z/migrations/0002_change.py", "dten/b.py"])
    assert order == ["dten/b.py", "dten/z/migrations/0002_change.py", "dten/a-static/app.js"]


def test_a_migration_after_large_assets_is_still_read() -> None:
    files = _app(_migration('migrations.RemoveField(model_name="rack", name="name")'))
    files["dten/a-static/dist/libraries.js"] = "var x = 1;\n" * 20_000
    options = PreflightOptions(max_total_bytes=100_000)
    found = run(package(files), options=options)
    assert [line for c, p, line in located(found) if c == UNLOCKED and p.endswith("0002_change.py")] == [9]
    # near miss: with no room even for the migration, it is skipped and said so
    tight = run(package(files), options=PreflightOptions(max_total_bytes=10))
    assert not [c for c, p, _ in located(tight) if c == UNLOCKED]
    assert any(c == "preflight.file_skipped" and p.endswith("0002_change.py") for c, p, _ in located(tight))


def test_codes_at_sees_the_fixture_app() -> None:
    # the fixture's first migration creates its tables: nothing in it is a statement on a live table
    assert codes_at(_app(_migration()), UNLOCKED) == []


ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"
PRINTED = "preflight.secret_printed"
TLS = "preflight.tls_verification_disabled"


def test_an_xml_schema_and_a_json_schema_in_yaml_name_no_setting() -> None:
    xsd = (
        '<?xml version="1.0"?>\n<schema xmlns="http://www.w3.org/2001/XMLSchema">\n  <annotation>\n'
        "    <documentation>\n      Location: http://docs.dten-open.org/security/v2.0/\n    </documentation>\n"
        "  </annotation>\n</schema>\n"
    )
    assert codes_at({"usr/share/dten/schemas/dten-assertion-2.0.xsd": xsd}, ENDPOINT) == []
    schema = (
        '---\n"$schema": "https://json-schema.org/draft/2020-12/schema"\ntitle: "Dten Settings"\nproperties:\n'
        "  RELEASE_CHECK_URL:\n    default: null\n    description: >-\n"
        "      Set to the official repository (`'https://api.dten-hub.io/repos/dten/releases'`).\n"
        "  NAPALM_PASSWORD:\n    description: |-\n      NAPALM_PASSWORD = 'Dten4Switches'\n"
    )
    assert codes_at({"dten/core/settings.yaml": schema}, ENDPOINT) == []
    assert codes_at({"dten/core/settings.yaml": schema}, CREDENTIAL) == []
    # near miss: the same values in a configuration that declares no schema are settings
    config = "release_check_url: 'https://api.dten-hub.io/repos/dten/releases'\nnapalm_password: 'Dten4Switches'\n"
    assert codes_at({"dten/core/settings.yaml": config}, ENDPOINT) == [1]
    assert codes_at({"dten/core/settings.yaml": config}, CREDENTIAL) == [2]


def test_a_product_prefix_on_the_database_type_setting_names_the_database() -> None:
    sql = (
        "alter table Monitors drop column AlarmFrameCount;\n"
        "insert into Monitors values (1) on duplicate key update Id = 1;\n"  # not PostgreSQL
    )
    files: dict[str, str | bytes] = {"usr/share/dten/db/dten_update-0.9.9.sql": sql}
    assert codes_at(files, UNLOCKED) == [1]  # read as PostgreSQL when nothing names the database
    files["etc/dten/dten.conf"] = "# the database\nDTEN_DB_TYPE=mysql\nDTEN_DB_HOST=localhost\n"
    assert codes_at(files, UNLOCKED) == []
    # near miss: a driver setting of something else names no database
    files["etc/dten/dten.conf"] = "HTTP_DRIVER=mysql\n"
    assert codes_at(files, UNLOCKED) == [1]


def test_python_requests_without_certificate_verification() -> None:
    code = (
        "import requests\n\n\ndef fetch(url):\n    session = requests.Session()\n    session.verify = False\n"
        "    return session.request('GET', url, verify=False, timeout=10)\n"
    )
    assert codes_at({"dtenchange/fetchers.py": code}, TLS) == [6, 7]
    # near misses: a test, another setting's name, a variable called verify
    assert codes_at({"dtenchange/tests/test_fetchers.py": code}, TLS) == []
    other = "def fetch(url, ssl_verify=False):\n    verify = False\n    return call(url, no_verify=False)\n"
    assert codes_at({"dtenchange/fetchers.py": other}, TLS) == []


def test_a_cakephp_view_template_is_a_page() -> None:
    view = "<p><?php echo $this->Html->link('CakePHP', 'https://cakephp-dten.org/'); ?></p>\n"
    assert codes_at({"usr/share/dten/www/api/app/View/Layouts/default.ctp": view}, ENDPOINT) == []
    # near miss: the same URL as a configuration value
    assert codes_at({"etc/dten/api.conf": "home = https://cakephp-dten.org/\n"}, ENDPOINT) == [1]


def test_a_secret_piped_inside_an_assignments_command_substitution_is_not_printed() -> None:
    captured = [
        "RB_PASS=$(echo ${RB_USER_PASS} | cut -d: -f2)",
        "f() {",
        '  RB_USER=$(echo "$RB_USER_PASS" | cut -d: -f1)',
        "}",
        "f",
    ]
    assert codes_at({"postinst": "#!/bin/sh\n" + "\n".join(captured) + "\n"}, PRINTED) == []
    # near miss: the same pipeline as a statement prints the first field
    printed = "#!/bin/sh\necho ${RB_USER_PASS} | cut -d: -f2\n"
    assert codes_at({"postinst": printed}, PRINTED) == [2]


def test_an_openstack_manage_db_sync_is_a_hidden_migration() -> None:
    body = (
        '#!/bin/sh\nset -e\nif [ "$1" = configure ]; then\n'
        '  su dten -s /bin/sh -c "dten-manage db_sync" || true\n'
        "  dten-manage --config-file /etc/dten.conf db sync\nfi\n"
    )
    assert codes_at({"postinst": body}, "preflight.hidden_migration") == [4, 5]
    # near miss: the schema version asked for, not changed
    assert codes_at({"postinst": "#!/bin/sh\ndten-manage db_version\n"}, "preflight.hidden_migration") == []
