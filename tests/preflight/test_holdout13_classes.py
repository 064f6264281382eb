"""Classes of mistakes the thirteenth hold-out set found (tests/preflight/holdout13: database migrations of ten
products), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings

MIGRATION = "migrations/0042_upgrade.up.sql"
UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
UNCHECKED = "preflight.migration_unchecked"
NOT_CONCURRENT = "preflight.index_not_concurrent"

# -- A: a DO body PostgreSQL's parser refuses is unchecked, not skipped ------------------------------------------


def test_a_a_do_body_that_does_not_parse_is_reported_unchecked() -> None:
    sql = "DO $$\nBEGIN\n  ALTER TABLE users ADDD COLUMN flags int;\nEND\n$$;\n"
    assert findings({MIGRATION: sql}) == [(UNCHECKED, 1)]


def test_a_a_refused_statement_leaves_the_rest_of_the_block_checked() -> None:
    sql = "DO $$\nBEGIN\n  ALTER TABLE a ADD COLUMN x int;\n  EXECUTE 'ALTER TABLE b ADDD x int';\nEND\n$$;\n"
    assert findings({MIGRATION: sql}) == [(UNCHECKED, 4), (UNLOCKED, 3)]
    runner = "SELECT execute($$ALTER TABLE b ADDD x int$$);\n"
    assert findings({MIGRATION: runner}) == [(UNCHECKED, 1)]


def test_a_a_do_body_that_parses_is_checked_statement_by_statement() -> None:
    sql = "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'u') THEN\n"
    sql += "    ALTER TABLE users ADD COLUMN flags int;\n  END IF;\nEND\n$$;\n"
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 4)]
    other_language = "DO LANGUAGE plpython3u $$\nplpy.execute('select 1')\n$$;\n"
    assert findings({MIGRATION: other_language}) == []


# -- B: EXECUTE of a statement built from literals (format, ||) is read ---------------------------------------


def test_b_execute_format_of_a_literal_template_is_read() -> None:
    sql = (
        "DO $$\nDECLARE p record;\nBEGIN\n  FOR p IN SELECT tablename FROM pg_tables WHERE tablename LIKE 'ev_%' LOOP\n"
        "    EXECUTE format('ALTER TABLE %I RENAME TO old_%s', p.tablename, p.tablename);\n  END LOOP;\nEND\n$$;\n"
    )
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 5)]
    joined = "DO $$\nBEGIN\n  EXECUTE 'CREATE INDEX ev_at ON ' || quote_ident('events') || ' (at)';\nEND\n$$;\n"
    assert findings({MIGRATION: joined}) == [(NOT_CONCURRENT, 3)]


def test_b_a_statement_held_in_a_variable_stays_unread() -> None:
    # no literal says what runs: not judged, and since holdout25 reported once as unchecked (at the first one)
    sql = "DO $$\nDECLARE q text := current_setting('app.ddl');\nBEGIN\n  EXECUTE q;\n"
    sql += "  EXECUTE format(q, 1);\nEND\n$$;\n"
    assert findings({MIGRATION: sql}) == [(UNCHECKED, 4)]
    safe = "DO $$\nBEGIN\n  EXECUTE format('CREATE INDEX CONCURRENTLY %I ON events (at)', 'ev_at');\nEND\n$$;\n"
    assert findings({MIGRATION: safe}) == []


# -- C: a table renamed away before a CREATE TABLE of its name is the live one where it is renamed -------------


def test_c_a_rename_before_the_replacement_table_is_created_locks_the_live_table() -> None:
    sql = "ALTER TABLE events RENAME TO old_events;\nCREATE TABLE events (id bigint);\n"
    sql += "CREATE INDEX ev_id ON events (id);\n"
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 1)]


def test_c_statements_after_the_create_table_are_on_a_new_table() -> None:
    sql = "CREATE TABLE events (id bigint);\nALTER TABLE events ADD COLUMN at timestamptz;\n"
    sql += "CREATE INDEX ev ON events (at);\n"
    assert findings({MIGRATION: sql}) == []


# -- D: a UNIQUE / PRIMARY KEY constraint builds its index under ACCESS EXCLUSIVE ------------------------------


def test_d_adding_a_unique_or_primary_key_constraint_scans_the_table() -> None:
    sql = "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n"
    sql += "ALTER TABLE queue ADD PRIMARY KEY (name);\n"
    assert codes_at({MIGRATION: sql}, REWRITES) == [1, 2]
    assert codes_at({MIGRATION: sql}, UNLOCKED) == [1, 2]


def test_d_a_constraint_using_an_index_built_before_only_locks() -> None:
    sql = (
        "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;\n"
        "ALTER TABLE users ADD CONSTRAINT users_age CHECK (age > 0) NOT VALID;\n"
    )
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 1), (UNLOCKED, 2)]


# -- E: a new column computed for every row (stored generated, identity, serial) rewrites the table ------------


def test_e_a_computed_new_column_rewrites_the_table() -> None:
    sql = (
        "ALTER TABLE logs ADD COLUMN ft tsvector GENERATED ALWAYS AS (to_tsvector('simple', msg)) STORED;\n"
        "ALTER TABLE logs ADD COLUMN seq bigserial;\n"
        "ALTER TABLE logs ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;\n"
    )
    assert codes_at({MIGRATION: sql}, REWRITES) == [1, 2, 3]


def test_e_a_constant_default_or_a_plain_column_does_not_rewrite() -> None:
    sql = "ALTER TABLE logs ADD COLUMN level int NOT NULL DEFAULT 0;\nALTER TABLE logs ADD COLUMN note text;\n"
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 1), (UNLOCKED, 2)]


# -- F: the dialect written before a migration's direction (x.mysql.up.sql) ------------------------------------


def test_f_a_dialect_before_up_sql_names_the_database() -> None:
    sql = "ALTER TABLE webauthn_devices RENAME _bkp_devices;\nDROP TABLE _bkp_devices;\n"
    assert findings({"migrations/V0003.KIDLength.mysql.up.sql": sql}) == [(UNCHECKED, 1)]


def test_f_a_folder_naming_a_database_with_its_version_names_the_dialect() -> None:
    sql = "ALTER TABLE t ADD COLUMN x int;\n"
    assert findings({"db/migrations/mysql8/0001_x.sql": sql}) == [(UNCHECKED, 1)]
    assert findings({"db/migrations/postgres15/0001_x.sql": sql}) == [(UNLOCKED, 1)]
    assert findings({"db/migrations/v8/0001_x.sql": sql}) == [(UNLOCKED, 1)]


def test_f_postgres_before_up_sql_or_no_dialect_stays_checked() -> None:
    sql = "DROP TABLE sessions;\n"
    assert findings({"migrations/V0003.Sessions.postgres.up.sql": sql}) == [(UNLOCKED, 1)]
    assert findings({"migrations/V0003.Sessions.up.sql": sql}) == [(UNLOCKED, 1)]


# -- G: a table created by a statement PostgreSQL's parser refuses is still new --------------------------------


def test_g_an_index_on_a_table_created_in_another_dialect_is_on_a_new_table() -> None:
    sql = "CREATE TABLE scrobbles (user_id varchar(255) REFERENCES user(id));\n"
    sql += "CREATE INDEX sd ON scrobbles (user_id);\n"
    assert findings({"db/migrations/20251206_scrobbles.sql": sql}) == [(UNCHECKED, 1)]


def test_g_an_index_on_another_table_is_still_reported() -> None:
    sql = "CREATE TABLE [scrobbles] (user_id int);\nCREATE INDEX mf ON media_file (user_id);\n"
    assert findings({"db/migrations/20251206_scrobbles.sql": sql}) == [(NOT_CONCURRENT, 2), (UNCHECKED, 1)]


# -- H: an Ecto migration (.exs) is read as the SQL its up/change step runs -------------------------------------

ECTO = "priv/repo/migrations/20210409074413_shared_link_name.exs"


def _ecto(*body: str) -> str:
    lines = "\n".join(f"    {line}" for line in body)
    return f"defmodule App.Repo.Migrations.X do\n  use Ecto.Migration\n\n  def change do\n{lines}\n  end\nend\n"


def test_h_ecto_execute_and_index_and_alter_are_checked() -> None:
    uuid = _ecto('execute("ALTER TABLE pageviews ALTER COLUMN user_id TYPE uuid USING user_id::uuid")')
    assert findings({ECTO: uuid}) == [(REWRITES, 5), (UNLOCKED, 5)]
    assert findings({ECTO: _ecto("create unique_index(:shared_links, [:site_id, :name])")}) == [(NOT_CONCURRENT, 5)]
    alter = _ecto("alter table(:sites) do", "  add :owner_id, references(:users)", "  remove :legacy", "end")
    assert findings({ECTO: alter}) == [(REWRITES, 6), (UNLOCKED, 6), (UNLOCKED, 7)]
    required = _ecto("alter table(:sites) do", "  modify :domain, :text, null: false", "end")
    assert findings({ECTO: required}) == [(REWRITES, 6), (UNLOCKED, 6)]


def test_h_safe_ecto_steps_and_the_down_half_stay_quiet() -> None:
    safe = _ecto(
        "create index(:events, [:site_id], concurrently: true)",
        "create table(:api_keys) do",
        "  add :user_id, references(:users, on_delete: :delete_all), null: false",
        "end",
        "create index(:api_keys, [:user_id])",
        'execute("ALTER TABLE #{@table} DROP COLUMN x")',
    )
    assert findings({ECTO: safe}) == []
    widened = _ecto("alter table(:sessions) do", "  modify :referrer, :text", "end")
    assert findings({ECTO: widened}) == [(UNLOCKED, 6)]
    down = _ecto("execute(\"SELECT 1\")").replace(
        "  end\nend\n", "  end\n\n  def down do\n    drop index(:events, [:site_id])\n  end\nend\n"
    )
    assert findings({ECTO: down}) == []
    config = 'import Config\nconfig :app, App.Repo, migration_timestamps: [type: :utc_datetime]\n'
    assert findings({"config/config.exs": config}) == []


# -- I: a JS/TS migration's schema-builder calls, and SQL in a branch for another database, are unchecked -------

KNEX = "db/knex_migrations/2023-08-18-0301-heartbeat.js"


def test_i_a_schema_builder_migration_of_an_existing_table_is_unchecked() -> None:
    js = (
        "exports.up = function (knex) {\n"
        '    return knex.schema.alterTable("heartbeat", function (table) {\n'
        '        table.datetime("end_time").nullable();\n    });\n};\n'
    )
    # a Knex builder call is read as PostgreSQL's statement unless the product runs on another database (session 30)
    sqlite = "module.exports = { client: 'sqlite3', connection: { filename: './kuma.db' } };\n"
    assert findings({KNEX: js, "knexfile.js": sqlite}) == [(UNCHECKED, 3)]
    ts = "export class AddFlag {\n  async up(queryRunner) {\n    await queryRunner.addColumn('users', col);\n  }\n}\n"
    assert findings({"src/migrations/1700000000000-AddFlag.ts": ts}) == [(UNCHECKED, 3)]


def test_i_sql_in_a_branch_for_sqlite_is_not_read_as_postgresql() -> None:
    js = (
        "exports.up = function (knex) {\n"
        '    const isSQLite = knex.client.dialect === "sqlite3";\n'
        "    if (isSQLite) {\n"
        '        return knex.raw("CREATE INDEX hb_time ON heartbeat (time)");\n'
        "    }\n"
        '    return knex.raw("CREATE INDEX CONCURRENTLY hb_time ON heartbeat (time)");\n'
        "};\n"
    )
    assert findings({KNEX: js}) == [(UNCHECKED, 4)]


def test_i_new_tables_a_postgresql_branch_and_the_down_half_stay_as_they_were() -> None:
    create = 'exports.up = function (knex) {\n    return knex.schema.createTable("api_key", function (t) {});\n};\n'
    assert findings({KNEX: create}) == []
    other_branch = (
        "exports.up = function (knex) {\n"
        '    if (knex.client.dialect !== "sqlite3") {\n'
        '        return knex.raw("CREATE INDEX hb_time ON heartbeat (time)");\n'
        "    }\n};\n"
    )
    assert findings({KNEX: other_branch}) == [(NOT_CONCURRENT, 3)]
    down = (
        'exports.up = function (knex) {\n    return knex.raw("SELECT 1");\n};\n'
        "exports.down = function (knex) {\n"
        '    return knex.schema.alterTable("heartbeat", (t) => t.dropColumn("x"));\n};\n'
    )
    assert findings({KNEX: down}) == []


# -- J: in a file whose text is MySQL/SQLite and which PostgreSQL's parser partly refuses, nothing is judged by
# PostgreSQL's lock rules ------------------------------------------------------------------------------------


def test_j_statements_postgresql_reads_in_a_mysql_file_are_unchecked() -> None:
    sql = "CREATE TABLE devices (id int AUTO_INCREMENT, PRIMARY KEY (id)) ENGINE=InnoDB;\nDROP TABLE _bkp_devices;\n"
    assert findings({"migrations/V0003.devices.sql": sql}) == [(UNCHECKED, 1)]


def test_j_a_postgresql_file_the_parser_reads_whole_keeps_its_checks() -> None:
    sql = "COMMENT ON TABLE t IS 'see `x`';\nDROP TABLE old;\n"
    assert codes_at({"migrations/V0004.old.sql": sql}, UNLOCKED) == [2]


# -- K: Flyway / Liquibase placeholders (${schema}) do not hide a statement from the checks ---------------------


def test_k_a_statement_with_placeholders_is_checked() -> None:
    sql = "ALTER TABLE ${schema}.users ADD COLUMN flags int;\n"
    sql += "CREATE INDEX users_flags ON ${flyway:defaultSchema}.users (flags);\n"
    assert findings({"db/migration/V2__flags.sql": sql}) == [(NOT_CONCURRENT, 2), (UNLOCKED, 1)]


def test_k_a_placeholder_in_a_value_or_a_real_syntax_error_stay_as_they_were() -> None:
    sql = "INSERT INTO settings (k, v) VALUES ('owner', '${owner}');\n"
    assert findings({"db/migration/V3__owner.sql": sql}) == []
    broken = "ALTER TABLE ${schema}.users ADDD flags int;\n"
    assert findings({"db/migration/V4__broken.sql": broken}) == [(UNCHECKED, 1)]


# -- L: a Liquibase formatted-SQL changeset for another database (dbms:mysql) is not read as PostgreSQL --------


def test_l_a_changeset_for_another_database_is_unchecked() -> None:
    sql = "--liquibase formatted sql\n\n--changeset app:1 dbms:mysql,mariadb\nCREATE INDEX ix ON users (x);\n"
    assert findings({"db/changelog/changes/003.sql": sql}) == [(UNCHECKED, 4)]


def test_l_changesets_for_postgresql_or_every_database_are_checked() -> None:
    sql = (
        "--liquibase formatted sql\n\n--changeset app:1 dbms:postgresql\nCREATE INDEX ix ON users (x);\n"
        "--changeset app:2\nCREATE INDEX iy ON users (y);\n"
        "--changeset app:3 dbms:!mysql\nCREATE INDEX iz ON users (z);\n--rollback DROP INDEX iz;\n"
    )
    assert codes_at({"db/changelog/changes/004.sql": sql}, NOT_CONCURRENT) == [4, 6, 8]
    assert codes_at({"db/changelog/changes/004.sql": sql}, UNCHECKED) == []


# -- bounds: the Ecto and JS/TS readers stay linear on hostile input ---------------------------------------------


def test_hostile_ecto_and_knex_migrations_are_read_within_bounds() -> None:
    unclosed = "defmodule M do\n  use Ecto.Migration\n  def change do\n" + "execute(" * 20_000
    nested = "defmodule M do\n  use Ecto.Migration\n" + "def up do\n" * 20_000
    assert findings({"priv/repo/migrations/1_a.exs": unclosed}) == []
    assert findings({"priv/repo/migrations/2_b.exs": nested}) == []
    branch = "if (knex.client.dialect === 'sqlite3') { knex.raw('DROP INDEX a');\n"
    knex = "exports.up = function (knex) {\n" + branch * 2_000
    assert len(codes_at({"db/knex_migrations/1_a.js": knex}, NOT_CONCURRENT)) == 2_000  # no block closes: not SQLite's
