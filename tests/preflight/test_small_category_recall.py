"""Classes of the small categories the hold-out guard scored below 90 % (destructive_delete, authentication_disabled,
migration_unchecked, secret_printed, tls_verification_disabled), each as its minimal construct next to a near-miss
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNCHECKED = "preflight.migration_unchecked"

# -- A: a migration in another database's SQL is reported once, at its first statement ---------------------------------

_MYSQL_PROCEDURE = (
    "\n"
    "drop procedure if exists add_col;\n"
    "delimiter d//\n"
    "create procedure add_col()\n"
    "begin\n"
    "    alter table t_ds_task add `cpu_quota` int(11) default '-1';\n"
    "end;\n"
    "d//\n"
    "delimiter ;\n"
    "call add_col();\n"
)


def test_a_mysql_file_is_unchecked_at_its_first_statement() -> None:
    # dolphinscheduler's 3.1.1 MySQL DDL: the DROP PROCEDURE before the DELIMITER is the file's first statement
    assert codes_at({"sql/upgrade/3.1.1/mysql/ddl.sql": _MYSQL_PROCEDURE}, UNCHECKED) == [2]


def test_a_mysql_file_starting_with_an_alter_is_unchecked_there() -> None:
    text = "ALTER TABLE `users` ADD COLUMN `nick` varchar(32) NOT NULL DEFAULT '';\nSELECT 1;\n"
    assert codes_at({"db/migrations/002_nick.sql": text}, UNCHECKED) == [1]


def test_a_postgresql_file_is_not_unchecked() -> None:
    text = "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nick text;\n"
    assert codes_at({"db/migrations/002_nick.sql": text}, UNCHECKED) == []
