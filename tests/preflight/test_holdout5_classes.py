"""Classes of mistakes the fifth hold-out set found (tests/preflight/holdout5: non-shell package files, second
round), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

import pytest
from preflight_kit import findings

MIGRATION = "migrations/0042_change/up.sql"


# -- A: a column added with REFERENCES or CHECK is validated at once ------------------------------------------


@pytest.mark.parametrize(
    "column",
    [
        "course_instance_id bigint REFERENCES course_instances ON DELETE CASCADE",
        "points int CHECK (points >= 0)",
    ],
)
def test_a_column_constraint_scans_the_table(column: str) -> None:
    sql = f"ALTER TABLE variants\nADD COLUMN IF NOT EXISTS {column};\n"
    assert findings({MIGRATION: sql}) == [
        ("preflight.migration_rewrites_table", 1),
        ("preflight.migration_unlocked", 1),
    ]


def test_a_plain_column_or_a_new_table_is_not_scanned() -> None:
    assert findings({MIGRATION: "ALTER TABLE variants ADD COLUMN note text;\n"}) == [
        ("preflight.migration_unlocked", 1)
    ]
    created = "CREATE TABLE variants (id bigint);\nALTER TABLE variants ADD COLUMN c bigint REFERENCES courses;\n"
    assert findings({MIGRATION: created}) == []


# -- B: SQL inside a dollar-quoted body that runs with the migration ------------------------------------------


def test_an_index_inside_execute_dollar_string_is_checked() -> None:
    sql = (
        "select execute($$\n\ninsert into migrations (id) values ('0020');\n\n"
        "create index transactions_document_id on transactions(document_id);\n\n"
        "$$) where not exists (select * from migrations where id = '0020');"
    )
    assert findings({MIGRATION: sql}) == [("preflight.index_not_concurrent", 5)]


def test_statements_of_a_do_block_are_checked_at_their_lines() -> None:
    sql = (
        "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'i') THEN\n"
        "    CREATE INDEX i ON tuples (object);\n  END IF;\n"
        "  EXECUTE 'ALTER TABLE tuples ADD COLUMN c int';\nEND\n$$;\n"
    )
    assert findings({MIGRATION: sql}) == [("preflight.index_not_concurrent", 4), ("preflight.migration_unlocked", 6)]


def test_a_bounded_do_block_or_a_string_no_runner_takes_is_quiet() -> None:
    bounded = "SET lock_timeout = '2s';\nDO $$\nBEGIN\n  EXECUTE 'ALTER TABLE t ADD COLUMN c int';\nEND\n$$;\n"
    assert findings({MIGRATION: bounded}) == []
    stored = "INSERT INTO notes (body) VALUES ($$create index i on t (c);$$);\n"
    assert findings({MIGRATION: stored}) == []
    # a statement held in a variable says nothing of what runs (one joined from literals is read since holdout13); since
    # holdout25 it is reported once as unchecked, never judged
    computed = "DO $$\nDECLARE stmt text := current_setting('app.ddl');\nBEGIN\n  EXECUTE stmt;\nEND\n$$;\n"
    assert findings({MIGRATION: computed}) == [("preflight.migration_unchecked", 4)]


# -- C: a URL in a comment that shows the format ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("config/config.inc.php", "// Format: db_provider://user:password@host/database\n"),
        ("lldap_config.toml", '##  - "postgres://postgres-user:password@postgres-server/my-database"\n'),
        ("app/.env.example", "# DATABASE_URL=mysql://app:pass@db/app\n"),
    ],
)
def test_a_format_example_in_a_comment_is_not_a_credential(path: str, line: str) -> None:
    assert findings({path: line}) == []


def test_a_real_password_in_a_comment_or_a_field_word_in_effect_is_reported() -> None:
    assert findings({"app/.env.example": "# DATABASE_URL=postgres://app:Zq7rT2xvK9@db/app\n"}) == [
        ("preflight.hardcoded_credential", 1)
    ]
    assert findings({"app/.env": "DATABASE_URL=mariadb://user:password@mariadb:3306/app\n"}) == [
        ("preflight.hardcoded_credential", 1)
    ]


# -- D: settings that hold a page shown to people --------------------------------------------------------------


def test_terms_and_privacy_links_are_not_contacted() -> None:
    env = (
        "VITE_APP_TOS_LINK=https://docs.vendor.io/support/terms\n"
        "PRIVACY_POLICY_URL=https://vendor.io/privacy\nHELP_LINKS=https://vendor.io/help\n"
    )
    assert findings({"app/.env.example": env}) == []


def test_a_host_setting_beside_them_is_still_contacted() -> None:
    env = "VITE_APP_TOS_LINK=https://docs.vendor.io/terms\nWEBHOOK_URL=https://hooks.vendor.io/x\n"
    assert findings({"app/.env.example": env}) == [("preflight.external_endpoint", 2)]


# -- E: encryption and signing keys, and settings written as subscripts ----------------------------------------


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("config/config.inc.php", "$config['des_key'] = 'rcmail-!24ByteDESkey*Str';\n"),
        ("app/.env", "ENCRYPTION_KEY=k8Jd93hfQz7Lw2Mx\n"),
        ("config/settings.yml", "signing_key: Hq8s0dK2lZp7Xw4Rt1\n"),
        ("config/config.php", "$CFG->dbpass = 'moodle1234';\n"),
    ],
)
def test_a_literal_key_or_password_is_reported(path: str, text: str) -> None:
    assert findings({path: text}) == [("preflight.hardcoded_credential", 1)]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("config/config.inc.php", "$config['des_key'] = '';\n"),
        ("app/.env", 'DATA_ENCRYPTION_KEY="data encryption key with 32 char"\n'),
        ("app/.env", "SORT_KEY=created_at_desc_then_id\n"),
        ("config/config.inc.php", "$config['des_key_file'] = '/etc/roundcube/des.key';\n"),
    ],
)
def test_an_empty_described_or_unrelated_key_is_quiet(path: str, text: str) -> None:
    assert findings({path: text}) == []


# -- F: a sudoers drop-in the package ships --------------------------------------------------------------------

SUDO = (
    "# Allows the API to use the product's commands\n\n"
    "pihole ALL=NOPASSWD: /usr/local/bin/pihole\n\n"
    "Defaults secure_path = /sbin:/bin:/usr/sbin:/usr/bin:/usr/local/bin\n"
)


@pytest.mark.parametrize("path", ["advanced/Templates/pihole.sudo", "etc/sudoers.d/pihole", "debian/app-sudoers"])
def test_a_shipped_sudoers_rule_is_persistence(path: str) -> None:
    assert findings({path: SUDO}) == [("preflight.persistence", 3)]


def test_defaults_alone_or_an_ini_file_is_not_sudoers() -> None:
    assert findings({"etc/sudoers.d/paths": "Defaults secure_path = /sbin:/bin:/usr/bin\n"}) == []
    ini = "[tools]\nbackup runner = /usr/bin/backup\n"
    assert findings({"config/tools.ini": ini}) == []
    assert findings({"build/paths.mk": "export PATH = /usr/local/bin\n"}) == []
    assert findings({"debian/ops-rules": "%ops ALL=(ALL:ALL) ALL\n"}) == [("preflight.persistence", 1)]


# -- G: SET lock_timeout = 0 switches the timeout off ----------------------------------------------------------


@pytest.mark.parametrize("setting", ["SET lock_timeout = 0;", "SET lock_timeout = '0';", "RESET lock_timeout;"])
def test_a_zero_or_reset_lock_timeout_bounds_nothing(setting: str) -> None:
    sql = f"{setting}\nALTER TABLE ONLY public.tenants ADD COLUMN note text;\n"
    assert findings({MIGRATION: sql}) == [("preflight.migration_unlocked", 2)]


def test_a_positive_lock_timeout_still_bounds_the_wait() -> None:
    sql = "SET lock_timeout = '2s';\nALTER TABLE ONLY public.tenants ADD COLUMN note text;\n"
    assert findings({MIGRATION: sql}) == []
