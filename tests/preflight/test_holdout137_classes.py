"""Classes of mistakes the 137th hold-out set found (tests/preflight/holdout137: database migrations and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import findings, package, run

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"

DJANGO = "budget/migrations/0003_using_base_model.py"


def django(operations: str) -> str:
    head = "from django.db import migrations, models\nimport django.db.models.deletion\n\n\n"
    return head + f"class Migration(migrations.Migration):\n    operations = [\n{operations}    ]\n"


def alter_fk(name: str, options: str) -> str:
    field = f"models.ForeignKey({options}on_delete=django.db.models.deletion.CASCADE, to='user.user')"
    return f"        migrations.AlterField(model_name='group', name='{name}', field={field}),\n"


def rewrite_messages(files: dict[str, str]) -> list[str]:
    return [f.message for f in run(package(files)) if f.code == REWRITES]


# -- A: a Django AlterField of a relation, its replaced field unknown, changes nullability, not the type ----------


def test_a_alter_field_of_a_nullable_foreign_key_is_a_lock_not_a_rewrite() -> None:
    # HappyBudget's updated_by: null=True may drop NOT NULL (a brief lock); the column keeps the related key's type
    files = {DJANGO: django(alter_fk("updated_by", "null=True, "))}
    assert findings(files) == [(UNLOCKED, 7)]


def test_a_alter_field_of_a_non_null_foreign_key_is_read_as_set_not_null() -> None:
    # HappyBudget's created_by: still a lock and a scan, now for SET NOT NULL rather than a type change
    files = {DJANGO: django(alter_fk("created_by", "null=False, "))}
    assert findings(files) == [(REWRITES, 7), (UNLOCKED, 7)]
    scan = "SET NOT NULL on created_by scans the whole table under ACCESS EXCLUSIVE"
    assert rewrite_messages(files) == [f"{DJANGO}:7: {scan}"]
    one_to_one = django(alter_fk("owner", "").replace("ForeignKey", "OneToOneField"))
    assert findings({DJANGO: one_to_one}) == [(REWRITES, 7), (UNLOCKED, 7)]


def test_a_near_miss_another_field_is_still_read_as_a_type_change() -> None:
    ops = "        migrations.AlterField(model_name='group', name='size', field=models.IntegerField(null=True)),\n"
    files = {DJANGO: django(ops)}
    assert findings(files) == [(REWRITES, 7), (UNLOCKED, 7)]
    assert rewrite_messages(files) == [f"{DJANGO}:7: changes the type of column size: the table is rewritten"]


def test_a_near_miss_a_foreign_key_the_history_shows_unchanged_sends_nothing() -> None:
    # the replaced field is known from 0001: only on_delete changes, which the database does not store
    first = "budget/migrations/0001_initial.py"
    create = "        migrations.CreateModel(name='Group', fields=[\n"
    create += "            ('id', models.BigAutoField(primary_key=True)),\n"
    create += "            ('owner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='user.user')),\n"
    create += "        ]),\n"
    files = {first: django(create), DJANGO: django(alter_fk("owner", ""))}
    assert findings(files) == []
