"""Classes the 236th hold-out set showed (tests/preflight/holdout236: configuration files shipped by self-hosted
products), each as its minimal construct next to near-misses."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
DEFAULT = "preflight.default_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a YAML anchor after a secret-sounding key is the anchor's name, not a value -----------------------------------


def test_a_anchor_opening_a_credentials_block_is_no_value() -> None:
    compose = _text(
        "x-database-credentials: &database-credentials",  # 1: the anchor names the mapping below
        "  DATABASE_USER: ${DATABASE_USER:-postgres}",  # 2
        "  DATABASE_PASSWORD: ${DATABASE_PASSWORD:-password}",  # 3: the fallback is the finding
        "x-api-secrets: &api_secrets",  # 4
        "  API_KEY: ${API_KEY}",  # 5
        "services:",  # 6
        "  app:",  # 7
        "    image: app:1.0",  # 8
        "    environment:",  # 9
        "      <<: *database-credentials",  # 10
    )
    files = {"docker-compose.yaml": compose}
    assert codes_at(files, CREDENTIAL) == []
    assert codes_at(files, DEFAULT) == [3]


def test_a_alias_as_a_password_value_is_no_value() -> None:
    settings = _text(
        "defaults:",  # 1
        "  db_password: &db_password ${DB_PASSWORD}",  # 2: an anchored reference
        "replica:",  # 3
        "  password: *db_password",  # 4: the alias reuses it
    )
    assert codes_at({"config.yml": settings}, CREDENTIAL) == []


def test_a_ampersand_words_that_are_values_stay_reported() -> None:
    settings = _text(
        "database:",  # 1
        "  password: '&Zq7rT2xv'",  # 2: quoted: a string that starts with ``&``
    )
    assert codes_at({"config.yml": settings}, CREDENTIAL) == [2]
    env = _text("DB_PASSWORD=&Zq7rT2xv")  # an env file's value: no YAML there
    assert codes_at({".env": env}, CREDENTIAL) == [1]


# -- C: Doctrine's recipe DSN, every field prefixed ``db_``, is a template ---------------------------------------------


def test_c_recipe_dsn_with_prefixed_fields_is_quiet() -> None:
    env = _text(
        "APP_ENV=dev",  # 1
        "DATABASE_URL=mysql://db_user:db_password@127.0.0.1:3306/db_name",  # 2
        "OTHER_DATABASE_URL=postgresql://dbuser:dbpass@localhost:5432/dbname",  # 3
    )
    assert codes_at({".env": env}, CREDENTIAL) == []


def test_c_dsn_with_a_real_part_stays_reported() -> None:
    env = _text(
        "DATABASE_URL=mysql://db_user:db_password@127.0.0.1:3306/uvdesk",  # 1: the database is named
        "SECOND_URL=mysql://uvdesk:db_password@127.0.0.1:3306/db_name",  # 2: the user is named
        "THIRD_URL=mysql://db_user:Zq7rT2xvK9@127.0.0.1:3306/db_name",  # 3: a real password
    )
    assert codes_at({".env": env}, CREDENTIAL) == [1, 2, 3]
