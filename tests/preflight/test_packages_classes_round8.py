"""Round eight of the whole packages (tests/preflight/packages/README.md, "Round eight"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at

PRINTED = "preflight.secret_printed"
DELETE = "preflight.destructive_delete"


def _connection_writer(sqlite_value: str) -> str:
    """A database helper that builds the connection per engine and echoes it (the PostgreSQL item masks it)."""
    return (
        "#!/bin/sh\n"  # 1
        "set -e\n"  # 2
        "write_conn () {\n"  # 3
        '\tcase "$dbc_dbtype" in\n'  # 4
        "\tpgsql)\n"  # 5
        '\t\tCONN="postgresql://$dbc_dbuser:$dbc_dbpass@localhost/$dbc_dbname"\n'  # 6
        '\t\techo "writing db credentials: postgresql://$dbc_dbuser:XXXXXX@localhost/$dbc_dbname"\n'  # 7
        "\t\t;;\n"  # 8
        "\t*)\n"  # 9
        f"\t\tCONN={sqlite_value}\n"  # 10
        '\t\techo "writing db credentials: ${CONN} ..."\n'  # 11
        "\t\t;;\n"  # 12
        "\tesac\n"  # 13
        '\tini_set /etc/app/app.conf database connection "$CONN"\n'  # 14
        "}\n"  # 15
        "write_conn\n"  # 16
    )


def test_a_case_item_echoing_the_path_it_just_assigned_prints_no_secret() -> None:
    assert codes_at({"postinst": _connection_writer('"sqlite:///$dbc_basepath/$dbc_dbname"')}, PRINTED) == []


def test_a_value_that_may_hold_the_password_is_still_printed() -> None:
    # near miss: echoed after the case, the value may be either item's, one of them with the password
    body = _connection_writer('"sqlite:///$dbc_basepath/$dbc_dbname"').replace(
        '\tini_set /etc/app/app.conf database connection "$CONN"\n', '\techo "connection: $CONN"\n'
    )
    assert codes_at({"postinst": body}, PRINTED) == [14]
    # near miss: the item's own value carries a password (a URL with a user part)
    with_user = _connection_writer('"mysql://$dbc_dbuser:$dbc_dbpass@$dbc_dbserver/$dbc_dbname"')
    assert codes_at({"postinst": with_user}, PRINTED) == [11]
    # near miss: a call between the assignment and the echo may assign the variable again
    called = _connection_writer('"sqlite:///$dbc_basepath/$dbc_dbname"\n\t\tload_conn').replace(
        "write_conn () {\n", 'load_conn () {\n\tCONN="mysql://u:$dbc_dbpass@h/d"\n}\nwrite_conn () {\n'
    )
    assert codes_at({"postinst": called}, PRINTED) != []


def _library_config(runner: str) -> str:
    """A debconf ``config`` that inlines a library: a purge helper it never calls, a helper that runs a command
    built with a misplaced quote, and one that runs its own arguments."""
    return (
        "#!/bin/sh\n"  # 1
        "set -e\n"  # 2
        "lib_purge () {\n"  # 3
        "\trm -rf /var/lib/${1} /var/log/${1}\n"  # 4
        "}\n"  # 5
        "lib_inifile () {\n"  # 6
        f"\t{runner}\n"  # 7
        "}\n"  # 8
        "lib_get_id () {\n"  # 9
        '\tTOKEN=${AUTH} "$@" | awk \'/ id / { print $4 }\'\n'  # 10
        "}\n"  # 11
        ". /usr/share/debconf/confmodule\n"  # 12
        "lib_inifile /etc/app/app.conf\n"  # 13
        "db_input high app/configure_db || true\n"  # 14
    )


def test_a_library_function_never_called_is_not_a_step() -> None:
    config = _library_config('lib_safesed" ${N} s|.*|${KEY}: ${VALUE}|" ${FILE}')
    assert codes_at({"config": config}, DELETE) == []


def test_a_command_word_chosen_at_run_time_keeps_every_function_live() -> None:
    # near miss: a top-level command word read from a variable may be the purge helper
    assert codes_at({"config": _library_config("true") + '"$ACTION" "$@"\n'}, DELETE) == [4]
    # near miss: a word built from a variable with no blank before it may name any function
    assert codes_at({"config": _library_config('lib_${MODE} "$1"')}, DELETE) == [4]


DEFAULT = "preflight.default_credential"


def _settings(*extra: str) -> str:
    return "\n".join(("import os", "", "env = os.environ.get", "", *extra)) + "\n"


def test_a_python_environment_fallback_of_a_secret_is_a_default_credential() -> None:
    settings = _settings('SECRET_KEY = env("SECRET_KEY", "secret-key")', 'DEBUG = env("DEBUG") == "True"')
    assert codes_at({"app/settings/base.py": settings}, DEFAULT) == [5]
    connect = 'URL.create(host=os.getenv("DB_HOST", "localhost"), password=os.getenv("DB_PASSWORD", "zoudbpw"))'
    assert codes_at({"app/cli.py": _settings(connect)}, DEFAULT) == [5]


def test_fallbacks_that_share_no_secret_are_not_reported() -> None:
    # near miss: a literal the module refuses (compares the setting with), an empty default, a name no secret has
    refused = _settings(
        'SECRET_KEY = os.getenv("SECRET_KEY", "mysecretkey")',
        'if SECRET_KEY == "mysecretkey":',
        '    raise RuntimeError("set SECRET_KEY")',
        'MAIL_PASSWORD = os.getenv("MAIL_PASSWORD", "")',
        'ALLOWED_HOSTS = env("ALLOWED_HOSTS", "*").split(",")',
        'TOKEN_BUDGET = int(os.getenv("LLM_TOKEN_BUDGET_MONTH", "0"))',
        'TOKEN_AUTH = os.getenv("API_TOKEN_REQUIRED", "false")',
    )
    assert codes_at({"app/config.py": refused}, DEFAULT) == []
    # near miss: the same fallback in the project's tests
    test_settings = _settings('SECRET_KEY = env("SECRET_KEY", "secret-key")')
    assert codes_at({"app/tests/settings.py": test_settings}, DEFAULT) == []
