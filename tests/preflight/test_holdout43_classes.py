"""Classes of mistakes the forty-third hold-out set found (tests/preflight/holdout43: database upgrade files and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
UNCHECKED = "preflight.migration_unchecked"

# -- A: a template expression the migrator renders ({{ … }}) is read as the name it becomes ----------------------

TEMPLATED = "migrations/20240101000000_change.up.sql"


def test_a_a_templated_schema_name_does_not_hide_the_statements() -> None:
    sql = (
        'alter table {{ index .Options "Namespace" }}.accounts\n'
        "    add column id uuid default gen_random_uuid() primary key;\n"
        "do $$\nbegin\n"
        "  alter table {{ .Schema }}.accounts add constraint accounts_email_key unique (email);\n"
        "end $$;\n"
    )
    assert findings({TEMPLATED: sql}) == [(REWRITES, 1), (REWRITES, 5), (UNLOCKED, 1), (UNLOCKED, 5)]


def test_a_near_miss_a_templated_new_table_and_an_array_literal_stay_quiet() -> None:
    sql = (
        "create table {{ .Schema }}.sessions (id uuid primary key, ids int[][] default '{{1,2}}');\n"
        "create index sessions_ids on {{ .Schema }}.sessions (ids);\n"
        "update settings set matrix = '{{1,2},{3,4}}';\n"
    )
    assert findings({TEMPLATED: sql}) == []


def test_a_near_miss_text_that_is_not_sql_stays_unchecked() -> None:
    assert findings({TEMPLATED: "{{ if .Postgres }}\nalter tabel {{ .Schema }}.accounts;\n{{ end }}\n"}) == [
        (UNCHECKED, 1)
    ]


# -- C: a database named by a word of the file's name (openfire_mysql.sql) ----------------------------------------


def test_c_a_file_named_for_mysql_by_a_word_of_its_name_is_unchecked() -> None:
    sql = "ALTER TABLE ofMucRoom ADD COLUMN retireOnDeletion TINYINT NOT NULL DEFAULT 0;\n"
    assert findings({"database/upgrade/36/openfire_mysql.sql": sql}) == [(UNCHECKED, 1)]
    assert findings({"database/upgrade/36/upgrade-sqlite.sql": sql}) == [(UNCHECKED, 1)]


def test_c_near_miss_postgres_names_and_pg_words_stay_checked() -> None:
    sql = "ALTER TABLE ofMucRoom ADD COLUMN retireOnDeletion INTEGER NOT NULL DEFAULT 0;\n"
    assert findings({"database/upgrade/36/openfire_postgresql.sql": sql}) == [(UNLOCKED, 1)]
    assert findings({"migrations/0042_add_pg_trgm.sql": sql}) == [(UNLOCKED, 1)]
    assert findings({"migrations/0043_mysql_to_postgres.sql": sql}) == [(UNLOCKED, 1)]


# -- E: a value that says what goes there, run together (PASSWORDGOESHERE) --------------------------------------

CREDENTIAL = "preflight.hardcoded_credential"


def test_e_a_run_together_goes_here_placeholder_is_not_a_credential() -> None:
    script = "mysqladmin_password=PASSWORDGOESHERE\nmysql -u admin -p${mysqladmin_password} db -e 'select 1'\n"
    assert CREDENTIAL not in [code for code, _ in findings({"db/upgrade.sh": script})]
    assert CREDENTIAL not in [code for code, _ in findings({"db/upgrade.sh": "db_password=token-goes-here\n"})]


def test_e_near_miss_a_real_password_that_ends_in_goes_there_is_still_reported() -> None:
    script = "db_password=Kx9vGoesThere\n"
    assert (CREDENTIAL, 1) in findings({"db/upgrade.sh": script})


# -- B: SQL handed to psql inline (psql -c "ALTER TABLE …") is read as the statement it is ------------------------

NOT_CONCURRENT = "preflight.index_not_concurrent"
WRAPPER = "scripts/migrate-db.sh"


def test_b_inline_ddl_given_to_psql_is_checked_at_its_line() -> None:
    script = (
        "#!/bin/sh\n\n"
        'psql app -c "ALTER TABLE users DROP COLUMN legacy_id"\n'
        "docker exec db psql -U app -c 'CREATE INDEX users_email ON users (email)'\n"
        'psql app --command="ALTER TABLE users ALTER COLUMN id TYPE bigint"\n'
    )
    assert findings({WRAPPER: script}) == [(NOT_CONCURRENT, 4), (REWRITES, 5), (UNLOCKED, 3), (UNLOCKED, 5)]


def test_b_near_miss_row_changes_run_time_sql_mysql_and_bounded_runs_stay_quiet() -> None:
    script = (
        "#!/bin/sh\n"
        'psql app -c "UPDATE channels SET subscribed = false"\n'
        'psql app -c "$MIGRATION_SQL"\n'
        "mysql app -e 'ALTER TABLE users DROP COLUMN legacy_id'\n"
        "psql app -c \"SET lock_timeout = '5s'; ALTER TABLE users ADD COLUMN note text\"\n"
        'psql app -c "CREATE INDEX CONCURRENTLY users_email ON users (email)"\n'
    )
    # mysql -e is MySQL's: not judged by PostgreSQL's lock rules, said unchecked once (session 31)
    assert findings({WRAPPER: script}) == [("preflight.migration_unchecked", 4)]
    locked = '#!/bin/sh\nexec 9>"$HOME/.app.lock"\nflock 9\npsql app -c "ALTER TABLE users DROP COLUMN legacy_id"\n'
    assert findings({WRAPPER: locked}) == []
    first_init = '#!/bin/sh\npsql -c "ALTER TABLE users ADD COLUMN note text"\n'
    assert findings({"docker-entrypoint-initdb.d/10-schema.sh": first_init}) == []
