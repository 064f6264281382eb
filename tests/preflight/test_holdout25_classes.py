"""Classes of mistakes the twenty-fifth hold-out set found (tests/preflight/holdout25: MySQL/MariaDB and SQLite
migrations, and PostgreSQL functions that build SQL), each as its minimal construct next to a near-miss that must
stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

from shipgate.preflight.sql.reader import _dialect

MIGRATION = "migrations/0042_upgrade.sql"
UNLOCKED = "preflight.migration_unlocked"
UNCHECKED = "preflight.migration_unchecked"
NOT_CONCURRENT = "preflight.index_not_concurrent"

# -- A: a function the file defines and then calls runs with the migration: its body is read ---------------------

CALLED = (
    "CREATE FUNCTION migrate() RETURNS void AS $$\nDECLARE\n  v int;\nBEGIN\n"
    "  EXECUTE 'ALTER TABLE \"tx\" ADD COLUMN \"size\" int';\nEND;\n$$ LANGUAGE plpgsql;\n\n"
    "SELECT migrate();\n\nDROP FUNCTION migrate();\n"
)


def test_a_the_body_of_a_function_the_file_calls_is_checked() -> None:
    assert findings({MIGRATION: CALLED}) == [(UNLOCKED, 5)]
    index = (
        "CREATE OR REPLACE FUNCTION create_index_for_log()\nRETURNS void AS $$\nBEGIN\n"
        "  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'log_i') THEN\n"
        "    CREATE INDEX log_i ON trx_log(trx_id);\n  END IF;\nEND;\n$$ LANGUAGE plpgsql;\n"
        "select create_index_for_log();\n"
    )
    assert findings({MIGRATION: index}) == [(NOT_CONCURRENT, 5)]
    procedure = "CREATE PROCEDURE p() LANGUAGE sql AS $$\nALTER TABLE users DROP COLUMN legacy\n$$;\nCALL p();\n"
    assert findings({MIGRATION: procedure}) == [(UNLOCKED, 2)]
    in_do = CALLED.replace("SELECT migrate();", "DO $x$ BEGIN PERFORM migrate(); END $x$;")
    assert findings({MIGRATION: in_do}) == [(UNLOCKED, 5)]


def test_a_a_function_the_file_only_defines_stays_unread() -> None:
    defined = CALLED.replace("SELECT migrate();\n\n", "")
    assert findings({MIGRATION: defined}) == []
    other = CALLED.replace("SELECT migrate();", "SELECT other_function();")
    assert findings({MIGRATION: other}) == []
    new_table = (
        "CREATE TABLE jobs (id int);\nCREATE FUNCTION m() RETURNS void AS $$\nBEGIN\n"
        "  CREATE INDEX jobs_id ON jobs (id);\nEND;\n$$ LANGUAGE plpgsql;\nSELECT m();\n"
    )
    assert findings({MIGRATION: new_table}) == []


# -- B: ALTER TABLE subcommands that take SHARE UPDATE EXCLUSIVE are not ACCESS EXCLUSIVE ---------------------------


def test_b_storage_parameters_statistics_and_validate_take_no_exclusive_lock() -> None:
    sql = (
        "ALTER TABLE metrics SET (autovacuum_analyze_threshold = 50000, autovacuum_analyze_scale_factor = 0.5);\n"
        "ALTER TABLE metrics RESET (autovacuum_vacuum_threshold);\n"
        "ALTER TABLE metrics ALTER COLUMN value SET STATISTICS 500;\n"
        "ALTER TABLE metrics VALIDATE CONSTRAINT metrics_fk;\n"
        "DO $$ BEGIN EXECUTE format($f$ ALTER TABLE %I SET (fillfactor = 90) $f$, 'metrics'); END $$;\n"
    )
    assert findings({MIGRATION: sql}) == []


def test_b_an_exclusive_subcommand_beside_them_is_still_reported() -> None:
    sql = "ALTER TABLE metrics SET (fillfactor = 90), ADD COLUMN note text;\nALTER TABLE metrics SET TABLESPACE fast;\n"
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 1), (UNLOCKED, 2)]


# -- C: a view holds no rows: ALTER VIEW is not a table's lock (like DROP VIEW and CREATE OR REPLACE VIEW) ---------


def test_c_alter_view_is_not_reported() -> None:
    sql = "ALTER VIEW prom_series.cpu OWNER TO prom_admin;\nALTER VIEW report RENAME TO old_report;\n"
    assert findings({MIGRATION: sql}) == []


def test_c_a_table_or_materialized_view_is_still_reported() -> None:
    sql = "ALTER TABLE report OWNER TO app;\nALTER TABLE report RENAME TO old_report;\n"
    sql += "ALTER MATERIALIZED VIEW daily RENAME TO old_daily;\n"
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 1), (UNLOCKED, 2), (UNLOCKED, 3)]


# -- D: a MySQL '#' comment is not the start of the first statement ------------------------------------------------


def test_d_unchecked_is_reported_at_the_statement_after_a_hash_comment() -> None:
    sql = "# delta schema to upgrade the config db\n\nUse ConfigDB;\n\nALTER TABLE `Namespace` DROP INDEX `UK_a`;\n"
    assert findings({MIGRATION: sql}) == [(UNCHECKED, 3)]


def test_d_a_statement_postgresql_scanner_leaves_out_is_put_back() -> None:
    # PostgreSQL's scanner split drops a statement that starts with a word it does not know (USE, after a -- comment)
    sql = "-- delta schema\n\nUse ConfigDB;\n\nALTER TABLE `Namespace` DROP INDEX `UK_a`;\n"
    assert findings({MIGRATION: sql}) == [(UNCHECKED, 3)]
    postgres = "ALTER TABLE t ADD c int;\nuse_me;\n"
    assert findings({MIGRATION: postgres}) == [(UNCHECKED, 2), (UNLOCKED, 1)]


def test_d_comments_alone_add_no_statement() -> None:
    assert findings({MIGRATION: "-- nothing to do\n# nor here\n"}) == []
    assert findings({MIGRATION: "SELECT 1;\n-- trailing\n"}) == []
    semicolons = "SELECT 1;\n-- step 1; then the column\n/* a; b */\n\\set ON_ERROR_STOP on\nSELECT 2;\n"
    assert findings({MIGRATION: semicolons}) == []


# -- E: a backquote inside a string literal or a dollar-quoted body says nothing of the database --------------------


def test_e_a_backquote_in_a_plpgsql_message_keeps_the_file_postgresql() -> None:
    sql = (
        "DO $$\nbegin\n  raise notice 'Adding column `%` to table `%`', 'a', 'orders';\n"
        "  alter table orders add column edit_token text;\nend$$;\n"
    )
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 4)]
    literal = "UPDATE settings SET value = 'use `backticks`' WHERE key = 'hint';\nALTER TABLE settings ADD note text;\n"
    assert findings({MIGRATION: literal}) == [(UNLOCKED, 2)]


def test_e_a_backquoted_name_outside_strings_is_still_mysql() -> None:
    assert _dialect("INSERT INTO t VALUES ('it\\'s');\nALTER TABLE `t` ADD c int;\n", True) == "mysql"
    assert _dialect("CREATE TABLE `t` (a int) COMMENT='x';\n", True) == "mysql"




# -- F: an EXECUTE of a variable is read from the string the block gives it, or reported unchecked ------------------


def test_f_execute_of_a_variable_assigned_a_literal_statement_is_read() -> None:
    sql = (
        "DO $$\nDECLARE\n  t text := 'orders';\n  stmt text;\nBEGIN\n"
        "  stmt := 'ALTER TABLE ' || quote_ident(t) || ' ADD COLUMN edit_token text';\n  EXECUTE stmt;\nEND\n$$;\n"
    )
    assert findings({MIGRATION: sql}) == [(UNLOCKED, 7)]
    loop = (
        "DO $$\nDECLARE q text;\nBEGIN\n"
        "  FOR q IN SELECT format('CREATE INDEX %I ON %I (at)', tablename || '_at', tablename) FROM pg_tables LOOP\n"
        "    EXECUTE q;\n  END LOOP;\nEND\n$$;\n"
    )
    assert findings({MIGRATION: loop}) == [(NOT_CONCURRENT, 5)]


def test_f_an_execute_no_literal_describes_is_unchecked() -> None:
    unknown = "DO $$\nDECLARE q text;\nBEGIN\n  SELECT ddl INTO q FROM pending_ddl LIMIT 1;\n  EXECUTE q;\nEND\n$$;\n"
    assert findings({MIGRATION: unknown}) == [(UNCHECKED, 5)]


def test_f_a_variable_holding_a_harmless_statement_stays_quiet() -> None:
    grant = "DO $$\nDECLARE q text := 'GRANT SELECT ON events TO reader';\nBEGIN\n  EXECUTE q;\nEND\n$$;\n"
    assert findings({MIGRATION: grant}) == []
    concurrent = "DO $$\nDECLARE q text := 'DROP INDEX CONCURRENTLY IF EXISTS ev_at';\nBEGIN\n  EXECUTE q;\nEND\n$$;\n"
    assert findings({MIGRATION: concurrent}) == []


# -- G: a migration whose database only the package's configuration names is read for that database -----------------

DROP = {"migrations/20161223190349_drop.sql": "ALTER TABLE files DROP COLUMN xliff_file;\n"}


def test_g_the_package_configuration_names_mysql_or_sqlite() -> None:
    assert findings({**DROP, ".env.example": "DB_CONNECTION=mysql\nDB_HOST=db\n"}) == [(UNCHECKED, 1)]
    assert findings({**DROP, "phinx.yml": "environments:\n  production:\n    adapter: mysql\n"}) == [(UNCHECKED, 1)]
    assert findings({**DROP, "config/app.env": "DATABASE_URL=sqlite:///data/app.db\n"}) == [(UNCHECKED, 1)]


def test_g_postgresql_named_or_nothing_named_in_configuration_keeps_the_checks() -> None:
    assert findings({**DROP, ".env.example": "DB_CONNECTION=pgsql\n"}) == [(UNLOCKED, 1)]
    assert findings({**DROP, ".env.example": "DB_CONNECTION=mysql\n# or DATABASE_URL=postgres://db/app\n"}) == [
        (UNLOCKED, 1)
    ]
    assert findings({**DROP, "README.md": "Point DATABASE_URL at mysql://user@host/db\n"}) == [(UNLOCKED, 1)]
    named = {"migrations/postgres/0001.sql": "ALTER TABLE files DROP COLUMN x;\n", ".env": "DB_DRIVER=mysql\n"}
    assert findings(named) == [(UNLOCKED, 1)]


# -- H: a PHP migration that runs SQL strings (Phinx, Doctrine, MateCat's $sql_up) is read ---------------------------

MATECAT = (
    "<?php\n\nclass AlterIsPass extends AbstractMatecatMigration {\n\n    public $sql_up = <<<EOF\n"
    "    ALTER TABLE `qa_chunk_reviews`\n          MODIFY COLUMN `is_pass` tinyint(4) NULL DEFAULT NULL,\n"
    "          ALGORITHM=INPLACE, LOCK=NONE;\nEOF;\n\n"
    "    public $sql_down = \"ALTER TABLE `qa_chunk_reviews` MODIFY COLUMN `is_pass` tinyint(4) NOT NULL\";\n}\n"
)
PHINX = (
    "<?php\nuse Phinx\\Migration\\AbstractMigration;\n\nclass AddFlags extends AbstractMigration\n{\n"
    "    public function up()\n    {\n        $this->execute('ALTER TABLE users ADD COLUMN flags int');\n"
    "        $this->execute(\"CREATE INDEX users_flags ON $table (flags)\");\n    }\n\n"
    "    public function down()\n    {\n        $this->execute('ALTER TABLE users DROP COLUMN flags');\n    }\n}\n"
)


def test_h_sql_strings_of_a_php_migration_are_read() -> None:
    assert findings({"migrations/20180921144444_alter_is_pass.php": MATECAT}) == [(UNCHECKED, 6)]
    assert findings({"db/migrations/20200101000000_add_flags.php": PHINX}) == [(UNLOCKED, 8)]
    doctrine = (
        "<?php\nfinal class Version20200101 extends AbstractMigration\n{\n"
        "    public function up(Schema $schema): void\n    {\n"
        "        $this->addSql('CREATE INDEX IDX_1 ON product (category_id)');\n    }\n}\n"
    )
    assert findings({"migrations/Version20200101.php": doctrine}) == [(NOT_CONCURRENT, 6)]


def test_h_the_down_direction_interpolation_and_other_php_stay_unread() -> None:
    down_only = PHINX.replace("$this->execute('ALTER TABLE users ADD COLUMN flags int');\n", "")
    assert findings({"db/migrations/20200101000000_add_flags.php": down_only}) == []
    assert findings({"src/Service/Report.php": PHINX}) == []  # not under a migrations folder


def test_h_sql_postgresql_also_reads_is_checked_unless_the_package_names_mysql() -> None:
    drop = "<?php\nclass AlterTableFiles extends AbstractMatecatMigration\n{\n    public $sql_up = <<<EOF\n"
    drop += "ALTER TABLE files\nDROP COLUMN xliff_file;\nEOF;\n}\n"
    assert findings({"migrations/20161223190349_alter_table_files.php": drop}) == [(UNLOCKED, 5)]
    with_mysql = {"migrations/20161223190349_alter_table_files.php": drop, "config/phinx.yml": "adapter: mysql\n"}
    assert findings(with_mysql) == [(UNCHECKED, 5)]


# -- bounds: the new readers stay linear on hostile input ----------------------------------------------------------


def test_hostile_text_is_read_within_bounds() -> None:
    # each would backtrack quadratically (minutes) without the end-of-text fallbacks
    assert _dialect("'\\" * 100_000 + " `t`", True) == "postgresql"  # all one unclosed string
    assert _dialect("".join(f"$a{i}$ " for i in range(50_000)) + " `t`", True) == "postgresql"  # tags never closed
    assert _dialect("`t` " + "'" * 200_001, True) == "mysql"
    php = "<?php\nclass M {\n  public function up() {\n" + "$this->execute(<<<EOF\n" * 20_000
    assert findings({"migrations/1_a.php": php}) == []
    php_quotes = "<?php\nclass M {\n  public function up() {\n" + "$this->execute('\\" * 20_000
    assert findings({"migrations/2_b.php": php_quotes}) == []
    calls = "CREATE FUNCTION f() RETURNS void AS $$ BEGIN ALTER TABLE t ADD c int; END $$ LANGUAGE plpgsql;\n"
    calls += "SELECT f();\n" * 5_000
    assert findings({MIGRATION: calls}) == [(UNLOCKED, 1)]
    gaps = "ALTER TABLE t ADD c int;\n" + "use x;\n" * 5_000
    assert findings({MIGRATION: gaps}) == [(UNCHECKED, 2), (UNLOCKED, 1)]
