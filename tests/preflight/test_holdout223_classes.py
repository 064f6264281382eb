"""Classes the 223rd hold-out set showed (tests/preflight/holdout223: configuration files shipped by self-hosted
products), each as its minimal construct next to near-misses."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
DEFAULT = "preflight.default_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: ``token`` as the whole value of a key that signs is the key ----------------------------------------------------


def test_a_token_word_under_a_signing_secret_is_reported() -> None:
    env = _text(
        "PORT=3300",  # 1
        "JWT_TOKEN_SECRET=token",  # 2
        "SESSION_SECRET=token",  # 3
    )
    assert codes_at({".env.sample": env}, CREDENTIAL) == [2, 3]


def test_a_token_word_under_an_issued_token_stays_a_fill_in() -> None:
    env = _text(
        "GITHUB_TOKEN=token",  # 1: a token someone else issues: the word says one goes here
        "API_TOKEN=token",  # 2
        "JWT_TOKEN_SECRET=null",  # 3: no value
    )
    assert codes_at({".env.sample": env}, CREDENTIAL) == []


# -- B: a URL default carrying a password is a default credential, whatever the variable's name ------------------------


def test_b_url_default_with_password_is_a_default_credential() -> None:
    compose = _text(
        "services:",  # 1
        "  app:",  # 2
        "    image: app:1.0",  # 3
        "    environment:",  # 4
        "      TEST_DB_DSN: ${TEST_DB_DSN:-mysql://app:app@db/app}",  # 5
    )
    files = {"docker-compose.yaml": compose}
    assert codes_at(files, DEFAULT) == [5]
    assert codes_at(files, CREDENTIAL) == []


def test_b_url_default_without_password_or_with_a_fill_in_is_quiet() -> None:
    compose = _text(
        "services:",  # 1
        "  app:",  # 2
        "    image: app:1.0",  # 3
        "    environment:",  # 4
        "      DB_DSN: ${DB_DSN:-mysql://db/app}",  # 5: no login
        "      CACHE_URL: ${CACHE_URL:-redis://cache:6379}",  # 6
        "      MQ_URL: ${MQ_URL:-amqp://user:${MQ_PASSWORD}@mq/}",  # 7: a reference
    )
    files = {"docker-compose.yaml": compose}
    assert codes_at(files, DEFAULT) == []
    assert codes_at(files, CREDENTIAL) == []


def test_b_a_url_literal_outside_a_default_stays_hard_coded() -> None:
    compose = _text(
        "services:",  # 1
        "  app:",  # 2
        "    image: app:1.0",  # 3
        "    environment:",  # 4
        "      DB_DSN: mysql://app:Tr0ub4dor@db/app",  # 5
    )
    assert codes_at({"docker-compose.yaml": compose}, CREDENTIAL) == [5]


# -- C: a commented connection string whose password is joined words is an example -----------------------------------


def test_c_commented_dsn_with_joined_word_password_is_quiet() -> None:
    env = _text(
        "# Choose one of the stores below",  # 1
        "# postgresql+advisory://db_user:db_password@localhost/db_name",  # 2
        "LOCK_DSN=semaphore",  # 3
    )
    assert codes_at({".env": env}, CREDENTIAL) == []


def test_c_commented_dsn_with_a_random_password_and_active_dsn_stay_reported() -> None:
    env = _text(
        "# postgresql://app:Zq7r_T2xvK9@db/app",  # 1: a real connection kept in a comment
        "DATABASE_URL=mysql://root:db_password@127.0.0.1/app",  # 2: active
    )
    assert codes_at({".env": env}, CREDENTIAL) == [1, 2]
