"""Classes the hundred-and-forty-sixth hold-out set showed (tests/preflight/holdout146: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: a Quarkus ``%dev.``/``%test.`` profile key is in effect only in development mode or the test run -----------


def test_b_dev_and_test_profile_secrets_are_not_deployed() -> None:
    text = _text(
        "quarkus.http.port=8082",
        "%dev.quarkus.http.auth.session.encryption-key=123456789012345678901234567890",
        "%test.app.smtp.password=pass",
    )
    assert codes_at({"src/main/resources/application.properties": text}, CREDENTIAL) == []


def test_b_prod_and_unprefixed_secrets_stay_credentials() -> None:
    text = _text(
        "%prod.quarkus.datasource.password=s3cret9",
        "quarkus.datasource.password=s3cret9",
        "%staging.quarkus.datasource.password=s3cret9",
    )
    assert codes_at({"src/main/resources/application.properties": text}, CREDENTIAL) == [1, 2, 3]


# -- C: ``changethis`` is the instruction ``change-this`` run together; ``changeme`` stays a password -------------


def test_c_changethis_is_an_instruction() -> None:
    text = _text("POSTGRES_USER=app", "POSTGRES_PASSWORD=changethis", "APP_SECRET_KEY_BASE=changethis")
    assert codes_at({".env.template": text}, CREDENTIAL) == []


def test_c_changeme_stays_a_password() -> None:
    text = _text("POSTGRES_USER=app", "POSTGRES_PASSWORD=changeme", "APP_SECRET_KEY_BASE=changeme")
    assert codes_at({".env.template": text}, CREDENTIAL) == [2, 3]


# -- D: a CamelCase ``Your…`` field and a run-together ``put … here`` instruction are placeholders ----------------


def test_d_your_camelcase_and_put_here_are_placeholders() -> None:
    text = _text(
        "MATTERMOST_PASSWORD=YourMattermostPassword",
        "MATTERMOST_TOKEN=YourMattermostToken",
        "MYSQL_ROOT_PASSWORD=putsomethinginherethatyouwouldlikeasthepassword",
    )
    assert codes_at({".env": text}, CREDENTIAL) == []


def test_d_words_that_only_begin_so_stay_passwords() -> None:
    text = _text("MATTERMOST_PASSWORD=Yours1234", "MYSQL_PASSWORD=putty-lane-9", "DB_PASSWORD=YOURSHOP2022")
    assert codes_at({".env": text}, CREDENTIAL) == [1, 2, 3]
