"""Hold-out set 275 (tests/preflight/holdout275/README.md): class A, Sequel (Ruby) migrations (simple_forum); class
B, a Laravel migration whose ``up`` holds only ``DB::statement`` (strategy); class C, Django's ``CreateExtension``
operations (maeshaii); each with near misses that stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
INDEX = "preflight.index_not_concurrent"
UNCHECKED = "preflight.migration_unchecked"


# -- A: ``Sequel.migration do … end`` -------------------------------------------------------------------------------


def _sequel(*lines: str, path: str = "backend/db/migrate/004_add_refs.rb") -> dict[str, str]:
    return {path: "\n".join(lines) + "\n"}


def test_a_alter_table_foreign_keys_are_one_statement() -> None:
    """Two ``add_foreign_key`` columns in a row are one ``ALTER TABLE … ADD COLUMN … REFERENCES …, ADD COLUMN …``:
    one lock and one scan, at the first call. ``index: true`` is no option of an altered table's column: Sequel
    sends no index for it."""
    files = _sequel(
        "Sequel.migration do",  # 1
        "  change do",  # 2
        "    alter_table :comments do",  # 3
        "      add_foreign_key :post_id, :posts, index: true",  # 4
        "      add_foreign_key :user_id, :users, index: true",  # 5
        "    end",  # 6
        "    alter_table :posts do",  # 7
        "      add_foreign_key [:user_id], :users, not_valid: true",  # 8
        "    end",
        "  end",
        "end",
    )
    assert codes_at(files, UNLOCKED) == [4, 8]
    assert codes_at(files, REWRITES) == [4]  # REFERENCES validated at once: a scan; NOT VALID is none
    assert codes_at(files, INDEX) == []


def test_a_consecutive_column_changes_are_one_alter_table() -> None:
    """Sequel's PostgreSQL adapter joins a run of column operations into one ``ALTER TABLE``: one lock, at the
    first operation's line; an index between them splits the run."""
    files = _sequel(
        "Sequel.migration do",  # 1
        "  up do",  # 2
        "    alter_table(:posts) do",  # 3
        "      add_column :category, String, default: 'normal'",  # 4
        "      add_column :last_reply_time, DateTime",  # 5
        "      add_index [:category, :last_reply_time]",  # 6
        "      set_column_not_null :title",  # 7
        "    end",
        "  end",
        "end",
    )
    assert codes_at(files, UNLOCKED) == [4, 7]
    assert codes_at(files, REWRITES) == [7]  # SET NOT NULL scans; a constant default does not rewrite
    assert codes_at(files, INDEX) == [6]


def test_a_database_calls_and_type_changes_are_read() -> None:
    files = _sequel(
        "Sequel.migration do",  # 1
        "  up do",  # 2
        "    add_column :users, :settings, :jsonb, null: false, default: Sequel.lit(\"'{}'::jsonb\")",  # 3
        "    set_column_type :users, :bio, :jsonb, using: 'bio::jsonb'",  # 4
        "    add_index :users, :email, unique: true, concurrently: true",  # 5
        '    run "ALTER TABLE users ALTER COLUMN name SET NOT NULL"',  # 6
        "  end",
        "end",
    )
    assert codes_at(files, UNLOCKED) == [3, 4, 6]
    assert codes_at(files, REWRITES) == [4, 6]
    assert codes_at(files, INDEX) == []  # concurrently: true


def test_a_down_and_new_tables_stay_quiet() -> None:
    files = _sequel(
        "Sequel.migration do",  # 1
        "  up do",  # 2
        "    create_table(:tags) do",  # 3
        "      primary_key :id",  # 4
        "      String :name, null: false",  # 5
        "      index :name",  # 6
        "    end",  # 7
        "  end",  # 8
        "  down do",  # 9
        "    alter_table :posts do",  # 10
        "      drop_column :tag_id",  # 11
        "    end",  # 12
        "    drop_table :tags",  # 13
        "  end",
        "end",
    )
    assert codes_at(files, UNLOCKED) == []
    assert codes_at(files, INDEX) == []
    assert codes_at(files, UNCHECKED) == []


def test_a_sequel_file_outside_a_migrations_folder_is_not_read() -> None:
    files = _sequel(
        "Sequel.migration do",
        "  up do",
        "    add_column :users, :name, String",
        "  end",
        "end",
        path="lib/tasks/add_name.rb",
    )
    assert codes_at(files, UNLOCKED) == []


# -- B: a Laravel migration of ``DB::statement`` only ---------------------------------------------------------------


def _laravel(*lines: str, path: str = "database/migrations/2024_02_26_123230_alter_subscribes.php") -> dict[str, str]:
    return {path: "\n".join(lines) + "\n"}


def test_b_db_statement_only_migration_is_read() -> None:
    files = _laravel(
        "<?php",  # 1
        "use Illuminate\\Database\\Migrations\\Migration;",  # 2
        "return new class extends Migration",  # 3
        "{",  # 4
        "    public function up()",  # 5
        "    {",  # 6
        "        DB::statement('ALTER TABLE subscribes ALTER COLUMN filters TYPE jsonb USING filters::jsonb;');",  # 7
        "    }",  # 8
        "    public function down()",  # 9
        "    {",  # 10
        "        DB::statement('ALTER TABLE subscribes ALTER COLUMN filters TYPE text USING filters::text;');",  # 11
        "    }",
        "};",
    )
    assert codes_at(files, UNLOCKED) == [7]
    assert codes_at(files, REWRITES) == [7]


def test_b_named_class_with_unprepared_is_read() -> None:
    files = _laravel(
        "<?php",  # 1
        "class AlterLogContext extends \\Illuminate\\Database\\Migrations\\Migration",  # 2
        "{",  # 3
        "    public function up()",  # 4
        "    {",  # 5
        '        \\DB::unprepared("CREATE INDEX log_context_idx ON log (context)");',  # 6
        "    }",
        "}",
    )
    assert codes_at(files, INDEX) == [6]


def test_b_db_statement_outside_a_migration_class_is_not_read() -> None:
    """A seeder or a service class under a migrations folder that runs ``DB::statement`` is no migration class."""
    files = _laravel(
        "<?php",
        "class RefreshSearch extends Command",
        "{",
        "    public function handle()",
        "    {",
        "        DB::statement('ALTER TABLE subscribes ALTER COLUMN filters TYPE jsonb USING filters::jsonb;');",
        "    }",
        "}",
    )
    assert codes_at(files, UNLOCKED) == []


def test_b_migration_class_outside_a_migrations_folder_is_not_read() -> None:
    files = _laravel(
        "<?php",
        "return new class extends Migration",
        "{",
        "    public function up()",
        "    {",
        "        DB::statement('ALTER TABLE subscribes ALTER COLUMN filters TYPE jsonb USING filters::jsonb;');",
        "    }",
        "};",
        path="app/Support/alter_subscribes.php",
    )
    assert codes_at(files, UNLOCKED) == []


# -- C: ``django.contrib.postgres.operations``' extensions -----------------------------------------------------------


def _django(*ops: str) -> dict[str, str]:
    lines = (
        "from django.contrib.postgres.operations import CreateExtension, HStoreExtension, TrigramExtension",
        "from django.db import migrations",
        "",
        "class Migration(migrations.Migration):",
        "    dependencies = [('shared', '0091_x')]",
        "    operations = [",
        *ops,
        "    ]",
    )
    return {"apps/shared/migrations/0092_trigram.py": "\n".join(lines) + "\n"}


def test_c_extension_operations_are_read_as_create_extension() -> None:
    files = _django(
        "        TrigramExtension(),",  # 7
        "        HStoreExtension(),",  # 8
        "        CreateExtension('postgis'),",  # 9
        "        migrations.RunSQL(sql='CREATE INDEX jobs_title_trgm ON shared_job USING gin (title gin_trgm_ops)'),",
    )
    assert codes_at(files, UNCHECKED) == []
    assert codes_at(files, UNLOCKED) == []
    assert codes_at(files, INDEX) == [10]


def test_c_an_unknown_operation_stays_unchecked() -> None:
    files = _django("        BtreeGinIndexBuilder(model_name='job'),")  # 7
    assert codes_at(files, UNCHECKED) == [7]
