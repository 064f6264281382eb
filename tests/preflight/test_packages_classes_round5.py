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


def test_a_many_to_many_field_added_or_altered_touches_no_column() -> None:
    add = _migration(
        'migrations.AddField(model_name="site", name="tags", field=dten.core.fields.TagsField(to="extras.Tag"))',
        'migrations.AddField(model_name="rack", name="sites", field=models.ManyToManyField(to="dcim.site"))',
    )
    assert _at(_app(add), UNLOCKED) == []
    # near miss: a column added to the same table is an ALTER TABLE on a live table
    column = _migration('migrations.AddField(model_name="site", name="asn", field=models.IntegerField(null=True))')
    assert _at(_app(column), UNLOCKED) == [9]


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
