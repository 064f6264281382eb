"""Classes of mistakes the sixty-first hold-out set found (tests/preflight/holdout61: database migrations and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
INDEX = "preflight.index_not_concurrent"
HIDDEN = "preflight.hidden_migration"

# -- B: a migration CLI run as a Python module (python3 -m pretix migrate, python -m alembic upgrade head) ---------

START = "deployment/docker/start.bash"


def _hidden(step: str) -> list[tuple[str, int]]:
    found = findings({START: f"#!/bin/bash\ncd /app/src\n{step}\nexec gunicorn app.wsgi\n"})
    return [f for f in found if f[0] == HIDDEN]


def test_b_a_migration_cli_run_as_a_python_module_is_a_hidden_migration() -> None:
    for step in (
        "python3 -m pretix migrate --noinput",
        "python -m django migrate --settings=app.settings",
        "python3.12 -u -m app migrate",
        "python -m alembic upgrade head",
        "python3 -m flask db upgrade",
    ):
        assert _hidden(step) == [(HIDDEN, 3)], step


def test_b_near_miss_other_module_commands_and_a_fake_migrate_are_no_migration() -> None:
    for step in (
        "python3 -m pretix runperiodic",
        "python3 -m pretix updatestyles",
        "python -m pip install -r requirements.txt",
        "python -m alembic current",
        "python3 -m pretix migrate --fake",
        "python3 tools/migrate_notes.py",
    ):
        assert _hidden(step) == [], step


# -- D: Laravel's ->change() re-declares a column; NOT NULL changes only when the chain says so --------------------

LARAVEL = "database/migrations/2020_03_11_124417_increase_length_photo_type.php"


def _laravel(chain: str) -> str:
    return (
        "<?php\n"
        "use Illuminate\\Database\\Migrations\\Migration;\n"
        "use Illuminate\\Database\\Schema\\Blueprint;\n"
        "use Illuminate\\Support\\Facades\\Schema;\n"
        "class IncreaseLengthPhotoType extends Migration\n"
        "{\n"
        "    public function up()\n"
        "    {\n"
        "        Schema::table('photos', function (Blueprint $table) {\n"
        f"            $table->{chain};\n"
        "        });\n"
        "    }\n"
        "}\n"
    )


def test_d_a_change_that_does_not_name_nullability_is_a_lock_only() -> None:
    for chain in (
        "string('type', 30)->change()",
        "text('body')->change()",
        "string('code', 64)->default('x')->change()",
    ):
        assert findings({LARAVEL: _laravel(chain)}) == [(UNLOCKED, 10)], chain


def test_d_near_miss_a_change_that_makes_the_column_not_null_or_rewrites_it_is_still_a_scan() -> None:
    assert findings({LARAVEL: _laravel("string('type', 30)->nullable(false)->change()")}) == [
        (REWRITES, 10),
        (UNLOCKED, 10),
    ]
    assert findings({LARAVEL: _laravel("bigInteger('spent_time')->change()")}) == [(REWRITES, 10), (UNLOCKED, 10)]
    assert findings({LARAVEL: _laravel("string('type', 30)->nullable()->change()")}) == [(UNLOCKED, 10)]
