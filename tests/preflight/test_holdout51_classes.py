"""Classes of mistakes the fifty-first hold-out set found (tests/preflight/holdout51: database migrations and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
UNCHECKED = "preflight.migration_unchecked"
HIDDEN = "preflight.hidden_migration"

# -- C: a Django field created with a CHECK (PositiveIntegerField) scans the table it is added to -----------------

DJANGO = "app/migrations/0042_counters.py"


def _django(field: str, op: str = "AddField") -> str:
    return (
        "from django.db import migrations, models\n"
        "\n"
        "class Migration(migrations.Migration):\n"
        "    dependencies = [('app', '0041_previous')]\n"
        "    operations = [\n"
        f"        migrations.{op}(\n"
        "            model_name='user',\n"
        "            name='kvno',\n"
        f"            field={field},\n"
        "        ),\n"
        "    ]\n"
    )


def test_c_a_positive_integer_field_added_to_a_live_table_is_a_scan() -> None:
    for field in ("models.PositiveIntegerField(default=0)", "models.PositiveSmallIntegerField(null=True)"):
        assert findings({DJANGO: _django(field)}) == [(REWRITES, 6), (UNLOCKED, 6)], field


def test_c_near_miss_a_plain_integer_field_is_a_lock_only() -> None:
    assert findings({DJANGO: _django("models.IntegerField(default=0)")}) == [(UNLOCKED, 6)]
    assert findings({DJANGO: _django("models.BigIntegerField(null=True)")}) == [(UNLOCKED, 6)]


# -- B: Laravel's foreign-key column calls (foreignUuid()->constrained()) add the column and its foreign key --------

LARAVEL = "database/migrations/2024_05_22_000000_add_owner_to_orders.php"


def _laravel(chain: str) -> str:
    return (
        "<?php\n"
        "use Illuminate\\Database\\Migrations\\Migration;\n"
        "use Illuminate\\Database\\Schema\\Blueprint;\n"
        "use Illuminate\\Support\\Facades\\Schema;\n"
        "return new class extends Migration {\n"
        "    public function up(): void\n"
        "    {\n"
        "        Schema::table('orders', function (Blueprint $table) {\n"
        f"            $table->{chain};\n"
        "        });\n"
        "    }\n"
        "};\n"
    )


def test_b_a_constrained_foreign_key_column_is_a_lock_and_a_scan() -> None:
    for chain in (
        "foreignUuid('owner_id')->nullable()->constrained('users')->cascadeOnDelete()",
        "foreignId('owner_id')->constrained()",
        "foreignUlid('owner_id')->references('id')->on('users')",
    ):
        assert findings({LARAVEL: _laravel(chain)}) == [(REWRITES, 9), (UNLOCKED, 9)], chain


def test_b_near_miss_a_foreign_key_column_without_its_constraint_is_a_lock_only() -> None:
    assert findings({LARAVEL: _laravel("foreignUuid('owner_id')->nullable()")}) == [(UNLOCKED, 9)]
    assert findings({LARAVEL: _laravel("foreignId('owner_id')->nullable()->index()")}) == [
        ("preflight.index_not_concurrent", 9),
        (UNLOCKED, 9),
    ]


# -- A: a migration CLI run by a Node package runner (npx prisma migrate deploy) --------------------------------

START = "docker/start.sh"


def test_a_a_migration_cli_behind_a_node_package_runner_is_a_hidden_migration() -> None:
    for step in (
        "npx prisma migrate deploy --schema ./packages/prisma/schema.prisma",
        "npx --yes prisma@5.22.0 migrate deploy",
        "npm exec -- knex migrate:latest",
        "yarn prisma migrate deploy",
        "bunx sequelize db:migrate",
    ):
        # a package named at a version is fetched by npx first (implicit egress, test_egress_fetchers)
        fetched = [("preflight.implicit_egress", 3)] if "@5" in step else []
        assert findings({START: f"#!/bin/sh\nset -e\n{step}\nexec node server.js\n"}) == [(HIDDEN, 3), *fetched], step


def test_a_near_miss_other_package_clis_and_a_printed_hint_are_no_migration() -> None:
    for step in (
        "npx prisma generate",
        "npx prettier --check .",
        "yarn install --frozen-lockfile",
        "npm exec -- prisma migrate status",
        "echo 'then run: npx prisma migrate deploy'",
    ):
        found = findings({START: f"#!/bin/sh\nset -e\n{step}\nexec node server.js\n"})
        assert [f for f in found if f[0] == HIDDEN] == [], step
