"""Classes of the small categories the hold-out guard scored below 90 % (destructive_delete, authentication_disabled,
migration_unchecked, secret_printed, tls_verification_disabled), each as its minimal construct next to a near-miss
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

UNCHECKED = "preflight.migration_unchecked"
PRINTED = "preflight.secret_printed"

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


# -- B: the positional parameters an option loop takes a secret from, printed whole ------------------------------------

_LOOP = (
    "parse() {",
    '  echo "got $# arguments: $@" >&2',
    "  while [ $# -gt 0 ]; do",
    "    echo \"arg: '$1'\" >&2",
    "    case $1 in",
    '      --api-key=*) API_KEY="${1#*=}"; shift ;;',
    '      --url=*) URL="${1#*=}"; shift ;;',
    '      *) echo "Unknown option: $1"; exit 1 ;;',
    "    esac",
    "  done",
    "}",
    'parse "$@"',
)


def test_b_printing_the_arguments_that_carry_a_key_prints_the_key() -> None:
    # alokdeka's install-agent.sh: $@ and the --api-key=KEY form whole in $1, printed to the install log
    assert in_script(PRINTED, *_LOOP) == [4, 6]


def test_b_a_key_taken_from_the_next_argument_is_not_in_the_printed_option() -> None:
    equals_form, next_form = '--api-key=*) API_KEY="${1#*=}"; shift', '--api-key) API_KEY="$2"; shift 2'
    lines = [line.replace(equals_form, next_form) for line in _LOOP]
    assert in_script(PRINTED, *lines) == [4]  # $@ still holds it; '$1' is the option's name


def test_b_arguments_with_no_secret_and_another_functions_arguments_stay_quiet() -> None:
    no_secret = [line.replace("API_KEY", "NAME") for line in _LOOP]
    assert in_script(PRINTED, *no_secret) == []
    other = ["show() {", '  echo "show: $@"', "}", *_LOOP[:1], *_LOOP[2:3], *_LOOP[4:], 'show "$@"']
    assert in_script(PRINTED, *other) == []


# -- C: deleting one extension the product ships switches it off; no data is lost ------------------------------------

DELETE = "preflight.destructive_delete"


def test_c_one_extension_of_the_product_is_program_code() -> None:
    # hivemq's entrypoint: the allow-all extension removed so that clients must authenticate
    assert in_script(DELETE, "rm -rf /opt/hivemq/extensions/hivemq-allow-all-extension") == []
    assert in_script(DELETE, "rm -rf /opt/app/plugins/legacy-auth/") == []


def test_c_the_folder_of_all_extensions_and_data_are_still_data() -> None:
    assert in_script(DELETE, "rm -rf /opt/hivemq/extensions") == [3]
    assert in_script(DELETE, "rm -rf /opt/hivemq/data/extensions/x") == [3]
    assert in_script(DELETE, "rm -rf /var/lib/app/data/plugins/x") == [3]
