"""Hold-out set 267 (tests/preflight/holdout267/README.md): class A, a Django ``RunSQL`` given SQL kept in a
module-level constant (pycon.tw); class B, SQL fed to psql through a heredoc or here-string (gravita); class C, a
Rails ``change_column`` whose type is written as SQL or carries ``using:`` (engsoc-dash); each with near misses that
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
INDEX = "preflight.index_not_concurrent"
UNCHECKED = "preflight.migration_unchecked"


# -- A: ``RunSQL(NAME)`` where NAME is a module-level string ---------------------------------------------------------


def _django(*lines: str) -> dict[str, str]:
    return {"src/accounts/migrations/0006_fix_user_id.py": "\n".join(lines) + "\n"}


_HEAD = ("from django.db import migrations", "")
_CLASS = ("class Migration(migrations.Migration):", "    dependencies = [('accounts', '0005_x')]")


def test_a_runsql_of_a_module_constant_is_read() -> None:
    files = _django(
        *_HEAD,  # 1-2
        'ALTER_USER_ID = """',  # 3
        '    ALTER TABLE "accounts_perm" ALTER COLUMN "user_id" SET DATA TYPE bigint;',  # 4
        '"""',  # 5
        *_CLASS,  # 6-7
        "    operations = [",  # 8
        "        migrations.RunSQL(ALTER_USER_ID, migrations.RunSQL.noop),",  # 9
        "    ]",
    )
    assert codes_at(files, UNLOCKED) == [9]
    assert codes_at(files, REWRITES) == [9]
    assert codes_at(files, UNCHECKED) == []


def test_a_multi_line_constant_keeps_the_later_operations_lines() -> None:
    """A constant of several statements over several lines (umap's DO block before a RenameField, whole packages
    round 32) is read at its call's line; the operations after it stay at their own lines."""
    files = _django(
        *_HEAD,  # 1-2
        'SQL = """',  # 3
        "-- two statements",  # 4
        "ALTER TABLE accounts_perm",  # 5
        "    ADD COLUMN a text;",  # 6
        "ALTER TABLE accounts_perm",  # 7
        "    ADD COLUMN b text;",  # 8
        '"""',  # 9
        *_CLASS,  # 10-11
        "    operations = [",  # 12
        "        migrations.RunSQL(SQL),",  # 13
        "        migrations.RenameField(model_name='perm', old_name='a', new_name='c'),",  # 14
        "    ]",
    )
    assert codes_at(files, UNLOCKED) == [13, 13, 14]


def test_a_runsql_list_of_constants_and_literals_is_read() -> None:
    files = _django(
        *_HEAD,  # 1-2
        "ADD_INDEX = 'CREATE INDEX accounts_perm_user ON accounts_perm (user_id);'",  # 3
        *_CLASS,  # 4-5
        "    operations = [",  # 6
        "        migrations.RunSQL([ADD_INDEX, 'ALTER TABLE accounts_perm ADD COLUMN note text;']),",  # 7
        "    ]",
    )
    assert codes_at(files, INDEX) == [7]
    assert codes_at(files, UNLOCKED) == [7]


def test_a_constant_assigned_twice_is_not_guessed() -> None:
    files = _django(
        *_HEAD,
        "SQL = 'CREATE TABLE accounts_new (id bigint);'",
        "SQL = 'ALTER TABLE accounts_perm ALTER COLUMN user_id TYPE bigint;'",
        *_CLASS,
        "    operations = [",
        "        migrations.RunSQL(SQL),",
        "    ]",
    )
    assert codes_at(files, UNLOCKED) == []
    assert codes_at(files, REWRITES) == []


def test_a_constant_for_a_new_table_and_a_reverse_constant_are_quiet() -> None:
    files = _django(
        *_HEAD,
        "CREATE = 'CREATE TABLE accounts_audit (id bigint PRIMARY KEY, at timestamptz);'",
        "DROP_COLUMN = 'ALTER TABLE accounts_perm DROP COLUMN note;'",
        *_CLASS,
        "    operations = [",
        "        migrations.RunSQL(CREATE, reverse_sql=DROP_COLUMN),",
        "    ]",
    )
    assert codes_at(files, UNLOCKED) == []
    assert codes_at(files, UNCHECKED) == []


def test_a_name_bound_inside_a_function_is_not_a_module_constant() -> None:
    files = _django(
        *_HEAD,
        "def build():",
        "    SQL = 'ALTER TABLE accounts_perm ALTER COLUMN user_id TYPE bigint;'",
        "    return SQL",
        *_CLASS,
        "    operations = [",
        "        migrations.RunSQL(SQL),",
        "    ]",
    )
    assert codes_at(files, UNLOCKED) == []


# -- B: a heredoc or here-string fed to psql -------------------------------------------------------------------------


def _sh(path: str, *lines: str) -> dict[str, str]:
    return {path: "#!/bin/bash\n" + "\n".join(lines) + "\n"}


def test_b_heredoc_statements_fed_to_psql_are_read_at_their_lines() -> None:
    files = _sh(
        "backend/add_permissions.sh",
        'psql "$DATABASE_URL" <<EOF',  # 2
        "-- users",  # 3
        'ALTER TABLE "users"',  # 4
        "ADD COLUMN IF NOT EXISTS \"permissions\" jsonb DEFAULT '{}'::jsonb;",  # 5
        "CREATE INDEX users_permissions ON users USING gin (permissions);",  # 6
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'users';",  # 7
        "EOF",
    )
    assert codes_at(files, UNLOCKED) == [4]
    assert codes_at(files, INDEX) == [6]
    assert codes_at(files, REWRITES) == []


def test_b_here_string_fed_to_psql_is_read() -> None:
    files = _sh("scripts/upgrade.sh", 'psql app <<< "ALTER TABLE orders DROP COLUMN legacy;"')  # 2
    assert codes_at(files, UNLOCKED) == [2]


def test_b_heredoc_with_expansions_is_not_guessed() -> None:
    files = _sh(
        "scripts/upgrade.sh",
        'psql "$DATABASE_URL" <<EOF',
        "ALTER TABLE ${TABLE} ADD COLUMN note text;",
        "EOF",
    )
    assert codes_at(files, UNLOCKED) == []


def test_b_heredoc_that_bounds_its_lock_wait_is_quiet() -> None:
    files = _sh(
        "scripts/upgrade.sh",
        "psql app <<'EOF'",
        "SET lock_timeout = '5s';",
        "ALTER TABLE orders ADD COLUMN note text;",
        "EOF",
    )
    assert codes_at(files, UNLOCKED) == []


def test_b_heredoc_to_another_command_or_a_read_only_one_is_quiet() -> None:
    files = _sh(
        "scripts/upgrade.sh",
        "cat > /tmp/note.sql <<EOF",
        "ALTER TABLE orders ADD COLUMN note text;",
        "EOF",
        "psql app <<EOF",
        "SELECT count(*) FROM orders;",
        "EOF",
    )
    assert codes_at(files, UNLOCKED) == []


def test_b_heredoc_in_a_first_init_script_is_quiet() -> None:
    files = _sh(
        "docker-entrypoint-initdb.d/10-schema.sh",
        'psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<-EOSQL',
        "    CREATE TABLE orders (id bigint PRIMARY KEY);",
        "    CREATE INDEX orders_id ON orders (id);",
        "EOSQL",
    )
    assert codes_at(files, INDEX) == []


def test_b_mysql_heredoc_schema_change_is_unchecked_and_accounts_are_quiet() -> None:
    changed = _sh("scripts/upgrade.sh", "mysql app <<EOF", "ALTER TABLE orders ADD COLUMN note text;", "EOF")
    assert codes_at(changed, UNCHECKED) == [3]
    accounts = _sh(
        "scripts/setup-db.sh",
        "mysql -u root <<'EOF'",
        "CREATE DATABASE IF NOT EXISTS app;",
        "GRANT ALL ON app.* TO 'app'@'localhost';",
        "EOF",
    )
    assert codes_at(accounts, UNCHECKED) == []


# -- C: Rails ``change_column`` with an SQL type string or ``using:`` ------------------------------------------------


def _rails(*body: str) -> dict[str, str]:
    lines = ["class ChangeUserIdType < ActiveRecord::Migration[5.0]", *body, "end"]
    return {"db/migrate/20170123173833_change_user_id_type.rb": "\n".join(lines) + "\n"}


def test_c_type_written_as_sql_with_a_using_cast_rewrites() -> None:
    files = _rails(
        "  def change",  # 2
        "    change_column :users, :user_id, 'integer USING CAST(user_id AS integer)'",  # 3
        "  end",
    )
    assert codes_at(files, UNLOCKED) == [3]
    assert codes_at(files, REWRITES) == [3]


def test_c_using_option_rewrites() -> None:
    files = _rails("  def up", "    change_column :users, :age, :integer, using: 'age::integer'", "  end")  # 3
    assert codes_at(files, REWRITES) == [3]


def test_c_type_string_naming_a_rails_type_is_that_type() -> None:
    # 'text' as a string is Rails' :text: a widening to text, a lock and no rewrite
    files = _rails("  def up", "    change_column :posts, :body, 'text'", "  end")  # 3
    assert codes_at(files, UNLOCKED) == [3]
    assert codes_at(files, REWRITES) == []


def test_c_change_column_in_down_is_not_read() -> None:
    files = _rails(
        "  def up",
        "    change_column :posts, :body, :text",  # 3
        "  end",
        "  def down",
        "    change_column :posts, :body, 'varchar(255) USING left(body, 255)'",  # 6
        "  end",
    )
    assert codes_at(files, REWRITES) == []
    assert codes_at(files, UNLOCKED) == [3]
