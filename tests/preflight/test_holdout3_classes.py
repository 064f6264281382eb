"""Classes of mistakes the third hold-out set found (tests/preflight/holdout3: non-shell package files), each as
its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

import pytest
from preflight_kit import findings

from shipgate.preflight.sql import parse_sql


def codes(files: dict[str, str | bytes], prefix: str = "preflight.") -> list[tuple[str, int | None]]:
    return [(c, n) for c, n in findings(files) if c.startswith(prefix)]


# -- a migration's folder names its database --------------------------------------------------------------

ADD_COLUMN = "alter table device\n    add column f_cnt_up bigint not null default 0;\n"
INDEX = "-- tag lookups\nCREATE INDEX idx_queue_tag ON queue (tag);\n"


@pytest.mark.parametrize(
    "path",
    [
        "chirpstack/migrations_sqlite/2025-10-03_f_cnt_up/up.sql",
        "atuin-server-sqlite/migrations/20230810_users.sql",
        "database/sqlite3/migrations/55_f_cnt_up.up.sql",
        "schema/mysql/v8/versioned/v1.20/f_cnt_up.sql",
    ],
)
def test_a_dialect_folder_makes_valid_postgresql_unchecked(path: str) -> None:
    # PostgreSQL's parser reads the statement, but the database is another one: its lock rules do not apply
    assert codes({path: ADD_COLUMN}, "preflight.migration") == [("preflight.migration_unchecked", 1)]
    assert codes({path: INDEX}, "preflight.") == [("preflight.migration_unchecked", 2)]


@pytest.mark.parametrize(
    "path",
    [
        "chirpstack/migrations_postgres/2025-10-03_f_cnt_up/up.sql",
        "migrations/postgresql/2025-10-03_f_cnt_up/up.sql",
        "migrations/2025-10-03_f_cnt_up/up.sql",
        "tools/mysql_to_postgres/2025-10-03_f_cnt_up.sql",  # two dialects: the folder says nothing
    ],
)
def test_a_postgresql_or_silent_folder_is_checked(path: str) -> None:
    assert codes({path: ADD_COLUMN}, "preflight.migration") == [("preflight.migration_unlocked", 1)]
    assert codes({path: INDEX}) == [("preflight.index_not_concurrent", 2)]


def test_a_nothing_engine_bound_in_another_database_is_not_reported() -> None:
    # ANALYZE, CREATE TABLE, INSERT take no lock worth checking: nothing is lost by not checking them as PostgreSQL
    quiet = "ANALYZE pets;\nCREATE TABLE notes (id int);\nINSERT INTO notes VALUES (1);\n"
    assert codes({"database/sqlite3/migrations/66_analyze.up.sql": quiet}, "preflight.migration") == []
    assert codes({"delta/66_analyze.sql.sqlite": quiet}, "preflight.migration") == []
    # a statement PostgreSQL's parser refuses is still reported, whatever the folder
    refused = "CREATE TABLE pets (id INTEGER PRIMARY KEY AUTOINCREMENT);\n"
    assert codes({"database/sqlite3/migrations/55_pets.up.sql": refused}) == [("preflight.migration_unchecked", 1)]


def test_a_refused_mysql_statement_gets_no_postgresql_rules() -> None:
    # an index build the PostgreSQL parser refused (MySQL syntax) is unchecked, not "without CONCURRENTLY"
    mysql = "CREATE INDEX `idx_tag` ON `queue` (`tag`);\n"
    assert codes({"migrations/0042_tag.sql": mysql}) == [("preflight.migration_unchecked", 1)]
    assert parse_sql(mysql, path="migrations/0042_tag.sql").dialect == "mysql"


# -- the down half of a single-file up/down migration is not the upgrade -------------------------------------

GOOSE = """-- +goose Up
ALTER TABLE tuple ADD COLUMN condition_name TEXT;

-- +goose Down
ALTER TABLE tuple DROP COLUMN condition_name;
DROP INDEX idx_user_lookup;
"""


@pytest.mark.parametrize(
    ("up", "down"),
    [("-- +goose Up", "-- +goose Down"), ("-- +migrate Up", "-- +migrate Down"), ("-- migrate:up", "-- migrate:down")],
)
def test_b_down_section_is_not_run_by_the_upgrade(up: str, down: str) -> None:
    text = GOOSE.replace("-- +goose Up", up).replace("-- +goose Down", down)
    assert codes({"migrations/005_conditions.sql": text}) == [("preflight.migration_unlocked", 2)]


def test_b_up_after_down_is_read_again() -> None:
    # down, then up again: the second up half runs (and a marker-like word in a statement is not a marker)
    text = (
        "-- +goose Down\nDROP INDEX a;\n-- +goose Up\nCREATE INDEX b ON tuple (store);\n"
        "COMMENT ON TABLE tuple IS '-- +goose Down';\nALTER TABLE tuple ADD COLUMN c int;\n"
    )
    assert codes({"migrations/006_index.sql": text}) == [
        ("preflight.index_not_concurrent", 4),
        ("preflight.migration_unlocked", 6),
    ]
    # without markers every statement is the upgrade's
    plain = "ALTER TABLE tuple DROP COLUMN condition_name;\nDROP INDEX idx_user_lookup;\n"
    assert codes({"migrations/007_drop.sql": plain}) == [
        ("preflight.index_not_concurrent", 2),
        ("preflight.migration_unlocked", 1),
    ]


# -- PW is a password name ------------------------------------------------------------------------------------

CRED = "preflight.hardcoded_credential"


@pytest.mark.parametrize(
    ("path", "text", "line"),
    [
        ("etc/dex/config.yaml", "ldap:\n  bindDN: cn=admin,dc=example,dc=org\n  bindPW: admin\n", 3),
        ("etc/dten.env", "ROOT_PW=hunter22\n", 1),
        ("etc/dten.ini", "[ldap]\nadminPw = hunter22\n", 2),
        ("scripts/upgrade.sh", "#!/bin/sh\nset -e\nLDAP_PW='s3cret!'\nexport LDAP_PW\n", 3),
        ("lib/systemd/system/dten.service", "[Service]\nEnvironment=LDAP_BIND_PW=hunter22\nExecStart=/bin/dten\n", 2),
    ],
)
def test_c_pw_names_hold_passwords(path: str, text: str, line: int) -> None:
    assert codes({path: text}, CRED) == [(CRED, line)]


@pytest.mark.parametrize(
    "text",
    [
        "bindDN: cn=admin,dc=example,dc=org\n",  # a DN, not a password
        "UPWARD=enabled\nnpw=12\nhostPWR=eastwing\n",  # pw inside a word
        "ROOT_PW_FILE=/etc/dten/pw\nbindPW=\nadminPw: ${LDAP_PW}\n",  # a path, empty, a reference
    ],
)
def test_c_pw_near_misses_stay_quiet(text: str) -> None:
    assert codes({"etc/dten/config.yaml": text}, CRED) == []


# -- a URL whose userinfo names its own fields is a template -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "_APP_SMS_PROVIDER=sms://username:password@mock\n",
        "BROKER_URL=amqp://USERNAME:PASSWORD@rabbitmq:5672/\n",
        "dsn: postgres://login:secret@db/app\n",
    ],
)
def test_d_field_name_userinfo_is_a_template(text: str) -> None:
    assert codes({"etc/dten.env": text}, CRED) == []


@pytest.mark.parametrize(
    "text",
    [
        "_APP_CONNECTIONS_DB=db_main=mariadb://user:password@mariadb:3306/appwrite\n",  # a real user named "user"
        "BROKER_URL=amqp://username:hunter22@rabbitmq:5672/\n",  # a real password
        "A=amqp://username:password@mq/ B=postgres://dten:hunter22@db/dten\n",  # the second URL is real
    ],
)
def test_d_real_userinfo_is_still_a_credential(text: str) -> None:
    assert codes({"etc/dten.env": text}, CRED) == [(CRED, 1)]


@pytest.mark.parametrize(
    "path",
    [
        "migrations/postgresql/2019-09-12-100000_create_tables/down.sql",
        "migrations/000058_channelmembers.down.sql",
        "persistence/sql/migrations/sql/20191100000008_identities.postgres.down.sql",
        "db/migration/U42__drop_notes.sql",
    ],
)
def test_b_down_files_are_not_run_by_the_upgrade(path: str) -> None:
    drop = "ALTER TABLE users DROP COLUMN note;\nDROP INDEX idx_users_note;\n"
    assert codes({path: drop}, "preflight.migration") + codes({path: drop}, "preflight.index") == []


def test_b_a_down_file_the_upgrade_runs_is_checked() -> None:
    drop = "ALTER TABLE users DROP COLUMN note;\n"
    expected = [("preflight.migration_unlocked", 1)]
    # an up file, a name that only ends in "down", and a down file a script of the package runs
    assert codes({"migrations/2019_notes/up.sql": drop}, "preflight.migration") == expected
    assert codes({"migrations/0042_touchdown.sql": drop}, "preflight.migration") == expected
    assert codes({"db/migration/V42__drop_notes.sql": drop}, "preflight.migration") == expected
    files: dict[str, str | bytes] = {
        "migrations/0042_notes.down.sql": drop,
        "scripts/rollback.sh": "#!/bin/sh\nset -e\npsql -f migrations/0042_notes.down.sql\n",
    }
    assert ("preflight.migration_unlocked", 1) in codes(files, "preflight.migration")


# -- a compose service that migrates when it starts ----------------------------------------------------------

HIDDEN = "preflight.hidden_migration"
COMPOSE = """services:
  db:
    image: postgres:16
  app:
    image: dten/app:7.4
    command: {command}
    environment:
      - RUN=python manage.py migrate
"""


@pytest.mark.parametrize(
    "command",
    [
        '[sh, -c, "yes | ./listmonk --install --config config.toml && ./listmonk --config config.toml"]',
        'sh -c "python manage.py migrate && gunicorn dten.wsgi"',
        '["alembic", "upgrade", "head"]',
    ],
)
def test_e_compose_commands_are_read_for_migrations(command: str) -> None:
    assert codes({"docker-compose.yml": COMPOSE.format(command=command)}, HIDDEN) == [(HIDDEN, 6)]


def test_e_compose_command_through_a_merge_key() -> None:
    text = (
        "x-app: &app\n  image: dten/app:7.4\n  command: ./listmonk --upgrade --yes\n"
        "services:\n  app:\n    <<: *app\n  worker:\n    <<: *app\n    command: ./listmonk --config c.toml\n"
    )
    assert codes({"compose.yaml": text}, HIDDEN) == [(HIDDEN, 3)]


@pytest.mark.parametrize(
    ("path", "command"),
    [
        ("docker-compose.yml", '["./listmonk", "--config", "config.toml"]'),  # starts the app, no migration
        ("docker-compose.yml", '"chown -R www-data /etc/dten && exec gunicorn dten.wsgi"'),  # a container's own /etc
        ("deploy/app.yaml", 'sh -c "python manage.py migrate"'),  # not a compose file
    ],
)
def test_e_compose_near_misses_stay_quiet(path: str, command: str) -> None:
    text = COMPOSE.format(command=command)
    if not path.endswith("docker-compose.yml"):  # under another name, services that all name an image are compose
        text = text.replace("services:", "jobs:", 1)  # (holdout36's Frappe pwd.yml): this one is not compose-shaped
    assert codes({path: text}) == []


def test_e_migration_flags_of_vendor_clis() -> None:
    assert codes({"scripts/upgrade.sh": "#!/bin/sh\nset -e\nminiflux -migrate\n"}, HIDDEN) == [(HIDDEN, 3)]
    assert codes({"scripts/upgrade.sh": "#!/bin/sh\nset -e\nminiflux -version\n"}, HIDDEN) == []
