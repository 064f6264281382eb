"""Classes of mistakes the 183rd hold-out set found (tests/preflight/holdout183: database migrations and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
INDEX = "preflight.index_not_concurrent"
REWRITES = "preflight.migration_rewrites_table"

FIRST = "cities_light/migrations/0001_initial.py"
ALTER = "cities_light/migrations/0007_make_country_name_not_unique.py"


def django(operations: str) -> str:
    head = "from django.db import migrations, models\n\n\n"
    return head + f"class Migration(migrations.Migration):\n    operations = [\n{operations}    ]\n"


def create(field: str) -> str:
    return (
        "        migrations.CreateModel(name='Country', fields=[\n"
        "            ('id', models.AutoField(primary_key=True)),\n"
        f"            ('name', {field}),\n"
        "        ]),\n"
    )


def alter(field: str) -> str:
    return f"        migrations.AlterField(model_name='country', name='name', field={field}),\n"


def history(old: str, new: str) -> list[tuple[str, int | None]]:
    """The findings of a package holding 0001 (``old``) and the AlterField to ``new`` (its line is 6)."""
    return findings({FIRST: django(create(old)), ALTER: django(alter(new))})


# -- B: an AlterField from unique=True to db_index=True builds the plain index the constraint stood in for ---------


def test_b_unique_field_made_indexed_drops_the_constraint_and_builds_an_index() -> None:
    # django-cities-light's country.name: Django drops the UNIQUE constraint and runs CREATE INDEX on the column
    got = history("models.CharField(max_length=200, unique=True)", "models.CharField(max_length=200, db_index=True)")
    assert got == [(INDEX, 6), (UNLOCKED, 6)]


def test_b_an_indexed_unique_field_or_a_slug_made_non_unique_also_gains_the_index() -> None:
    # db_index=True alongside unique=True still had only the constraint's index; a SlugField is indexed by default
    both = "models.CharField(max_length=200, unique=True, db_index=True)"
    assert history(both, "models.CharField(max_length=200, db_index=True)") == [(INDEX, 6), (UNLOCKED, 6)]
    assert history("models.SlugField(unique=True)", "models.SlugField()") == [(INDEX, 6), (UNLOCKED, 6)]


def test_b_near_miss_unique_made_plain_drops_the_constraint_only() -> None:
    # no db_index on the new field: Django drops the constraint and builds nothing
    got = history("models.CharField(max_length=200, unique=True)", "models.CharField(max_length=200)")
    assert got == [(UNLOCKED, 6)]


def test_b_near_miss_an_already_indexed_field_builds_no_second_index() -> None:
    # db_index before and after, only max_length widened: a lock for the type, no CREATE INDEX
    old, new = "models.CharField(max_length=100, db_index=True)", "models.CharField(max_length=200, db_index=True)"
    assert history(old, new) == [(UNLOCKED, 6)]


def test_b_near_miss_an_index_made_unique_is_the_constraint_not_a_new_index() -> None:
    old, new = "models.CharField(max_length=200, db_index=True)", "models.CharField(max_length=200, unique=True)"
    assert history(old, new) == [(REWRITES, 6), (UNLOCKED, 6)]


def test_b_without_the_history_the_field_alone_is_not_guessed_at() -> None:
    # the stored one-file package: the old field is unknown, so db_index=True written out builds no reported index
    # (makemigrations writes db_index in every AlterField of an indexed field; holdout159's rule B)
    files = {ALTER: django(alter("models.CharField(max_length=200, db_index=True)"))}
    assert INDEX not in [code for code, _ in findings(files)]
