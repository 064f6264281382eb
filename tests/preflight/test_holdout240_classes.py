"""Hold-out set 240 (tests/preflight/holdout240/README.md): class A, a password given to a long option written with
one dash and joined by ``=`` (chess-club-api's ``flyway … -password=flyway_ps``), with near misses that stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def _script(*lines: str) -> dict[str, str]:
    return {"scripts/flyway-migrate.sh": "#!/bin/bash\n" + "\n".join(lines) + "\n"}


# -- A: ``-password=X``, ``-db-password=X``: the one-dash spelling of a secret option ---------------------------------


def test_a_flyway_single_dash_password_is_a_credential() -> None:
    files = _script(
        "flyway -user=flyway -password=flyway_ps -url=jdbc:postgresql://127.0.0.1:5432/app"
        " -locations=filesystem:./migrations migrate",  # 2
    )
    assert codes_at(files, CREDENTIAL) == [2]


def test_a_single_dash_secret_named_option_is_a_credential() -> None:
    files = _script("./server -listen=:8080 -admin-password=s3cr3tpw")  # 2
    assert codes_at(files, CREDENTIAL) == [2]


def test_a_single_dash_password_from_a_variable_is_quiet() -> None:
    files = _script('flyway -user=flyway -password="$FLYWAY_PASSWORD" -url="$DB_URL" migrate')
    assert codes_at(files, CREDENTIAL) == []


def test_a_single_dash_option_with_a_separate_value_is_not_read_as_one() -> None:
    # ``-pass`` followed by a word: a short-option group or a tool's own grammar (openssl's ``-pass pass:x`` is read
    # by tool_passwords), not the joined long form
    files = _script("mytool -pass flyway_ps -token abcdef123456")
    assert codes_at(files, CREDENTIAL) == []


def test_a_single_dash_switch_about_a_password_is_quiet() -> None:
    files = _script("./server -no-password=true -ask-password=yes -password-file=/run/secrets/db")
    assert codes_at(files, CREDENTIAL) == []


def test_a_single_dash_user_option_is_quiet() -> None:
    files = _script("flyway -user=flyway -schemas=public -baselineOnMigrate=true migrate")
    assert codes_at(files, CREDENTIAL) == []
