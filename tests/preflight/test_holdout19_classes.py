"""Classes of mistakes the nineteenth hold-out set found (tests/preflight/holdout19: migrations written in the DSLs
of Rails, Django, Alembic and Laravel), each as its minimal construct next to a near-miss that must stay quiet or
keep being reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
UNCHECKED = "preflight.migration_unchecked"
NOT_CONCURRENT = "preflight.index_not_concurrent"

RAILS = "db/migrate/20240101000000_change_users.rb"
DJANGO = "shop/migrations/0042_change_order.py"
ALEMBIC = "app/migrations/versions/1a2b3c_change.py"
LARAVEL = "database/migrations/2024_01_01_000000_change_users.php"


def rails(body: str, *, header: str = "") -> str:
    return f"class ChangeUsers < ActiveRecord::Migration[7.1]\n{header}  def change\n{body}  end\nend\n"


# -- A: a Rails migration is read as the SQL ActiveRecord sends ------------------------------------------------


def test_a_rails_index_and_column_calls_are_read() -> None:
    body = "    add_index :users, :email, unique: true\n    remove_column :users, :legacy\n"
    body += "    add_column :users, :flags, :integer, null: false, default: 0\n    remove_index :users, name: 'ix'\n"
    assert findings({RAILS: rails(body)}) == [(NOT_CONCURRENT, 3), (NOT_CONCURRENT, 6), (UNLOCKED, 4), (UNLOCKED, 5)]


def test_a_rails_execute_heredoc_is_read_as_sql() -> None:
    body = "    execute <<~SQL\n      ALTER TABLE users ALTER COLUMN bio TYPE jsonb USING bio::jsonb\n    SQL\n"
    assert findings({RAILS: rails(body)}) == [(REWRITES, 3), (UNLOCKED, 3)]


def test_a_near_miss_concurrent_index_new_table_and_down_stay_quiet() -> None:
    header = "  disable_ddl_transaction!\n"
    body = "    add_index :users, :email, algorithm: :concurrently\n"
    body += "    create_table :tags do |t|\n      t.string :name, null: false\n    end\n    add_index :tags, :name\n"
    down = "  def down\n    remove_column :users, :email\n  end\n"
    text = rails(body, header=header).replace("\nend\n", "\n" + down + "end\n")
    assert findings({RAILS: text}) == []
    interpolated = rails('    execute "ALTER TABLE #{table} DROP COLUMN x"\n')
    assert findings({RAILS: interpolated}) == []


def test_a_a_change_table_block_and_a_reversible_down_block() -> None:
    body = "    change_table :users do |t|\n      t.string :nick\n      t.index :nick\n    end\n"
    body += "    reversible do |dir|\n      dir.down do\n        remove_column :users, :nick\n      end\n    end\n"
    assert findings({RAILS: rails(body)}) == [(NOT_CONCURRENT, 5), (UNLOCKED, 4)]


# -- B: a Django migration is read as the SQL its schema editor sends -------------------------------------------


def django(operations: str, imports: str = "from django.db import migrations, models\n") -> str:
    return f"{imports}\n\nclass Migration(migrations.Migration):\n    operations = [\n{operations}    ]\n"


def test_b_django_field_and_index_operations_are_read() -> None:
    ops = "        migrations.AddField(model_name='order', name='code',\n"
    ops += "            field=models.CharField(default='x', max_length=5)),\n"
    ops += "        migrations.AlterField('order', 'note', models.TextField(null=True)),\n"
    ops += "        migrations.AddIndex(model_name='order', index=models.Index(fields=['-created'], name='ix')),\n"
    ops += "        migrations.RunSQL('ALTER TABLE shop_order ALTER COLUMN data TYPE jsonb USING data::jsonb'),\n"
    expected = [(NOT_CONCURRENT, 9), (REWRITES, 10), (UNLOCKED, 6), (UNLOCKED, 8), (UNLOCKED, 10)]
    assert findings({DJANGO: django(ops)}) == expected


def test_b_near_miss_concurrent_index_new_model_and_python_steps_stay_quiet() -> None:
    imports = "from django.contrib.postgres.operations import AddIndexConcurrently\n"
    imports += "from django.db import migrations, models\n"
    ops = "        AddIndexConcurrently(model_name='order', index=models.Index(fields=['code'], name='ix')),\n"
    ops += "        migrations.CreateModel(name='Tag', fields=[('id', models.BigAutoField(primary_key=True))]),\n"
    ops += "        migrations.AddIndex(model_name='tag', index=models.Index(fields=['id'], name='ix2')),\n"
    ops += "        migrations.RunPython(forwards, migrations.RunPython.noop),\n"
    ops += "        migrations.AlterModelOptions(name='order', options={}),\n"
    assert findings({DJANGO: django(ops, imports)}) == []


def test_b_an_operation_the_reader_does_not_know_is_unchecked() -> None:
    ops = "        migrations.AddField('order', 'x', models.IntegerField(null=True)),\n"
    ops += "        SafeRemoveField('order', 'y'),\n"
    assert findings({DJANGO: django(ops)}) == [(UNCHECKED, 7), (UNLOCKED, 6)]


# -- C: an Alembic revision is read as the SQL op.* emits --------------------------------------------------------


def alembic(body: str) -> str:
    return (
        f"from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n{body}\n\ndef downgrade():\n    pass\n"
    )


def test_c_alembic_op_calls_and_batch_operations_are_read() -> None:
    body = "    op.create_index('ix', 'runs', ['run_uuid'])\n"
    body += "    op.add_column('runs', sa.Column('step', sa.Integer(), nullable=False, server_default='0'))\n"
    body += "    with op.batch_alter_table('runs') as b:\n        b.create_primary_key('pk', ['id', 'step'])\n"
    assert findings({ALEMBIC: alembic(body)}) == [(NOT_CONCURRENT, 6), (REWRITES, 9), (UNLOCKED, 7), (UNLOCKED, 9)]


def test_c_near_miss_concurrently_sqlite_branch_and_downgrade_stay_quiet() -> None:
    body = "    op.create_index('ix', 'runs', ['a'], postgresql_concurrently=True)\n"
    body += "    if op.get_bind().dialect.name == 'sqlite':\n        op.drop_column('runs', 'b')\n"
    body += "    op.execute('CREATE INDEX CONCURRENTLY ix2 ON runs (c)')\n"
    text = alembic(body).replace("    pass\n", "    op.drop_column('runs', 'a')\n")
    assert findings({ALEMBIC: text}) == []


def test_c_a_loop_variable_table_is_still_an_index_build() -> None:
    body = "    for table in ['a', 'b']:\n        op.create_index(f'ix_{table}', table, ['run_uuid'])\n"
    assert findings({ALEMBIC: alembic(body)}) == [(NOT_CONCURRENT, 7)]


# -- D: a Laravel migration is read as the SQL its PostgreSQL grammar sends ---------------------------------------


def laravel(up: str) -> str:
    head = "<?php\n\nuse Illuminate\\Database\\Migrations\\Migration;\nuse Illuminate\\Support\\Facades\\Schema;\n\n"
    return head + f"return new class extends Migration\n{{\n    public function up()\n    {{\n{up}    }}\n}};\n"


def test_d_laravel_table_chains_are_read() -> None:
    up = "        Schema::table('users', function (Blueprint $table) {\n"
    up += "            $table->integer('score')->default(0);\n            $table->text('bio')->nullable()->change();\n"
    up += "            $table->index('email', 'users_email_index');\n            $table->dropColumn('legacy');\n"
    up += "        });\n"
    assert findings({LARAVEL: laravel(up)}) == [(NOT_CONCURRENT, 13), (UNLOCKED, 11), (UNLOCKED, 12), (UNLOCKED, 14)]


def test_d_near_miss_a_new_table_and_down_stay_quiet() -> None:
    up = "        Schema::create('tags', function (Blueprint $table) {\n            $table->id();\n"
    up += "            $table->string('name')->index();\n        });\n"
    down = "    public function down()\n    {\n"
    down += "        Schema::table('users', function ($t) { $t->dropColumn('x'); });\n    }\n"
    text = laravel(up).replace("};\n", down + "};\n")
    assert findings({LARAVEL: text}) == []


def test_d_a_blueprint_call_the_reader_does_not_know_is_unchecked() -> None:
    up = "        Schema::table('users', function (Blueprint $table) {\n            $table->vector('embedding', 3);\n"
    up += "        });\n"
    assert findings({LARAVEL: laravel(up)}) == [(UNCHECKED, 11)]


# -- E: a DSL migration that cannot be read is reported unchecked, not ignored -------------------------------------


def test_e_a_python_migration_that_does_not_parse_is_unchecked() -> None:
    broken = django("        migrations.AddField('order', 'x', models.IntegerField(null=True),\n")
    assert findings({DJANGO: broken}) == [(UNCHECKED, 1)]
    assert findings({ALEMBIC: alembic("    op.add_column('runs',\n")}) == [(UNCHECKED, 1)]


def test_e_near_miss_a_python_file_in_migrations_that_is_no_migration_stays_quiet() -> None:
    helper = "def helper(x):\n    return x + 1\n"
    assert findings({"shop/migrations/utils.py": helper}) == []


# -- F: a DSL migration is not read as configuration text (licence URLs, Python's pass) ----------------------------


def test_f_licence_urls_and_pass_in_a_dsl_migration_are_not_findings() -> None:
    up = "        Schema::create('t', function ($table) { $table->id(); });\n"
    text = laravel(up).replace("<?php\n", "<?php\n/* see <https://www.gnu.org/licenses/> */\n")
    assert findings({LARAVEL: text}) == []
    assert findings({ALEMBIC: alembic("    pass\n")}) == []


# -- bounds: hostile DSL files stay linear and are reported, never a traceback ------------------------------------


def test_hostile_dsl_files_are_read_within_bounds() -> None:
    unclosed = rails("    add_index(:users,\n" * 20_000)
    assert (NOT_CONCURRENT, 3) in findings({RAILS: unclosed})
    nested = django("        migrations.RunSQL(" + "(" * 5_000 + "),\n")
    assert findings({DJANGO: nested}) == [(UNCHECKED, 1)]
    chains = laravel("        Schema::table('users', function ($table) {\n" + "$table->foo(" * 5_000 + "\n")
    assert findings({LARAVEL: chains}) == []


def test_b_a_foreign_key_or_unique_field_builds_its_index_with_the_column() -> None:
    ops = "        migrations.AddField('order', 'user', models.ForeignKey(null=True, to='u')),\n"
    ops += "        migrations.AddField('order', 'code', models.CharField(max_length=9, null=True, unique=True)),\n"
    assert findings({DJANGO: django(ops)}) == [(NOT_CONCURRENT, 6), (REWRITES, 7), (UNLOCKED, 6), (UNLOCKED, 7)]
    plain = "        migrations.AddField('order', 'user', models.ForeignKey(db_index=False, null=True, to='u')),\n"
    assert findings({DJANGO: django(plain)}) == [(UNLOCKED, 6)]
