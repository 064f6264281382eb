"""Django sends no SQL for a proxy model or an unmanaged one (``Options.can_migrate``): deleting it, or changing its
fields, touches no live table. A concrete model's deletion still does."""

from __future__ import annotations

from preflight_kit import findings

_INITIAL = '''from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    operations = [
        migrations.CreateModel(
            name="Document",
            fields=[("id", models.AutoField(primary_key=True)), ("label", models.CharField(max_length=64))],
        ),
        migrations.CreateModel(
            name="RecentDocument",
            fields=[],
            options={"proxy": True},
            bases=("documents.document",),
        ),
        migrations.CreateModel(
            name="LegacyView",
            fields=[("id", models.AutoField(primary_key=True))],
            options={"managed": False, "db_table": "legacy_view"},
        ),
    ]
'''
_CLEANUP = '''from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [
        migrations.DeleteModel(name="RecentDocument"),
        migrations.AddField(model_name="legacyview", name="note", field=models.TextField(null=True)),
        migrations.DeleteModel(name="LegacyView"),
        migrations.DeleteModel(name="Document"),
    ]
'''


def test_proxy_and_unmanaged_models_send_nothing_a_concrete_deletion_does() -> None:
    files = {"documents/migrations/0001_initial.py": _INITIAL, "documents/migrations/0002_cleanup.py": _CLEANUP}
    assert findings(files) == [("preflight.migration_unlocked", 10)]


def test_the_same_models_made_concrete_are_reported() -> None:
    initial = _INITIAL.replace('options={"proxy": True},', "")
    initial = initial.replace("fields=[],", 'fields=[("id", models.AutoField(primary_key=True))],')
    files = {"documents/migrations/0001_initial.py": initial, "documents/migrations/0002_cleanup.py": _CLEANUP}
    assert [line for _, line in findings(files)] == [7, 10]


def test_options_altered_to_managed_make_later_changes_count() -> None:
    altered = _CLEANUP.replace(
        '        migrations.AddField(model_name="legacyview"',
        '        migrations.AlterModelOptions(name="legacyview", options={"managed": True}),\n'
        '        migrations.AddField(model_name="legacyview"',
    )
    files = {"documents/migrations/0001_initial.py": _INITIAL, "documents/migrations/0002_cleanup.py": altered}
    assert [line for _, line in findings(files)] == [9, 10, 11]
