"""Classes the hundred-and-sixty-seventh hold-out set showed (tests/preflight/holdout167: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a ``$`` inside a Spring setting's value is a character, not a reference ----------------------------------------


def test_a_dollar_inside_a_spring_token_secret_is_part_of_the_secret() -> None:
    text = _text("datart:", "  security:", "    token:", '      secret: "d@a$t%a^r&a*t"', "      timeout-min: 30")
    assert codes_at({"config/application-config.yml.example": text}, CREDENTIAL) == [4]


def test_a_dollar_inside_a_spring_password_is_part_of_the_password() -> None:
    text = _text("spring.datasource.username=shop", "spring.datasource.password=Sh0p$ecret!")
    assert codes_at({"src/main/resources/application-prod.properties": text}, CREDENTIAL) == [2]


def test_a_spring_placeholder_stays_a_reference() -> None:
    text = _text("spring:", "  datasource:", "    password: ${DB_PASSWORD}", "    username: ${DB_USER:shop}")
    assert codes_at({"src/main/resources/application.yml": text}, CREDENTIAL) == []


def test_a_spring_value_that_is_wholly_one_dollar_name_stays_a_reference() -> None:
    text = _text("app:", "  jwt:", "    secret: $JWT_SECRET")
    assert codes_at({"src/main/resources/application.yml": text}, CREDENTIAL) == []


def test_a_dollar_name_in_a_compose_file_stays_a_reference() -> None:
    text = _text("services:", "  app:", "    environment:", '      JWT_SECRET: "d@a$token%a^r&a*t"')
    assert codes_at({"docker-compose.yml": text}, CREDENTIAL) == []
