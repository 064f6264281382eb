"""Classes of mistakes the thirty-fourth hold-out set found (tests/preflight/holdout34: migrations of ORMs and
migrators no earlier set measured), each as its minimal construct next to a near-miss that must stay quiet or keep
being reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
UNCHECKED = "preflight.migration_unchecked"
NOT_CONCURRENT = "preflight.index_not_concurrent"

# -- B: TypeORM/Sequelize schema-builder calls with literal arguments are written as their SQL -------------------

SEQUELIZE = "server/migrations/20160626063409-add-indexes.js"
TYPEORM = "server/migrations/1655726247638-AddUnique.ts"


def test_b_sequelize_add_index_and_add_column_are_checked_as_sql() -> None:
    js = (
        "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n"
        '    await queryInterface.addIndex("documents", ["urlId"]);\n'
        '    await queryInterface.addColumn("users", "lastActiveAt", {\n'
        "      type: Sequelize.DATE,\n      allowNull: true,\n    });\n"
        "  },\n};\n"
    )
    assert findings({SEQUELIZE: js}) == [(NOT_CONCURRENT, 3), (UNLOCKED, 4)]


def test_b_typeorm_unique_constraint_locks_and_builds_an_index_from_every_row() -> None:
    ts = (
        "export class AddUnique implements MigrationInterface {\n"
        "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
        "    await queryRunner.createUniqueConstraint(\n      'app_versions',\n"
        "      new TableUnique({ name: 'u_name_app', columnNames: ['name', 'app_id'] })\n    );\n"
        "  }\n}\n"
    )
    assert findings({TYPEORM: ts}) == [(REWRITES, 3), (UNLOCKED, 3)]


def test_b_a_concurrent_index_an_index_on_a_new_table_and_a_variable_argument_stay_as_they_were() -> None:
    js = (
        "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n"
        '    await queryInterface.createTable("shares", { id: { type: Sequelize.UUID } });\n'
        '    await queryInterface.addIndex("shares", ["id"]);\n'
        '    await queryInterface.addIndex("users", ["email"], { concurrently: true });\n'
        "  },\n  down: async (queryInterface) => {\n"
        '    await queryInterface.removeColumn("users", "email");\n  },\n};\n'
    )
    assert findings({SEQUELIZE: js}) == []
    variable = "export class AddFlag {\n  async up(queryRunner) {\n    await queryRunner.addColumn('users', col);\n"
    variable += "  }\n}\n"
    assert findings({TYPEORM: variable}) == [(UNCHECKED, 3)]
    knex = 'exports.up = function (knex) {\n  return knex.schema.alterTable("users", function (t) {});\n};\n'
    assert findings({"db/migrations/2024_add.js": knex}) == [(UNCHECKED, 2)]
