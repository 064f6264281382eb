"""Classes of mistakes the thirty-fourth hold-out set found (tests/preflight/holdout34: migrations of ORMs and
migrators no earlier set measured), each as its minimal construct next to a near-miss that must stay quiet or keep
being reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
UNCHECKED = "preflight.migration_unchecked"
NOT_CONCURRENT = "preflight.index_not_concurrent"

# -- A: Entity Framework Core migrations (C#) are read as the SQL Npgsql sends ------------------------------------

EF = "src/App.Data/Migrations/20240101000000_Change.cs"


def _ef(up: str, down: str = "") -> str:
    return (
        "using Microsoft.EntityFrameworkCore.Migrations;\n\n"
        "namespace App.Migrations\n{\n"
        "    public partial class Change : Migration\n    {\n"
        "        protected override void Up(MigrationBuilder migrationBuilder)\n        {\n"
        f"{up}"
        "        }\n\n"
        "        protected override void Down(MigrationBuilder migrationBuilder)\n        {\n"
        f"{down}"
        "        }\n    }\n}\n"
    )


def test_a_an_ef_core_index_and_column_changes_of_existing_tables_are_checked() -> None:
    up = (
        '            migrationBuilder.CreateIndex(\n                name: "IX_Invoices_Created",\n'
        '                table: "Invoices",\n                column: "Created");\n'
        '            migrationBuilder.AlterColumn<Guid>(\n                name: "OrgId",\n'
        '                table: "Sponsorship",\n                type: "uuid",\n                nullable: false,\n'
        '                oldClrType: typeof(Guid),\n                oldType: "uuid",\n'
        "                oldNullable: true);\n"
        '            migrationBuilder.AddForeignKey(\n                name: "FK_Sponsorship_Org",\n'
        '                table: "Sponsorship",\n                column: "OrgId",\n'
        '                principalTable: "Organization",\n                principalColumn: "Id");\n'
    )
    assert findings({EF: _ef(up)}) == [
        (NOT_CONCURRENT, 9),
        (REWRITES, 13),
        (REWRITES, 21),
        (UNLOCKED, 13),
        (UNLOCKED, 21),
    ]


def test_a_a_narrowing_type_change_is_a_rewrite_and_a_widening_is_not() -> None:
    narrowing = (
        '            migrationBuilder.AlterColumn<string>(\n                name: "OrderId",\n'
        '                table: "Invoices",\n                maxLength: 100,\n                nullable: true,\n'
        "                oldClrType: typeof(string),\n                oldNullable: true);\n"
    )
    assert findings({EF: _ef(narrowing)}) == [(REWRITES, 9), (UNLOCKED, 9)]
    widening = narrowing.replace("oldNullable: true", "oldMaxLength: 50,\n                oldNullable: true")
    assert findings({EF: _ef(widening)}) == [(UNLOCKED, 9)]


def test_a_new_tables_down_a_sqlite_branch_and_a_concurrent_index_stay_quiet() -> None:
    up = (
        '            migrationBuilder.CreateTable(\n                name: "ApiKey",\n'
        "                columns: table => new\n                {\n"
        '                    Id = table.Column<Guid>(type: "uuid", nullable: false)\n                });\n'
        '            migrationBuilder.CreateIndex(\n                name: "IX_ApiKey_Id",\n'
        '                table: "ApiKey",\n                columns: new[] { "Id", "Type" });\n'
        "            if (migrationBuilder.IsSqlite())\n            {\n"
        '                migrationBuilder.DropColumn(name: "Key", table: "Organization");\n            }\n'
        '            migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email")\n'
        '                .Annotation("Npgsql:CreatedConcurrently", true);\n'
        '            migrationBuilder.Sql(CoreHelpers.GetEmbeddedResourceContents("Up"));\n'
    )
    down = '            migrationBuilder.DropColumn(name: "ApiKey", table: "Organization");\n'
    assert findings({EF: _ef(up, down)}) == []
    two_columns = '            migrationBuilder.CreateIndex(name: "IX", table: "Users", columns: new[] { "A", "B" });\n'
    assert findings({EF: _ef(two_columns)}) == [(NOT_CONCURRENT, 9)]


def test_a_a_call_the_reader_does_not_know_is_unchecked_and_a_designer_file_is_not_a_migration() -> None:
    up = '            migrationBuilder.AlterTable(name: "Users").Annotation("x", 1);\n'
    assert findings({EF: _ef(up)}) == [(UNCHECKED, 9)]
    designer = EF.replace(".cs", ".Designer.cs")
    assert findings({designer: _ef('            migrationBuilder.DropTable(name: "Users");\n')}) == []


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


def test_hostile_nesting_in_a_builder_call_or_an_ef_core_call_is_bounded() -> None:
    deep = "new TableColumn(" * 3000 + ")" * 3000
    ts = f"export class Deep {{\n  async up(queryRunner) {{\n    await queryRunner.addColumn('users', {deep});\n"
    ts += "  }\n}\n"
    assert findings({TYPEORM: ts}) == [(UNCHECKED, 3)]
    cs = _ef(f'            migrationBuilder.AddColumn<int>(name: "x", table: "t", defaultValue: {deep});\n')
    assert findings({EF: cs}) == [(UNLOCKED, 9)]
